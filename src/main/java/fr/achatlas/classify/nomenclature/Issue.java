package fr.achatlas.classify.nomenclature;

/** A problem found in nomenclature files, located so that a person can fix it (file, line). */
public record Issue(Level level, String file, int line, String message) {

    public enum Level { ERREUR, AVERTISSEMENT }

    public static Issue error(String file, int line, String message) {
        return new Issue(Level.ERREUR, file, line, message);
    }

    public static Issue warning(String file, int line, String message) {
        return new Issue(Level.AVERTISSEMENT, file, line, message);
    }

    @Override
    public String toString() {
        return level + " " + file + (line > 0 ? ":" + line : "") + " — " + message;
    }
}
