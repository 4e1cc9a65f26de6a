package fr.achatlas.query.cube;

/**
 * A measure of one fact.
 *
 * @param additive true when a share of the total makes sense (sums), false for distinct counts
 */
public record Measure(String name, String label, Fact fact, String sql, Kind kind, boolean additive) {
    public enum Kind { AMOUNT, COUNT }
}
