package fr.achatlas.query.cube;

import java.util.Arrays;

/**
 * The mutualisation level of a family: how many buyers of the territory buy it, in buckets. One definition for the
 * cube's {@code mutualisation} axis (its SQL is generated from here) and for the opportunities list
 * ({@code query.mutualisation}), so a family shows the same level in both.
 */
public enum MutualisationLevel {
    SINGLE("1", "1 seul acheteur", 1),
    FEW("2-3", "2 à 3 acheteurs", 3),
    SEVERAL("4-7", "4 à 7 acheteurs", 7),
    MANY("8+", "8 acheteurs ou plus", Integer.MAX_VALUE);

    private final String key;
    private final String label;
    private final int upTo;

    MutualisationLevel(String key, String label, int upTo) {
        this.key = key;
        this.label = label;
        this.upTo = upTo;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static MutualisationLevel of(long buyers) {
        return Arrays.stream(values()).filter(l -> buyers <= l.upTo).findFirst().orElseThrow();
    }

    /** The SQL {@code CASE} giving each bucket's key (or label) for a column holding a number of buyers. */
    static String sql(String column, boolean labels) {
        StringBuilder b = new StringBuilder("CASE WHEN ").append(column).append(" IS NULL THEN NULL");
        for (MutualisationLevel l : values()) {
            String text = (labels ? l.label : l.key).replace("'", "''");
            b.append(l == MANY ? " ELSE '" + text + "' END" : " WHEN " + column + " <= " + l.upTo + " THEN '" + text + "'");
        }
        return b.toString();
    }
}
