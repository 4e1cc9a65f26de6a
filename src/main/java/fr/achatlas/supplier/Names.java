package fr.achatlas.supplier;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * The normalised form of a company name, for matching name-only spending lines: upper case, no accents, no
 * punctuation, legal forms and filler words removed ("SARL Dupont & Fils" → "DUPONT FILS").
 */
public final class Names {

    private static final Set<String> DROPPED = Set.of("SA", "SAS", "SASU", "SARL", "EURL", "SNC", "SCOP", "SCIC", "SCI",
            "SELARL", "SELAS", "GIE", "EI", "EIRL", "ETS", "ETABLISSEMENTS", "ETABLISSEMENT", "STE", "SOCIETE", "CIE",
            "ET", "DE", "DU", "DES", "LA", "LE", "LES", "L", "D", "ENTREPRISE", "GROUPE");

    private Names() {
    }

    public static String normalise(String name) {
        if (name == null) return null;
        String s = Normalizer.normalize(name, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(s.length());
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ' ';
            if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toUpperCase(c));
            } else if (!word.isEmpty()) {
                String w = word.toString().toUpperCase(Locale.ROOT);
                if (!DROPPED.contains(w)) {
                    if (!out.isEmpty()) out.append(' ');
                    out.append(w);
                }
                word.setLength(0);
            }
        }
        return out.isEmpty() ? null : out.toString();
    }
}
