package fr.achatlas.query.spaser;

import fr.achatlas.query.Statements;
import fr.achatlas.query.Column;
import fr.achatlas.query.Column.Type;
import fr.achatlas.query.RowHandler;
import fr.achatlas.query.cube.Fact;
import fr.achatlas.query.cube.Scope;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SPASER indicators of {@link Indicator}, per year and over a period, for the perimeter of the user's
 * {@link Scope} (one buyer, a group, or the territory), with the rows under each, and the targets set for them.
 * UI, API, CLI and reports all call it.
 */
public final class SpaserQueries {

    /** One indicator over the period: a value per year ({@code from..to}, every year present) and the period total. */
    public record Series(Indicator indicator, List<IndicatorValue> years, IndicatorValue period) {
    }

    public static final List<Column> CONTRACT_LINES = List.of(
            new Column("contract_key", "Clé", Type.TEXT),
            new Column("contract_id", "Identifiant marché", Type.TEXT),
            new Column("buyer_name", "Acheteur", Type.TEXT),
            new Column("object", "Objet", Type.TEXT),
            new Column("procedure", "Procédure", Type.TEXT),
            new Column("year", "Année", Type.INTEGER),
            new Column("suppliers", "Titulaires retenus par l'indicateur", Type.TEXT),
            new Column("amount", "Montant retenu, après modifications (€ HT)", Type.AMOUNT));

    public static final List<Column> SPENDING_LINES = List.of(
            new Column("line_key", "Ligne", Type.TEXT),
            new Column("payment_date", "Date de paiement", Type.DATE),
            new Column("buyer_name", "Acheteur", Type.TEXT),
            new Column("supplier_name", "Fournisseur", Type.TEXT),
            new Column("label", "Libellé", Type.TEXT),
            new Column("family_label", "Famille d'achat", Type.TEXT),
            new Column("amount", "Montant (€ HT)", Type.AMOUNT));

    private final Connection conn;

    public SpaserQueries(Connection conn) {
        this.conn = conn;
    }

    /** The indicators a user may compute: spending ones need a signed-in user (spending is not open data). */
    public static List<Indicator> visible(Scope scope) {
        return java.util.Arrays.stream(Indicator.values()).filter(i -> i.fact() == Fact.CONTRACT || scope.canSeeSpending()).toList();
    }

    public Series series(Indicator ind, Scope scope, int from, int to) throws SQLException {
        if (to < from) throw new IllegalArgumentException("Période vide : " + from + " > " + to);
        List<Object> params = new ArrayList<>();
        String base = SpaserRows.base(conn, ind.fact(), scope, false, false, from, to, params);
        String num = "(" + ind.denominator() + ") AND (" + ind.numerator() + ")";
        String den = "(" + ind.denominator() + ")";
        String sql;
        if (ind.fact() == Fact.CONTRACT) {
            String avg = ind.average() ? "avg(" + ind.numerator() + ") FILTER (WHERE first_row AND " + den + ")" : "NULL::DOUBLE";
            String numCond = ind.average() ? den : num;
            sql = "WITH " + base + " SELECT year, count(DISTINCT contract_key) FILTER (WHERE " + numCond + "), "
                    + "count(DISTINCT contract_key) FILTER (WHERE " + den + "), sum(amount_current_share) FILTER (WHERE " + numCond + "), "
                    + "sum(amount_current_share) FILTER (WHERE " + den + "), " + avg + " FROM base GROUP BY ROLLUP (year)";
        } else {
            sql = "WITH " + base + " SELECT year, count(*) FILTER (WHERE " + num + "), count(*) FILTER (WHERE " + den + "), "
                    + "sum(amount_spent) FILTER (WHERE " + num + "), sum(amount_spent) FILTER (WHERE " + den + "), NULL::DOUBLE "
                    + "FROM base GROUP BY ROLLUP (year)";
        }
        Map<Integer, IndicatorValue> byYear = new HashMap<>();
        IndicatorValue period = empty(ind, null);
        try (PreparedStatement ps = Statements.prepare(conn, sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Object y = rs.getObject(1);
                Object avg = rs.getObject(6);
                IndicatorValue v = new IndicatorValue(ind, y == null ? null : ((Number) y).intValue(), rs.getLong(2), rs.getLong(3),
                        orZero(rs.getObject(4)), orZero(rs.getObject(5)), avg == null ? null : ((Number) avg).doubleValue());
                if (y == null) period = v;
                else byYear.put(v.year(), v);
            }
        }
        List<IndicatorValue> years = new ArrayList<>();
        for (int y = from; y <= to; y++) years.add(byYear.getOrDefault(y, empty(ind, y)));
        return new Series(ind, years, period);
    }

