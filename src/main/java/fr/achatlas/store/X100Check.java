package fr.achatlas.store;

import org.duckdb.DuckDBConnection;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The classic ×100 error: cents written without a decimal separator (or a decimal comma lost on the way) make every
 * amount a hundred times too large. Checked per buyer of a batch, set-wise:
 * <ul>
 *   <li>against the buyer's history: the batch's median line amount is 30 to 3 000 times the median of the buyer's
 *       lines from other files (both with 30 lines or more) — enough on its own;</li>
 *   <li>when no amount of the file has a decimal part: the batch's yearly total is more than 25 times the buyer's DECP
 *       contracts of that year, or (without history nor DECP) the median payment exceeds 50 000 €.</li>
 * </ul>
 * Suspect lines are kept as read (never modified), flagged {@code amount_suspect} — sums exclude them — and the file
 * gets one SPENDING_AMOUNT_X100 finding saying why and how to re-import.
 */
final class X100Check {

    private X100Check() {
    }

    static List<String> run(DuckDBConnection conn, int batchId, String fileName, boolean noDecimals) throws SQLException {
        List<String> evidence = new ArrayList<>();
        List<String> buyers = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("""
                WITH b AS (SELECT buyer_id, count(*) n, median(abs(amount)) med FROM spending_line WHERE batch_id = %1$d GROUP BY 1),
                     h AS (SELECT buyer_id, count(*) n, median(abs(amount)) med FROM spending_line
                           WHERE batch_id <> %1$d AND NOT amount_suspect AND buyer_id IN (SELECT buyer_id FROM b) GROUP BY 1),
                     y AS (SELECT buyer_id, year, sum(amount) total FROM spending_line WHERE batch_id = %1$d GROUP BY 1, 2),
                     d AS (SELECT buyer_id, award_year AS year, sum(amount) total FROM contract
                           WHERE NOT amount_suspect AND buyer_id IN (SELECT buyer_id FROM b) GROUP BY 1, 2),
                     r AS (SELECT y.buyer_id, max(y.total / d.total) ratio FROM y JOIN d USING (buyer_id, year)
                           WHERE d.total >= 100000 GROUP BY 1)
                SELECT b.buyer_id, b.n, b.med, h.n, h.med, r.ratio
                FROM b LEFT JOIN h USING (buyer_id) LEFT JOIN r USING (buyer_id) ORDER BY 1""".formatted(batchId))) {
            while (rs.next()) {
                String buyer = rs.getString(1);
                long n = rs.getLong(2);
                BigDecimal med = rs.getBigDecimal(3);
                long hn = rs.getLong(4);
                BigDecimal hmed = rs.getBigDecimal(5);
                double ratio = rs.getDouble(6);
                boolean hasRatio = !rs.wasNull();
                String why = null;
                if (hn >= 30 && n >= 30 && hmed != null && hmed.signum() > 0 && med != null) {
                    double k = med.doubleValue() / hmed.doubleValue();
                    if (k >= 30 && k <= 3000) {
                        why = "montant médian " + fmt(med) + " € contre " + fmt(hmed) + " € dans les autres fichiers de l'acheteur (×"
                                + Math.round(k) + ")";
                    }
                }
                if (why == null && noDecimals) {
                    if (hasRatio && ratio > 25) {
                        why = "aucun montant du fichier n'a de décimales et le total annuel vaut " + Math.round(ratio)
                                + " fois les marchés DECP de l'acheteur";
                    } else if (!hasRatio && hn < 30 && med != null && med.doubleValue() > 50_000) {
                        why = "aucun montant du fichier n'a de décimales et le paiement médian atteint " + fmt(med) + " €";
                    }
                }
                if (why != null) {
                    buyers.add(buyer);
                    evidence.add(buyer + " : " + why);
                }
            }
        }
        if (buyers.isEmpty()) return evidence;
        try (Statement st = conn.createStatement()) {
            for (int i = 0; i < buyers.size(); i++) {
                String b = SpendingBatchWriter.quote(buyers.get(i));
                st.execute("UPDATE spending_line SET amount_suspect = true WHERE batch_id = " + batchId + " AND buyer_id = " + b);
                st.execute("INSERT INTO spending_finding VALUES (" + batchId + ", " + SpendingBatchWriter.quote(fileName)
                        + ", 0, 'SPENDING_AMOUNT_X100', 'WARNING', 'amount', " + b + ", "
                        + SpendingBatchWriter.quote("Montants probablement multipliés par 100 (centimes sans séparateur décimal) : "
                        + evidence.get(i) + ". Lignes conservées telles que lues mais exclues des totaux ; après vérification, "
                        + "supprimez ce lot (spending delete-batch " + batchId + ") et réimportez avec --amount-divisor 100.")
                        + ")");
            }
        }
        return evidence;
    }

    private static String fmt(BigDecimal v) {
        return String.format(java.util.Locale.FRANCE, "%,.2f", v.doubleValue());
    }
}
