package fr.achatlas.query.programme;

import fr.achatlas.query.Statements;
import fr.achatlas.model.ProgrammeState;
import fr.achatlas.query.Column;
import fr.achatlas.query.cube.AccessDenied;
import fr.achatlas.query.cube.Fact;
import fr.achatlas.query.cube.Role;
import fr.achatlas.query.cube.Scope;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads of the purchase programme: the entries (internal view, by scope), their history, the proposals derived from
 * the store (contracts and frameworks ending, recurring off-contract spending), and the public view of published
 * entries — the only one anonymous visitors and the feeds get.
 */
public final class ProgrammeQueries {

    /** Months before a contract's end at which its renewal should be launched (convention, documented). */
    public static final int LEAD_MONTHS = 6;

    public record Entry(long id, String source, String sourceRef, String object, String familyCode, String familyLabel,
                        List<String> buyerIds, List<String> buyerNames, boolean joint, BigDecimal estimatedAmount,
                        boolean hideAmount, LocalDate plannedLaunch, String procedure, Integer lots, boolean reserved,
                        boolean socialClause, boolean environmentalClause, String internalNote, String state,
                        String stateLabel, String createdBy, LocalDateTime createdAt, LocalDateTime updatedAt) {
    }

    public record StateChange(String from, String to, String by, LocalDateTime at, String comment) {
    }

    public record Proposal(String source, String sourceRef, String buyerId, String buyerName, String object,
                           String familyCode, String familyLabel, BigDecimal estimatedAmount, LocalDate endDate,
                           LocalDate plannedLaunch, String procedure, String reason) {
    }

    /** Filters of the public list; null means no filter. */
    public record PublicFilter(String familyCode, String buyerId, LocalDate from, LocalDate to, Boolean reserved) {
        public static PublicFilter none() {
            return new PublicFilter(null, null, null, null, null);
        }
    }

    private static final String PUBLIC_STATES = "('PUBLISHED', 'LAUNCHED', 'AWARDED')";

    private static final String ENTRY_SELECT = """
            SELECT e.entry_id, e.source, e.source_ref, e.object, e.family_code, nf.label, e.buyer_ids,
                   (SELECT list(coalesce(b.name, x) ORDER BY x) FROM unnest(e.buyer_ids) AS t(x) LEFT JOIN buyer b ON b.buyer_id = x),
                   e.estimated_amount, e.hide_amount, e.planned_launch, e.procedure, e.lots, e.reserved, e.social_clause,
                   e.environmental_clause, e.internal_note, e.state, e.created_by, e.created_at, e.updated_at
            FROM programme_entry e LEFT JOIN nomenclature_family nf ON nf.code = e.family_code""";

    private final Connection conn;

    public ProgrammeQueries(Connection conn) {
        this.conn = conn;
    }

