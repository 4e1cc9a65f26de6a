package fr.achatlas.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** The query layer's one way to run SQL with values from users: every value is a bound parameter, in order. */
public final class Statements {

    private Statements() {
    }

    /** {@code sql} prepared with {@code params} bound to its placeholders, first to last; the caller closes it. */
    public static PreparedStatement prepare(Connection conn, String sql, List<?> params) throws SQLException {
        PreparedStatement ps = conn.prepareStatement(sql);
        try {
            for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
        return ps;
    }
}
