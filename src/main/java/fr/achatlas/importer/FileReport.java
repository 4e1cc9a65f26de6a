package fr.achatlas.importer;

import java.util.Map;

/** The outcome of importing one file. {@code error} is set when the file could not be imported at all. */
public record FileReport(String file, String format, String sha256, Integer batchId, long read, long loaded,
                         long duplicates, long rejected, long newModifications, Integer sameContentAs,
                         Map<String, Long> rejectedByRule, Map<String, Long> warningsByRule, long millis, String error) {

    /** The same report naming the file by its name only: an upload's folder on the server is nobody's business. */
    public FileReport named() {
        return new FileReport(java.nio.file.Path.of(file).getFileName().toString(), format, sha256, batchId, read, loaded,
                duplicates, rejected, newModifications, sameContentAs, rejectedByRule, warningsByRule, millis, error);
    }
}
