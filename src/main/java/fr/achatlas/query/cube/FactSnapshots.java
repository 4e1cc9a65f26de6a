package fr.achatlas.query.cube;

import fr.achatlas.store.Database;
import fr.achatlas.store.ReadCache;
import fr.achatlas.store.StoreChanges;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Keeps a snapshot table of each fact view ({@code fact_contract_snapshot}, {@code fact_spending_snapshot}) in step
 * with the store. The signature covers what the views depend on that can change at run time: import batches (every
 * import, CLI or web), the buyers (territory file), the classification (reclassifications, validation-queue
 * decisions), and the view definitions (a migration or a test fixture replacing
 * a view). A stale snapshot is rebuilt once, under a lock, by the first query that notices. In a store whose writes
 * are reported ({@link StoreChanges}: the web server), the check is skipped while no write has been reported.
 */
public final class FactSnapshots {

    private static final Object LOCK = new Object();

    /** In a watched store, the snapshot found up to date; checked again after a reported write, or after this long anyway. */
    private static final ReadCache<String, String> VERIFIED = new ReadCache<>(30_000);

    /** DuckDB threads for a rebuild when the store runs queries on fewer (a server under load); 0 = as configured. */
    private static volatile int rebuildThreads;

    /**
     * A server runs each query on few threads so that many run side by side; a rebuild (tens of seconds at national
     * scale, a user waiting) should still use every core it had: it raises DuckDB's setting to {@code threads} while
     * it runs. 0 leaves the setting alone.
     */
    public static void rebuildWithThreads(int threads) {
        rebuildThreads = Math.max(0, threads);
    }

    private FactSnapshots() {
    }

    /** The table to read for {@code fact}: its snapshot, rebuilt first if the store changed since. */
    public static String source(Connection conn, Fact fact) throws SQLException {
        return VERIFIED.get(conn, conn.getMetaData().getURL() + "#" + fact, (c, key) -> upToDate(c, fact));
    }

    private static String upToDate(Connection conn, Fact fact) throws SQLException {
        String signature = signature(conn, fact);
        if (!signature.equals(stored(conn, fact))) {
            synchronized (LOCK) {
                if (!signature.equals(stored(conn, fact))) rebuild(conn, fact, signature);
            }
        }
        return snapshot(fact);
    }

    /**
     * Facts added up, so that most drill-downs read thousands of groups rather than millions of rows; the
     * smallest rollup holding every column a query needs answers it (see {@link Registry#rollupFor}). Built with the
     * snapshot, under the same signature.
     *
     * @param columns the group key: what the rollup can filter and group by
     */
    record Rollup(String table, List<String> columns, String aggregates, List<Encoded> encoded) {
        Rollup(String table, List<String> columns, String aggregates) {
            this(table, columns, aggregates, List.of());
        }
    }

    /**
     * An axis of a rollup also stored as integer ordinals of its key and label (their order is the order of the texts),
     * with the two dictionaries back to the texts: grouping hundreds of thousands of rows by a 14-character identifier
     * and taking the largest label of each group cost twice as much as grouping by an integer, and only the top N
     * groups need their texts back.
     */
    record Encoded(String dimension, String keyDict, String labelDict) {
        String keyOrd() {
            return dimension + "_ord";
        }

        String labelOrd() {
            return dimension + "_label_ord";
        }
    }

    /** How {@code rollup} encodes the axis {@code dimension}, if it does. */
    static java.util.Optional<Encoded> encoding(String rollup, String dimension) {
        if (rollup == null) return java.util.Optional.empty();
        return java.util.stream.Stream.of(SPENDING_ROLLUPS, CONTRACT_ROLLUPS).flatMap(List::stream)
                .filter(r -> r.table().equals(rollup)).flatMap(r -> r.encoded().stream())
                .filter(e -> e.dimension().equals(dimension)).findFirst();
    }

