package fr.achatlas.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * One spool file of an import: created in the store's spool folder ({@link Database#spoolDirectory()}), written in
 * order with rows rendered by {@link SpoolRows}, read by DuckDB inside the import's transaction, deleted when the import
 * ends whatever happens (or, after a crash, when the store is next opened).
 */
final class SpoolFile implements AutoCloseable {

    private final Path path;
    private final OutputStream out;
    private long written;

    SpoolFile(Path dir, String prefix, int bufferSize) throws SQLException {
        try {
            path = Files.createTempFile(dir, prefix, ".tsv");
        } catch (IOException e) {
            throw new SQLException("Fichier temporaire d'import impossible à créer : " + e.getMessage(), e);
        }
        try {
            out = new BufferedOutputStream(Files.newOutputStream(path), bufferSize);
        } catch (IOException e) {
            delete();
            throw new SQLException("Fichier temporaire d'import impossible à ouvrir : " + e.getMessage(), e);
        }
    }

    void write(byte[] bytes, int offset, int length) throws SQLException {
        try {
            out.write(bytes, offset, length);
            written += length;
        } catch (IOException e) {
            throw new SQLException("Écriture du fichier temporaire d'import impossible (disque plein ?) : " + e.getMessage(), e);
        }
    }

    /** Bytes written so far. */
    long written() {
        return written;
    }

    /** The rows written so far as a table for SQL ({@link SpoolRows#scan}); {@code columns} is read_csv's struct body. */
    String scan(String columns) throws SQLException {
        try {
            out.flush();
        } catch (IOException e) {
            throw new SQLException("Écriture du fichier temporaire d'import impossible (disque plein ?) : " + e.getMessage(), e);
        }
        return SpoolRows.scan(path, columns);
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // deleted just below anyway
        }
        delete();
    }

    private void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // left in the spool folder: removed when the store is next opened
        }
    }
}
