package fr.achatlas.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The full content of the data tables, to prove an operation changed nothing (import batches excluded). */
public final class StoreSnapshot {

    public static final List<String> DATA_TABLES = List.of("contract", "contract_holder", "contract_modification",
            "subcontract", "contract_source", "finding", "reject", "buyer", "supplier");

    private StoreSnapshot() {
    }

    public static Map<String, List<String>> of(Connection c) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String t : DATA_TABLES) {
            List<String> rows = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + t + " ORDER BY ALL")) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= n; i++) b.append(rs.getString(i)).append('\u001f');
                    rows.add(b.toString());
                }
            }
            out.put(t, rows);
        }
        return out;
    }

    public static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
