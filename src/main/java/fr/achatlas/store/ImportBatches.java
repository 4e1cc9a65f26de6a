package fr.achatlas.store;

import org.duckdb.DuckDBConnection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;

/** Opens the transaction of one imported file and its import_batch row, for every kind of import. */
final class ImportBatches {

    private ImportBatches() {
    }

    /** Builds the writer of a batch once its transaction and row exist. */
    @FunctionalInterface
    interface WriterFactory<W> {
        W create(DuckDBConnection conn, int batchId) throws SQLException;
    }

    /** The store's folder for an import's spool files (see {@link Database#spoolDirectory()}). */
    static java.nio.file.Path spoolDirectory(Database db) throws SQLException {
        try {
            return db.spoolDirectory();
        } catch (java.io.IOException e) {
            throw new SQLException("Dossier des fichiers temporaires d'import impossible à créer : " + e.getMessage(), e);
        }
    }

    /** Opens the batch, then builds its writer; if building fails, nothing of the batch remains. */
    static <W> W begin(Database db, String kind, String filePath, String fileName, long fileSize, String format,
                       WriterFactory<W> factory) throws SQLException {
        DuckDBConnection conn = db.connection();
        int id = open(conn, kind, filePath, fileName, fileSize, format);
        try {
            return factory.create(conn, id);
        } catch (SQLException | RuntimeException e) {
            conn.rollback();
            conn.setAutoCommit(true);
            throw e;
        }
    }

    /**
     * Starts a transaction on the store's connection and records the batch in it; returns the batch id. On failure
     * the transaction is rolled back and the connection returned to auto-commit.
     */
    static int open(DuckDBConnection conn, String kind, String filePath, String fileName, long fileSize, String format)
            throws SQLException {
        conn.setAutoCommit(false);
        try {
            int id;
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT coalesce(max(batch_id), 0) + 1 FROM import_batch")) {
                rs.next();
                id = rs.getInt(1);
            }
            try (PreparedStatement ps = conn.prepareStatement("""
                    INSERT INTO import_batch (batch_id, kind, file_path, file_name, file_size, format, started_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setInt(1, id);
                ps.setString(2, kind);
                ps.setString(3, filePath);
                ps.setString(4, fileName);
                ps.setLong(5, fileSize);
                ps.setString(6, format);
                ps.setTimestamp(7, Timestamp.valueOf(LocalDateTime.now()));
                ps.executeUpdate();
            }
            return id;
        } catch (SQLException | RuntimeException e) {
            conn.rollback();
            conn.setAutoCommit(true);
            throw e;
        }
    }
}
