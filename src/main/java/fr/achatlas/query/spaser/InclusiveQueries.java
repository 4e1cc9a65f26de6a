package fr.achatlas.query.spaser;

import fr.achatlas.query.Statements;
import fr.achatlas.query.cube.Fact;
import fr.achatlas.query.cube.FactSnapshots;
import fr.achatlas.query.cube.Scope;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Sheltered and adapted work (ESAT, EA) and insertion (SIAE): where a buyer could move purchases to them.
 *
 * <ul>
 *   <li>A <b>transferable segment</b> is a family of the nomenclature in which a buyer pays ordinary suppliers while
 *       structures of that sector located in the area (the territory's definition of local) operate in it: the family
 *       is flagged for the sector in the nomenclature, and such a structure holds a contract or was paid in it by a
 *       buyer of the territory (the flag alone says "typically", the data says "here").</li>
 *   <li>A <b>reservation candidate</b> is a current contract of such a family, held by an ordinary supplier, not
 *       already reserved, ending within 24 months: its renewal could be reserved under art. L2113-12 CCP (ESAT, EA)
 *       or L2113-13 CCP (SIAE).</li>
 * </ul>
 */
public final class InclusiveQueries {

    /** The two sectors of reserved contracts, with the article of the Code de la commande publique allowing it. */
    public enum Sector {
        ESAT_EA("ESAT et entreprises adaptées", SpaserRows.ESAT_EA, "L2113-12", "esat_ea"),
        SIAE("Structures d'insertion par l'activité économique", SpaserRows.SIAE, "L2113-13", "siae");

        private final String label;
        private final String types;
        private final String article;
        /** The nomenclature's flag of families where the sector typically works (docs/nomenclature.md). */
        private final String familyFlag;

        Sector(String label, String types, String article, String familyFlag) {
            this.label = label;
            this.types = types;
            this.article = article;
            this.familyFlag = familyFlag;
        }

        public String label() {
            return label;
        }

        public String article() {
            return article;
        }
    }

    public record Segment(String buyerId, String buyerName, String familyCode, String familyLabel, Sector sector,
                          BigDecimal ordinaryAmount, long ordinarySuppliers, BigDecimal inclusiveAmount, long structures,
                          String structureNames) {
    }

    /** A contract of a family where both sectors operate lists both, with both articles. */
    public record Candidate(String contractKey, String contractId, String buyerId, String buyerName, String object,
                            String familyCode, String familyLabel, List<Sector> sectors, String articles, String holders,
                            BigDecimal amount, LocalDate endDate, long structures) {

        public String sectorLabel() {
            return String.join(", ", sectors.stream().map(s -> s == Sector.ESAT_EA ? "ESAT / EA" : "SIAE").toList());
        }
    }

    /** How far ahead a contract's end makes it a candidate. */
    public static final int HORIZON_MONTHS = 24;

    private final Connection conn;

    public InclusiveQueries(Connection conn) {
        this.conn = conn;
    }

    /**
     * Families and sectors where structures of the area operate, from contracts (open data) and, when the user may
     * see spending, payments — both only as territory-wide evidence (which family, how many structures).
     */
    private String area(Scope scope, Sector sector) throws SQLException {
        String contracts = FactSnapshots.source(conn, Fact.CONTRACT);
        StringBuilder sql = new StringBuilder("area AS (SELECT family_code, count(DISTINCT supplier_id) AS structures, "
                + "string_agg(DISTINCT supplier_name, ' | ') AS names FROM (SELECT family_code, supplier_id, supplier_name FROM ")
                .append(contracts).append(" WHERE buyer_in_territory AND supplier_local AND supplier_inclusion IN ").append(sector.types);
        if (scope.canSeeSpending()) {
            sql.append(" UNION ALL SELECT family_code, supplier_id, supplier_name FROM ").append(FactSnapshots.source(conn, Fact.SPENDING))
                    .append(" WHERE buyer_in_territory AND supplier_local AND supplier_inclusion IN ").append(sector.types);
        }
        return sql.append(") WHERE family_code IN (SELECT code FROM nomenclature_family WHERE ").append(sector.familyFlag)
                .append(") GROUP BY family_code)").toString();
    }

    /** Transferable segments of the perimeter over years {@code from..to}, ranked by amount paid to ordinary suppliers. */
    public List<Segment> segments(Scope scope, int from, int to) throws SQLException {
        List<Segment> out = new ArrayList<>();
        for (Sector sector : Sector.values()) {
            List<Object> params = new ArrayList<>();
            String base = SpaserRows.base(conn, Fact.SPENDING, scope, false, true, from, to, params);
            String sql = "WITH " + base + ", " + area(scope, sector) + " SELECT b.buyer_id, any_value(b.buyer_name), b.family_code, "
                    + "any_value(b.family_label), sum(b.amount_spent) FILTER (WHERE b.supplier_inclusion IS NULL OR b.supplier_inclusion NOT IN " + sector.types + "), "
                    + "count(DISTINCT b.supplier_id) FILTER (WHERE b.supplier_inclusion IS NULL OR b.supplier_inclusion NOT IN " + sector.types + "), "
                    + "sum(b.amount_spent) FILTER (WHERE b.supplier_inclusion IN " + sector.types + "), any_value(a.structures), any_value(a.names) "
                    + "FROM base b JOIN area a ON a.family_code = b.family_code GROUP BY b.buyer_id, b.family_code "
                    + "HAVING sum(b.amount_spent) FILTER (WHERE b.supplier_inclusion IS NULL OR b.supplier_inclusion NOT IN " + sector.types + ") > 0";
            try (PreparedStatement ps = Statements.prepare(conn, sql, params); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal inclusive = SpaserRows.amount(rs.getObject(7));
                    out.add(new Segment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), sector,
                            SpaserRows.amount(rs.getObject(5)), rs.getLong(6), inclusive == null ? BigDecimal.ZERO.setScale(2) : inclusive,
                            rs.getLong(8), rs.getString(9)));
                }
            }
        }
        out.sort((a, b) -> b.ordinaryAmount().compareTo(a.ordinaryAmount()));
        return out;
    }

    /** Contracts of the perimeter that could be reserved at renewal: see the class comment. */
    public List<Candidate> candidates(Scope scope, LocalDate today) throws SQLException {
        java.util.Map<String, Candidate> byContract = new java.util.LinkedHashMap<>();
        for (Sector sector : Sector.values()) {
            List<Object> params = new ArrayList<>();
            String base = SpaserRows.base(conn, Fact.CONTRACT, scope, true, false, null, null, params);
            String end = "(coalesce(notification_date, award_date) + to_months(current_duration_months))::DATE";
            String sql = "WITH " + base + ", " + area(scope, sector) + ", k AS (SELECT contract_key, any_value(contract_id) AS contract_id, "
                    + "any_value(buyer_id) AS buyer_id, any_value(buyer_name) AS buyer_name, any_value(object) AS object, "
                    + "any_value(family_code) AS family_code, any_value(family_label) AS family_label, "
                    + "string_agg(DISTINCT coalesce(supplier_name, supplier_id), ' | ') AS holders, sum(amount_current_share) AS amount, "
                    + "any_value(" + end + ") AS end_date, bool_or(supplier_inclusion IN " + sector.types + ") AS inclusive, "
                    + "bool_or(reserved) AS reserved FROM base GROUP BY contract_key) "
                    + "SELECT CAST(k.contract_key AS VARCHAR), k.contract_id, k.buyer_id, k.buyer_name, k.object, k.family_code, "
                    + "k.family_label, k.holders, k.amount, k.end_date, a.structures FROM k JOIN area a ON a.family_code = k.family_code "
                    + "WHERE NOT coalesce(k.inclusive, false) AND NOT k.reserved AND k.end_date >= ? AND k.end_date <= ? "
                    + "ORDER BY k.end_date, k.contract_id";
            params.add(today);
            params.add(today.plusMonths(HORIZON_MONTHS));
            try (PreparedStatement ps = Statements.prepare(conn, sql, params); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Candidate c = new Candidate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), List.of(sector), sector.article, rs.getString(8),
                            SpaserRows.amount(rs.getObject(9)), rs.getObject(10, LocalDate.class), rs.getLong(11));
                    byContract.merge(c.contractKey(), c, (a, b) -> new Candidate(a.contractKey(), a.contractId(), a.buyerId(), a.buyerName(),
                            a.object(), a.familyCode(), a.familyLabel(), List.of(Sector.ESAT_EA, Sector.SIAE), a.articles() + ", " + b.articles(),
                            a.holders(), a.amount(), a.endDate(), a.structures() + b.structures()));
                }
            }
        }
        List<Candidate> out = new ArrayList<>(byContract.values());
        out.sort(java.util.Comparator.comparing(Candidate::endDate).thenComparing(Candidate::contractId));
        return out;
    }
}
