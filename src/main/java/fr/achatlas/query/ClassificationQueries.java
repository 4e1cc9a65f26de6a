package fr.achatlas.query;

import com.fasterxml.jackson.annotation.JsonFormat;
import fr.achatlas.classify.Classification;
import fr.achatlas.classify.ClassificationInput;
import fr.achatlas.classify.ConfidenceBand;
import fr.achatlas.classify.ManualDecision;
import fr.achatlas.classify.Method;
import fr.achatlas.classify.Status;
import fr.achatlas.classify.SubjectKind;
import fr.achatlas.classify.SubjectRef;
import fr.achatlas.classify.nomenclature.CrosswalkRule;
import fr.achatlas.classify.nomenclature.Family;
import fr.achatlas.classify.nomenclature.Nature;
import fr.achatlas.classify.nomenclature.Nomenclature;
import fr.achatlas.classify.nomenclature.RuleKind;
import fr.achatlas.classify.nomenclature.Segment;
import fr.achatlas.query.cube.AccessDenied;
import fr.achatlas.query.cube.Role;
import fr.achatlas.query.cube.Scope;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads of the nomenclature, the crosswalks, the classification results, the validation queue and the history. */
public final class ClassificationQueries {

    public record CoverageRow(String key, String label, long records, BigDecimal amount) {
    }

    /** Share of records and of amount classified, by confidence band and by method (contracts: current amount). */
    public record Coverage(long records, long classified, BigDecimal amount, BigDecimal classifiedAmount,
                           List<CoverageRow> byBand, List<CoverageRow> byMethod, long conflicts, long queue) {
    }

    /**
     * One record to review; {@code reference} is the DECP id of a contract or "file l. N" of a spending line. Keys are
     * 64-bit hashes: written as JSON strings, which JavaScript numbers would round.
     */
    public record QueueRow(SubjectKind kind, @JsonFormat(shape = JsonFormat.Shape.STRING) long key, String buyerId, String buyerName, String reference, String text,
                           String cpv, String account, BigDecimal amount, String familyCode, String familyLabel, double confidence, String method,
                           boolean conflict, String alternativeFamilyCode, String evidence) {
    }

    public record HistoryRow(String at, String user, String action, String oldFamily, String newFamily, Long ruleId, String comment) {
    }

    public record Explanation(SubjectKind kind, @JsonFormat(shape = JsonFormat.Shape.STRING) long key, String buyerId, String buyerName, String reference, String text,
                              String cpv, BigDecimal amount, String familyCode, String familyLabel, String segmentCode,
                              String segmentLabel, double confidence, String method, String evidence, boolean conflict,
                              String alternativeFamilyCode, String status, String classifiedAt, List<HistoryRow> history) {
    }

    public record VersionRow(int version, String source, String importedBy, String importedAt, int segments, int families, int rules) {
    }

    private final Connection conn;

    public ClassificationQueries(Connection conn) {
        this.conn = conn;
    }

