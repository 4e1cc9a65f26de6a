package fr.achatlas.query.mutualisation;

import fr.achatlas.query.Column;
import fr.achatlas.query.cube.Fact;
import fr.achatlas.query.cube.MutualisationLevel;
import fr.achatlas.query.cube.Scope;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mutualisation opportunities: purchase families (CPV division while a contract is unclassified, as the cube's
 * {@code mutualisation} axis does) bought by two or more buyers of the territory. Built on the contracts fact view, which
 * is open data, so every role sees the same list and the same savings; off-contract spending is added as information
 * for the roles that may see spending aggregates.
 *
 * <p>The number of buyers (hence the {@link MutualisationLevel}) counts every year, exactly as the cube axis; amounts,
 * contracts and suppliers are those awarded in the window of {@code years} years before {@code today}.
 */
public final class MutualisationQueries {

    /** Months of preparation of a joint procedure before the first contract to replace ends (convention, documented). */
    public static final int PREPARATION_MONTHS = 6;

    public record Opportunity(int rank, String familyKey, String familyLabel, String nature, long buyers, String levelKey,
                              String levelLabel, BigDecimal amount, BigDecimal yearlyAmount, long contracts, long suppliers,
                              long sharedSuppliers, long jointContracts, long endingContracts, LocalDate windowStart,
                              LocalDate windowEnd, LocalDate prepareBy, BigDecimal offContractSpending, BigDecimal savingsLow,
                              BigDecimal savingsHigh, Involvement selection) {
    }

    /**
     * What the buyers chosen on screen do in a family over the window: their contracts, and what they paid off contract
     * (null when the user may not see it). Null on an opportunity when no buyer is chosen.
     */
    public record Involvement(BigDecimal amount, long contracts, BigDecimal offContractSpending) {
    }

    public record BuyerShare(String buyerId, String buyerName, BigDecimal amount, long contracts, long suppliers,
                             LocalDate nextEnd, String nextEndObject) {
    }

    public record Params(LocalDate today, int years, int horizonMonths) {
        public Params {
            if (years < 1 || years > 10) throw new IllegalArgumentException("Fenêtre d'analyse hors de 1 à 10 ans.");
            if (horizonMonths < 1 || horizonMonths > 120) throw new IllegalArgumentException("Horizon hors de 1 à 120 mois.");
        }

        public LocalDate from() {
            return today.minusYears(years);
        }

        public LocalDate horizon() {
            return today.plusMonths(horizonMonths);
        }
    }

    /** The contracts of territory buyers with their family key and end date (notification + current duration). */
    static final String CONTRACTS = """
            SELECT fc.*, coalesce(fc.family_code, fc.cpv_division) AS fam, c.award_date,
                   CAST(coalesce(c.notification_date, c.award_date)
                        + to_months(coalesce(c.current_duration_months, c.duration_months)) AS DATE) AS end_date
            FROM fact_contract fc JOIN contract c USING (contract_key)
            WHERE fc.buyer_in_territory""";

    /** Nature of a family: the nomenclature's, else from the CPV division (03-44 and 48 supplies, 45 works, else services). */
    static final String NATURE = """
            coalesce(any_value(nf.nature), CASE WHEN f.fam = '45' THEN 'TRAVAUX'
                 WHEN f.fam < '45' OR f.fam = '48' THEN 'FOURNITURES' ELSE 'SERVICES' END)""";

    private final Connection conn;
    private final SavingsRates rates;

    public MutualisationQueries(Connection conn) {
        this(conn, SavingsRates.defaults());
    }

    public MutualisationQueries(Connection conn, SavingsRates rates) {
        this.conn = conn;
        this.rates = rates;
    }

