package fr.achatlas.query.cube;

import fr.achatlas.query.Column;
import fr.achatlas.query.Column.Type;
import fr.achatlas.query.RowHandler;
import fr.achatlas.query.Statements;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cartography's one query layer: aggregates (one axis, a pivot of two, or none for key figures), drill-down
 * through filters, top-N with "Autres", and the rows under any cell. It reads the fact views only, applies the
 * user's {@link Scope} to every query, and binds every user value as a parameter; dimension and measure names are
 * resolved through the {@link Registry}. UI, API and exports all call it, so they show the same numbers.
 */
public final class Cube {

    /** Beyond this many rows an aggregate is cut (and says so); top-N is the way to see everything. */
    public static final int MAX_ROWS = 5000;

    private static final Set<String> BUYER_DIMENSIONS = Set.of("buyer", "direction", "service");

    private static final List<Column> CONTRACT_LINES = List.of(
            new Column("contract_key", "Clé", Type.TEXT),
            new Column("contract_id", "Identifiant marché", Type.TEXT),
            new Column("buyer_id", "Identifiant acheteur", Type.TEXT),
            new Column("buyer_name", "Acheteur", Type.TEXT),
            new Column("object", "Objet", Type.TEXT),
            new Column("cpv", "Code CPV", Type.TEXT),
            new Column("procedure", "Procédure", Type.TEXT),
            new Column("nature", "Nature", Type.TEXT),
            new Column("year", "Année", Type.INTEGER),
            new Column("suppliers", "Titulaires", Type.TEXT),
            new Column("amount_initial", "Montant initial (€ HT)", Type.AMOUNT),
            new Column("amount_current", "Montant après modifications (€ HT)", Type.AMOUNT));

    private static final String CONTRACT_LINES_SQL = """
            SELECT CAST(contract_key AS VARCHAR) AS contract_key, any_value(contract_id) AS contract_id,
                   any_value(buyer_id) AS buyer_id, any_value(buyer_name) AS buyer_name, any_value(object) AS object,
                   any_value(cpv) AS cpv, any_value(procedure) AS procedure, any_value(nature) AS nature,
                   any_value(year) AS year, string_agg(DISTINCT coalesce(supplier_name, supplier_id), ' | ') AS suppliers,
                   sum(amount_initial_share) AS amount_initial, sum(amount_current_share) AS amount_current
            FROM base GROUP BY contract_key""";

    private static final List<Column> SPENDING_LINES = List.of(
            new Column("line_key", "Ligne", Type.TEXT),
            new Column("payment_date", "Date de paiement", Type.DATE),
            new Column("buyer_id", "Identifiant acheteur", Type.TEXT),
            new Column("buyer_name", "Acheteur", Type.TEXT),
            new Column("direction", "Direction", Type.TEXT),
            new Column("service", "Service", Type.TEXT),
            new Column("supplier_id", "Identifiant fournisseur", Type.TEXT),
            new Column("supplier_name", "Fournisseur", Type.TEXT),
            new Column("account", "Compte", Type.TEXT),
            new Column("label", "Libellé", Type.TEXT),
            new Column("family_label", "Famille d'achat", Type.TEXT),
            new Column("amount_spent", "Montant (€ HT)", Type.AMOUNT));

    private static final String SPENDING_LINES_SQL = """
            SELECT line_key, payment_date, buyer_id, buyer_name, direction, service, supplier_id, supplier_name, account,
                   label, family_label, amount_spent
            FROM base""";

    private final Connection conn;
    /** False only in the test proving that the one-pass drill-down gives the same numbers as the general path. */
    private final boolean onePassDrillDown;
    /** False only in the test proving that the spending rollup gives the same numbers as the lines. */
    private final boolean useRollup;

    public Cube(Connection conn) {
        this(conn, true, true);
    }

    Cube(Connection conn, boolean onePassDrillDown, boolean useRollup) {
        this.conn = conn;
        this.onePassDrillDown = onePassDrillDown;
        this.useRollup = useRollup;
    }

