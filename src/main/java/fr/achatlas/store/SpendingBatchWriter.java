package fr.achatlas.store;

import fr.achatlas.dedup.KeySet;
import fr.achatlas.model.LineIssue;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one spending export into the store as a single transaction. The mapped lines arrive in file order as
 * {@link SpendingChunk}s already rendered in a tab-separated spool file, which DuckDB reads once, straight into
 * {@code spending_line}, at commit. On the way the writer gives each line its key (content hash; a content met again
 * in the same file gets its rank mixed in, so two genuinely equal payments stay two lines) and collects the
 * (buyer, direction, service) triples seen. At commit: lines already stored become traced duplicates, directions and
 * services are matched to the buyer's organisation chart, the ×100 amount error is checked, counts are verified.
 * A crash or an error before the commit leaves the store exactly as it was.
 */
public final class SpendingBatchWriter implements AutoCloseable {

    /** Counts of one file; {@code read = loaded + duplicates + rejected}. */
    public record Counts(int batchId, long read, long loaded, long duplicates, long rejected, long warnings,
                         long suspectLines, List<String> x100Evidence) {
    }

    private final DuckDBConnection conn;
    private final int batchId;
    private final String fileName;
    private final SpoolFile spool;
    private final DuckDBAppender issues;
    private final DuckDBAppender occurrences;
    /**
     * Content hashes met so far in the file, and how often those met more than once were met: ranks repeats in memory
     * while the file has at most {@code memoryKeys} lines (8 to 16 bytes a line); beyond, the store ranks them at
     * commit from the spool, with the same result, so that a file of any size fits a small heap.
     */
    private KeySet seen = new KeySet(1 << 16);
    private final Map<Long, Integer> repeats = new HashMap<>();
    private final int memoryKeys;

    /** Lines whose repeats are ranked in memory: {@code -Dachatlas.spending.memory-keys}, 8 million by default. */
    public static final int MEMORY_KEYS = Integer.getInteger("achatlas.spending.memory-keys", 8_000_000);
    private final Set<SpendingChunk.Unit> units = new HashSet<>();
    private long read;
    private long rejected;
    private long warnings;
    private boolean done;

    private SpendingBatchWriter(DuckDBConnection conn, int batchId, String fileName, int memoryKeys, java.nio.file.Path spoolDir)
            throws SQLException {
        this.conn = conn;
        this.memoryKeys = memoryKeys;
        this.batchId = batchId;
        this.fileName = fileName;
        try (Statement st = conn.createStatement()) {
            st.execute("""
                    CREATE OR REPLACE TEMP TABLE stg_spending_issue (line_number BIGINT, rule VARCHAR, severity VARCHAR,
                        field VARCHAR, value VARCHAR, message VARCHAR)""");
            st.execute("CREATE OR REPLACE TEMP TABLE stg_occ (line_number BIGINT, occ INTEGER)");
            st.execute("CREATE OR REPLACE TEMP TABLE stg_seen_unit (unit_key BIGINT, buyer_id VARCHAR, direction VARCHAR, service VARCHAR)");
        }
        spool = new SpoolFile(spoolDir, "spending-", 1 << 20);
        issues = conn.createAppender("temp", "main", "stg_spending_issue");
        occurrences = conn.createAppender("temp", "main", "stg_occ");
    }

    public static SpendingBatchWriter begin(Database db, String filePath, String fileName, long fileSize, String format,
                                            int memoryKeys) throws SQLException {
        return ImportBatches.begin(db, "SPENDING", filePath, fileName, fileSize, format,
                (conn, id) -> new SpendingBatchWriter(conn, id, fileName, memoryKeys, ImportBatches.spoolDirectory(db)));
    }

    public int batchId() {
        return batchId;
    }