    private static final List<String> BUYER_AND_FAMILY = List.of("buyer_id", "buyer_name", "buyer_kind", "buyer_in_territory",
            "segment_code", "segment_label", "family_code", "family_label", "cpv_division", "supplier_size", "supplier_ess",
            "supplier_inclusion", "supplier_commune", "supplier_epci", "supplier_departement", "supplier_region", "supplier_local",
            "year", "account");

    // DECIMAL(18,2) like the lines: DuckDB scans a stored 38-digit decimal some 30 times slower.
    private static final String SPENT = "sum(amount_spent)::DECIMAL(18,2) AS amount_spent, count(*) AS lines";

    /** In order of preference: everything but the line and its supplier's identity; then suppliers by year. */
    static final List<Rollup> SPENDING_ROLLUPS = List.of(
            new Rollup("fact_spending_rollup", concat(BUYER_AND_FAMILY, List.of("direction", "service", "cpv", "month", "source")), SPENT),
            new Rollup("fact_spending_supplier_rollup", concat(BUYER_AND_FAMILY, List.of("supplier_id", "supplier_name")), SPENT,
                    List.of(new Encoded("supplier", "fact_spending_supplier_keys", "fact_spending_supplier_labels"))));

    /**
     * Contracts added up over their holders and identity: every column is a property of the contract, so each
     * contract falls in exactly one group and its distinct count there adds up (see {@link Registry#overRollup}).
     */
    static final List<Rollup> CONTRACT_ROLLUPS = List.of(
            new Rollup("fact_contract_rollup", List.of("buyer_id", "buyer_name", "buyer_kind", "buyer_in_territory", "segment_code",
                    "segment_label", "family_code", "family_label", "cpv_division", "procedure", "nature", "kind", "year",
                    "has_social", "has_environmental", "innovative", "joint", "source"),
                    "sum(amount_initial_share)::DECIMAL(18,4) AS amount_initial_share, "
                            + "sum(amount_current_share)::DECIMAL(18,4) AS amount_current_share, "
                            + "count(DISTINCT contract_key) AS contracts"));

