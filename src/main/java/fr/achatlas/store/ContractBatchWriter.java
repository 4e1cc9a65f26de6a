package fr.achatlas.store;

import org.duckdb.DuckDBConnection;

import java.sql.SQLException;

/**
 * Writes one DECP file into the store as a single transaction: records are staged, then merged set-wise (dedup
 * against the batch and the store, union of modifications, current state recomputed), then committed. A crash or an
 * error anywhere before the commit leaves the store exactly as it was.
 */
public final class ContractBatchWriter implements AutoCloseable {

    private final DuckDBConnection conn;
    private final int batchId;
    private final String fileName;
    private final Staging staging;
    private final ContractChunk.Builder pending;
    private long staged;
    private boolean done;

    private ContractBatchWriter(DuckDBConnection conn, int batchId, String fileName, java.nio.file.Path spoolDir) throws SQLException {
        this.conn = conn;
        this.batchId = batchId;
        this.fileName = fileName;
        this.staging = new Staging(conn, spoolDir);
        this.pending = new ContractChunk.Builder(batchId);
    }

    public static ContractBatchWriter begin(Database db, String filePath, String fileName, long fileSize, String format)
            throws SQLException {
        return ImportBatches.begin(db, "DECP", filePath, fileName, fileSize, format,
                (conn, id) -> new ContractBatchWriter(conn, id, fileName, ImportBatches.spoolDirectory(db)));
    }

    public int batchId() {
        return batchId;
    }

    /** A builder of chunks for this batch, for a thread that checks and renders records (one per thread). */
    public ContractChunk.Builder newChunkBuilder() {
        return new ContractChunk.Builder(batchId);
    }

    /** Adds one record (rendered here; importers render chunks on their own threads and {@link #add(ContractChunk)}). */
    public void add(StagedRecord record) throws SQLException {
        pending.add(record);
        if (pending.size() >= 1_000) addPending();
    }

    /** Adds records checked, keyed and rendered elsewhere ({@link ContractChunk.Builder} with this batch's id). */
    public void add(ContractChunk chunk) throws SQLException {
        addPending();
        staging.add(chunk);
        staged += chunk.size();
    }

    private void addPending() throws SQLException {
        if (pending.size() == 0) return;
        ContractChunk c = pending.build();
        staging.add(c);
        staged += c.size();
    }

    /** Merges the staged records and commits. {@code warnings} is the number of warning findings over records read. */
    public BatchCounts commit(String fileSha256, long warnings) throws SQLException {
        try {
            addPending();
            staging.flush();
            BatchCounts counts = new BatchMerge(conn, batchId, fileName, fileSha256).run(staging, staged, warnings);
            staging.close();
            conn.commit();
            done = true;
            return counts;
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw e;
        } finally {
            conn.setAutoCommit(true);
        }
    }

    public void rollback() throws SQLException {
        if (done) return;
        done = true;
        try {
            staging.close();
        } catch (SQLException ignored) {
            // the transaction is rolled back anyway
        }
        conn.rollback();
        conn.setAutoCommit(true);
    }

    @Override
    public void close() throws SQLException {
        rollback();
    }
}