    /** Adds the next batch of the file (batches must come in file order: line keys rank repeats by line). */
    public void add(SpendingChunk c) throws SQLException {
        spool.write(c.spool, 0, c.spool.length);
        if (seen != null && seen.size() + c.contentHashes.length > memoryKeys) {
            seen = null;
            repeats.clear();
        }
        for (int i = 0; seen != null && i < c.contentHashes.length; i++) {
            long h = c.contentHashes[i];
            if (!seen.add(h)) {
                int occ = repeats.merge(h, 2, (a, b) -> a + 1);
                occurrences.beginRow().append(c.lineNumbers[i]).append(occ).endRow();
            }
        }
        for (LineIssue i : c.issues) issue(i);
        units.addAll(c.units);
        read += c.read();
        rejected += c.rejected;
        warnings += c.warnings;
    }

    private void issue(LineIssue i) throws SQLException {
        String v = i.value();
        if (v != null && v.length() > 200) v = v.substring(0, 200) + "…";
        issues.beginRow().append(i.lineNumber()).append(i.rule()).append(i.severity().name()).append(i.field()).append(v)
                .append(i.message()).endRow();
    }

    /**
     * Merges the staged lines and commits. {@code fileHasNoDecimals}: no amount of the file carried a decimal
     * separator — supporting evidence for the ×100 check, never enough alone.
     */
    public Counts commit(String sha256, boolean fileHasNoDecimals) throws SQLException {
        try {
            long t0 = System.nanoTime();
            issues.flush();
            issues.close();
            occurrences.flush();
            occurrences.close();
            try (DuckDBAppender u = conn.createAppender("temp", "main", "stg_seen_unit")) {
                for (SpendingChunk.Unit x : units) {
                    u.beginRow().append(x.key()).append(x.buyerId()).append(x.direction()).append(x.service()).endRow();
                }
            }
            try (Statement st = conn.createStatement()) {
                // Row order is never relied upon (line numbers are columns): letting DuckDB drop it keeps large files
                // (tens of millions of lines) within its memory limit and lets it read the spool on every core.
                st.execute("SET preserve_insertion_order = false");
            }
            Counts c = merge(sha256, fileHasNoDecimals);
            if (Boolean.getBoolean("achatlas.timing")) {
                System.err.printf("spending commit: %.1f s%n", (System.nanoTime() - t0) / 1e9);
            }
            spool.close();
            conn.commit();
            done = true;
            return c;
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw e;
        } finally {
            try (Statement st = conn.createStatement()) {
                st.execute("RESET preserve_insertion_order");
            }
            conn.setAutoCommit(true);
        }
    }

    /** The spool as a table: the columns {@link SpendingChunk.Builder} writes, in its order. */
    private String spoolScan() throws SQLException {
        return spool.scan("'line_number': 'BIGINT', 'content_hash': 'BIGINT', 'buyer_id': 'VARCHAR', "
                + "'direction': 'VARCHAR', 'service': 'VARCHAR', 'unit_key': 'BIGINT', 'payment_date': 'DATE', 'amount_ht': 'DECIMAL(18,2)', "
                + "'amount_ttc': 'DECIMAL(18,2)', 'account': 'VARCHAR', 'function_code': 'VARCHAR', 'budget': 'VARCHAR', "
                + "'supplier_id': 'VARCHAR', 'supplier_id_type': 'VARCHAR', 'supplier_siren': 'VARCHAR', "
                + "'supplier_name': 'VARCHAR', 'supplier_name_norm': 'VARCHAR', 'contract_ref': 'VARCHAR', "
                + "'invoice_ref': 'VARCHAR', 'label': 'VARCHAR'");
    }

    /** A repeated content's rank (2, 3…) is mixed into its hash; a first occurrence keeps the bare hash. */
    private static final String LINE_KEY = "CASE WHEN o.occ IS NULL THEN s.content_hash ELSE xor(s.content_hash, o.occ * 1000003) END";