    static List<Rollup> rollups(Fact fact) {
        return fact == Fact.CONTRACT ? CONTRACT_ROLLUPS : SPENDING_ROLLUPS;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    /** Changes whenever what a rebuild produces changes (sort order, rollup), so that older snapshots are rebuilt. */
    private static final String LAYOUT = "layout-7";

    static String snapshot(Fact fact) {
        return fact.view() + "_snapshot";
    }

    private static String signature(Connection conn, Fact fact) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT concat_ws('/', ?,
                    (SELECT count(*) || ':' || coalesce(max(batch_id), 0) || ':' || coalesce(CAST(max(finished_at) AS VARCHAR), '')
                     FROM import_batch),
                    (SELECT count(*) || ':' || coalesce(sum(hash(buyer_id, name, kind, in_territory)), 0) FROM buyer),
                    (SELECT count(*) || ':' || coalesce(CAST(max(classified_at) AS VARCHAR), '') FROM classification),
                    (SELECT count(*) FROM classification_history),
                    (SELECT hash(string_agg(sql, ';' ORDER BY view_name)) FROM duckdb_views() WHERE view_name = ?))""")) {
            ps.setString(1, LAYOUT);
            ps.setString(2, fact.view());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String stored(Connection conn, Fact fact) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT signature FROM cube_snapshot WHERE fact = ?")) {
            ps.setString(1, fact.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void rebuild(Connection conn, Fact fact, String signature) throws SQLException {
        int wanted = rebuildThreads;
        int before = wanted > 0 ? Database.threads(conn) : 0;
        boolean raise = wanted > before;
        // A setting of the whole store: queries running meanwhile may use the extra threads too, which does no harm.
        if (raise) Database.setThreads(conn, wanted);
        try {
            rebuildTables(conn, fact, signature);
        } finally {
            if (raise) Database.setThreads(conn, before);
        }
    }

    /** Adds the ordinals of each encoded axis to the rollup, and writes their dictionaries. */
    private static void encode(Statement st, Rollup r, String groups) throws SQLException {
        StringBuilder select = new StringBuilder("SELECT g.*");
        StringBuilder joins = new StringBuilder();
        int i = 0;
        for (Encoded e : r.encoded()) {
            Dimension d = Registry.dimension(e.dimension());
            String key = "CAST((" + d.keyExpr() + ") AS VARCHAR)";
            String label = "CAST((" + (d.labelExpr() == null ? d.keyExpr() : d.labelExpr()) + ") AS VARCHAR)";
            st.execute("CREATE OR REPLACE TABLE " + e.keyDict() + " AS SELECT k, CAST(row_number() OVER (ORDER BY k) AS INTEGER) AS ord FROM "
                    + "(SELECT DISTINCT " + key + " AS k FROM " + groups + ") WHERE k IS NOT NULL");
            st.execute("CREATE OR REPLACE TABLE " + e.labelDict() + " AS SELECT l, CAST(row_number() OVER (ORDER BY l) AS INTEGER) AS ord FROM "
                    + "(SELECT DISTINCT " + label + " AS l FROM " + groups + ") WHERE l IS NOT NULL");
            select.append(", k").append(i).append(".ord AS ").append(e.keyOrd()).append(", l").append(i).append(".ord AS ").append(e.labelOrd());
            // The dictionaries' columns (k, l, ord) are named apart from the rollup's: its columns need no qualifier.
            joins.append(" LEFT JOIN ").append(e.keyDict()).append(" k").append(i).append(" ON k").append(i).append(".k = ").append(key)
                    .append(" LEFT JOIN ").append(e.labelDict()).append(" l").append(i).append(" ON l").append(i).append(".l = ").append(label);
            i++;
        }
        st.execute("CREATE OR REPLACE TABLE " + r.table() + " AS " + select + " FROM " + groups + " g" + joins + " ORDER BY g.year, g.buyer_id");
        st.execute("DROP TABLE " + groups);
    }

    private static void rebuildTables(Connection conn, Fact fact, String signature) throws SQLException {
        boolean auto = conn.getAutoCommit();
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement();
             PreparedStatement ps = conn.prepareStatement("""
                     INSERT INTO cube_snapshot VALUES (?, ?, current_timestamp)
                     ON CONFLICT (fact) DO UPDATE SET signature = excluded.signature, built_at = excluded.built_at""")) {
            // Sorted by year then buyer: DuckDB's zone maps then skip whole row groups under a year or buyer filter.
            // Contract shares (an amount divided between co-holders) are DOUBLE in the view: as DECIMAL(18,4) their sums
            // are exact and the same whatever order DuckDB adds them in, so every view of a cell shows the same cents.
            String columns = fact == Fact.CONTRACT
                    ? "* REPLACE (amount_initial_share::DECIMAL(18,4) AS amount_initial_share, amount_current_share::DECIMAL(18,4) AS amount_current_share)"
                    : "*";
            st.execute("CREATE OR REPLACE TABLE " + snapshot(fact) + " AS SELECT " + columns + " FROM " + fact.view() + " ORDER BY year, buyer_id");
            for (Rollup r : rollups(fact)) {
                String groups = r.encoded().isEmpty() ? r.table() : r.table() + "_groups";
                st.execute("CREATE OR REPLACE TABLE " + groups + " AS SELECT " + String.join(", ", r.columns())
                        + ", " + r.aggregates() + " FROM " + snapshot(fact) + " GROUP BY ALL ORDER BY year, buyer_id");
                if (!r.encoded().isEmpty()) encode(st, r, groups);
            }
            ps.setString(1, fact.name());
            ps.setString(2, signature);
            ps.executeUpdate();
            conn.commit();
        } catch (SQLException | RuntimeException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(auto);
        }
    }
}
