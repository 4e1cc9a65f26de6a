package fr.achatlas.importer;

import fr.achatlas.dedup.DedupKey;
import fr.achatlas.model.Contract;
import fr.achatlas.model.Finding;
import fr.achatlas.model.ParsedRecord;
import fr.achatlas.model.Rule;
import fr.achatlas.model.Severity;
import fr.achatlas.parse.DecpChunkSource;
import fr.achatlas.parse.DecpReaders;
import fr.achatlas.store.BatchCounts;
import fr.achatlas.store.ContractBatchWriter;
import fr.achatlas.store.ContractChunk;
import fr.achatlas.store.Database;
import fr.achatlas.store.StagedRecord;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Imports DECP files: parse → check → key → stage → merge, one transaction per file.
 *
 * <p>One thread reads the file in chunks of records, a pool (one thread per core, {@code -Dachatlas.decp.threads})
 * parses, maps, checks, keys and renders them for the store, and the calling thread takes them in file order to
 * decide duplicates and write ({@link InOrder}).
 */
public final class DecpImporter {

    /** Threads that parse, check and render records; the reading thread and the writer come on top. */
    private static final int THREADS = Integer.getInteger("achatlas.decp.threads", Runtime.getRuntime().availableProcessors());

    private final Database db;
    private final Function<Contract, List<Finding>> checks;
    private final ProgressListener progress;
    private boolean splitJson = true;

    /** Receives the number of bytes read so far of the current file, and the start of each file. */
    public interface ProgressListener {
        ProgressListener NONE = new ProgressListener() {
        };

        default void fileStarted(Path file, long size) {
        }

        default void bytesRead(long bytesSoFar) {
        }
    }

    public DecpImporter(Database db, Function<Contract, List<Finding>> checks, ProgressListener progress) {
        this.db = db;
        this.checks = checks;
        this.progress = progress;
    }

    /** Whether JSON files are read in chunks on every core (the default) or by the streaming reader, for comparisons. */
    DecpImporter splitJson(boolean split) {
        this.splitJson = split;
        return this;
    }

    /** Imports the given files and the DECP files (*.json, *.xml) found under the given directories, in name order. */
    public ImportReport importAll(List<Path> paths) throws IOException, SQLException {
        long start = System.nanoTime();
        List<FileReport> reports = new ArrayList<>();
        for (Path file : expand(paths)) reports.add(importFile(file));
        return ImportReport.of(reports, (System.nanoTime() - start) / 1_000_000);
    }

    /** The DECP files (*.json, *.xml) under the given paths, in name order. */
    public static List<Path> expand(List<Path> paths) throws IOException {
        return inputs(paths).files();
    }

    /** As {@link #expand}, with the other files of the folders and why they are not read. */
    public static ImportInputs inputs(List<Path> paths) throws IOException {
        return ImportInputs.of(paths, DecpImporter::skipReason);
    }

    /** The files the generator writes beside its DECP files to describe the territory: not DECP. */
    private static final Set<String> TERRITORY_FILES = Set.of("territory.json", "suppliers.json", "generation-summary.json");

    /** Why a file of a folder is not read as DECP, or null when it is. */
    private static String skipReason(Path f) {
        String n = f.getFileName().toString().toLowerCase();
        if (TERRITORY_FILES.contains(n)) return "description du territoire ou de la génération, pas des DECP";
        return n.endsWith(".json") || n.endsWith(".xml") ? null : "pas un fichier DECP (.json ou .xml)";
    }

    /**
     * Imports one file in one transaction. A JSON file is first read on every core ({@link DecpReaders#openChunks});
     * if it departs from the plain shape that way of reading handles, the transaction is abandoned and the file read
     * again by the streaming reader, which reports syntax errors and odd layouts exactly.
     */
    public FileReport importFile(Path file) throws IOException, SQLException {
        if (!splitJson) return importFile(file, false);
        try {
            return importFile(file, true);
        } catch (InOrder.StageFailure e) {
            if (!(e.getCause() instanceof DecpChunkSource.IrregularJsonException)) throw e;
            if (System.getenv("ACHATLAS_TIMING") != null) System.err.println("[timing] " + e.getMessage());
            return importFile(file, false);
        }
    }