    /**
     * Families bought by at least two buyers, ranked by the middle of their yearly savings range, then by buyers.
     * With buyers chosen on screen ({@link Scope#selection()}), only the families they take part in — under contract in
     * the window, or paying for it off contract — each with their {@link Involvement}; the figures of the family
     * stay the territory's, since pooling is done with the other buyers.
     */
    public List<Opportunity> opportunities(Params p, Scope scope) throws SQLException {
        Map<String, Involvement> involved = scope.selection().isEmpty() ? null : involvement(p, scope);
        Scope territory = scope.select(Set.of());
        Map<String, BigDecimal> offContract = scope.canSeeSpending() ? offContract(p, territory) : Map.of();
        List<Opportunity> raw = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                WITH f AS (%s),
                all_years AS (SELECT fam, count(DISTINCT buyer_id) AS n FROM f GROUP BY fam),
                shared AS (
                    SELECT fam, count(*) AS n FROM (
                        SELECT fam, supplier_id FROM f WHERE supplier_id IS NOT NULL AND award_date >= ?
                        GROUP BY 1, 2 HAVING count(DISTINCT buyer_id) > 1) GROUP BY fam)
                SELECT f.fam, coalesce(any_value(f.family_label), 'Division CPV ' || f.fam), %s AS nature,
                       any_value(a.n),
                       coalesce(sum(f.amount_current_share) FILTER (WHERE f.award_date >= ?), 0),
                       count(DISTINCT f.contract_key) FILTER (WHERE f.award_date >= ?),
                       count(DISTINCT f.supplier_id) FILTER (WHERE f.award_date >= ?),
                       coalesce(any_value(s.n), 0),
                       count(DISTINCT f.contract_id) FILTER (WHERE f.joint),
                       count(DISTINCT f.contract_key) FILTER (WHERE f.end_date BETWEEN ? AND ?),
                       min(f.end_date) FILTER (WHERE f.end_date BETWEEN ? AND ?),
                       max(f.end_date) FILTER (WHERE f.end_date BETWEEN ? AND ?)
                FROM f JOIN all_years a USING (fam)
                LEFT JOIN shared s USING (fam)
                LEFT JOIN nomenclature_family nf ON nf.code = f.family_code
                WHERE f.fam IS NOT NULL AND a.n >= 2
                GROUP BY f.fam""".formatted(CONTRACTS, NATURE))) {
            Date from = Date.valueOf(p.from());
            Date today = Date.valueOf(p.today());
            Date horizon = Date.valueOf(p.horizon());
            Object[] params = {from, from, from, from, today, horizon, today, horizon, today, horizon};
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String fam = rs.getString(1);
                    if (involved != null && !involved.containsKey(fam)) continue;
                    String nature = rs.getString(3);
                    long buyers = rs.getLong(4);
                    BigDecimal amount = rs.getBigDecimal(5).setScale(2, RoundingMode.HALF_UP);
                    BigDecimal yearly = amount.divide(BigDecimal.valueOf(p.years()), 2, RoundingMode.HALF_UP);
                    SavingsRates.Range range = rates.range(nature, yearly);
                    LocalDate start = date(rs.getDate(11));
                    MutualisationLevel level = MutualisationLevel.of(buyers);
                    raw.add(new Opportunity(0, fam, rs.getString(2), nature, buyers, level.key(), level.label(), amount, yearly,
                            rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), start,
                            date(rs.getDate(12)), start == null ? null : start.minusMonths(PREPARATION_MONTHS),
                            offContract.get(fam), range.low(), range.high(), involved == null ? null : involved.get(fam)));
                }
            }
        }
        raw.sort(Comparator.comparing((Opportunity o) -> o.savingsLow().add(o.savingsHigh())).reversed()
                .thenComparing(Comparator.comparingLong(Opportunity::buyers).reversed())
                .thenComparing(Opportunity::amount, Comparator.reverseOrder())
                .thenComparing(Opportunity::familyKey));
        List<Opportunity> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Opportunity o = raw.get(i);
            out.add(new Opportunity(i + 1, o.familyKey(), o.familyLabel(), o.nature(), o.buyers(), o.levelKey(), o.levelLabel(),
                    o.amount(), o.yearlyAmount(), o.contracts(), o.suppliers(), o.sharedSuppliers(), o.jointContracts(),
                    o.endingContracts(), o.windowStart(), o.windowEnd(), o.prepareBy(), o.offContractSpending(),
                    o.savingsLow(), o.savingsHigh(), o.selection()));
        }
        return out;
    }

    /** Per buyer of one family: amounts in the window and the next contract to end within the horizon. */
    public List<BuyerShare> buyers(String familyKey, Params p) throws SQLException {
        List<BuyerShare> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                WITH f AS (%s)
                SELECT buyer_id, any_value(buyer_name),
                       coalesce(sum(amount_current_share) FILTER (WHERE award_date >= ?), 0),
                       count(DISTINCT contract_key) FILTER (WHERE award_date >= ?),
                       count(DISTINCT supplier_id) FILTER (WHERE award_date >= ?),
                       min(end_date) FILTER (WHERE end_date BETWEEN ? AND ?),
                       arg_min(object, end_date) FILTER (WHERE end_date BETWEEN ? AND ?)
                FROM f WHERE fam = ? GROUP BY buyer_id ORDER BY 3 DESC, 1""".formatted(CONTRACTS))) {
            Date from = Date.valueOf(p.from());
            Object[] params = {from, from, from, Date.valueOf(p.today()), Date.valueOf(p.horizon()),
                    Date.valueOf(p.today()), Date.valueOf(p.horizon()), familyKey};
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new BuyerShare(rs.getString(1), rs.getString(2), rs.getBigDecimal(3).setScale(2, RoundingMode.HALF_UP),
                            rs.getLong(4), rs.getLong(5), date(rs.getDate(6)), rs.getString(7)));
                }
            }
        }
        return out;
    }

    /** Per family, the chosen buyers' contracts awarded in the window and their off-contract payments (when visible). */
    private Map<String, Involvement> involvement(Params p, Scope scope) throws SQLException {
        Map<String, BigDecimal> amounts = new HashMap<>();
        Map<String, Long> contracts = new HashMap<>();
        List<Object> params = new ArrayList<>();
        String where = scope.where(Fact.CONTRACT, false, true, params);
        try (PreparedStatement ps = conn.prepareStatement("""
                WITH f AS (%s)
                SELECT fam, sum(amount_current_share), count(DISTINCT contract_key) FROM f
                WHERE fam IS NOT NULL AND award_date >= ? AND (%s) GROUP BY 1""".formatted(CONTRACTS, where))) {
            ps.setObject(1, Date.valueOf(p.from()));
            for (int i = 0; i < params.size(); i++) ps.setObject(i + 2, params.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal amount = rs.getBigDecimal(2);
                    amounts.put(rs.getString(1), amount == null ? BigDecimal.ZERO.setScale(2) : amount.setScale(2, RoundingMode.HALF_UP));
                    contracts.put(rs.getString(1), rs.getLong(3));
                }
            }
        }
        Map<String, BigDecimal> off = scope.canSeeSpending() ? offContract(p, scope) : Map.of();
        Map<String, Involvement> out = new HashMap<>();
        Set<String> families = new HashSet<>(amounts.keySet());
        families.addAll(off.keySet());
        for (String fam : families) {
            out.put(fam, new Involvement(amounts.getOrDefault(fam, BigDecimal.ZERO.setScale(2)), contracts.getOrDefault(fam, 0L), off.get(fam)));
        }
        return out;
    }

    /** Per family, what the scope's buyers paid off contract since the window's start: the territory's, or the selection's. */
    private Map<String, BigDecimal> offContract(Params p, Scope scope) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = scope.where(Fact.SPENDING, false, false, params);
        Map<String, BigDecimal> out = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT coalesce(family_code, cpv_division), sum(amount_spent) FROM fact_spending
                WHERE buyer_in_territory AND contract_key IS NULL AND payment_date >= ? AND (%s)
                GROUP BY 1""".formatted(where))) {
            ps.setObject(1, Date.valueOf(p.from()));
            for (int i = 0; i < params.size(); i++) ps.setObject(i + 2, params.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1) != null && rs.getBigDecimal(2) != null) {
                        out.put(rs.getString(1), rs.getBigDecimal(2).setScale(2, RoundingMode.HALF_UP));
                    }
                }
            }
        }
        return out;
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    /** The export's columns, in the order of {@link #row(Opportunity)}. */
    public static List<Column> columns() {
        return List.of(new Column("rank", "Rang", Column.Type.INTEGER), new Column("family", "Famille", Column.Type.TEXT),
                new Column("family_label", "Libellé", Column.Type.TEXT), new Column("nature", "Nature", Column.Type.TEXT),
                new Column("buyers", "Acheteurs", Column.Type.INTEGER), new Column("level", "Niveau de mutualisation", Column.Type.TEXT),
                new Column("amount", "Montant des marchés (fenêtre)", Column.Type.AMOUNT),
                new Column("yearly_amount", "Montant annuel moyen", Column.Type.AMOUNT),
                new Column("contracts", "Marchés", Column.Type.INTEGER), new Column("suppliers", "Fournisseurs", Column.Type.INTEGER),
                new Column("shared_suppliers", "Fournisseurs partagés", Column.Type.INTEGER),
                new Column("joint_contracts", "Marchés conjoints", Column.Type.INTEGER),
                new Column("ending_contracts", "Marchés à échéance dans l'horizon", Column.Type.INTEGER),
                new Column("window_start", "Première échéance", Column.Type.DATE), new Column("window_end", "Dernière échéance", Column.Type.DATE),
                new Column("prepare_by", "Préparer avant le", Column.Type.DATE),
                new Column("off_contract", "Dépenses hors marché", Column.Type.AMOUNT),
                new Column("savings_low", "Gain annuel bas (hypothèse)", Column.Type.AMOUNT),
                new Column("savings_high", "Gain annuel haut (hypothèse)", Column.Type.AMOUNT),
                new Column("selection_amount", "Marchés de la sélection (fenêtre)", Column.Type.AMOUNT),
                new Column("selection_contracts", "Nombre de marchés de la sélection", Column.Type.INTEGER),
                new Column("selection_off_contract", "Dépenses hors marché de la sélection", Column.Type.AMOUNT));
    }

    public static Object[] row(Opportunity o) {
        return new Object[] {o.rank(), o.familyKey(), o.familyLabel(), o.nature(), o.buyers(), o.levelLabel(), o.amount(),
                o.yearlyAmount(), o.contracts(), o.suppliers(), o.sharedSuppliers(), o.jointContracts(), o.endingContracts(),
                o.windowStart(), o.windowEnd(), o.prepareBy(), o.offContractSpending(), o.savingsLow(), o.savingsHigh(),
                o.selection() == null ? null : o.selection().amount(), o.selection() == null ? null : o.selection().contracts(),
                o.selection() == null ? null : o.selection().offContractSpending()};
    }
}
