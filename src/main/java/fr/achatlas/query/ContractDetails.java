package fr.achatlas.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything known about one contract (open data): its current state, holders (initial and after modifications),
 * modifications, findings, copies (provenance), and classification evidence when the classification tables exist.
 */
public final class ContractDetails {

    public record Details(Map<String, Object> contract, List<Map<String, Object>> holders, List<Map<String, Object>> modifications,
                          List<Map<String, Object>> findings, List<Map<String, Object>> sources, List<Map<String, Object>> classification) {
    }

    private final Connection conn;

    public ContractDetails(Connection conn) {
        this.conn = conn;
    }

    public Optional<Details> find(long contractKey) throws SQLException {
        List<Map<String, Object>> contract = rows("""
                SELECT CAST(c.contract_key AS VARCHAR) AS contract_key, c.contract_id, c.kind, c.buyer_id,
                       coalesce(b.name, c.buyer_name) AS buyer_name, c.nature, c.object, c.cpv, c.procedure,
                       CAST(c.award_date AS VARCHAR) AS award_date, c.award_year, c.duration_months, c.current_duration_months,
                       c.amount, c.current_amount, c.amount_suspect, c.modification_count, c.holder_count, c.offers_received,
                       c.innovative, array_to_string(c.social_considerations, ' | ') AS social_considerations,
                       array_to_string(c.environmental_considerations, ' | ') AS environmental_considerations,
                       c.place_code, c.place_name, c.framework_id, c.grouping_type, coalesce(c.platform, c.source_format) AS source,
                       c.warning_count
                FROM contract c LEFT JOIN buyer b USING (buyer_id) WHERE c.contract_key = ?""", contractKey);
        if (contract.isEmpty()) return Optional.empty();
        return Optional.of(new Details(contract.get(0),
                rows("""
                        SELECT h.mod_key = 0 AS initial, h.mod_key = c.current_holders_mod AS current, h.position, h.holder_id,
                               h.id_type, coalesce(s.name, h.name) AS name
                        FROM contract_holder h JOIN contract c USING (contract_key) LEFT JOIN supplier s ON s.supplier_id = h.holder_id
                        WHERE h.contract_key = ? ORDER BY h.mod_key <> 0, h.mod_key, h.position""", contractKey),
                rows("""
                        SELECT rank, source_id, object, CAST(notification_date AS VARCHAR) AS notification_date,
                               CAST(publication_date AS VARCHAR) AS publication_date, duration_months, amount, changes_holders
                        FROM contract_modification WHERE contract_key = ? ORDER BY rank, notification_date""", contractKey),
                rows("""
                        SELECT f.rule, f.severity, f.field, f.value, f.message, b.file_name, f.record_position
                        FROM finding f JOIN import_batch b USING (batch_id)
                        WHERE f.contract_key = ? ORDER BY f.severity DESC, f.rule""", contractKey),
                rows("""
                        SELECT b.file_name, s.record_position, s.source_format, s.platform, s.is_primary
                        FROM contract_source s JOIN import_batch b USING (batch_id)
                        WHERE s.contract_key = ? ORDER BY s.is_primary DESC, b.file_name, s.record_position""", contractKey),
                classification(contractKey)));
    }

    /** Present once the classification issue's tables exist; an empty list before. */
    private List<Map<String, Object>> classification(long contractKey) throws SQLException {
        List<Map<String, Object>> exists = rows("SELECT 1 AS x FROM information_schema.tables WHERE table_name = 'classification'");
        if (exists.isEmpty()) return List.of();
        return rows("""
                SELECT family_code, confidence, method, evidence, conflict, status FROM classification
                WHERE subject_kind = 'CONTRACT' AND CAST(subject_key AS VARCHAR) = CAST(? AS VARCHAR)""", contractKey);
    }

    private List<Map<String, Object>> rows(String sql, Object... params) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) row.put(md.getColumnLabel(i), rs.getObject(i));
                    out.add(row);
                }
            }
        }
        return out;
    }
}