    /** The active nomenclature with all its rules, or empty before the first import. */
    public Optional<Nomenclature> activeNomenclature() throws SQLException {
        List<Segment> segments = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT code, label FROM nomenclature_segment ORDER BY position")) {
            while (rs.next()) segments.add(new Segment(rs.getString(1), rs.getString(2)));
        }
        if (segments.isEmpty()) return Optional.empty();
        List<Family> families = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT code, segment_code, label, nature, homogeneous, sustainable, esat_ea, siae, array_to_string(keywords, '|')
                FROM nomenclature_family ORDER BY position""")) {
            while (rs.next()) {
                String kw = rs.getString(9);
                families.add(new Family(rs.getString(1), rs.getString(2), rs.getString(3), Nature.valueOf(rs.getString(4)),
                        rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8),
                        kw == null || kw.isEmpty() ? List.of() : Arrays.asList(kw.split("\\|"))));
            }
        }
        List<CrosswalkRule> rules = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT rule_id, kind, code, family_code, weight, buyer_id, origin, comment, created_by, created_at
                FROM crosswalk_rule ORDER BY rule_id""")) {
            while (rs.next()) {
                Timestamp at = rs.getTimestamp(10);
                rules.add(new CrosswalkRule(rs.getLong(1), RuleKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getDouble(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        at == null ? null : at.toLocalDateTime()));
            }
        }
        return Optional.of(new Nomenclature(segments, families, rules));
    }

    public List<VersionRow> versions() throws SQLException {
        List<VersionRow> out = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT version, source, imported_by, strftime(imported_at, '%Y-%m-%d %H:%M'), segments, families, rules
                FROM nomenclature_version ORDER BY version""")) {
            while (rs.next()) out.add(new VersionRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7)));
        }
        return out;
    }

    private static final String CONTRACT_INPUTS = """
            SELECT c.contract_key, c.buyer_id, c.cpv, c.object, h.siren
            FROM contract c
            LEFT JOIN (SELECT contract_key, arg_min(siren, position) AS siren FROM contract_holder WHERE mod_key = 0
                       GROUP BY contract_key) h USING (contract_key)""";
    private static final String SPENDING_INPUTS = "SELECT line_key, buyer_id, account, label, supplier_siren, contract_key FROM spending_line";

    /**
     * The engine's input for every contract (CPV, object, buyer, first initial holder's SIREN), one by one, for a pass
     * over millions of them in a small heap; close it after use.
     */
    public InputCursor contractInputCursor() throws SQLException {
        return new InputCursor(conn, CONTRACT_INPUTS, rs -> ClassificationInput.contract(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5)));
    }

    /** The engine's input for every spending line (account, label, supplier SIREN, linked contract), one by one. */
    public InputCursor spendingInputCursor() throws SQLException {
        return new InputCursor(conn, SPENDING_INPUTS, ClassificationQueries::spendingInput);
    }

    /** How many spending lines the store holds. */
    public long spendingLineCount() throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM spending_line")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The contracts that spending lines are linked to (their family is evidence for the lines). */
    public Set<Long> contractsLinkedToSpending() throws SQLException {
        Set<Long> out = new HashSet<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT DISTINCT contract_key FROM spending_line WHERE contract_key IS NOT NULL")) {
            while (rs.next()) out.add(rs.getLong(1));
        }
        return out;
    }

    private static ClassificationInput spendingInput(ResultSet rs) throws SQLException {
        long contract = rs.getLong(6);
        Long linked = rs.wasNull() ? null : contract;
        return new ClassificationInput(SubjectKind.SPENDING_LINE, rs.getLong(1), rs.getString(2), null,
                rs.getString(3), null, rs.getString(4), rs.getString(5), null, linked);
    }

    /** Rows read as the caller iterates; the result stays on DuckDB's side, outside the Java heap. */
    public static final class InputCursor implements java.util.Iterator<ClassificationInput>, AutoCloseable {
        @FunctionalInterface
        interface RowMapper {
            ClassificationInput map(ResultSet rs) throws SQLException;
        }

        private final Statement st;
        private final ResultSet rs;
        private final RowMapper mapper;
        private ClassificationInput next;

        InputCursor(Connection conn, String sql, RowMapper mapper) throws SQLException {
            this.st = conn.createStatement();
            try {
                this.rs = st.executeQuery(sql);
            } catch (SQLException e) {
                st.close();
                throw e;
            }
            this.mapper = mapper;
        }

        @Override
        public boolean hasNext() {
            if (next != null) return true;
            try {
                if (!rs.next()) return false;
                next = mapper.map(rs);
                return true;
            } catch (SQLException e) {
                throw new IllegalStateException("Lecture des enregistrements à classer impossible : " + e.getMessage(), e);
            }
        }

        @Override
        public ClassificationInput next() {
            if (!hasNext()) throw new java.util.NoSuchElementException();
            ClassificationInput n = next;
            next = null;
            return n;
        }

        @Override
        public void close() throws SQLException {
            try {
                rs.close();
            } finally {
                st.close();
            }
        }
    }

    /** One spending line's input, for turning a correction into a rule. */
    public Optional<ClassificationInput> spendingInput(long key) throws SQLException {
        try (PreparedStatement ps = prepare(SPENDING_INPUTS + " WHERE line_key = ?", List.of(key));
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(spendingInput(rs)) : Optional.empty();
        }
    }

    /** One contract's input, for turning a correction into a rule. */
    public Optional<ClassificationInput> contractInput(long key) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT contract_key, buyer_id, cpv, object FROM contract WHERE contract_key = ?")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(ClassificationInput.contract(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), null));
            }
        }
    }

    /** The latest decision of a person on each record. */
    public Map<SubjectRef, ManualDecision> decisions() throws SQLException {
        Map<SubjectRef, ManualDecision> out = new HashMap<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT subject_kind, subject_key, arg_max(family_code, decided_at), arg_max(status, decided_at), arg_max(user_name, decided_at), max(decided_at),
                       arg_max(comment, decided_at)
                FROM classification_override GROUP BY ALL""")) {
            while (rs.next()) {
                SubjectRef ref = new SubjectRef(SubjectKind.valueOf(rs.getString(1)), rs.getLong(2));
                out.put(ref, new ManualDecision(ref, rs.getString(3), Status.valueOf(rs.getString(4)), rs.getString(5),
                        rs.getTimestamp(6).toLocalDateTime(), rs.getString(7)));
            }
        }
        return out;
    }

    public Optional<Classification> classification(SubjectRef ref) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT family_code, confidence, method, evidence, conflict, alternative_family_code, status, rule_id
                FROM classification WHERE subject_kind = ? AND subject_key = ?""")) {
            ps.setString(1, ref.kind().name());
            ps.setLong(2, ref.key());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Classification(ref.kind(), ref.key(), rs.getString(1), rs.getDouble(2), Method.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getBoolean(5), rs.getString(6), Status.valueOf(rs.getString(7)), (Long) rs.getObject(8)));
            }
        }
    }

    /** Contract keys whose DECP identifier is {@code id} (an identifier may be reused by several buyers). */
    public List<Long> contractKeysById(String id) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT contract_key FROM contract WHERE contract_id = ? OR uid = ? ORDER BY buyer_id")) {
            ps.setString(1, id);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
        }
        return out;
    }

    /** Coverage of the contracts (the CLI's report). */
    public Coverage coverage() throws SQLException {
        return coverage(SubjectKind.CONTRACT);
    }

    /**
     * Share of records and of amount classified, by confidence band and by method, for contracts (current amount) or
     * for spending lines (amount paid); suspect amounts are left out of the sums, as everywhere.
     */
    public Coverage coverage(SubjectKind kind) throws SQLException {
        String subject = "WITH subject AS (" + (kind == SubjectKind.CONTRACT
                ? "SELECT 'CONTRACT' AS subject_kind, contract_key AS subject_key, CASE WHEN amount_suspect THEN NULL ELSE current_amount END AS amount FROM contract"
                : "SELECT 'SPENDING_LINE' AS subject_kind, line_key AS subject_key, CASE WHEN amount_suspect THEN NULL ELSE amount END AS amount FROM spending_line")
                + ") ";
        String from = " FROM subject s LEFT JOIN classification c USING (subject_kind, subject_key) ";
        long records, classified, conflicts, queue;
        BigDecimal amount, classifiedAmount;
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(subject + """
                SELECT count(*), count(c.family_code), sum(s.amount), sum(s.amount) FILTER (WHERE c.family_code IS NOT NULL),
                       count(*) FILTER (WHERE c.conflict),
                       count(*) FILTER (WHERE c.status = 'AUTO' AND (c.conflict OR c.confidence < 0.5))""" + from)) {
            rs.next();
            records = rs.getLong(1);
            classified = rs.getLong(2);
            amount = rs.getBigDecimal(3);
            classifiedAmount = rs.getBigDecimal(4);
            conflicts = rs.getLong(5);
            queue = rs.getLong(6);
        }
        List<CoverageRow> byBand = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(subject + """
                SELECT CASE WHEN c.family_code IS NULL THEN 'NONE' WHEN c.confidence >= 0.8 THEN 'HIGH'
                            WHEN c.confidence >= 0.5 THEN 'MEDIUM' ELSE 'LOW' END AS band, count(*), sum(s.amount)""" + from + """
                GROUP BY band ORDER BY CASE band WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 WHEN 'LOW' THEN 2 ELSE 3 END""")) {
            while (rs.next()) {
                String band = rs.getString(1);
                String label = band.equals("NONE") ? "non classé" : ConfidenceBand.valueOf(band).label();
                byBand.add(new CoverageRow(band, label, rs.getLong(2), rs.getBigDecimal(3)));
            }
        }
        List<CoverageRow> byMethod = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(subject
                + "SELECT coalesce(c.method, 'NONE') AS m, count(*), sum(s.amount)" + from + "GROUP BY m ORDER BY 2 DESC, 1")) {
            while (rs.next()) {
                String m = rs.getString(1);
                byMethod.add(new CoverageRow(m, Method.valueOf(m).label(), rs.getLong(2), rs.getBigDecimal(3)));
            }
        }
        return new Coverage(records, classified, amount, classifiedAmount, byBand, byMethod, conflicts, queue);
    }

    /** The validation queue of the whole store (CLI, administrators): see {@link #queue(Scope, SubjectKind, int, int)}. */
    public List<QueueRow> queue(int limit) throws SQLException {
        return queue(null, null, limit, 0);
    }

    /**
     * The validation queue: automatic classifications that conflict or are unsure (confidence below 0.5), contracts
     * and spending lines, largest amounts first. A person reviews the records of the buyers they answer for only:
     * administrators see everything, an analyst their own buyers, other roles nothing (the queue shows spending lines).
     *
     * @param scope who asks and the perimeter chosen on screen; null = no restriction (CLI)
     * @param kind  contracts or spending lines only; null = both
     */
    public List<QueueRow> queue(Scope scope, SubjectKind kind, int limit, int offset) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = queueWhere(scope, kind, params);
        params.add(limit);
        params.add(offset);
        List<QueueRow> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(SUBJECTS + """
                SELECT c.subject_kind, c.subject_key, s.buyer_id, s.buyer_name, s.reference, s.text, s.cpv, s.account, s.amount,
                       c.family_code, f.label, c.confidence, c.method, c.conflict, c.alternative_family_code, c.evidence
                FROM classification c
                LEFT JOIN subject s ON s.kind = c.subject_kind AND s.key = c.subject_key
                LEFT JOIN nomenclature_family f ON f.code = c.family_code
                WHERE %s
                ORDER BY s.amount DESC NULLS LAST, c.subject_kind, c.subject_key
                LIMIT ? OFFSET ?""".formatted(where), params);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new QueueRow(SubjectKind.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBigDecimal(9),
                        rs.getString(10), rs.getString(11), rs.getDouble(12), rs.getString(13), rs.getBoolean(14),
                        rs.getString(15), rs.getString(16)));
            }
        }
        return out;
    }

    /** How many records wait in the queue for this person (same restrictions as the queue). */
    public long queueSize(Scope scope, SubjectKind kind) throws SQLException {
        List<Object> params = new ArrayList<>();
        String where = queueWhere(scope, kind, params);
        try (PreparedStatement ps = prepare(SUBJECTS + """
                SELECT count(*) FROM classification c
                LEFT JOIN subject s ON s.kind = c.subject_kind AND s.key = c.subject_key
                WHERE %s""".formatted(where), params);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Refuses a decision on a record outside the person's buyers: administrators decide on anything, an analyst on
     * their own buyers' records only, other roles on nothing.
     */
    public void requireDecisionRight(Scope scope, SubjectRef ref) throws SQLException {
        if (scope.role() == Role.ADMIN) return;
        if (scope.role() != Role.ANALYST) {
            throw new AccessDenied("Seuls les administrateurs et les analystes des acheteurs valident les classements.");
        }
        String buyer = null;
        try (PreparedStatement ps = prepare(SUBJECTS + "SELECT buyer_id FROM subject WHERE kind = ? AND key = ?",
                List.of(ref.kind().name(), ref.key()));
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) buyer = rs.getString(1);
        }
        if (buyer == null || !scope.ownBuyers().contains(buyer)) {
            throw new AccessDenied("Cet enregistrement n'appartient pas à vos acheteurs : vous ne pouvez pas le classer.");
        }
    }

    /** Contracts and spending lines under one shape: what the queue and the explanation show of each. */
    private static final String SUBJECTS = """
            WITH subject AS (
                SELECT 'CONTRACT' AS kind, contract_key AS key, buyer_id, buyer_name, contract_id AS reference, object AS text,
                       cpv, NULL::VARCHAR AS account, current_amount AS amount
                FROM contract
                UNION ALL
                SELECT 'SPENDING_LINE', l.line_key, l.buyer_id, b.name, l.file_name || ' l. ' || l.line_number, l.label,
                       NULL, l.account, l.amount
                FROM spending_line l LEFT JOIN buyer b ON b.buyer_id = l.buyer_id
            )
            """;

    private static String queueWhere(Scope scope, SubjectKind kind, List<Object> params) {
        List<String> parts = new ArrayList<>(List.of("c.status = 'AUTO'", "(c.conflict OR c.confidence < 0.5)"));
        if (kind != null) {
            parts.add("c.subject_kind = ?");
            params.add(kind.name());
        }
        Set<String> buyers = scope == null ? Set.of() : switch (scope.role()) {
            case ADMIN -> scope.selection();
            case ANALYST -> scope.selection().isEmpty() ? scope.ownBuyers()
                    : scope.selection().stream().filter(scope.ownBuyers()::contains).collect(Collectors.toSet());
            case VIEWER, PUBLIC -> throw new AccessDenied(
                    "La file de validation est réservée aux administrateurs et aux analystes des acheteurs.");
        };
        if (scope != null && scope.role() == Role.ANALYST && buyers.isEmpty()) {
            parts.add("false");
        } else if (!buyers.isEmpty()) {
            parts.add(Scope.in("s.buyer_id", buyers, params));
        }
        return String.join(" AND ", parts);
    }

    private PreparedStatement prepare(String sql, List<?> params) throws SQLException {
        return Statements.prepare(conn, sql, params);
    }

    public Optional<Explanation> explain(SubjectRef ref) throws SQLException {
        Explanation e;
        try (PreparedStatement ps = conn.prepareStatement(SUBJECTS + """
                SELECT k.buyer_id, k.buyer_name, k.reference, k.text, coalesce(k.cpv, k.account), k.amount, c.family_code, f.label,
                       f.segment_code, s.label, c.confidence, c.method, c.evidence, c.conflict, c.alternative_family_code,
                       c.status, strftime(c.classified_at, '%Y-%m-%d %H:%M')
                FROM classification c
                LEFT JOIN subject k ON k.kind = c.subject_kind AND k.key = c.subject_key
                LEFT JOIN nomenclature_family f ON f.code = c.family_code
                LEFT JOIN nomenclature_segment s ON s.code = f.segment_code
                WHERE c.subject_kind = ? AND c.subject_key = ?""")) {
            ps.setString(1, ref.kind().name());
            ps.setLong(2, ref.key());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                e = new Explanation(ref.kind(), ref.key(), rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getDouble(11), rs.getString(12), rs.getString(13), rs.getBoolean(14), rs.getString(15),
                        rs.getString(16), rs.getString(17), history(ref));
            }
        }
        return Optional.of(e);
    }

    public List<HistoryRow> history(SubjectRef ref) throws SQLException {
        List<HistoryRow> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT strftime(changed_at, '%Y-%m-%d %H:%M:%S'), user_name, action, old_family_code, new_family_code, rule_id, comment
                FROM classification_history WHERE subject_kind = ? AND subject_key = ? ORDER BY changed_at""")) {
            ps.setString(1, ref.kind().name());
            ps.setLong(2, ref.key());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new HistoryRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), (Long) rs.getObject(6), rs.getString(7)));
            }
        }
        return out;
    }

    /** Classified records per family (for tests and summaries). */
    public Map<String, Long> countsByFamily(SubjectKind kind) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT coalesce(family_code, '—'), count(*) FROM classification WHERE subject_kind = ? GROUP BY 1")) {
            ps.setString(1, kind.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

}
