package fr.achatlas.query.cube;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The user's rights and chosen perimeter, applied by the cube to every query (never by controllers).
 *
 * <ul>
 *   <li>Contracts (DECP) are open data: every role sees them, aggregated and line by line.</li>
 *   <li>Spending: PUBLIC sees nothing; VIEWER sees aggregates, never lines; ANALYST sees lines, and anything broken
 *       down by buyer or by a buyer's internal organisation, for their own buyers only, and consolidated aggregates of
 *       the whole territory; ADMIN sees everything.</li>
 * </ul>
 *
 * @param ownBuyers the buyers an analyst sees in full detail
 * @param selection the perimeter chosen on screen: one buyer, a group, or empty for the whole territory
 */
public record Scope(String user, Role role, Set<String> ownBuyers, Set<String> selection) {

    public Scope {
        ownBuyers = Set.copyOf(ownBuyers);
        selection = Set.copyOf(selection);
    }

    public static Scope anonymous() {
        return new Scope(null, Role.PUBLIC, Set.of(), Set.of());
    }

    public Scope select(Set<String> buyers) {
        return new Scope(user, role, ownBuyers, buyers);
    }

    public boolean canSeeSpending() {
        return role != Role.PUBLIC;
    }

    /**
     * The SQL conditions (with their parameters appended to {@code params}) restricting a query on {@code fact}.
     *
     * @param lines       the query returns individual rows rather than aggregates
     * @param byBuyer     the query groups or filters by buyer or by a buyer's internal organisation
     */
    public String where(Fact fact, boolean lines, boolean byBuyer, List<Object> params) {
        List<String> parts = new ArrayList<>();
        if (!selection.isEmpty()) parts.add(in("buyer_id", selection, params));
        if (fact == Fact.SPENDING) {
            switch (role) {
                case PUBLIC -> throw new AccessDenied("Les dépenses ne sont pas des données publiques : connectez-vous.");
                case VIEWER -> {
                    if (lines) throw new AccessDenied("Le détail des lignes de dépense est réservé aux analystes des acheteurs.");
                }
                case ANALYST -> {
                    if (lines || byBuyer || !selection.isEmpty()) {
                        parts.add(ownBuyers.isEmpty() ? "false" : in("buyer_id", ownBuyers, params));
                    }
                }
                case ADMIN -> {
                    // everything
                }
            }
        }
        return parts.isEmpty() ? "true" : String.join(" AND ", parts);
    }

    public static String in(String column, Set<String> values, List<Object> params) {
        StringBuilder b = new StringBuilder(column).append(" IN (");
        int i = 0;
        for (String v : values.stream().sorted().toList()) {
            b.append(i++ == 0 ? "CAST(? AS VARCHAR)" : ", CAST(? AS VARCHAR)");
            params.add(v);
        }
        return b.append(')').toString();
    }
}
