package fr.achatlas.query;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The territory served: its name and départements (outlined on the map). */
public final class TerritoryQueries {

    public record Territory(String name, List<String> departements, String regionCode, String regionName) {
    }

    private final Connection conn;

    public TerritoryQueries(Connection conn) {
        this.conn = conn;
    }

    public Territory territory() throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT name, departements, region_code, region_name FROM territory LIMIT 1")) {
            if (!rs.next()) return new Territory(null, List.of(), null, null);
            List<String> depts = new ArrayList<>();
            Array a = rs.getArray(2);
            if (a != null) for (Object o : (Object[]) a.getArray()) depts.add(String.valueOf(o));
            return new Territory(rs.getString(1), depts, rs.getString(3), rs.getString(4));
        }
    }
}