    /** Every indicator the user may see, over {@code from..to}. */
    public List<Series> all(Scope scope, int from, int to) throws SQLException {
        List<Series> out = new ArrayList<>();
        for (Indicator i : visible(scope)) out.add(series(i, scope, from, to));
        return out;
    }

    public static List<Column> lineColumns(Indicator ind) {
        return ind.fact() == Fact.CONTRACT ? CONTRACT_LINES : SPENDING_LINES;
    }

    /**
     * The rows counted in the indicator's numerator (for an average, in its denominator), year {@code year} or the whole
     * period when null: contracts with the amount of their matching holder shares, or spending lines. Their sum is the
     * indicator's value.
     */
    public long lines(Indicator ind, Scope scope, Integer year, Integer limit, RowHandler handler) throws SQLException, IOException {
        List<Object> params = new ArrayList<>();
        String base = SpaserRows.base(conn, ind.fact(), scope, true, false, year, year, params);
        String cond = ind.average() ? "(" + ind.denominator() + ")" : "(" + ind.denominator() + ") AND (" + ind.numerator() + ")";
        String sql = ind.fact() == Fact.CONTRACT
                ? "WITH " + base + " SELECT CAST(contract_key AS VARCHAR), any_value(contract_id), any_value(buyer_name), any_value(object), "
                  + "any_value(procedure), any_value(year), string_agg(DISTINCT coalesce(supplier_name, supplier_id), ' | '), "
                  + "sum(amount_current_share) FROM base WHERE " + cond + " GROUP BY contract_key ORDER BY 8 DESC NULLS LAST, 1"
                : "WITH " + base + " SELECT line_key, payment_date, buyer_name, supplier_name, label, family_label, amount_spent "
                  + "FROM base WHERE " + cond + " ORDER BY amount_spent DESC NULLS LAST, line_key";
        if (limit != null) sql += " LIMIT " + Math.max(0, limit);
        List<Column> cols = lineColumns(ind);
        long n = 0;
        try (PreparedStatement ps = Statements.prepare(conn, sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Object[] row = new Object[cols.size()];
                for (int i = 0; i < row.length; i++) {
                    Object v = rs.getObject(i + 1);
                    row[i] = cols.get(i).type() == Type.AMOUNT ? SpaserRows.amount(v) : v;
                }
                handler.row(row);
                n++;
            }
        }
        return n;
    }

    /** The targets of a perimeter: one buyer's, or the territory's ({@link Target#TERRITORY}). */
    public List<Target> targets(String buyerKey) throws SQLException {
        List<Target> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT indicator, buyer_id, year, metric, target_value, comment, updated_by, CAST(updated_at AS VARCHAR)
                FROM spaser_target WHERE buyer_id = ? ORDER BY indicator, metric, year""")) {
            ps.setString(1, buyerKey);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Target(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getBigDecimal(5),
                            rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        }
        return out;
    }

    /** The perimeter whose targets apply to a scope: its one selected buyer, the territory, or none for a group. */
    public static String targetKey(Scope scope) {
        if (scope.selection().isEmpty()) return Target.TERRITORY;
        return scope.selection().size() == 1 ? scope.selection().iterator().next() : null;
    }

    /** A perimeter's name for titles: the territory's, or its buyers' names. */
    public String perimeterLabel(Scope scope) throws SQLException {
        if (scope.selection().isEmpty()) {
            String name = new fr.achatlas.query.TerritoryQueries(conn).territory().name();
            return name == null ? "Territoire" : name;
        }
        List<String> names = new ArrayList<>();
        for (String id : scope.selection().stream().sorted().toList()) {
            try (PreparedStatement ps = conn.prepareStatement("SELECT coalesce(name, buyer_id) FROM buyer WHERE buyer_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    names.add(rs.next() ? rs.getString(1) : id);
                }
            }
        }
        return String.join(", ", names);
    }

    private static IndicatorValue empty(Indicator ind, Integer year) {
        return new IndicatorValue(ind, year, 0, 0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), null);
    }

    private static BigDecimal orZero(Object v) {
        BigDecimal b = SpaserRows.amount(v);
        return b == null ? BigDecimal.ZERO.setScale(2) : b;
    }
}