    private FileReport importFile(Path file, boolean split) throws IOException, SQLException {
        long t0 = System.nanoTime();
        CpuTiming cpu = CpuTiming.now();
        long size = Files.size(file);
        progress.fileStarted(file, size);
        Tally tally = new Tally();
        try (InputStream raw = Files.newInputStream(file);
             MeteredInputStream metered = new MeteredInputStream(raw);
             DecpChunkSource source = DecpReaders.openChunks(new BufferedInputStream(metered, 1 << 16), file.getFileName().toString(), split);
             ContractBatchWriter writer = ContractBatchWriter.begin(db, file.toAbsolutePath().toString(),
                     file.getFileName().toString(), size, formatName(source))) {
            ThreadLocal<ContractChunk.Builder> builders = ThreadLocal.withInitial(writer::newChunkBuilder);
            InOrder.run("decp", THREADS, () -> {
                DecpChunkSource.Chunk c = source.next();
                progress.bytesRead(metered.bytesRead());
                return c;
            }, chunk -> stage(chunk.parse(), builders.get()), staged -> {
                writer.add(staged.chunk());
                tally.add(staged.tally());
            });
            if (CpuTiming.enabled()) {
                System.err.printf("[timing] %-16s %6.2f s (%d threads; %s)%n", "read + stage", (System.nanoTime() - t0) / 1e9,
                        THREADS, cpu.since());
            }
            String sha = metered.finishSha256();
            progress.bytesRead(size);
            BatchCounts counts = writer.commit(sha, tally.warnings);
            return new FileReport(file.toString(), formatName(source), sha, counts.batchId(), counts.read(),
                    counts.loaded(), counts.duplicates(), counts.rejected(), counts.newModifications(), counts.sameContentAs(),
                    tally.rejectedByRule, tally.warningsByRule, (System.nanoTime() - t0) / 1_000_000, null);
        }
    }

    /** An unrecognised file still gets a batch: its single rejected record says "format non reconnu". */
    private static String formatName(DecpChunkSource source) {
        return source.format() == null ? "UNKNOWN" : source.format().name();
    }

    /** A chunk checked, keyed and rendered (on a pool thread), with its counts by rule. */
    private record Staged(ContractChunk chunk, Tally tally) {
    }

    private Staged stage(List<ParsedRecord> records, ContractChunk.Builder out) {
        Tally tally = new Tally();
        for (ParsedRecord p : records) out.add(stage(p, tally));
        return new Staged(out.build(), tally);
    }

    private StagedRecord stage(ParsedRecord p, Tally tally) {
        List<Finding> findings = new ArrayList<>(p.findings());
        Contract c = p.contract();
        long key = 0;
        if (c != null) {
            findings.addAll(checks.apply(c));
            key = DedupKey.of(c);
        }
        StagedRecord r = new StagedRecord(p.provenance(), c, key, findings);
        if (r.rejected()) {
            boolean any = false;
            for (Finding f : findings) {
                if (f.severity() == Severity.FATAL) {
                    tally.rejectedByRule.merge(f.rule(), 1L, Long::sum);
                    any = true;
                }
            }
            if (!any) tally.rejectedByRule.merge(Rule.NOT_A_CONTRACT.name(), 1L, Long::sum);
        } else {
            for (Finding f : findings) {
                if (f.severity() == Severity.WARNING) {
                    tally.warningsByRule.merge(f.rule(), 1L, Long::sum);
                    tally.warnings++;
                }
            }
        }
        return r;
    }

    /** Counts of the records staged in one chunk, then in one file. */
    private static final class Tally {
        final Map<String, Long> rejectedByRule = new TreeMap<>();
        final Map<String, Long> warningsByRule = new TreeMap<>();
        long warnings;

        void add(Tally other) {
            other.rejectedByRule.forEach((k, v) -> rejectedByRule.merge(k, v, Long::sum));
            other.warningsByRule.forEach((k, v) -> warningsByRule.merge(k, v, Long::sum));
            warnings += other.warnings;
        }
    }
}
