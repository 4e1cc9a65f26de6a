package fr.achatlas.query;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the store holds, in a few numbers: the status page and `achatlas status` read it. */
public final class StatusQueries {

    public record Totals(long contracts, long buyers, long suppliers, long modifications, long rejects, BigDecimal amount) {
    }

    public record BuyerCount(String buyerId, String name, String kind, long contracts, BigDecimal amount,
                             Integer firstYear, Integer lastYear) {
    }

    public record ImportRow(int batchId, String fileName, String format, String finishedAt, long read, long loaded,
                            long duplicates, long rejected) {
    }

    private final Connection conn;

    public StatusQueries(Connection conn) {
        this.conn = conn;
    }

    public Totals totals() throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT (SELECT count(*) FROM contract), (SELECT count(DISTINCT buyer_id) FROM contract),
                       (SELECT count(*) FROM supplier), (SELECT count(*) FROM contract_modification),
                       (SELECT count(*) FROM reject), (SELECT sum(current_amount) FILTER (WHERE NOT amount_suspect) FROM contract)""")) {
            rs.next();
            return new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6));
        }
    }

    /** Buyers by amount (aberrant amounts excluded from sums, as on every aggregate). */
    public List<BuyerCount> buyers(int limit) throws SQLException {
        List<BuyerCount> out = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT c.buyer_id, coalesce(any_value(b.name), any_value(c.buyer_name)), any_value(b.kind), count(*),
                       sum(c.current_amount) FILTER (WHERE NOT c.amount_suspect), min(c.award_year), max(c.award_year)
                FROM contract c LEFT JOIN buyer b USING (buyer_id)
                GROUP BY c.buyer_id
                ORDER BY bool_or(coalesce(b.in_territory, false)) DESC, 5 DESC NULLS LAST, 1
                LIMIT\s""" + Math.max(1, limit))) {
            while (rs.next()) {
                out.add(new BuyerCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBigDecimal(5),
                        (Integer) rs.getObject(6), (Integer) rs.getObject(7)));
            }
        }
        return out;
    }

    public List<ImportRow> lastImports(int limit) throws SQLException {
        List<ImportRow> out = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT batch_id, file_name, format, strftime(finished_at, '%Y-%m-%d %H:%M:%S'), records_read, loaded,
                       duplicates, rejected
                FROM import_batch ORDER BY batch_id DESC LIMIT\s""" + Math.max(1, limit))) {
            while (rs.next()) {
                out.add(new ImportRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8)));
            }
        }
        return out;
    }
}
