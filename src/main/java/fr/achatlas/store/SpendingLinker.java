package fr.achatlas.store;

import org.duckdb.DuckDBConnection;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Links spending lines to contracts, set-wise, and matches name-only lines to suppliers.
 *
 * <p>Contracts: (1) REFERENCE — the line's contract reference equals a contract id of the same buyer (compared
 * without spaces, punctuation or case), confidence 1 (0.9 when several contracts share the id); (2) SUPPLIER_PERIOD —
 * a contract of the same buyer held by the line's SIREN (initial holders or those of a modification) whose life,
 * from award to award + duration + 6 months of final invoices, covers the payment date: confidence 0.8 when there
 * is one candidate; with several, the most recently awarded one at 0.5 (SUPPLIER_PERIOD_AMBIGUOUS). Purchase families
 * do not exist yet in this branch (classification comes later): ambiguity is not resolved by family.
 *
 * <p>Names: a line with a name only takes (1) NAME_HISTORY — the SIRET the same buyer's identified lines carry
 * under the same normalised name (0.9, or 0.6 when that name carries several SIRENs); else (2) NAME_REFERENTIAL —
 * the unit of the referential with that normalised name (0.75 when unique, 0.4 when several: review list).
 */
public final class SpendingLinker {

    public record Counts(long byReference, long bySupplierPeriod, long ambiguous, long namesByHistory, long namesByReferential) {
    }

    private final Database db;

    public SpendingLinker(Database db) {
        this.db = db;
    }

    /** Matches names, then links lines (all when {@code batchId} is null), in one transaction. */
    public Counts run(Integer batchId) throws SQLException {
        DuckDBConnection c = db.connection();
        String scope = batchId == null ? "true" : "s.batch_id = " + batchId;
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            // --- names
            st.execute("UPDATE spending_line s SET supplier_id = NULL, supplier_siren = NULL, supplier_match_method = NULL, "
                    + "supplier_match_confidence = NULL WHERE " + scope + " AND supplier_id_type = 'NAME'");
            long hist = st.executeUpdate("""
                    UPDATE spending_line s SET supplier_id = h.siret, supplier_siren = left(h.siret, 9),
                        supplier_match_method = 'NAME_HISTORY', supplier_match_confidence = CASE WHEN h.sirens = 1 THEN 0.9 ELSE 0.6 END
                    FROM (SELECT buyer_id, supplier_name_norm, mode(supplier_id) AS siret, count(DISTINCT supplier_siren) AS sirens
                          FROM spending_line WHERE supplier_id_type = 'SIRET' AND supplier_name_norm IS NOT NULL
                          GROUP BY 1, 2) h
                    WHERE %s AND s.supplier_id_type = 'NAME' AND h.buyer_id = s.buyer_id
                      AND h.supplier_name_norm = s.supplier_name_norm""".formatted(scope));
            long ref = st.executeUpdate("""
                    UPDATE spending_line s SET supplier_siren = r.siren, supplier_id = r.siret,
                        supplier_match_method = 'NAME_REFERENTIAL', supplier_match_confidence = CASE WHEN r.n = 1 THEN 0.75 ELSE 0.4 END
                    FROM (SELECT r.name_norm, r.siren, r.n, hq.siret
                          FROM (SELECT name_norm, min(siren) AS siren, count(*) AS n FROM supplier_unit
                                WHERE name_norm IS NOT NULL GROUP BY 1) r
                          LEFT JOIN (SELECT siren, min(siret) AS siret FROM supplier_establishment WHERE headquarters GROUP BY 1) hq
                            USING (siren)) r
                    WHERE %s AND s.supplier_id_type = 'NAME' AND s.supplier_match_method IS NULL
                      AND r.name_norm = s.supplier_name_norm""".formatted(scope));
            // --- contracts
            st.execute("UPDATE spending_line s SET contract_key = NULL, link_method = NULL, link_confidence = NULL WHERE " + scope);
            long byRef = st.executeUpdate("""
                    UPDATE spending_line s SET contract_key = m.contract_key, link_method = 'REFERENCE',
                        link_confidence = CASE WHEN m.n = 1 THEN 1.0 ELSE 0.9 END
                    FROM (SELECT s.line_key, c.contract_key, count(*) OVER (PARTITION BY s.line_key) AS n,
                                 row_number() OVER (PARTITION BY s.line_key ORDER BY
                                     (s.payment_date >= c.award_date) DESC, c.award_date DESC, c.contract_key) AS rn
                          FROM spending_line s JOIN contract c ON c.buyer_id = s.buyer_id
                           AND regexp_replace(upper(c.contract_id), '[^A-Z0-9]', '', 'g') = regexp_replace(upper(s.contract_ref), '[^A-Z0-9]', '', 'g')
                          WHERE %s AND s.contract_ref IS NOT NULL) m
                    WHERE m.rn = 1 AND m.line_key = s.line_key""".formatted(scope));
            st.execute("""
                    CREATE OR REPLACE TEMP TABLE link_cand AS
                    WITH holders AS (SELECT DISTINCT contract_key, siren FROM contract_holder WHERE siren IS NOT NULL)
                    SELECT s.line_key, c.contract_key, count(*) OVER (PARTITION BY s.line_key) AS n,
                           row_number() OVER (PARTITION BY s.line_key ORDER BY c.award_date DESC, c.contract_key) AS rn
                    FROM spending_line s
                    JOIN holders h ON h.siren = s.supplier_siren
                    JOIN contract c ON c.contract_key = h.contract_key AND c.buyer_id = s.buyer_id
                    WHERE %s AND s.contract_key IS NULL AND c.award_date IS NOT NULL
                      AND s.payment_date >= c.award_date
                      AND s.payment_date <= c.award_date + to_months(coalesce(c.current_duration_months, c.duration_months, 12) + 6)"""
                    .formatted(scope));
            long period = st.executeUpdate("""
                    UPDATE spending_line s SET contract_key = m.contract_key,
                        link_method = CASE WHEN m.n = 1 THEN 'SUPPLIER_PERIOD' ELSE 'SUPPLIER_PERIOD_AMBIGUOUS' END,
                        link_confidence = CASE WHEN m.n = 1 THEN 0.8 ELSE 0.5 END
                    FROM link_cand m WHERE m.rn = 1 AND m.line_key = s.line_key""");
            long ambiguous = SpendingBatchWriter.scalar(st, "SELECT count(DISTINCT line_key) FROM link_cand WHERE n > 1");
            st.execute("DROP TABLE link_cand");
            c.commit();
            return new Counts(byRef, period, ambiguous, hist, ref);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Removes one spending batch (e.g. after a ×100 finding, before re-importing with a divisor). */
    public long deleteBatch(int batchId) throws SQLException {
        DuckDBConnection c = db.connection();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            if (SpendingBatchWriter.scalar(st, "SELECT count(*) FROM import_batch WHERE kind = 'SPENDING' AND batch_id = " + batchId) == 0) {
                throw new IllegalArgumentException("Aucun lot de dépenses n° " + batchId);
            }
            long n = st.executeUpdate("DELETE FROM spending_line WHERE batch_id = " + batchId);
            for (String t : new String[]{"spending_duplicate", "spending_reject", "spending_finding", "import_batch"}) {
                st.execute("DELETE FROM " + t + " WHERE batch_id = " + batchId);
            }
            c.commit();
            return n;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