    public static List<Column> lineColumns(Fact fact) {
        return fact == Fact.CONTRACT ? CONTRACT_LINES : SPENDING_LINES;
    }

    /** One or two axes (a pivot), or none (key figures: only totals). */
    public CubeResult aggregate(CubeQuery q, Scope scope) throws SQLException {
        if (q.axes().size() > 2) throw new IllegalArgumentException("Deux axes au plus (tableau croisé).");
        if (q.measures().isEmpty()) throw new IllegalArgumentException("Au moins une mesure.");
        List<Dimension> axes = q.axes().stream().map(Registry::dimension).toList();
        if (axes.size() == 2 && axes.get(0).equals(axes.get(1))) throw new IllegalArgumentException("Deux axes différents.");
        List<Measure> requested = q.measures().stream().map(Registry::measure).toList();
        for (Measure m : requested) {
            if (m.fact() != q.fact()) throw new IllegalArgumentException("La mesure « " + m.label() + " » ne porte pas sur : " + q.fact().label());
        }
        for (Dimension d : axes) checkOn(d, q.fact());
        if (q.top() != null && (q.top() < 1 || q.top() > 1000)) throw new IllegalArgumentException("Top N entre 1 et 1000.");

        String rollup = useRollup ? Registry.rollupFor(q.fact(), axes, q.filters().keySet(), requested).orElse(null) : null;
        List<Measure> measures = rollup != null ? requested.stream().map(Registry::overRollup).toList() : requested;
        List<Object> params = new ArrayList<>();
        String base = base(q.fact(), q.filters(), axes, scope, false, params, rollup);
        String m1 = measures.get(0).sql();

        List<Column> columns = new ArrayList<>();
        for (Dimension d : axes) {
            columns.add(new Column(d.name(), d.label() + " (code)", Type.TEXT));
            columns.add(new Column(d.name() + "_label", d.label(), Type.TEXT));
        }
        for (Measure m : measures) columns.add(new Column(m.name(), m.label(), m.kind() == Measure.Kind.AMOUNT ? Type.AMOUNT : Type.INTEGER));
        columns.add(new Column("share", "Part du total (" + measures.get(0).label() + ")", Type.PERCENT));

        if (axes.size() == 1 && onePassDrillDown) return oneAxis(q, scope, axes.get(0), measures, base, params, columns, rollup);

        Object[] totals = totals(base, params, measures);
        List<Object[]> rows = new ArrayList<>();
        boolean truncated = false;
        if (!axes.isEmpty()) {
            StringBuilder proj = new StringBuilder("SELECT *");
            for (int i = 0; i < axes.size(); i++) {
                Dimension d = axes.get(i);
                proj.append(", CAST((").append(d.keyExpr()).append(") AS VARCHAR) AS _k").append(i)
                        .append(", CAST((").append(d.labelExpr() == null ? d.keyExpr() : d.labelExpr()).append(") AS VARCHAR) AS _l").append(i);
            }
            // Top N: the ranking is a query of its own, whose keys are then bound as parameters. (One statement with the
            // ranking as a CTE joined back trips an internal error of DuckDB 1.4 when the filters carry parameters.)
            List<Object> mainParams = new ArrayList<>(params);
            List<String> keyExprs = new ArrayList<>();
            for (int i = 0; i < axes.size(); i++) {
                if (q.top() == null) {
                    keyExprs.add("c._k" + i);
                    continue;
                }
                List<String> topKeys = new ArrayList<>();
                boolean nullInTop = false;
                String rank = "WITH " + base + ", cells AS (" + proj + " FROM base) SELECT _k" + i + " FROM cells GROUP BY 1 ORDER BY "
                        + m1 + " DESC NULLS LAST, 1 NULLS LAST LIMIT " + q.top();
                try (PreparedStatement ps = prepare(rank, params); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String k = rs.getString(1);
                        if (k == null) nullInTop = true;
                        else topKeys.add(k);
                    }
                }
                List<String> conds = new ArrayList<>();
                if (!topKeys.isEmpty()) conds.add(Scope.in("c._k" + i, new java.util.LinkedHashSet<>(topKeys), mainParams));
                if (nullInTop) conds.add("c._k" + i + " IS NULL");
                keyExprs.add(conds.isEmpty() ? "'" + CubeQuery.OTHERS_KEY + "'"
                        : "CASE WHEN " + String.join(" OR ", conds) + " THEN c._k" + i + " ELSE '" + CubeQuery.OTHERS_KEY + "' END");
            }
            StringBuilder sql = new StringBuilder("WITH ").append(base).append(", cells AS (").append(proj).append(" FROM base) SELECT ");
            StringBuilder group = new StringBuilder();
            for (int i = 0; i < axes.size(); i++) {
                // max, not any_value: a key's label is then the same in every view (a name rather than its identifier fallback).
                sql.append(keyExprs.get(i)).append(" AS k").append(i).append(", max(c._l").append(i).append(") AS l").append(i).append(", ");
                group.append(i == 0 ? "" : ", ").append("k").append(i);
            }
            for (int j = 0; j < measures.size(); j++) sql.append(j == 0 ? "" : ", ").append(measures.get(j).sql()).append(" AS m").append(j);
            sql.append(" FROM cells c GROUP BY ").append(group).append(" ORDER BY ");
            for (int i = 0; i < axes.size(); i++) {
                sql.append("(k").append(i).append(" = '").append(CubeQuery.OTHERS_KEY).append("'), ");
                if (axes.get(i).chronological()) sql.append("k").append(i).append(" NULLS LAST, ");
                else if (i == 0) sql.append("m0 DESC NULLS LAST, ");
            }
            sql.append("k0 NULLS LAST").append(axes.size() == 2 ? ", m0 DESC NULLS LAST, k1 NULLS LAST" : "")
                    .append(" LIMIT ").append(MAX_ROWS + 1);
            try (PreparedStatement ps = prepare(sql.toString(), mainParams); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rows.size() == MAX_ROWS) {
                        truncated = true;
                        break;
                    }
                    Object[] row = new Object[columns.size()];
                    int c = 0;
                    for (int i = 0; i < axes.size(); i++) {
                        String key = rs.getString("k" + i);
                        row[c++] = key == null ? CubeQuery.NULL_KEY : key;
                        row[c++] = CubeQuery.OTHERS_KEY.equals(key) ? "Autres" : key == null ? "Non renseigné" : rs.getString("l" + i);
                    }
                    for (int j = 0; j < measures.size(); j++) row[c++] = value(measures.get(j), rs.getObject("m" + j));
                    row[c] = share(measures.get(0), row[2 * axes.size()], totals[0]);
                    rows.add(row);
                }
            }
        }
        return new CubeResult(List.copyOf(columns), rows, totals, truncated);
    }

    /**
     * One axis — the explorer's drill-down, the most frequent query — in one statement: the top N groups, the grand
     * total and the number of groups; "Autres" is the total less the rows shown. Only a measure that does not add up
     * over the axis' keys (see {@link Registry#addsUpOver}) needs more statements, for its total and "Autres".
     */
    private CubeResult oneAxis(CubeQuery q, Scope scope, Dimension d, List<Measure> measures, String base, List<Object> params,
                               List<Column> columns, String rollup) throws SQLException {
        int limit = q.top() != null ? q.top() : MAX_ROWS;
        StringBuilder ms = new StringBuilder();
        StringBuilder sums = new StringBuilder();
        for (int j = 0; j < measures.size(); j++) {
            ms.append(", ").append(measures.get(j).sql()).append(" AS m").append(j);
            boolean adds = Registry.addsUpOver(measures.get(j), d, q.fact());
            // With the total, how many groups have a value: "Autres" is empty, not zero, when none beyond the top N has one.
            sums.append(", ").append(adds ? "sum(m" + j + ") OVER ()" : "NULL").append(" AS t").append(j)
                    .append(", ").append(adds ? "count(m" + j + ") OVER ()" : "NULL").append(" AS c").append(j);
        }
        // The groups' top N by ORDER BY … LIMIT, with the grand total and the number of groups as windows over all of
        // them: one pass. Ranking every group with row_number() sorted them all (2 to 3 times slower on a supplier
        // axis), and DuckDB runs GROUPING SETS ((k), ()) 2 to 4 times slower than a plain GROUP BY.
        java.util.Optional<FactSnapshots.Encoded> encoded = FactSnapshots.encoding(rollup, d.name());
        String sql;
        if (encoded.isPresent()) {
            // Grouped by the ordinals, which sort as the texts do; only the top N get their texts back.
            FactSnapshots.Encoded e = encoded.get();
            StringBuilder totalsOf = new StringBuilder();
            for (int j = 0; j < measures.size(); j++) totalsOf.append(", t").append(j).append(", c").append(j);
            sql = "WITH " + base + ", g AS (SELECT " + e.keyOrd() + " AS o, max(" + e.labelOrd() + ") AS lo" + ms + " FROM base GROUP BY "
                    + e.keyOrd() + "), top AS (SELECT o, lo" + columnsOf(measures) + sums + ", count(*) OVER () AS n FROM g"
                    + " ORDER BY m0 DESC NULLS LAST, o NULLS LAST LIMIT " + limit + ")"
                    + " SELECT kd.k AS k0, ld.l AS l0" + columnsOf(measures) + totalsOf + ", n FROM top"
                    + " LEFT JOIN " + e.keyDict() + " kd ON kd.ord = top.o LEFT JOIN " + e.labelDict() + " ld ON ld.ord = top.lo"
                    + " ORDER BY m0 DESC NULLS LAST, o NULLS LAST";
        } else {
            sql = "WITH " + base + ", cells AS (SELECT CAST((" + d.keyExpr() + ") AS VARCHAR) AS _k, CAST(("
                    + (d.labelExpr() == null ? d.keyExpr() : d.labelExpr()) + ") AS VARCHAR) AS _l, * FROM base)"
                    + ", g AS (SELECT _k AS k0, max(_l) AS l0" + ms + " FROM cells GROUP BY _k)"
                    + " SELECT k0, l0" + columnsOf(measures) + sums + ", count(*) OVER () AS n FROM g"
                    + " ORDER BY m0 DESC NULLS LAST, k0 NULLS LAST LIMIT " + limit;
        }
        List<Object[]> rows = new ArrayList<>();
        Object[] rawTotals = new Object[measures.size()];
        BigDecimal[] shownSums = new BigDecimal[measures.size()];
        long[] shownValues = new long[measures.size()];
        long[] valued = new long[measures.size()];
        long groups = 0;
        List<String> shownKeys = new ArrayList<>();
        boolean nullShown = false;
        Object[] nullRow = null;
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                groups = rs.getLong("n");
                String key = rs.getString("k0");
                if (key == null) nullShown = true;
                else shownKeys.add(key);
                Object[] row = new Object[columns.size()];
                if (key == null) nullRow = row;
                row[0] = key == null ? CubeQuery.NULL_KEY : key;
                row[1] = key == null ? "Non renseigné" : rs.getString("l0");
                for (int j = 0; j < measures.size(); j++) {
                    Object v = rs.getObject("m" + j);
                    row[2 + j] = value(measures.get(j), v);
                    if (v != null) {
                        shownSums[j] = decimal(v).add(shownSums[j] == null ? BigDecimal.ZERO : shownSums[j]);
                        shownValues[j]++;
                    }
                    rawTotals[j] = rs.getObject("t" + j);
                    valued[j] = rs.getLong("c" + j);
                }
                rows.add(row);
            }
        }
        if (d.chronological()) {
            Object[] unknown = nullRow;
            rows.sort(java.util.Comparator.comparing((Object[] r) -> r == unknown ? null : (String) r[0],
                    java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        }
        Object[] totals = new Object[measures.size()];
        for (int j = 0; j < measures.size(); j++) totals[j] = value(measures.get(j), rawTotals[j]);
        // Beyond the top N: what the total holds that the rows shown do not (exact: sums of decimals and counts).
        long restKeys = groups - rows.size();
        Object[] rest = null;
        if (restKeys > 0) {
            rest = new Object[measures.size()];
            for (int j = 0; j < measures.size(); j++) {
                if (rawTotals[j] == null) continue;
                if (valued[j] == shownValues[j]) continue;
                rest[j] = shownSums[j] == null ? decimal(rawTotals[j]) : decimal(rawTotals[j]).subtract(shownSums[j]);
            }
        }
        // A measure that does not add up over the keys (a distinct count) gets its total from the facts.
        if (needsSecondPass(measures, d, q.fact())) {
            Object[] exact = grandTotals(q, scope, d, measures, base, params);
            for (int j = 0; j < measures.size(); j++) {
                if (!Registry.addsUpOver(measures.get(j), d, q.fact())) totals[j] = exact[j];
            }
        }
        boolean truncated = false;
        if (rest != null && q.top() == null) {
            truncated = true;
        } else if (rest != null) {
            Object[] row = new Object[columns.size()];
            row[0] = CubeQuery.OTHERS_KEY;
            row[1] = "Autres";
            Object[] exact = needsSecondPass(measures, d, q.fact())
                    ? othersPass(base, params, d, measures, shownKeys, nullShown) : null;
            for (int j = 0; j < measures.size(); j++) {
                row[2 + j] = value(measures.get(j), exact != null ? exact[j] : rest[j]);
            }
            rows.add(row);
        }
        // "Non renseigné" comes last, after "Autres", as in the pivot.
        if (nullRow != null && rows.remove(nullRow)) rows.add(nullRow);
        for (Object[] row : rows) row[columns.size() - 1] = share(measures.get(0), row[2], totals[0]);
        return new CubeResult(List.copyOf(columns), rows, totals, truncated);
    }

    /**
     * The totals of the facts under the filters, whatever the axis: from a rollup when one holds the filters and the
     * measures, since the axis plays no part in them — a supplier drill-down's distinct count of contracts then reads
     * thousands of groups instead of the 1.5 M rows again. Not when the axis changes what the scope lets through
     * (buyer detail) or needs a derived column: then the rows under {@code base}.
     */
    private Object[] grandTotals(CubeQuery q, Scope scope, Dimension d, List<Measure> measures, String base, List<Object> params)
            throws SQLException {
        boolean axisNeutral = !BUYER_DIMENSIONS.contains(d.name()) && !d.internal() && d.derivation() == null;
        List<Measure> requested = q.measures().stream().map(Registry::measure).toList();
        String rollup = useRollup && axisNeutral ? Registry.rollupFor(q.fact(), List.of(), q.filters().keySet(), requested).orElse(null) : null;
        if (rollup == null) return totals(base, params, measures);
        List<Object> p = new ArrayList<>();
        String overRollup = base(q.fact(), q.filters(), List.of(), scope, false, p, rollup);
        return totals(overRollup, p, requested.stream().map(Registry::overRollup).toList());
    }

    private static boolean needsSecondPass(List<Measure> measures, Dimension d, Fact fact) {
        return measures.stream().anyMatch(m -> !Registry.addsUpOver(m, d, fact));
    }

    /** The measures of "Autres": every fact row whose key is not among the keys shown. */
    private Object[] othersPass(String base, List<Object> params, Dimension d, List<Measure> measures,
                                List<String> shownKeys, boolean nullShown) throws SQLException {
        List<Object> p = new ArrayList<>(params);
        String key = "CAST((" + d.keyExpr() + ") AS VARCHAR)";
        String notShown = shownKeys.isEmpty() ? "true" : "NOT " + Scope.in(key, new java.util.LinkedHashSet<>(shownKeys), p);
        String where = nullShown ? key + " IS NOT NULL AND " + notShown : "(" + key + " IS NULL OR " + notShown + ")";
        return measuresOver(base, p, measures, where);
    }

    private static String columnsOf(List<Measure> measures) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < measures.size(); j++) sb.append(", m").append(j);
        return sb.toString();
    }

    /** Number of rows under a cell (contracts, or spending lines). */
    public long countLines(LinesQuery q, Scope scope) throws SQLException {
        List<Object> params = new ArrayList<>();
        String base = base(q.fact(), q.filters(), List.of(), scope, true, params, null);
        String count = q.fact() == Fact.CONTRACT ? "count(DISTINCT contract_key)" : "count(*)";
        try (PreparedStatement ps = prepare("WITH " + base + " SELECT " + count + " FROM base", params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Streams the rows under a cell, in {@link #lineColumns(Fact)} order; returns how many were sent. */
    public long lines(LinesQuery q, Scope scope, RowHandler handler) throws SQLException, IOException {
        List<Column> columns = lineColumns(q.fact());
        String order;
        if (q.sort() == null || q.sort().isBlank()) {
            order = q.fact() == Fact.CONTRACT ? "amount_current DESC NULLS LAST, contract_key" : "payment_date DESC NULLS LAST, line_key";
        } else {
            Column sortColumn = columns.stream().filter(c -> c.name().equals(q.sort())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Colonne de tri inconnue : " + q.sort()));
            order = sortColumn.name() + (q.descending() ? " DESC" : " ASC") + " NULLS LAST, "
                    + (q.fact() == Fact.CONTRACT ? "contract_key" : "line_key");
        }
        List<Object> params = new ArrayList<>();
        String base = base(q.fact(), q.filters(), List.of(), scope, true, params, null);
        StringBuilder sql = new StringBuilder("WITH ").append(base).append(' ')
                .append(q.fact() == Fact.CONTRACT ? CONTRACT_LINES_SQL : SPENDING_LINES_SQL).append(" ORDER BY ").append(order);
        if (q.limit() != null) {
            sql.append(" LIMIT ? OFFSET ?");
            params.add(Math.max(0, q.limit()));
            params.add(Math.max(0, q.offset()));
        }
        long n = 0;
        try (PreparedStatement ps = prepare(sql.toString(), params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    Object v = rs.getObject(i + 1);
                    row[i] = columns.get(i).type() == Type.AMOUNT ? amount(v) : v;
                }
                handler.row(row);
                n++;
            }
        }
        return n;
    }

    /**
     * The shared base of every query: the fact view, the derived columns the dimensions in use need, the scope and the
     * filters — all as {@code base AS (…)}, values bound through {@code params}.
     */
    private String base(Fact fact, Map<String, List<String>> filters, List<Dimension> axes, Scope scope, boolean lines,
                        List<Object> params, String rollup) throws SQLException {
        Set<Dimension> used = new LinkedHashSet<>(axes);
        for (String name : filters.keySet()) used.add(checkOn(Registry.dimension(name), fact));
        boolean byBuyer = used.stream().anyMatch(d -> BUYER_DIMENSIONS.contains(d.name()) || d.internal());
        // Rights first (a refused query touches nothing), then the fact view's snapshot (same columns), rebuilt when
        // the store changed: see FactSnapshots.
        String scopeWhere = scope.where(fact, lines, byBuyer, params);
        String view = FactSnapshots.source(conn, fact);
        if (rollup != null) view = rollup;
        StringBuilder select = new StringBuilder("SELECT f.*");
        StringBuilder joins = new StringBuilder();
        Set<String> derivations = new LinkedHashSet<>();
        used.forEach(d -> {
            if (d.derivation() != null) derivations.add(d.derivation());
        });
        if (derivations.contains("mutual")) {
            select.append(", mu.n AS mutual_buyers");
            joins.append(" LEFT JOIN (SELECT coalesce(family_code, cpv_division) AS fam, count(DISTINCT buyer_id) AS n FROM ")
                    .append(view).append(" WHERE buyer_in_territory GROUP BY 1) mu ON mu.fam = coalesce(f.family_code, f.cpv_division)");
        }
        if (derivations.contains("sharing")) {
            select.append(", sb.n AS supplier_buyers");
            joins.append(" LEFT JOIN (SELECT supplier_id AS sid, count(DISTINCT buyer_id) AS n FROM ").append(view)
                    .append(" WHERE buyer_in_territory AND supplier_id IS NOT NULL GROUP BY 1) sb ON sb.sid = f.supplier_id");
        }
        StringBuilder where = new StringBuilder(scopeWhere);
        filters.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Dimension d = Registry.dimension(e.getKey());
            List<String> values = e.getValue();
            if (values == null || values.isEmpty()) return;
            String expr = "CAST((" + d.keyExpr() + ") AS VARCHAR)";
            List<String> ors = new ArrayList<>();
            List<String> plain = values.stream().filter(v -> !CubeQuery.NULL_KEY.equals(v)).distinct().toList();
            if (plain.contains(CubeQuery.OTHERS_KEY)) throw new IllegalArgumentException("« Autres » regroupe plusieurs valeurs : choisissez-en une.");
            if (!plain.isEmpty() && d.name().equals("year")) {
                // Compared as integers, not as text: the filter then reaches the snapshot's zone maps (it is sorted by year).
                List<Integer> years = plain.stream().filter(v -> v.matches("-?[0-9]{1,9}")).map(Integer::valueOf).distinct().toList();
                if (years.isEmpty()) ors.add("false");
                else {
                    ors.add("year IN (" + String.join(", ", java.util.Collections.nCopies(years.size(), "?")) + ")");
                    params.addAll(years);
                }
            } else if (!plain.isEmpty()) ors.add(Scope.in(expr, Set.copyOf(plain), params));
            if (values.contains(CubeQuery.NULL_KEY)) ors.add("(" + d.keyExpr() + ") IS NULL");
            where.append(" AND (").append(String.join(" OR ", ors)).append(')');
        });
        return "base AS (SELECT * FROM (" + select + " FROM " + view + " f" + joins + ") WHERE " + where + ")";
    }

    private static Dimension checkOn(Dimension d, Fact fact) {
        if (!d.on(fact)) throw new IllegalArgumentException("L'axe « " + d.label() + " » n'existe pas pour : " + fact.label());
        return d;
    }

    private Object[] totals(String base, List<Object> params, List<Measure> measures) throws SQLException {
        return measuresOver(base, params, measures, "true");
    }

    /** The measures over the base rows that satisfy {@code where}. */
    private Object[] measuresOver(String base, List<Object> params, List<Measure> measures, String where) throws SQLException {
        StringBuilder sql = new StringBuilder("WITH ").append(base).append(" SELECT ");
        for (int j = 0; j < measures.size(); j++) sql.append(j == 0 ? "" : ", ").append(measures.get(j).sql());
        sql.append(" FROM base WHERE ").append(where);
        try (PreparedStatement ps = prepare(sql.toString(), params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            Object[] out = new Object[measures.size()];
            for (int j = 0; j < out.length; j++) out[j] = value(measures.get(j), rs.getObject(j + 1));
            return out;
        }
    }

    private PreparedStatement prepare(String sql, List<Object> params) throws SQLException {
        return Statements.prepare(conn, sql, params);
    }

    private static Object value(Measure m, Object v) {
        if (m.kind() == Measure.Kind.AMOUNT) return amount(v);
        return v == null ? 0L : ((Number) v).longValue();
    }

    private static BigDecimal decimal(Object v) {
        return v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    }

    private static BigDecimal amount(Object v) {
        if (v == null) return null;
        BigDecimal bd = v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
        return bd.setScale(2, RoundingMode.HALF_UP);
    }

    private static Double share(Measure m, Object value, Object total) {
        if (!m.additive() || value == null || total == null) return null;
        double t = ((Number) total).doubleValue();
        return t == 0 ? null : ((Number) value).doubleValue() / t;
    }
}