    private Counts merge(String sha256, boolean noDecimals) throws SQLException {
        long loaded;
        long duplicates;
        lastTick = System.nanoTime();
        List<String> evidence = new ArrayList<>();
        try (Statement st = conn.createStatement()) {
            if (seen == null) {
                st.execute("CREATE OR REPLACE TEMP TABLE stg_occ AS SELECT line_number, occ FROM ("
                        + "SELECT line_number, row_number() OVER (PARTITION BY content_hash ORDER BY line_number) AS occ FROM "
                        + spoolScan() + " WHERE content_hash IN (SELECT content_hash FROM " + spoolScan()
                        + " GROUP BY content_hash HAVING count(*) > 1)) WHERE occ > 1");
                tick("repeats ranked in the store");
            }
            // Lines already stored (same key, same buyers): only worth a pass over the spool when these buyers have lines.
            boolean buyersHaveLines = scalar(st, "SELECT count(*) FROM (SELECT 1 FROM spending_line "
                    + "WHERE buyer_id IN (SELECT buyer_id FROM stg_seen_unit) LIMIT 1)") > 0;
            if (buyersHaveLines) {
                st.execute("CREATE OR REPLACE TEMP TABLE stg_dup AS SELECT " + LINE_KEY + " AS line_key, s.line_number FROM "
                        + spoolScan() + " s LEFT JOIN stg_occ o USING (line_number) WHERE " + LINE_KEY
                        + " IN (SELECT line_key FROM spending_line WHERE buyer_id IN (SELECT buyer_id FROM stg_seen_unit))");
            } else {
                st.execute("CREATE OR REPLACE TEMP TABLE stg_dup (line_key BIGINT, line_number BIGINT)");
            }
            duplicates = scalar(st, "SELECT count(*) FROM stg_dup");
            tick("duplicates");
            st.execute("INSERT INTO spending_duplicate SELECT line_key, " + batchId + ", " + quote(fileName) + ", line_number FROM stg_dup");
            // Directions and services: the buyer's organisation chart (buyer_unit), matched on names, once per distinct
            // (buyer, direction, service) rather than by updating every line.
            st.execute("""
                    CREATE OR REPLACE TEMP TABLE stg_unit AS
                    SELECT s.unit_key, s.buyer_id, s.direction, s.service, coalesce(
                        (SELECT min(u.unit_id) FROM buyer_unit u
                         WHERE u.buyer_id = s.buyer_id AND lower(trim(u.direction)) = lower(trim(s.direction))
                           AND (lower(trim(u.service)) = lower(trim(s.service)) OR (u.service IS NULL AND s.service IS NULL))),
                        CASE WHEN s.direction IS NULL THEN
                            (SELECT min(u.unit_id) FROM buyer_unit u
                             WHERE u.buyer_id = s.buyer_id AND lower(trim(u.service)) = lower(trim(s.service))) END) AS unit_id
                    FROM stg_seen_unit s""");
            tick("units");
            // two different (buyer, direction, service) with the same 64-bit key: then the load joins on the texts
            boolean unitKeysCollide = scalar(st, "SELECT count(*) - count(DISTINCT unit_key) FROM stg_seen_unit") > 0;
            loaded = st.executeUpdate("""
                    INSERT INTO spending_line (line_key, batch_id, file_name, line_number, buyer_id, unit_id, direction, service,
                        payment_date, year, month, amount_ht, amount_ttc, amount, amount_basis, account, function_code, budget,
                        supplier_id, supplier_id_type, supplier_siren, supplier_name, supplier_name_norm,
                        supplier_match_method, supplier_match_confidence, contract_ref, invoice_ref, label)
                    SELECT %s, %d, %s, s.line_number, s.buyer_id, m.unit_id, s.direction, s.service, payment_date, year(payment_date),
                        month(payment_date), amount_ht, amount_ttc, coalesce(amount_ht, amount_ttc),
                        CASE WHEN amount_ht IS NOT NULL THEN 'HT' ELSE 'TTC' END, account, function_code, budget,
                        supplier_id, supplier_id_type, supplier_siren, supplier_name, supplier_name_norm,
                        CASE WHEN supplier_id IS NOT NULL THEN 'ID' END, CASE WHEN supplier_id IS NOT NULL THEN 1.0 END,
                        contract_ref, invoice_ref, label
                    FROM %s s
                    LEFT JOIN stg_occ o USING (line_number)
                    LEFT JOIN stg_unit m ON %s
                    WHERE s.line_number NOT IN (SELECT line_number FROM stg_dup)""".formatted(LINE_KEY, batchId, quote(fileName), spoolScan(),
                    unitKeysCollide ? "m.buyer_id = s.buyer_id AND m.direction IS NOT DISTINCT FROM s.direction "
                            + "AND m.service IS NOT DISTINCT FROM s.service" : "m.unit_key = s.unit_key"));
            tick("insert lines");
            st.execute("INSERT INTO spending_reject SELECT " + batchId + ", " + quote(fileName)
                    + ", line_number, rule, field, value, message FROM stg_spending_issue WHERE severity = 'FATAL'");
            st.execute("INSERT INTO spending_finding SELECT " + batchId + ", " + quote(fileName)
                    + ", line_number, rule, severity, field, value, message FROM stg_spending_issue WHERE severity <> 'FATAL'");
            tick("rejects, findings");
            evidence.addAll(X100Check.run(conn, batchId, fileName, noDecimals));
            tick("x100 check");
            // Buyers seen only in spending still exist as buyers (the cartography lists them).
            st.execute("""
                    INSERT INTO buyer (buyer_id, siren) SELECT DISTINCT buyer_id, CASE WHEN length(buyer_id) = 14 THEN left(buyer_id, 9) END
                    FROM stg_seen_unit WHERE buyer_id NOT IN (SELECT buyer_id FROM buyer)""");
            tick("buyers");
        }
        long suspect;
        try (Statement st = conn.createStatement()) {
            suspect = scalar(st, "SELECT count(*) FROM spending_line WHERE batch_id = " + batchId + " AND amount_suspect");
        }
        if (read != loaded + duplicates + rejected) {
            throw new SQLException("Comptes incohérents pour " + fileName + " : lus " + read + " ≠ chargés " + loaded
                    + " + doublons " + duplicates + " + rejetés " + rejected);
        }
        try (PreparedStatement ps = conn.prepareStatement("""
                UPDATE import_batch SET finished_at = ?, file_sha256 = ?, records_read = ?, loaded = ?, duplicates = ?,
                    rejected = ?, warnings = ?,
                    same_content_as = (SELECT min(batch_id) FROM import_batch WHERE file_sha256 = ? AND batch_id <> ? AND kind = 'SPENDING')
                WHERE batch_id = ?""")) {
            ps.setTimestamp(1, Timestamp.valueOf(LocalDateTime.now()));
            ps.setString(2, sha256);
            ps.setLong(3, read);
            ps.setLong(4, loaded);
            ps.setLong(5, duplicates);
            ps.setLong(6, rejected);
            ps.setLong(7, warnings + (evidence.isEmpty() ? 0 : 1));
            ps.setString(8, sha256);
            ps.setInt(9, batchId);
            ps.setInt(10, batchId);
            ps.executeUpdate();
        }
        try (Statement st = conn.createStatement()) {
            st.execute("DROP TABLE IF EXISTS stg_occ");
            st.execute("DROP TABLE IF EXISTS stg_unit");
            st.execute("DROP TABLE IF EXISTS stg_seen_unit");
            st.execute("DROP TABLE IF EXISTS stg_dup");
            st.execute("DROP TABLE IF EXISTS stg_spending_issue");
        }
        return new Counts(batchId, read, loaded, duplicates, rejected, warnings, suspect, evidence);
    }

    private long lastTick = System.nanoTime();

    private void tick(String what) {
        long now = System.nanoTime();
        if (Boolean.getBoolean("achatlas.timing")) System.err.printf("  merge step %s: %.2f s%n", what, (now - lastTick) / 1e9);
        lastTick = now;
    }

    static long scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    public void rollback() throws SQLException {
        if (done) return;
        done = true;
        spool.close();
        try {
            issues.close();
            occurrences.close();
        } catch (SQLException ignored) {
            // rolled back below anyway
        }
        conn.rollback();
        conn.setAutoCommit(true);
    }

    @Override
    public void close() throws SQLException {
        rollback();
    }
}
