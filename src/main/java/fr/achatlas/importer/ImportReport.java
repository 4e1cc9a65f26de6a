package fr.achatlas.importer;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary of an import run over one or more files. {@code read = loaded + duplicates + rejected} for every file
 * and in total. Warnings are counted over the records read (a duplicate's warnings count too), rejections by the
 * FATAL rule(s) that rejected each record.
 */
public record ImportReport(long read, long loaded, long duplicates, long rejected, Map<String, Long> rejectedByRule,
                           Map<String, Long> warningsByRule, long millis, List<FileReport> files, List<SkippedFile> skipped) {

    /** A file found in a folder of the run that is not read as DECP, and why: none is passed over without a word. */
    public record SkippedFile(String file, String reason) {
    }

    /** The same run with each file named by its name only (see {@link FileReport#named()}). */
    public ImportReport named() {
        return new ImportReport(read, loaded, duplicates, rejected, rejectedByRule, warningsByRule, millis,
                files.stream().map(FileReport::named).toList(), skipped);
    }

    /** The same run, with the files of its folders that were not read. */
    public ImportReport withSkipped(List<ImportInputs.Skipped> files) {
        return new ImportReport(read, loaded, duplicates, rejected, rejectedByRule, warningsByRule, millis, this.files,
                files.stream().map(f -> new SkippedFile(f.file().toString(), f.reason())).toList());
    }

    public static ImportReport of(List<FileReport> files, long millis) {
        long read = 0, loaded = 0, dup = 0, rej = 0;
        Map<String, Long> rejectedByRule = new TreeMap<>();
        Map<String, Long> warningsByRule = new TreeMap<>();
        for (FileReport f : files) {
            read += f.read();
            loaded += f.loaded();
            dup += f.duplicates();
            rej += f.rejected();
            f.rejectedByRule().forEach((k, v) -> rejectedByRule.merge(k, v, Long::sum));
            f.warningsByRule().forEach((k, v) -> warningsByRule.merge(k, v, Long::sum));
        }
        return new ImportReport(read, loaded, dup, rej, rejectedByRule, warningsByRule, millis, List.copyOf(files), List.of());
    }

    public double recordsPerSecond() {
        return millis == 0 ? 0 : read * 1000.0 / millis;
    }
}
