package fr.achatlas.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations: {@code db/migration/V<n>__<name>.sql}, applied in order, each in its own transaction,
 * recorded in {@code schema_version}. Flyway has no DuckDB support, hence this small runner; its contract is the same
 * (forward-only, immutable scripts, one row per applied version).
 */
public final class Migrations {

    /** The scripts in order. A new migration is added here and as a resource; released scripts are never edited. */
    static final List<String> SCRIPTS = List.of(
            "V1__contracts.sql",
            "V2__classification.sql",
            "V3__spending_suppliers.sql",
            "V4__cube_and_access.sql",
            "V5__facts_with_families_and_suppliers.sql",
            "V6__spaser.sql",
            "V7__programme.sql");

    private Migrations() {
    }

    public static int currentVersion(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, script VARCHAR NOT NULL, "
                    + "applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)");
            try (ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) FROM schema_version")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static void apply(Connection conn) throws SQLException {
        currentVersion(conn); // creates schema_version when absent
        java.util.Set<Integer> applied = new java.util.HashSet<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT version FROM schema_version")) {
            while (rs.next()) applied.add(rs.getInt(1));
        }
        for (String script : SCRIPTS) {
            int version = Integer.parseInt(script.substring(1, script.indexOf("__")));
            // By set, not by maximum: a store made by a build that had V3 but not yet V2 still gets V2.
            if (applied.contains(version)) continue;
            boolean auto = conn.getAutoCommit();
            conn.setAutoCommit(false);
            try (Statement st = conn.createStatement()) {
                for (String sql : statements(read(script))) st.execute(sql);
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO schema_version (version, script) VALUES (?, ?)")) {
                    ps.setInt(1, version);
                    ps.setString(2, script);
                    ps.executeUpdate();
                }
                conn.commit();
            } catch (SQLException e) {
                conn.rollback();
                throw new SQLException("Migration " + script + " failed: " + e.getMessage(), e);
            } finally {
                conn.setAutoCommit(auto);
            }
        }
    }

    private static String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) throw new IllegalStateException("Missing migration resource " + script);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a script on semicolons at line ends, dropping comment lines (scripts hold no procedural code). */
    static List<String> statements(String script) {
        StringBuilder clean = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.startsWith("--")) continue;
            int comment = line.indexOf("--");
            clean.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
        }
        return java.util.Arrays.stream(clean.toString().split(";\\s*\n"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
