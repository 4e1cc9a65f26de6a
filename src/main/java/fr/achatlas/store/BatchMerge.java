package fr.achatlas.store;

import org.duckdb.DuckDBConnection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;

/**
 * The set-wise merge of a staged batch into the store (inside the batch's transaction).
 *
 * <ol>
 *   <li>Per contract key, the copy with the most modifications (then the first in the file) is the one kept; keys
 *       already in the store are duplicates.</li>
 *   <li>Modifications of every copy are united by content (mod_key), so a contract republished with new avenants
 *       gains them; the current state (amount, duration, holders) is then recomputed for every touched contract.</li>
 *   <li>Every copy is recorded in contract_source, unless that very record (file content + position) is already
 *       there: re-importing a file adds nothing.</li>
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

    BatchCounts run(long read, long warnings) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement st = conn.createStatement()) {
            st.execute("""
                    CREATE OR REPLACE TEMP TABLE stg_kept AS
                    SELECT contract_key, record_position FROM (
                        SELECT contract_key, record_position,
                               row_number() OVER (PARTITION BY contract_key ORDER BY staged_modifications DESC, record_position) AS rn
                        FROM stg_contract) WHERE rn = 1""");
            st.execute("""
                    CREATE OR REPLACE TEMP TABLE stg_new AS
                    SELECT k.* FROM stg_kept k ANTI JOIN contract c ON c.contract_key = k.contract_key""");

            exec("INSERT INTO contract BY NAME SELECT s.* EXCLUDE (record_position, staged_modifications) REPLACE ("
                    + Staging.listColumnsFromText("s") + "), ? AS first_batch_id "
                    + "FROM stg_contract s SEMI JOIN stg_new n ON n.contract_key = s.contract_key AND n.record_position = s.record_position",
                    batchId);
            st.execute("""
                    INSERT INTO contract_holder
                    SELECT h.* EXCLUDE (record_position) FROM stg_holder h
                    SEMI JOIN stg_new n ON n.contract_key = h.contract_key AND n.record_position = h.record_position
                    WHERE h.mod_key = 0""");

            // Modifications: one copy per (contract, content), taken from the first record that carries it.
            st.execute("""
                    CREATE OR REPLACE TEMP TABLE stg_mod_new AS
                    SELECT * FROM (
                        SELECT m.*, row_number() OVER (PARTITION BY contract_key, mod_key ORDER BY record_position) AS rn
                        FROM stg_modification m) x
                    WHERE rn = 1 AND NOT EXISTS (SELECT 1 FROM contract_modification c
                                                 WHERE c.contract_key = x.contract_key AND c.mod_key = x.mod_key)""");
            st.execute("""
                    INSERT INTO contract_modification
                    SELECT * EXCLUDE (record_position, rn) FROM stg_mod_new""");
            st.execute("""
                    INSERT INTO contract_holder
                    SELECT h.* EXCLUDE (record_position) FROM stg_holder h
                    SEMI JOIN stg_mod_new m ON m.contract_key = h.contract_key AND m.mod_key = h.mod_key
                                           AND m.record_position = h.record_position
                    WHERE h.mod_key <> 0""");
            long newMods = count(st, "SELECT count(*) FROM stg_mod_new");

            st.execute("""
                    INSERT INTO subcontract
                    SELECT s.* EXCLUDE (record_position) FROM stg_subcontract s
                    SEMI JOIN stg_new n ON n.contract_key = s.contract_key AND n.record_position = s.record_position""");
            exec("""
                    INSERT INTO finding
                    SELECT f.contract_key, ?, ?, f.record_position, f.rule, f.severity, f.field, f.value, f.message
                    FROM stg_finding f
                    SEMI JOIN stg_new n ON n.contract_key = f.contract_key AND n.record_position = f.record_position""",
                    batchId, fileName);
            exec("""
                    INSERT INTO contract_source
                    SELECT s.contract_key, ?, ?, ?, s.record_position, s.source_format, s.platform,
                           (k.contract_key IS NOT NULL) AS is_primary
                    FROM stg_contract s
                    LEFT JOIN stg_new k ON k.contract_key = s.contract_key AND k.record_position = s.record_position
                    WHERE NOT EXISTS (SELECT 1 FROM contract_source c
                                      WHERE c.file_sha256 = ? AND c.record_position = s.record_position)""",
                    batchId, fileName, sha, sha);
            exec("""
                    INSERT INTO reject
                    SELECT ?, ?, ?, r.record_position, r.rule, r.field, r.value, r.message, r.buyer_id, r.contract_id
                    FROM stg_reject r
                    WHERE NOT EXISTS (SELECT 1 FROM reject j WHERE j.file_sha256 = ? AND j.record_position = r.record_position)""",
                    batchId, fileName, sha, sha);

            step("merge inserts", t0);
            recomputeCurrentState(st);
            step("current state", t0);
            flagReusedIds(st);
            registerParties(st);
            step("ids and parties", t0);

            long loaded = count(st, "SELECT count(*) FROM stg_new");
            long accepted = count(st, "SELECT count(*) FROM stg_contract");
            long rejected = count(st, "SELECT count(DISTINCT record_position) FROM stg_reject");
            Integer sameAs = sameContentAs();
            exec("""
                    UPDATE import_batch SET file_sha256 = ?, finished_at = ?, records_read = ?, loaded = ?, duplicates = ?,
                           rejected = ?, warnings = ?, same_content_as = ?
                    WHERE batch_id = ?""",
                    sha, Timestamp.valueOf(LocalDateTime.now()), read, loaded, accepted - loaded, rejected, warnings, sameAs, batchId);
            for (String t : new String[]{"stg_contract", "stg_holder", "stg_modification", "stg_subcontract", "stg_finding",
                    "stg_reject", "stg_kept", "stg_new", "stg_mod_new", "stg_touched"}) {
                st.execute("DROP TABLE IF EXISTS " + t);
            }
            if (accepted + rejected != read) {
                throw new IllegalStateException("Comptes incohérents : " + read + " lus, " + accepted + " acceptés, " + rejected + " rejetés");
            }
            return new BatchCounts(batchId, read, loaded, accepted - loaded, rejected, newMods, sameAs);
        }
    }

    /** Applies modifications in date order (rank breaking ties, undated last): the latest value of each property wins. */
    private void recomputeCurrentState(Statement st) throws SQLException {
        // New contracts arrive with the state of their kept copy; only those gaining modifications from another copy
        // (or already in the store) need recomputing.
        st.execute("""
                CREATE OR REPLACE TEMP TABLE stg_touched AS
                SELECT DISTINCT m.contract_key FROM stg_mod_new m LEFT JOIN stg_new n ON n.contract_key = m.contract_key
                WHERE n.contract_key IS NULL OR n.record_position <> m.record_position""");
        st.execute("""
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
        st.execute("""
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
                SELECT n.contract_key, ?, ?, k.record_position, 'ID_REUSED', 'WARNING', 'id', n.contract_id,
                       'L''identifiant ' || n.contract_id || ' de cet acheteur désigne aussi ' || o.others
                       || ' autre(s) marché(s) au contenu différent (lots, ré-emploi d''identifiant).'
                FROM contract n
                JOIN stg_new k ON k.contract_key = n.contract_key
                JOIN (SELECT buyer_id, contract_id, count(*) - 1 AS others FROM contract
                      WHERE (buyer_id, contract_id) IN (SELECT buyer_id, contract_id FROM contract SEMI JOIN stg_new USING (contract_key))
                      GROUP BY buyer_id, contract_id HAVING count(*) > 1) o
                  ON o.buyer_id = n.buyer_id AND o.contract_id = n.contract_id""", batchId, fileName);
        st.execute("""
                UPDATE contract c SET warning_count = c.warning_count + 1
                WHERE contract_key IN (SELECT contract_key FROM finding WHERE rule = 'ID_REUSED' AND batch_id = """ + batchId + ")");
    }

    private void registerParties(Statement st) throws SQLException {
        st.execute("""
                INSERT INTO buyer (buyer_id, siren, name)
                SELECT buyer_id, CASE WHEN regexp_full_match(buyer_id, '[0-9]{14}') THEN left(buyer_id, 9) END, any_value(buyer_name)
                FROM contract SEMI JOIN stg_new USING (contract_key)
                WHERE buyer_id NOT IN (SELECT buyer_id FROM buyer)
                GROUP BY buyer_id""");
        st.execute("""
                UPDATE buyer b SET name = n.name
                FROM (SELECT buyer_id, any_value(buyer_name) AS name FROM contract SEMI JOIN stg_new USING (contract_key)
                      WHERE buyer_name IS NOT NULL GROUP BY buyer_id) n
                WHERE b.buyer_id = n.buyer_id AND b.name IS NULL""");
        st.execute("""
                INSERT INTO supplier (supplier_id, id_type, siren, name)
                SELECT holder_id, any_value(id_type), any_value(siren), any_value(name)
                FROM contract_holder
                WHERE contract_key IN (SELECT contract_key FROM stg_new UNION ALL SELECT contract_key FROM stg_touched)
                  AND holder_id IS NOT NULL AND holder_id NOT IN (SELECT supplier_id FROM supplier)
                GROUP BY holder_id""");
    }

    /** Phase timings on stderr when ACHATLAS_TIMING is set: the import benchmark reads them to see where time goes. */
    private static void step(String name, long t0) {
        if (System.getenv("ACHATLAS_TIMING") != null) {
            System.err.printf("[timing] %-16s %6.2f s%n", name, (System.nanoTime() - t0) / 1e9);
        }
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
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            ps.executeUpdate();
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
