package fr.achatlas.store;

import fr.achatlas.model.ProgrammeEntryDraft;
import fr.achatlas.model.ProgrammeState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * Writes of the purchase programme: entries and their state changes, each change recorded with who and when. Rights
 * are passed in by the caller as the set of buyers the user may act for ({@code null}: all, an administrator).
 */
public final class ProgrammeStore {

    /** Refused write (unknown entry, forbidden transition, buyer not the user's). */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private final Connection conn;

    public ProgrammeStore(Connection conn) {
        this.conn = conn;
    }

    /** Creates an entry in DRAFT and its first history row; returns its id. */
    public long create(ProgrammeEntryDraft d, String user, Set<String> allowedBuyers, LocalDateTime now) throws SQLException {
        return create(d, ProgrammeState.DRAFT, user, allowedBuyers, now);
    }

    /** Creates an entry directly in {@code state} (the demo seeds published entries); history says so. */
    public long create(ProgrammeEntryDraft d, ProgrammeState state, String user, Set<String> allowedBuyers, LocalDateTime now)
            throws SQLException {
        if (allowedBuyers != null && !allowedBuyers.containsAll(d.buyerIds())) {
            throw new Refused("Vous ne pouvez programmer que pour vos acheteurs (un achat groupé est saisi par un administrateur).");
        }
        return inTransaction(() -> {
            long id;
            try (PreparedStatement ps = conn.prepareStatement("""
                    INSERT INTO programme_entry (source, source_ref, object, family_code, buyer_ids, estimated_amount, hide_amount,
                        planned_launch, procedure, lots, reserved, social_clause, environmental_clause, internal_note, state,
                        created_by, created_at, updated_at)
                    VALUES (?, ?, ?, ?, string_split(?, '|'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING entry_id""")) {
                int i = 0;
                ps.setString(++i, d.source());
                ps.setString(++i, d.sourceRef());
                ps.setString(++i, d.object());
                ps.setString(++i, d.familyCode());
                ps.setString(++i, String.join("|", d.buyerIds()));
                ps.setBigDecimal(++i, d.estimatedAmount());
                ps.setBoolean(++i, d.hideAmount());
                ps.setObject(++i, d.plannedLaunch());
                ps.setString(++i, d.procedure());
                ps.setObject(++i, d.lots());
                ps.setBoolean(++i, d.reserved());
                ps.setBoolean(++i, d.socialClause());
                ps.setBoolean(++i, d.environmentalClause());
                ps.setString(++i, d.internalNote());
                ps.setString(++i, state.name());
                ps.setString(++i, user);
                ps.setTimestamp(++i, Timestamp.valueOf(now));
                ps.setTimestamp(++i, Timestamp.valueOf(now));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            history(id, null, state, user, now, d.source().equals("MANUAL") ? "Saisie" : "Proposition adoptée");
            return id;
        });
    }

    /** Moves an entry to {@code to} if {@link ProgrammeState#next()} allows it; records the change. */
    public void transition(long entryId, ProgrammeState to, String user, Set<String> allowedBuyers, String comment,
                           LocalDateTime now) throws SQLException {
        inTransaction(() -> {
            ProgrammeState from;
            try (PreparedStatement ps = conn.prepareStatement("SELECT state, buyer_ids FROM programme_entry WHERE entry_id = ?")) {
                ps.setLong(1, entryId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new Refused("Entrée de programmation inconnue : " + entryId);
                    from = ProgrammeState.valueOf(rs.getString(1));
                    Object[] buyers = (Object[]) rs.getArray(2).getArray();
                    if (allowedBuyers != null) {
                        for (Object b : buyers) {
                            if (!allowedBuyers.contains((String) b)) throw new Refused("Cette entrée concerne un acheteur qui n'est pas le vôtre.");
                        }
                    }
                }
            }
            if (!from.next().contains(to)) {
                throw new Refused("Passage impossible de « " + from.label() + " » à « " + to.label() + " ».");
            }
            try (PreparedStatement ps = conn.prepareStatement("UPDATE programme_entry SET state = ?, updated_at = ? WHERE entry_id = ?")) {
                ps.setString(1, to.name());
                ps.setTimestamp(2, Timestamp.valueOf(now));
                ps.setLong(3, entryId);
                ps.executeUpdate();
            }
            history(entryId, from, to, user, now, comment);
            return null;
        });
    }

    private void history(long id, ProgrammeState from, ProgrammeState to, String user, LocalDateTime now, String comment)
            throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO programme_state_change VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, from == null ? null : from.name());
            ps.setString(3, to.name());
            ps.setString(4, user);
            ps.setTimestamp(5, Timestamp.valueOf(now));
            ps.setString(6, comment);
            ps.executeUpdate();
        }
    }

    private <T> T inTransaction(Transactions.Work<T> work) throws SQLException {
        return Transactions.run(conn, work);
    }
}
