package fr.achatlas.model;

/**
 * Where a record came from: the file (name and content hash), its 1-based position in the file, the declared format,
 * and the publishing platform when the file says it (the aggregators' {@code source} field, e.g. "data.gouv.fr_aife").
 */
public record Provenance(String fileName, String fileSha256, long recordPosition, SourceFormat format, String platform) {
}