    /** Entries for the programme's managers: everything for administrators and viewers; an analyst's buyers' entries
     * and the published ones of others; nothing for anonymous visitors. */
    public List<Entry> entries(Scope scope) throws SQLException {
        if (scope.role() == Role.PUBLIC) throw new AccessDenied("La gestion du programme est réservée aux utilisateurs connectés.");
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("true");
        if (scope.role() == Role.ANALYST) {
            where.append(" AND (e.state IN ").append(PUBLIC_STATES).append(" OR list_has_any(e.buyer_ids, string_split(?, '|')))");
            params.add(String.join("|", scope.ownBuyers()));
        }
        if (!scope.selection().isEmpty()) {
            where.append(" AND list_has_any(e.buyer_ids, string_split(?, '|'))");
            params.add(String.join("|", scope.selection()));
        }
        List<Entry> out = new ArrayList<>();
        try (PreparedStatement ps = Statements.prepare(conn, ENTRY_SELECT + " WHERE " + where + " ORDER BY e.planned_launch NULLS LAST, e.entry_id", params)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(entry(rs));
            }
        }
        return out;
    }

    public List<StateChange> history(long entryId) throws SQLException {
        List<StateChange> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT from_state, to_state, changed_by, changed_at, comment FROM programme_state_change
                WHERE entry_id = ? ORDER BY changed_at, to_state""")) {
            ps.setLong(1, entryId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StateChange(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toLocalDateTime(), rs.getString(5)));
                }
            }
        }
        return out;
    }

    /** Published entries (and those launched or awarded since), as local businesses may see them. */
    public List<PublicEntry> published(PublicFilter f) throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("e.state IN " + PUBLIC_STATES);
        if (f.familyCode() != null) {
            where.append(" AND e.family_code = ?");
            params.add(f.familyCode());
        }
        if (f.buyerId() != null) {
            where.append(" AND list_contains(e.buyer_ids, ?)");
            params.add(f.buyerId());
        }
        if (f.from() != null) {
            where.append(" AND e.planned_launch >= ?");
            params.add(Date.valueOf(f.from()));
        }
        if (f.to() != null) {
            where.append(" AND e.planned_launch <= ?");
            params.add(Date.valueOf(f.to()));
        }
        if (f.reserved() != null) {
            where.append(" AND e.reserved = ?");
            params.add(f.reserved());
        }
        List<PublicEntry> out = new ArrayList<>();
        try (PreparedStatement ps = Statements.prepare(conn, ENTRY_SELECT + " WHERE " + where + " ORDER BY e.planned_launch NULLS LAST, e.entry_id", params)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(toPublic(entry(rs)));
            }
        }
        return out;
    }

    /** One published entry; empty for an unknown or unpublished one (a draft's existence is not revealed). */
    public java.util.Optional<PublicEntry> publishedEntry(long id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(ENTRY_SELECT + " WHERE e.entry_id = ? AND e.state IN " + PUBLIC_STATES)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(toPublic(entry(rs))) : java.util.Optional.empty();
            }
        }
    }

    public java.util.Optional<Entry> entry(long id, Scope scope) throws SQLException {
        return entries(scope.select(Set.of())).stream().filter(e -> e.id() == id).findFirst();
    }

    private static PublicEntry toPublic(Entry e) {
        return new PublicEntry(e.id(), e.object(), e.familyCode(), e.familyLabel(), e.buyerIds(), e.buyerNames(), e.joint(),
                e.hideAmount() ? null : e.estimatedAmount(), e.plannedLaunch(), e.procedure(), e.lots(), e.reserved(),
                e.socialClause(), e.environmentalClause(), e.state(), e.stateLabel(), e.updatedAt());
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        List<String> buyers = strings(rs.getArray(7));
        ProgrammeState state = ProgrammeState.valueOf(rs.getString(18));
        Date launch = rs.getDate(11);
        return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                buyers, strings(rs.getArray(8)), buyers.size() > 1, rs.getBigDecimal(9), rs.getBoolean(10),
                launch == null ? null : launch.toLocalDate(), rs.getString(12), (Integer) rs.getObject(13), rs.getBoolean(14),
                rs.getBoolean(15), rs.getBoolean(16), rs.getString(17), state.name(), state.label(), rs.getString(19),
                rs.getTimestamp(20).toLocalDateTime(), rs.getTimestamp(21).toLocalDateTime());
    }

    private static List<String> strings(Array a) throws SQLException {
        if (a == null) return List.of();
        return Arrays.stream((Object[]) a.getArray()).map(String::valueOf).toList();
    }

    /**
     * Proposals not yet adopted: contracts and frameworks of the scope's buyers ending between {@code today} and the
     * horizon (notification + current duration, modifications included), and buyer × family pairs whose off-contract
     * spending recurs (paid in at least {@code minMonths} distinct months in each of the last two 12-month periods).
     */
    public List<Proposal> proposals(Scope scope, LocalDate today, int horizonMonths, int minMonths) throws SQLException {
        if (scope.role() == Role.PUBLIC) throw new AccessDenied("La programmation est réservée aux utilisateurs connectés.");
        List<Proposal> out = new ArrayList<>(contractEnds(scope, today, horizonMonths));
        out.addAll(recurringSpending(scope, today, minMonths));
        out.sort(java.util.Comparator.comparing(Proposal::plannedLaunch).thenComparing(Proposal::buyerId).thenComparing(Proposal::sourceRef));
        return out;
    }

    private List<Proposal> contractEnds(Scope scope, LocalDate today, int horizonMonths) throws SQLException {
        List<Object> params = new ArrayList<>();
        params.add(Date.valueOf(today));
        params.add(Date.valueOf(today.plusMonths(horizonMonths)));
        String selection = scope.selection().isEmpty() ? "true" : Scope.in("c.buyer_id", scope.selection(), params);
        List<Proposal> out = new ArrayList<>();
        try (PreparedStatement ps = Statements.prepare(conn, """
                WITH c AS (
                    SELECT c.*, CAST(coalesce(c.notification_date, c.award_date)
                               + to_months(coalesce(c.current_duration_months, c.duration_months)) AS DATE) AS end_date
                    FROM contract c JOIN buyer b ON b.buyer_id = c.buyer_id AND b.in_territory)
                SELECT CASE WHEN list_contains(c.techniques, 'Accord-cadre') THEN 'FRAMEWORK_END' ELSE 'CONTRACT_END' END,
                       CAST(c.contract_key AS VARCHAR), c.buyer_id, b.name, c.object, cl.family_code, nf.label,
                       CASE WHEN c.amount_suspect THEN NULL ELSE c.current_amount END, c.end_date, c.procedure, c.contract_id
                FROM c JOIN buyer b ON b.buyer_id = c.buyer_id
                LEFT JOIN classification cl ON cl.subject_kind = 'CONTRACT' AND cl.subject_key = c.contract_key
                LEFT JOIN nomenclature_family nf ON nf.code = cl.family_code
                WHERE c.end_date BETWEEN ? AND ? AND (%s)
                  AND CAST(c.contract_key AS VARCHAR) NOT IN (SELECT source_ref FROM programme_entry WHERE source_ref IS NOT NULL)
                ORDER BY c.end_date, c.buyer_id, c.contract_key""".formatted(selection), params)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate end = rs.getDate(9).toLocalDate();
                    boolean framework = "FRAMEWORK_END".equals(rs.getString(1));
                    LocalDate launch = end.minusMonths(LEAD_MONTHS);
                    out.add(new Proposal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getBigDecimal(8), end, launch.isBefore(today) ? today : launch,
                            rs.getString(10), (framework ? "Accord-cadre " : "Marché ") + rs.getString(11) + " échu le " + end));
                }
            }
        }
        return out;
    }

    private List<Proposal> recurringSpending(Scope scope, LocalDate today, int minMonths) throws SQLException {
        if (!scope.canSeeSpending()) return List.of();
        List<Object> params = new ArrayList<>();
        params.add(Date.valueOf(today.minusMonths(12)));
        params.add(Date.valueOf(today.minusMonths(24)));
        params.add(Date.valueOf(today));
        String where = scope.where(Fact.SPENDING, false, true, params);
        params.add(minMonths);
        params.add(minMonths);
        List<Proposal> out = new ArrayList<>();
        try (PreparedStatement ps = Statements.prepare(conn, """
                WITH s AS (
                    SELECT buyer_id, buyer_name, family_code, family_label, payment_date, amount_spent,
                           payment_date >= ? AS recent
                    FROM fact_spending
                    WHERE buyer_in_territory AND contract_key IS NULL AND family_code IS NOT NULL
                      AND payment_date > ? AND payment_date <= ? AND amount_spent IS NOT NULL AND (%s))
                SELECT buyer_id, any_value(buyer_name), family_code, any_value(family_label), sum(amount_spent) / 2,
                       count(DISTINCT strftime(payment_date, '%%Y-%%m')) FILTER (WHERE recent),
                       count(DISTINCT strftime(payment_date, '%%Y-%%m')) FILTER (WHERE NOT recent)
                FROM s GROUP BY buyer_id, family_code
                HAVING count(DISTINCT strftime(payment_date, '%%Y-%%m')) FILTER (WHERE recent) >= ?
                   AND count(DISTINCT strftime(payment_date, '%%Y-%%m')) FILTER (WHERE NOT recent) >= ?
                ORDER BY 5 DESC, 1, 3""".formatted(where), params)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String ref = rs.getString(1) + "|" + rs.getString(3);
                    if (adopted(ref)) continue;
                    BigDecimal yearly = rs.getBigDecimal(5).setScale(0, RoundingMode.HALF_UP);
                    out.add(new Proposal("RECURRING_SPENDING", ref, rs.getString(1), rs.getString(2),
                            "Achats récurrents hors marché : " + (rs.getString(4) == null ? rs.getString(3) : rs.getString(4)),
                            rs.getString(3), rs.getString(4), yearly, null, today.plusMonths(3), null,
                            "Payé hors marché " + rs.getInt(7) + " mois puis " + rs.getInt(6) + " mois sur les 24 derniers mois"));
                }
            }
        }
        return out;
    }

    private boolean adopted(String ref) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM programme_entry WHERE source_ref = ?")) {
            ps.setString(1, ref);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** Internal export of the entries (managers only): everything, internal note and origin included. */
    public static List<Column> entryColumns() {
        List<Column> out = new ArrayList<>(publicColumns());
        out.add(new Column("hide_amount", "Montant masqué au public", Column.Type.BOOLEAN));
        out.add(new Column("source", "Origine", Column.Type.TEXT));
        out.add(new Column("internal_note", "Note interne", Column.Type.TEXT));
        out.add(new Column("created_by", "Créé par", Column.Type.TEXT));
        return out;
    }

    public static Object[] entryRow(Entry e) {
        return new Object[] {e.id(), e.object(), e.familyCode(), e.familyLabel(), String.join(" ", e.buyerIds()),
                String.join(" ; ", e.buyerNames()), e.joint(), e.estimatedAmount(), e.plannedLaunch(), e.procedure(), e.lots(),
                e.reserved(), e.socialClause(), e.environmentalClause(), e.stateLabel(), e.hideAmount(), e.source(),
                e.internalNote(), e.createdBy()};
    }

    /** Open-data export columns of published entries, in the order of {@link #publicRow(PublicEntry)}. */
    public static List<Column> publicColumns() {
        return List.of(new Column("id", "Identifiant", Column.Type.INTEGER), new Column("object", "Objet", Column.Type.TEXT),
                new Column("family", "Famille", Column.Type.TEXT), new Column("family_label", "Libellé de la famille", Column.Type.TEXT),
                new Column("buyers", "Acheteurs (SIRET)", Column.Type.TEXT), new Column("buyer_names", "Acheteurs", Column.Type.TEXT),
                new Column("joint", "Achat groupé", Column.Type.BOOLEAN), new Column("estimated_amount", "Montant estimé HT", Column.Type.AMOUNT),
                new Column("planned_launch", "Lancement prévu", Column.Type.DATE), new Column("procedure", "Procédure envisagée", Column.Type.TEXT),
                new Column("lots", "Lots", Column.Type.INTEGER), new Column("reserved", "Marché réservé", Column.Type.BOOLEAN),
                new Column("social_clause", "Clause sociale prévue", Column.Type.BOOLEAN),
                new Column("environmental_clause", "Clause environnementale prévue", Column.Type.BOOLEAN),
                new Column("state", "État", Column.Type.TEXT));
    }

    public static Object[] publicRow(PublicEntry e) {
        return new Object[] {e.id(), e.object(), e.familyCode(), e.familyLabel(), String.join(" ", e.buyerIds()),
                String.join(" ; ", e.buyerNames()), e.joint(), e.estimatedAmount(), e.plannedLaunch(), e.procedure(), e.lots(),
                e.reserved(), e.socialClause(), e.environmentalClause(), e.stateLabel()};
    }
}
