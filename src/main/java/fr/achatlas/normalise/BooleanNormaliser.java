package fr.achatlas.normalise;

import fr.achatlas.model.Rule;

/**
 * Reads DECP booleans: JSON true/false, and the spellings the v2 XSD allows or publishers use: true/false, oui/non, 1/0,
 * in any case, as text or number. Placeholders are absent (INFO); anything else gives null and a WARNING.
 */
public final class BooleanNormaliser {
    private BooleanNormaliser() {
    }

    public static Normalised<Boolean> normalise(String field, String raw) {
        if (raw == null) return Normalised.absent();
        String s = raw.strip();
        switch (s) {
            case "true", "oui", "1", "Oui", "OUI", "True", "TRUE" -> {
                return Normalised.of(Boolean.TRUE);
            }
            case "false", "non", "0", "Non", "NON", "False", "FALSE" -> {
                return Normalised.of(Boolean.FALSE);
            }
            default -> {
            }
        }
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("oui") || s.equals("1.0")) return Normalised.of(Boolean.TRUE);
        if (s.equalsIgnoreCase("false") || s.equalsIgnoreCase("non") || s.equals("0.0")) return Normalised.of(Boolean.FALSE);
        if (Texts.isNotProvided(raw)) return new Normalised<>(null, Texts.notProvided(field, raw));
        return new Normalised<>(null, Rule.BOOLEAN_INVALID.finding(field, raw,
                "Booléen « " + raw + " » illisible (attendu : oui/non, true/false, 1/0) : valeur écartée."));
    }
}
