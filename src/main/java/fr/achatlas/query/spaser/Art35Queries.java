package fr.achatlas.query.spaser;

import fr.achatlas.query.Statements;
import fr.achatlas.model.Thresholds;
import fr.achatlas.model.Thresholds.BuyerCategory;
import fr.achatlas.model.Thresholds.Kind;
import fr.achatlas.query.cube.Fact;
import fr.achatlas.query.cube.Scope;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loi n° 2021-1104 du 22 août 2021 (« Climat et Résilience »), art. 35: contracts notified from its entry into force
 * without an environmental consideration, and those at or above the EU threshold in force at their notification date
 * without a social one. The threshold is taken from the dated table {@link Thresholds} by buyer category (État when
 * the buyer's legal category is 71xx, other contracting authorities otherwise) and nature (works when the contract's
 * family is of works nature, or its CPV is in division 45).
 */
public final class Art35Queries {

    /** Entry into force of the obligations of art. 35 (five years after the law, as set by the issue). */
    public static final LocalDate IN_FORCE = LocalDate.of(2026, 8, 21);

    /** A contract notified since {@link #IN_FORCE}, with what it lacks. */
    public record Row(String contractKey, String contractId, String buyerId, String buyerName, String object,
                      LocalDate notificationDate, BigDecimal amount, String nature, BigDecimal euThreshold,
                      boolean environmental, boolean social) {

        public boolean aboveEuThreshold() {
            return euThreshold != null && amount != null && amount.compareTo(euThreshold) >= 0;
        }

        public boolean missingEnvironmental() {
            return !environmental;
        }

        public boolean missingSocial() {
            return aboveEuThreshold() && !social;
        }

        public boolean compliant() {
            return !missingEnvironmental() && !missingSocial();
        }
    }

    /** One month of notifications: how many, how many without an environmental / a required social consideration. */
    public record Month(String month, int notified, int withoutEnvironmental, int aboveEuThreshold, int aboveWithoutSocial) {
    }

    public record Report(LocalDate since, List<Row> rows, int notified, int withoutEnvironmental, int aboveEuThreshold,
                         int aboveWithoutSocial, List<Month> months) {

        public List<Row> nonCompliant() {
            return rows.stream().filter(r -> !r.compliant()).toList();
        }
    }

    private final Connection conn;
    private final Thresholds thresholds;

    public Art35Queries(Connection conn, Thresholds thresholds) {
        this.conn = conn;
        this.thresholds = thresholds;
    }

    public Report report(Scope scope) throws SQLException {
        List<Object> params = new ArrayList<>();
        String base = SpaserRows.base(conn, Fact.CONTRACT, scope, true, false, null, null, params);
        String sql = "WITH " + base + " SELECT CAST(contract_key AS VARCHAR), contract_id, buyer_id, buyer_name, object, notification_date, "
                + "amount_initial_total, family_nature, cpv, buyer_legal_category, has_environmental, has_social "
                + "FROM base WHERE first_row AND notification_date >= ? ORDER BY notification_date, contract_id";
        params.add(IN_FORCE);
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = Statements.prepare(conn, sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                LocalDate date = rs.getObject(6, LocalDate.class);
                String familyNature = rs.getString(8);
                String cpv = rs.getString(9);
                String nature = familyNature != null ? familyNature : cpv != null && cpv.startsWith("45") ? "TRAVAUX" : null;
                String legal = rs.getString(10);
                BuyerCategory cat = legal != null && legal.startsWith("71") ? BuyerCategory.ETAT : BuyerCategory.AUTRES;
                BigDecimal threshold = thresholds.at(Kind.UE, date, Thresholds.natureOf(nature), cat)
                        .map(Thresholds.Threshold::amount).orElse(null);
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), date,
                        SpaserRows.amount(rs.getObject(7)), Thresholds.natureOf(nature).name(), threshold,
                        rs.getBoolean(11), rs.getBoolean(12)));
            }
        }
        Map<String, int[]> months = new TreeMap<>();
        for (Row r : rows) {
            int[] m = months.computeIfAbsent(r.notificationDate().toString().substring(0, 7), k -> new int[4]);
            m[0]++;
            if (r.missingEnvironmental()) m[1]++;
            if (r.aboveEuThreshold()) m[2]++;
            if (r.missingSocial()) m[3]++;
        }
        List<Month> trend = months.entrySet().stream()
                .map(e -> new Month(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3])).toList();
        return new Report(IN_FORCE, rows, rows.size(), (int) rows.stream().filter(Row::missingEnvironmental).count(),
                (int) rows.stream().filter(Row::aboveEuThreshold).count(), (int) rows.stream().filter(Row::missingSocial).count(), trend);
    }
}
