package fr.achatlas.query;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Spending, read through the fact view: spend under contract per buyer and CPV division (the stand-in for purchase
 * families until classification exists), the review list of name matches, the enrichment of suppliers. Lines under a
 * ×100 suspicion are excluded from every sum, as aberrant contract amounts are.
 */
public final class SpendingQueries {

    /** {@code cpvDivision} is the linked contract's CPV division; null for off-contract spend. */
    public record UnderContract(String buyerId, String buyerName, String cpvDivision, BigDecimal underContract,
                                BigDecimal offContract, long lines, long linkedLines) {
    }

    public record ReviewItem(String buyerId, String supplierName, String proposedSiret, String method, Double confidence,
                             long lines, BigDecimal amount) {
    }

    /** Shares of the territory's spend (euros) by supplier property, over lines not suspect. */
    public record Enrichment(BigDecimal total, long lines, BigDecimal withSize, BigDecimal pme, BigDecimal eti, BigDecimal ge,
                             BigDecimal micro, BigDecimal withLocation, BigDecimal local, BigDecimal inclusive,
                             BigDecimal ess, BigDecimal foreign, BigDecimal underContract) {
    }

    private final Connection conn;

    public SpendingQueries(Connection conn) {
        this.conn = conn;
    }

    /** Per buyer: spend under contract and off contract; with {@code byCpvDivision}, under-contract spend is split by division. */
    public List<UnderContract> underContract(boolean byCpvDivision) throws SQLException {
        String division = byCpvDivision ? "left(c.cpv, 2)" : "NULL";
        List<UnderContract> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT f.buyer_id, any_value(b.name), %s AS division,
                       coalesce(sum(f.amount) FILTER (WHERE f.under_contract), 0),
                       coalesce(sum(f.amount) FILTER (WHERE NOT f.under_contract), 0),
                       count(*), count(*) FILTER (WHERE f.under_contract)
                FROM spending_fact f LEFT JOIN buyer b USING (buyer_id)
                LEFT JOIN contract c ON c.contract_key = f.contract_key
                WHERE NOT f.amount_suspect
                GROUP BY f.buyer_id, division
                ORDER BY sum(sum(f.amount)) OVER (PARTITION BY f.buyer_id) DESC, f.buyer_id, division NULLS LAST""".formatted(division));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new UnderContract(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getLong(6), rs.getLong(7)));
            }
        }
        return out;
    }

    /**
     * Name-only lines that need a person: unmatched, or matched with a confidence below 0.8; grouped by buyer and
     * name, biggest amounts first.
     */
    public List<ReviewItem> reviewList(int limit) throws SQLException {
        List<ReviewItem> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT buyer_id, supplier_name, any_value(supplier_id), any_value(supplier_match_method),
                       min(supplier_match_confidence), count(*), sum(amount)
                FROM spending_line
                WHERE supplier_id_type = 'NAME' AND (supplier_match_method IS NULL OR supplier_match_confidence < 0.8)
                GROUP BY buyer_id, supplier_name ORDER BY sum(abs(amount)) DESC LIMIT ?""")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double conf = rs.getDouble(5);
                    out.add(new ReviewItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.wasNull() ? null : conf, rs.getLong(6), rs.getBigDecimal(7)));
                }
            }
        }
        return out;
    }

    public Enrichment enrichment() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT coalesce(sum(amount), 0), count(*),
                       coalesce(sum(amount) FILTER (WHERE company_category IS NOT NULL), 0),
                       coalesce(sum(amount) FILTER (WHERE company_category = 'PME'), 0),
                       coalesce(sum(amount) FILTER (WHERE company_category = 'ETI'), 0),
                       coalesce(sum(amount) FILTER (WHERE company_category = 'GE'), 0),
                       coalesce(sum(amount) FILTER (WHERE micro), 0),
                       coalesce(sum(amount) FILTER (WHERE is_local IS NOT NULL), 0),
                       coalesce(sum(amount) FILTER (WHERE is_local), 0),
                       coalesce(sum(amount) FILTER (WHERE inclusion_type IS NOT NULL), 0),
                       coalesce(sum(amount) FILTER (WHERE ess), 0),
                       coalesce(sum(amount) FILTER (WHERE supplier_id_type IN ('TVA', 'HORS-UE') AND supplier_siren IS NULL), 0),
                       coalesce(sum(amount) FILTER (WHERE under_contract), 0)
                FROM spending_fact WHERE NOT amount_suspect""");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Enrichment(rs.getBigDecimal(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                    rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                    rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getBigDecimal(12), rs.getBigDecimal(13));
        }
    }

    /** One spending import: its file and what became of its lines ({@code read = loaded + duplicates + rejected}). */
    public record Batch(int batchId, String fileName, String format, java.time.LocalDateTime startedAt, long read, long loaded,
                        long duplicates, long rejected, long warnings, long suspectLines) {
    }

    /** A rejected line (severity FATAL) or a finding on a kept line; line 0 is about the whole file. */
    public record Issue(long lineNumber, String severity, String rule, String field, String value, String message) {
    }

    /** The spending imports still in the store, the latest first. */
    public List<Batch> batches(int limit) throws SQLException {
        List<Batch> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT b.batch_id, b.file_name, b.format, b.started_at, b.records_read, b.loaded, b.duplicates, b.rejected, b.warnings,
                       (SELECT count(*) FROM spending_line l WHERE l.batch_id = b.batch_id AND l.amount_suspect)
                FROM import_batch b WHERE b.kind = 'SPENDING' AND b.finished_at IS NOT NULL
                ORDER BY b.batch_id DESC LIMIT ?""")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Batch(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toLocalDateTime(), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)));
                }
            }
        }
        return out;
    }

    /** The rejected lines and findings of one import, in file order (rejections first on a line), at most {@code limit}. */
    public List<Issue> issues(int batchId, int limit) throws SQLException {
        List<Issue> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT line_number, severity, rule, field, value, message FROM (
                    SELECT line_number, 'FATAL' AS severity, rule, field, value, message, 0 AS o FROM spending_reject WHERE batch_id = ?
                    UNION ALL
                    SELECT line_number, severity, rule, field, value, message, 1 FROM spending_finding WHERE batch_id = ?)
                ORDER BY line_number, o, rule LIMIT ?""")) {
            ps.setInt(1, batchId);
            ps.setInt(2, batchId);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Issue(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
        }
        return out;
    }
}
