package fr.achatlas.store;

import fr.achatlas.model.LineIssue;
import fr.achatlas.model.SpendingLine;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one spending export into the store as a single transaction: lines are appended to a staging table, then
 * merged set-wise (line key = content hash ranked within the file; lines already stored become traced duplicates),
 * checked for the ×100 amount error, matched to the buyer's directions and services, counted, and committed.
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
    /** Lines are spooled to a temporary tab-separated file that DuckDB bulk-loads at commit: far faster than a row appender. */
    private final java.nio.file.Path spool;
    private final java.io.Writer lines;
    private final StringBuilder row = new StringBuilder(512);
    private final DuckDBAppender issues;
    private long read;
    private long rejected;
    private long warnings;
    private boolean done;

    private SpendingBatchWriter(DuckDBConnection conn, int batchId, String fileName) throws SQLException {
        this.conn = conn;
        this.batchId = batchId;
        this.fileName = fileName;
        try (Statement st = conn.createStatement()) {
            st.execute("""
                    CREATE OR REPLACE TEMP TABLE stg_spending (line_number BIGINT, content_hash BIGINT, buyer_id VARCHAR,
                        direction VARCHAR, service VARCHAR, payment_date DATE, amount_ht DECIMAL(18,2), amount_ttc DECIMAL(18,2),
                        account VARCHAR, function_code VARCHAR, budget VARCHAR, supplier_id VARCHAR, supplier_id_type VARCHAR,
                        supplier_siren VARCHAR, supplier_name VARCHAR, supplier_name_norm VARCHAR, contract_ref VARCHAR,
                        invoice_ref VARCHAR, label VARCHAR)""");
            st.execute("""
                    CREATE OR REPLACE TEMP TABLE stg_spending_issue (line_number BIGINT, rule VARCHAR, severity VARCHAR,
                        field VARCHAR, value VARCHAR, message VARCHAR)""");
        }
        try {
            spool = java.nio.file.Files.createTempFile("achatlas-spending-", ".tsv");
            lines = new java.io.BufferedWriter(new java.io.OutputStreamWriter(java.nio.file.Files.newOutputStream(spool),
                    java.nio.charset.StandardCharsets.UTF_8), 1 << 20);
        } catch (java.io.IOException e) {
            throw new SQLException("Fichier temporaire impossible : " + e.getMessage(), e);
        }
        issues = conn.createAppender("temp", "main", "stg_spending_issue");
    }

    public static SpendingBatchWriter begin(Database db, String filePath, String fileName, long fileSize, String format)
            throws SQLException {
        return ImportBatches.begin(db, "SPENDING", filePath, fileName, fileSize, format,
                (conn, id) -> new SpendingBatchWriter(conn, id, fileName));
    }

    public int batchId() {
        return batchId;
    }

    public void add(SpendingLine l, List<LineIssue> lineIssues) throws SQLException {
        read++;
        StringBuilder r = row;
        r.setLength(0);
        r.append(l.lineNumber()).append('\t').append(l.contentHash()).append('\t');
        text(r, l.buyerId());
        text(r, l.direction());
        text(r, l.service());
        r.append(l.paymentDate()).append('\t');
        cents(r, l.amountHtCents());
        cents(r, l.amountTtcCents());
        text(r, l.account());
        text(r, l.functionCode());
        text(r, l.budget());
        text(r, l.supplierId());
        text(r, l.supplierIdType());
        text(r, l.supplierSiren());
        text(r, l.supplierName());
        text(r, l.supplierNameNorm());
        text(r, l.contractRef());
        text(r, l.invoiceRef());
        text(r, l.label());
        r.setCharAt(r.length() - 1, '\n');
        try {
            lines.append(r);
        } catch (java.io.IOException e) {
            throw new SQLException("Écriture du fichier temporaire impossible : " + e.getMessage(), e);
        }
        for (LineIssue i : lineIssues) {
            if (i.severity() == fr.achatlas.model.Severity.WARNING) warnings++;
            issue(i);
        }
    }

    /** Tabs, line breaks and backslashes inside a text become spaces and '/': the spool has no quoting. */
    private static void text(StringBuilder r, String v) {
        if (v == null) {
            r.append("\\N\t");
            return;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            r.append(c == '\t' || c == '\n' || c == '\r' ? ' ' : c == '\\' ? '/' : c);
        }
        r.append('\t');
    }

    private static void cents(StringBuilder r, Long c) {
        if (c == null) {
            r.append("\\N\t");
            return;
        }
        long v = c;
        if (v < 0) {
            r.append('-');
            v = -v;
        }
        r.append(v / 100).append('.');
        long f = v % 100;
        if (f < 10) r.append('0');
        r.append(f).append('\t');
    }

    public void reject(List<LineIssue> lineIssues) throws SQLException {
        read++;
        rejected++;
        for (LineIssue i : lineIssues) issue(i);
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
            try {
                lines.close();
            } catch (java.io.IOException e) {
                throw new SQLException(e.getMessage(), e);
            }
            try (Statement st = conn.createStatement()) {
                // Row order inside the staging tables is never relied upon (line numbers are columns): letting DuckDB
                // drop it keeps large files (tens of millions of lines) within its memory limit.
                st.execute("SET preserve_insertion_order = false");
                st.execute("INSERT INTO stg_spending SELECT * FROM read_csv('" + spool.toString().replace("'", "''")
                        + "', delim = '\t', header = false, quote = '', escape = '', nullstr = '\\N', auto_detect = false, "
                        + "columns = {'line_number': 'BIGINT', 'content_hash': 'BIGINT', 'buyer_id': 'VARCHAR', "
                        + "'direction': 'VARCHAR', 'service': 'VARCHAR', 'payment_date': 'DATE', 'amount_ht': 'DECIMAL(18,2)', "
                        + "'amount_ttc': 'DECIMAL(18,2)', 'account': 'VARCHAR', 'function_code': 'VARCHAR', 'budget': 'VARCHAR', "
                        + "'supplier_id': 'VARCHAR', 'supplier_id_type': 'VARCHAR', 'supplier_siren': 'VARCHAR', "
                        + "'supplier_name': 'VARCHAR', 'supplier_name_norm': 'VARCHAR', 'contract_ref': 'VARCHAR', "
                        + "'invoice_ref': 'VARCHAR', 'label': 'VARCHAR'})");
            }
            deleteSpool();
            long t1 = System.nanoTime();
            Counts c = merge(sha256, fileHasNoDecimals);
            if (Boolean.getBoolean("achatlas.timing")) {
                System.err.printf("spending commit: flush %.1f s, merge %.1f s%n", (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
            }
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

    private Counts merge(String sha256, boolean noDecimals) throws SQLException {
        long loaded;
        long duplicates;
        lastTick = System.nanoTime();
        List<String> evidence = new ArrayList<>();
        try (Statement st = conn.createStatement()) {
            // Rank equal contents within the file so that genuinely repeated lines (two equal payments) stay distinct.
            // Only repeated contents need the window: a window over every line would hold the whole file in memory.
            st.execute("""
                    CREATE OR REPLACE TEMP TABLE stg_occ AS
                    SELECT line_number, row_number() OVER (PARTITION BY content_hash ORDER BY line_number) AS occ
                    FROM stg_spending
                    WHERE content_hash IN (SELECT content_hash FROM stg_spending GROUP BY content_hash HAVING count(*) > 1)""");
            st.execute("""
                    CREATE OR REPLACE TEMP TABLE stg_keyed AS
                    SELECT CASE WHEN o.occ IS NULL OR o.occ = 1 THEN s.content_hash ELSE xor(s.content_hash, o.occ * 1000003) END AS line_key, s.*
                    FROM stg_spending s LEFT JOIN stg_occ o USING (line_number)""");
            st.execute("DROP TABLE stg_occ");
            st.execute("DROP TABLE stg_spending");
            tick("line keys");
            st.execute("""
                    CREATE OR REPLACE TEMP TABLE stg_dup AS
                    SELECT k.line_key, k.line_number FROM stg_keyed k
                    WHERE k.line_key IN (SELECT line_key FROM spending_line WHERE buyer_id IN (SELECT DISTINCT buyer_id FROM stg_keyed))""");
            duplicates = scalar(st, "SELECT count(*) FROM stg_dup");
            tick("duplicates");
            st.execute("INSERT INTO spending_duplicate SELECT line_key, " + batchId + ", " + quote(fileName) + ", line_number FROM stg_dup");
            tick("duplicate trace");
            // Directions and services: the buyer's organisation chart (buyer_unit), matched on names, once per distinct
            // (buyer, direction, service) rather than by updating every line.
            st.execute("""
                    CREATE OR REPLACE TEMP TABLE stg_unit AS
                    WITH seen AS (SELECT DISTINCT buyer_id, direction, service FROM stg_keyed)
                    SELECT s.buyer_id, s.direction, s.service, coalesce(
                        (SELECT min(u.unit_id) FROM buyer_unit u
                         WHERE u.buyer_id = s.buyer_id AND lower(trim(u.direction)) = lower(trim(s.direction))
                           AND (lower(trim(u.service)) = lower(trim(s.service)) OR (u.service IS NULL AND s.service IS NULL))),
                        CASE WHEN s.direction IS NULL THEN
                            (SELECT min(u.unit_id) FROM buyer_unit u
                             WHERE u.buyer_id = s.buyer_id AND lower(trim(u.service)) = lower(trim(s.service))) END) AS unit_id
                    FROM seen s""");
            tick("units");
            loaded = st.executeUpdate("""
                    INSERT INTO spending_line (line_key, batch_id, file_name, line_number, buyer_id, unit_id, direction, service,
                        payment_date, year, month, amount_ht, amount_ttc, amount, amount_basis, account, function_code, budget,
                        supplier_id, supplier_id_type, supplier_siren, supplier_name, supplier_name_norm,
                        supplier_match_method, supplier_match_confidence, contract_ref, invoice_ref, label)
                    SELECT line_key, %d, %s, line_number, k.buyer_id, m.unit_id, k.direction, k.service, payment_date, year(payment_date),
                        month(payment_date), amount_ht, amount_ttc, coalesce(amount_ht, amount_ttc),
                        CASE WHEN amount_ht IS NOT NULL THEN 'HT' ELSE 'TTC' END, account, function_code, budget,
                        supplier_id, supplier_id_type, supplier_siren, supplier_name, supplier_name_norm,
                        CASE WHEN supplier_id IS NOT NULL THEN 'ID' END, CASE WHEN supplier_id IS NOT NULL THEN 1.0 END,
                        contract_ref, invoice_ref, label
                    FROM stg_keyed k
                    LEFT JOIN stg_unit m ON m.buyer_id = k.buyer_id AND m.direction IS NOT DISTINCT FROM k.direction
                                        AND m.service IS NOT DISTINCT FROM k.service
                    WHERE NOT EXISTS (SELECT 1 FROM stg_dup d WHERE d.line_key = k.line_key)""".formatted(batchId, quote(fileName)));
            st.execute("INSERT INTO spending_reject SELECT " + batchId + ", " + quote(fileName)
                    + ", line_number, rule, field, value, message FROM stg_spending_issue WHERE severity = 'FATAL'");
            st.execute("INSERT INTO spending_finding SELECT " + batchId + ", " + quote(fileName)
                    + ", line_number, rule, severity, field, value, message FROM stg_spending_issue WHERE severity <> 'FATAL'");
            tick("insert lines, rejects, findings");
            evidence.addAll(X100Check.run(conn, batchId, fileName, noDecimals));
            tick("x100 check");
            // Buyers seen only in spending still exist as buyers (the cartography lists them).
            st.execute("""
                    INSERT INTO buyer (buyer_id, siren) SELECT DISTINCT buyer_id, CASE WHEN length(buyer_id) = 14 THEN left(buyer_id, 9) END
                    FROM stg_keyed WHERE buyer_id NOT IN (SELECT buyer_id FROM buyer)""");
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
            st.execute("DROP TABLE IF EXISTS stg_keyed");
            st.execute("DROP TABLE IF EXISTS stg_occ");
            st.execute("DROP TABLE IF EXISTS stg_unit");
            st.execute("DROP TABLE IF EXISTS stg_dup");
            st.execute("DROP TABLE IF EXISTS stg_spending");
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

    private void deleteSpool() {
        try {
            java.nio.file.Files.deleteIfExists(spool);
        } catch (java.io.IOException ignored) {
            // a temporary file: the OS cleans it eventually
        }
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
        try {
            lines.close();
        } catch (java.io.IOException ignored) {
            // deleted below
        }
        deleteSpool();
        try {
            issues.close();
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
