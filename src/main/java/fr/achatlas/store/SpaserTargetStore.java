package fr.achatlas.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Writes the SPASER targets (V6 {@code spaser_target}); the caller checks the indicator, metric and rights. */
public final class SpaserTargetStore {

    private final Connection conn;

    public SpaserTargetStore(Connection conn) {
        this.conn = conn;
    }

    /** Creates or replaces the target of (indicator, buyer or '*', year, metric). */
    public void save(String indicator, String buyerKey, int year, String metric, BigDecimal value, String comment, String user)
            throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                INSERT INTO spaser_target (indicator, buyer_id, year, metric, target_value, comment, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, current_timestamp)
                ON CONFLICT (indicator, buyer_id, year, metric) DO UPDATE SET target_value = excluded.target_value,
                    comment = excluded.comment, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")) {
            ps.setString(1, indicator);
            ps.setString(2, buyerKey);
            ps.setInt(3, year);
            ps.setString(4, metric);
            ps.setBigDecimal(5, value);
            ps.setString(6, comment);
            ps.setString(7, user);
            ps.executeUpdate();
        }
    }

    /** Removes a target; true when there was one. */
    public boolean delete(String indicator, String buyerKey, int year, String metric) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "DELETE FROM spaser_target WHERE indicator = ? AND buyer_id = ? AND year = ? AND metric = ?")) {
            ps.setString(1, indicator);
            ps.setString(2, buyerKey);
            ps.setInt(3, year);
            ps.setString(4, metric);
            return ps.executeUpdate() > 0;
        }
    }
}
