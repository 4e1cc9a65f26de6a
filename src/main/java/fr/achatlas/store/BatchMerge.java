package fr.achatlas.store;

import org.duckdb.DuckDBConnection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;

/**
 * The set-wise end of an import (inside the batch's transaction), after {@link Staging} has appended the new
 * contracts and staged the copies of known ones.
 *
 * <ol>
 *   <li>Modifications of every copy are united by content (mod_key): a contract republished with new avenants gains
 *       them, and its current state (amount, duration, holders) is recomputed in date order.</li>
 *   <li>Every copy is recorded in contract_source unless that very record (file content + position) is already there:
 *       re-importing a file adds nothing. Rejects likewise.</li>
 *   <li>Ids reused by the same buyer for different contracts are flagged; new buyers and suppliers registered.</li>
 * </ol>
 */
final class BatchMerge {

    private final DuckDBConnection conn;
    private final int batchId;
    private final String fileName;
    private final String sha;

    BatchMerge(DuckDBConnection conn, int batchId, String fileName, String sha) {
        this.conn = conn;
        this.batchId = batchId;
        this.fileName = fileName;
        this.sha = sha;
    }

    BatchCounts run(Staging staged, long read, long warnings) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement st = conn.createStatement()) {
            for (String copy : staged.copyNewRows()) sql(st, copy);
            step("new contracts", t0);
            // Modifications brought by copies: one row per (contract, content), from the first record that carries it.
            sql(st, """
                    CREATE OR REPLACE TEMP TABLE stg_mod_new AS
                    SELECT * FROM (
                        SELECT m.*, row_number() OVER (PARTITION BY contract_key, mod_key ORDER BY record_position) AS rn
                        FROM stg_dup_modification m) x
                    WHERE rn = 1 AND NOT EXISTS (SELECT 1 FROM contract_modification c
                                                 WHERE c.contract_key = x.contract_key AND c.mod_key = x.mod_key)""");
            sql(st, "INSERT INTO contract_modification SELECT * EXCLUDE (record_position, rn) FROM stg_mod_new");
            sql(st, """
                    INSERT INTO contract_holder
                    SELECT h.* EXCLUDE (record_position) FROM stg_dup_holder h
                    SEMI JOIN stg_mod_new m ON m.contract_key = h.contract_key AND m.mod_key = h.mod_key
                                           AND m.record_position = h.record_position""");
            long newMods = count(st, "SELECT count(*) FROM stg_mod_new");

            exec("""
                    INSERT INTO contract_source
                    SELECT d.contract_key, ?, d.record_position, d.source_format, d.platform, false
                    FROM stg_dup d
                    WHERE NOT EXISTS (SELECT 1 FROM contract_source c JOIN import_batch b ON b.batch_id = c.batch_id
                                      WHERE b.file_sha256 = ? AND c.record_position = d.record_position)""",
                    batchId, sha);
            exec("""
                    INSERT INTO reject
                    SELECT ?, ?, ?, r.record_position, r.rule, r.field, r.value, r.message, r.buyer_id, r.contract_id
                    FROM stg_reject r
                    WHERE NOT EXISTS (SELECT 1 FROM reject j WHERE j.file_sha256 = ? AND j.record_position = r.record_position)""",
                    batchId, fileName, sha, sha);
            step("sources", t0);

            recomputeCurrentState(st);
            step("current state", t0);
            flagReusedIds(st);
            registerParties(st);
            step("ids and parties", t0);

            long inStore = count(st, "SELECT count(*) FROM contract WHERE first_batch_id = " + batchId);
            Integer sameAs = sameContentAs();
            exec("""
                    UPDATE import_batch SET file_sha256 = ?, finished_at = ?, records_read = ?, loaded = ?, duplicates = ?,
                           rejected = ?, warnings = ?, same_content_as = ?
                    WHERE batch_id = ?""",
                    sha, Timestamp.valueOf(LocalDateTime.now()), read, staged.loaded(), staged.duplicates(),
                    staged.rejected(), warnings, sameAs, batchId);
            for (String t : new String[]{"stg_dup", "stg_dup_modification", "stg_dup_holder", "stg_reject", "stg_party", "stg_buyer",
                    "stg_mod_new", "stg_touched"}) {
                st.execute("DROP TABLE IF EXISTS " + t);
            }
            if (inStore != staged.loaded() || staged.loaded() + staged.duplicates() + staged.rejected() != read) {
                throw new IllegalStateException("Comptes incohérents : " + read + " lus, " + staged.loaded() + " chargés ("
                        + inStore + " en base), " + staged.duplicates() + " doublons, " + staged.rejected() + " rejetés");
            }
            return new BatchCounts(batchId, read, staged.loaded(), staged.duplicates(), staged.rejected(), newMods, sameAs);
        }
    }

    /** Applies modifications in date order (rank breaking ties, undated last): the latest value of each property wins. */
    private void recomputeCurrentState(Statement st) throws SQLException {
        sql(st, "CREATE OR REPLACE TEMP TABLE stg_touched AS SELECT DISTINCT contract_key FROM stg_mod_new");
        sql(st, """
                UPDATE contract c SET
                    current_amount = coalesce(m.amount, c.amount),
                    current_duration_months = coalesce(m.duration, c.duration_months),
                    current_holders_mod = coalesce(m.holders, 0),
                    modification_count = m.n,
                    last_modification_date = m.last_date
                FROM (SELECT contract_key,
                             arg_max(amount, sort_key) FILTER (WHERE amount IS NOT NULL) AS amount,
                             arg_max(duration_months, sort_key) FILTER (WHERE duration_months IS NOT NULL) AS duration,
                             arg_max(mod_key, sort_key) FILTER (WHERE changes_holders) AS holders,
                             count(*) AS n, max(notification_date) AS last_date
                      FROM (SELECT *, epoch(coalesce(notification_date, DATE '9999-12-31')) * 100000 + rank AS sort_key
                            FROM contract_modification SEMI JOIN stg_touched USING (contract_key))
                      GROUP BY contract_key) m
                WHERE c.contract_key = m.contract_key""");
        sql(st, """
                UPDATE contract c SET holder_count = h.n
                FROM (SELECT h.contract_key, count(*) AS n FROM contract_holder h
                      JOIN contract c2 ON c2.contract_key = h.contract_key AND c2.current_holders_mod = h.mod_key
                      SEMI JOIN stg_touched t ON t.contract_key = h.contract_key
                      GROUP BY h.contract_key) h
                WHERE c.contract_key = h.contract_key""");
    }

    /** The same buyer and id on two different contracts: lots, or an id reused. Both stay; the new one is flagged. */
    private void flagReusedIds(Statement st) throws SQLException {
        exec("""
                INSERT INTO finding
                SELECT n.contract_key, ?, s.record_position, 'ID_REUSED', 'WARNING', 'id', n.contract_id,
                       'L''identifiant ' || n.contract_id || ' de cet acheteur désigne aussi ' || (o.n - 1)
                       || ' autre(s) marché(s) au contenu différent (lots, ré-emploi d''identifiant).'
                FROM contract n
                JOIN (SELECT identity_hash, buyer_id, contract_id, count(*) AS n FROM contract
                      WHERE identity_hash IN (SELECT identity_hash FROM contract WHERE first_batch_id = ?)
                      GROUP BY identity_hash, buyer_id, contract_id HAVING count(*) > 1) o
                  ON o.identity_hash = n.identity_hash AND o.buyer_id = n.buyer_id AND o.contract_id = n.contract_id
                JOIN contract_source s ON s.contract_key = n.contract_key AND s.batch_id = n.first_batch_id AND s.is_primary
                WHERE n.first_batch_id = ?""", batchId, batchId, batchId);
        sql(st, """
                UPDATE contract c SET warning_count = c.warning_count + 1
                WHERE first_batch_id = %d AND contract_key IN (SELECT contract_key FROM finding WHERE rule = 'ID_REUSED' AND batch_id = %d)"""
                .formatted(batchId, batchId));
    }

    private void registerParties(Statement st) throws SQLException {
        sql(st, """
                INSERT INTO buyer (buyer_id, siren, name)
                SELECT b.buyer_id, CASE WHEN regexp_full_match(b.buyer_id, '[0-9]{14}') THEN left(b.buyer_id, 9) END, b.name
                FROM stg_buyer b ANTI JOIN buyer x ON x.buyer_id = b.buyer_id""");
        sql(st, """
                UPDATE buyer x SET name = b.name FROM stg_buyer b
                WHERE x.buyer_id = b.buyer_id AND x.name IS NULL AND b.name IS NOT NULL""");
        sql(st, "INSERT INTO supplier SELECT p.* FROM stg_party p ANTI JOIN supplier s ON s.supplier_id = p.supplier_id");
    }

    private Integer sameContentAs() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT min(batch_id) FROM import_batch WHERE file_sha256 = ? AND batch_id <> ? AND finished_at IS NOT NULL")) {
            ps.setString(1, sha);
            ps.setInt(2, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int v = rs.getInt(1);
                return rs.wasNull() ? null : v;
            }
        }
    }

    private void exec(String sql, Object... params) throws SQLException {
        long t = System.nanoTime();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            ps.executeUpdate();
        }
        timing(sql, t);
    }

    private static void sql(Statement st, String sql) throws SQLException {
        long t = System.nanoTime();
        st.execute(sql);
        timing(sql, t);
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Statement and phase timings on stderr when ACHATLAS_TIMING is set, to see where an import spends its time. */
    private static void timing(String sql, long t) {
        if (System.getenv("ACHATLAS_TIMING") != null) {
            String head = sql.strip().replaceAll("\\s+", " ");
            System.err.printf("[timing]   %6.2f s  %s%n", (System.nanoTime() - t) / 1e9, head.substring(0, Math.min(90, head.length())));
        }
    }

    private static void step(String name, long t0) {
        if (System.getenv("ACHATLAS_TIMING") != null) {
            System.err.printf("[timing] %-16s %6.2f s%n", name, (System.nanoTime() - t0) / 1e9);
        }
    }
}
