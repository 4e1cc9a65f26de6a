package fr.achatlas.store;

import fr.achatlas.classify.Classification;
import fr.achatlas.classify.ManualDecision;
import fr.achatlas.classify.SubjectKind;
import fr.achatlas.classify.nomenclature.CrosswalkRule;
import fr.achatlas.classify.nomenclature.Family;
import fr.achatlas.classify.nomenclature.Nomenclature;
import fr.achatlas.classify.nomenclature.Segment;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import tools.jackson.databind.json.JsonMapper;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * Writes the classification tables: nomenclature versions, crosswalk rules, results, people's decisions and the
 * history of changes. Each public method is one transaction.
 */
public final class ClassificationStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DuckDBConnection conn;

    public ClassificationStore(Database db) {
        this.conn = db.connection();
    }

    /**
     * Makes {@code n} the active nomenclature, replacing segments, families and all crosswalk rules (the files are the
     * whole truth: user rules live in them once exported). Returns the new version number.
     */
    public int saveNomenclature(Nomenclature n, Map<String, String> files, String source, String user) throws SQLException {
        return inTransaction(() -> {
            int version;
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(version), 0) + 1 FROM nomenclature_version")) {
                rs.next();
                version = rs.getInt(1);
            }
            LocalDateTime now = LocalDateTime.now();
            try (Statement st = conn.createStatement()) {
                st.execute("DELETE FROM nomenclature_segment");
                st.execute("DELETE FROM nomenclature_family");
                st.execute("DELETE FROM crosswalk_rule");
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO nomenclature_version VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setInt(1, version);
                ps.setString(2, source);
                ps.setString(3, user);
                ps.setTimestamp(4, Timestamp.valueOf(now));
                ps.setInt(5, n.segments().size());
                ps.setInt(6, n.families().size());
                ps.setInt(7, n.rules().size());
                ps.setString(8, JSON.writeValueAsString(files));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO nomenclature_segment VALUES (?, ?, ?, ?)")) {
                int pos = 0;
                for (Segment s : n.segments()) {
                    ps.setString(1, s.code());
                    ps.setString(2, s.label());
                    ps.setInt(3, pos++);
                    ps.setInt(4, version);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO nomenclature_family VALUES (?, ?, ?, ?, ?, ?, ?, ?, string_split(?, '|'), ?, ?)")) {
                int pos = 0;
                for (Family f : n.families()) {
                    ps.setString(1, f.code());
                    ps.setString(2, f.segmentCode());
                    ps.setString(3, f.label());
                    ps.setString(4, f.nature().name());
                    ps.setBoolean(5, f.homogeneous());
                    ps.setBoolean(6, f.sustainable());
                    ps.setBoolean(7, f.esatEa());
                    ps.setBoolean(8, f.siae());
                    ps.setString(9, String.join("|", f.keywords()));
                    ps.setInt(10, pos++);
                    ps.setInt(11, version);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            long id = 1;
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO crosswalk_rule VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (CrosswalkRule r : n.rules()) {
                    bindRule(ps, r.withId(id++), r.createdBy() != null ? r.createdBy() : user,
                            r.createdAt() != null ? r.createdAt() : now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            history(now, user, "NOMENCLATURE_IMPORT", null, null, null, null, null,
                    "version " + version + " (" + source + ") : " + n.segments().size() + " segments, "
                            + n.families().size() + " familles, " + n.rules().size() + " règles");
            return version;
        });
    }

    /** Adds a rule (usually made from a correction) and records it in the history; returns the rule id. */
    public long addRule(CrosswalkRule rule, String user, String comment) throws SQLException {
        return inTransaction(() -> {
            long id;
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(rule_id), 0) + 1 FROM crosswalk_rule")) {
                rs.next();
                id = rs.getLong(1);
            }
            LocalDateTime now = LocalDateTime.now();
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO crosswalk_rule VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindRule(ps, rule.withId(id), user, now);
                ps.executeUpdate();
            }
            history(now, user, "RULE", null, null, null, rule.familyCode(), id, rule.reference() + " → " + rule.familyCode()
                    + (comment == null ? "" : " : " + comment));
            return id;
        });
    }

    private static void bindRule(PreparedStatement ps, CrosswalkRule r, String user, LocalDateTime at) throws SQLException {
        ps.setLong(1, r.id());
        ps.setString(2, r.kind().name());
        ps.setString(3, r.code());
        ps.setString(4, r.familyCode());
        ps.setDouble(5, r.weight());
        ps.setString(6, r.buyerId());
        ps.setString(7, r.origin());
        ps.setString(8, r.comment());
        ps.setString(9, user);
        ps.setTimestamp(10, Timestamp.valueOf(at));
    }

    /**
     * Records a person's decision on one record and applies it to the stored classification at once (no need to wait
     * for the next reclassification, which will apply it again).
     */
    public void decide(ManualDecision d, Classification applied) throws SQLException {
        inTransaction(() -> {
            String old = null;
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT family_code FROM classification WHERE subject_kind = ? AND subject_key = ?")) {
                ps.setString(1, d.ref().kind().name());
                ps.setLong(2, d.ref().key());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) old = rs.getString(1);
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO classification_override VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, d.ref().kind().name());
                ps.setLong(2, d.ref().key());
                ps.setString(3, d.familyCode());
                ps.setString(4, d.status().name());
                ps.setString(5, d.user());
                ps.setTimestamp(6, Timestamp.valueOf(d.at()));
                ps.setString(7, d.comment());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "DELETE FROM classification WHERE subject_kind = ? AND subject_key = ?")) {
                ps.setString(1, d.ref().kind().name());
                ps.setLong(2, d.ref().key());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO classification VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, applied.kind().name());
                ps.setLong(2, applied.key());
                ps.setString(3, applied.familyCode());
                ps.setDouble(4, applied.confidence());
                ps.setString(5, applied.method().name());
                ps.setString(6, applied.evidence());
                ps.setBoolean(7, applied.conflict());
                ps.setString(8, applied.alternativeFamilyCode());
                ps.setString(9, applied.status().name());
                ps.setObject(10, applied.ruleId());
                ps.setTimestamp(11, Timestamp.valueOf(d.at()));
                ps.executeUpdate();
            }
            history(d.at(), d.user(), d.status() == fr.achatlas.classify.Status.VALIDATED ? "ACCEPT" : "OVERRIDE",
                    d.ref().kind(), d.ref().key(), old, d.familyCode(), null, d.comment());
            return null;
        });
    }

    /**
     * Replaces every classification of one kind of record by {@code results}, in one transaction, and records in the
     * history each record whose family changed (set-wise, against the previous results).
     */
    public long replaceAll(SubjectKind kind, Iterable<Classification> results, String user) throws SQLException {
        return inTransaction(() -> {
            LocalDateTime now = LocalDateTime.now();
            try (PreparedStatement ps = conn.prepareStatement(
                    "CREATE OR REPLACE TEMP TABLE previous_classification AS SELECT subject_key, family_code FROM classification WHERE subject_kind = ?")) {
                ps.setString(1, kind.name());
                ps.execute();
            }
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM classification WHERE subject_kind = ?")) {
                ps.setString(1, kind.name());
                ps.executeUpdate();
            }
            long n = 0;
            Timestamp at = Timestamp.valueOf(now);
            try (DuckDBAppender app = conn.createAppender("main", "classification")) {
                for (Classification c : results) {
                    app.beginRow();
                    app.append(c.kind().name());
                    app.append(c.key());
                    text(app, c.familyCode());
                    app.append(c.confidence());
                    app.append(c.method().name());
                    app.append(c.evidence());
                    app.append(c.conflict());
                    text(app, c.alternativeFamilyCode());
                    app.append(c.status().name());
                    if (c.ruleId() == null) app.appendNull();
                    else app.append(c.ruleId().longValue());
                    app.append(now);
                    app.endRow();
                    n++;
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("""
                    INSERT INTO classification_history
                    SELECT ?, ?, 'RECLASSIFY', c.subject_kind, c.subject_key, p.family_code, c.family_code, c.rule_id, NULL
                    FROM classification c JOIN previous_classification p USING (subject_key)
                    WHERE c.subject_kind = ? AND c.family_code IS DISTINCT FROM p.family_code""")) {
                ps.setTimestamp(1, at);
                ps.setString(2, user);
                ps.setString(3, kind.name());
                ps.executeUpdate();
            }
            try (Statement st = conn.createStatement()) {
                st.execute("DROP TABLE previous_classification");
            }
            return n;
        });
    }

    private static void text(DuckDBAppender a, String v) throws SQLException {
        if (v == null) a.appendNull();
        else a.append(v);
    }

    private void history(LocalDateTime at, String user, String action, SubjectKind kind, Long key, String oldFamily,
                         String newFamily, Long ruleId, String comment) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO classification_history VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setTimestamp(1, Timestamp.valueOf(at));
            ps.setString(2, user);
            ps.setString(3, action);
            ps.setString(4, kind == null ? null : kind.name());
            ps.setObject(5, key);
            ps.setString(6, oldFamily);
            ps.setString(7, newFamily);
            ps.setObject(8, ruleId);
            ps.setString(9, comment);
            ps.executeUpdate();
        }
    }

    private <T> T inTransaction(Transactions.Work<T> work) throws SQLException {
        return Transactions.run(conn, work);
    }
}
