package fr.achatlas.query;

/** A column of a tabular result: a stable technical name, a French header for people, and how to render it. */
public record Column(String name, String label, Type type) {
    public enum Type { TEXT, INTEGER, AMOUNT, DATE, BOOLEAN, PERCENT }
}
