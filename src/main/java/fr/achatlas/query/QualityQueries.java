package fr.achatlas.query;

import fr.achatlas.query.QualityReport.BuyerQuality;
import fr.achatlas.query.QualityReport.RuleCount;
import fr.achatlas.query.QualityReport.SourceQuality;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data-quality report: what was kept, flagged or rejected, per buyer and per source. */
public final class QualityQueries {

    private final Connection conn;

    public QualityQueries(Connection conn) {
        this.conn = conn;
    }

    public QualityReport report() throws SQLException {
        return new QualityReport(buyers(), sources(), rules());
    }

    private List<BuyerQuality> buyers() throws SQLException {
        Map<String, Map<String, Long>> topRules = new HashMap<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT buyer_id, rule, n FROM (
                    SELECT c.buyer_id, f.rule, count(*) AS n,
                           row_number() OVER (PARTITION BY c.buyer_id ORDER BY count(*) DESC, f.rule) AS rk
                    FROM finding f JOIN contract c USING (contract_key)
                    WHERE f.severity = 'WARNING'
                    GROUP BY c.buyer_id, f.rule)
                WHERE rk <= 3 ORDER BY buyer_id, n DESC, rule""")) {
            while (rs.next()) {
                topRules.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
            }
        }
        List<BuyerQuality> out = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("""
                WITH c AS (
                    SELECT buyer_id, count(*) AS contracts, sum(current_amount) AS amount,
                           count(*) FILTER (WHERE warning_count > 0) AS warned,
                           count(*) FILTER (WHERE cpv IS NULL) AS missing_cpv,
                           count(*) FILTER (WHERE amount_suspect) AS suspect,
                           count(*) FILTER (WHERE award_date IS NULL) AS missing_date
                    FROM contract GROUP BY buyer_id),
                r AS (SELECT buyer_id, count(DISTINCT (file_sha256, record_position)) AS rejected FROM reject
                      WHERE buyer_id IS NOT NULL GROUP BY buyer_id)
                SELECT coalesce(c.buyer_id, r.buyer_id) AS buyer_id, b.name, coalesce(c.contracts, 0), c.amount,
                       coalesce(c.warned, 0), coalesce(r.rejected, 0), coalesce(c.missing_cpv, 0), coalesce(c.suspect, 0),
                       coalesce(c.missing_date, 0)
                FROM c FULL JOIN r ON r.buyer_id = c.buyer_id
                LEFT JOIN buyer b ON b.buyer_id = coalesce(c.buyer_id, r.buyer_id)
                ORDER BY c.amount DESC NULLS LAST, buyer_id""")) {
            while (rs.next()) {
                String id = rs.getString(1);
                out.add(new BuyerQuality(id, rs.getString(2), rs.getLong(3), rs.getBigDecimal(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), topRules.getOrDefault(id, Map.of())));
            }
        }
        return out;
    }

    private List<SourceQuality> sources() throws SQLException {
        List<SourceQuality> out = new ArrayList<>();
        // The first batch of each file content carries its real counts; later identical re-imports are all duplicates.
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT b.file_name, b.format,
                       (SELECT string_agg(DISTINCT s.platform, ', ') FROM contract_source s JOIN import_batch sb ON sb.batch_id = s.batch_id
                        WHERE sb.file_sha256 = b.file_sha256),
                       b.records_read, b.loaded, b.duplicates, b.rejected, b.warnings,
                       strftime(last.finished_at, '%Y-%m-%d %H:%M')
                FROM import_batch b
                JOIN (SELECT file_sha256, max(finished_at) AS finished_at FROM import_batch GROUP BY file_sha256) last
                  USING (file_sha256)
                WHERE b.same_content_as IS NULL AND b.finished_at IS NOT NULL
                ORDER BY b.file_name""")) {
            while (rs.next()) {
                out.add(new SourceQuality(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getString(9)));
            }
        }
        return out;
    }

    private List<RuleCount> rules() throws SQLException {
        List<RuleCount> out = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT rule, any_value(severity), sum(findings), sum(rejects) FROM (
                    SELECT rule, severity, count(*) AS findings, 0 AS rejects FROM finding GROUP BY rule, severity
                    UNION ALL
                    SELECT rule, 'FATAL', 0, count(*) FROM reject GROUP BY rule)
                GROUP BY rule ORDER BY sum(findings) + sum(rejects) DESC, rule""")) {
            while (rs.next()) out.add(new RuleCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
        }
        return out;
    }
}
