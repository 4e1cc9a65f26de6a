package fr.achatlas.query.cube;

import java.util.Set;

/**
 * An axis of analysis, as data: its technical name, French label, the SQL expressions of its key and label over a
 * fact row (columns of the fact views, or the derived columns the cube adds), its place in a hierarchy, and the facts
 * it exists on. Expressions are constants of the registry, never user input.
 *
 * @param parent      the coarser dimension (drilling up), or null
 * @param child       the finer dimension a click drills down to, or null
 * @param chronological true when members sort by key (years, months) rather than by measure
 * @param internal    true for a buyer's internal organisation (directions, services): non-public detail
 * @param derivation  a derived column this dimension needs (see {@link Cube}), or null
 */
public record Dimension(String name, String label, String keyExpr, String labelExpr, String parent, String child,
                        Set<Fact> facts, boolean chronological, boolean internal, String derivation) {

    public boolean on(Fact fact) {
        return facts.contains(fact);
    }
}
