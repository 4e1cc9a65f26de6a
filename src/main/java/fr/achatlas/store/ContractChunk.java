package fr.achatlas.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Records of one DECP file in file order, with the rows each would add to the store as a new contract already
 * rendered for the spool, by the thread that checked them: the single writer then only decides, in order, which
 * records are new, and copies their bytes. (A record that turns out to be a copy of a known contract is staged from
 * its objects instead; a rejected one renders nothing.)
 */
public final class ContractChunk {

    final List<StagedRecord> records;
    /** Per table of {@link ContractSpool#TABLES}: the rendered rows of all records. */
    final byte[][] bytes;
    /** Per table: where the rows of record i end; they start where those of record i-1 end. */
    final int[][] ends;

    private ContractChunk(List<StagedRecord> records, byte[][] bytes, int[][] ends) {
        this.records = records;
        this.bytes = bytes;
        this.ends = ends;
    }

    public int size() {
        return records.size();
    }

    int start(int table, int record) {
        return record == 0 ? 0 : ends[table][record - 1];
    }

    /** Collects one chunk at a time for one import batch ({@link ContractBatchWriter#newChunkBuilder()}); reusable, not thread-safe (one per thread). */
    public static final class Builder {
        private final int batchId;
        private final SpoolRows[] rows = new SpoolRows[ContractSpool.TABLES.size()];
        private final ContractRows.NewRows sinks;
        private int[][] ends = new int[rows.length][256];
        private List<StagedRecord> records = new ArrayList<>();

        Builder(int batchId) {
            this.batchId = batchId;
            for (int t = 0; t < rows.length; t++) rows[t] = new SpoolRows(1 << 14);
            sinks = new ContractRows.NewRows(rows[0], rows[1], rows[2], rows[3], rows[4], rows[5]);
        }

        public void add(StagedRecord r) {
            if (!r.rejected()) {
                try {
                    ContractRows.newContract(r, batchId, sinks);
                } catch (SQLException e) {
                    throw new IllegalStateException("spool rows do not throw", e);
                }
            }
            int i = records.size();
            if (i == ends[0].length) {
                for (int t = 0; t < ends.length; t++) ends[t] = Arrays.copyOf(ends[t], i * 2);
            }
            for (int t = 0; t < rows.length; t++) ends[t][i] = rows[t].size();
            records.add(r);
        }

        public int size() {
            return records.size();
        }

        /** The chunk collected so far; the builder is then empty, ready for the next one. */
        public ContractChunk build() {
            int n = records.size();
            byte[][] bytes = new byte[rows.length][];
            int[][] chunkEnds = new int[rows.length][];
            for (int t = 0; t < rows.length; t++) {
                bytes[t] = Arrays.copyOf(rows[t].bytes(), rows[t].size());
                chunkEnds[t] = Arrays.copyOf(ends[t], n);
                rows[t].clear();
            }
            ContractChunk c = new ContractChunk(records, bytes, chunkEnds);
            records = new ArrayList<>();
            return c;
        }
    }
}
