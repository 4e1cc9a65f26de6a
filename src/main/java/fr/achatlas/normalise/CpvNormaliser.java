package fr.achatlas.normalise;

import fr.achatlas.model.Rule;

/**
 * Canonical CPV code: the 8 digits of the CPV 2008 code, without the check digit. The check digit ({@code -7} in
 * {@code 45000000-7}) is dropped rather than verified: verifying it needs the vocabulary, and the 8 digits identify the
 * code. Codes of 7 digits are codes whose leading zero was lost by a spreadsheet ({@code 9310000} for
 * {@code 09310000}, common in the AIFE files) and are repaired with an INFO. Anything else is a WARNING and no code.
 *
 * <p>The caller keeps the text as published whenever it differs from the canonical code.
 */
public final class CpvNormaliser {
    private CpvNormaliser() {
    }

    public static Normalised<String> normalise(String field, String raw) {
        if (raw == null) return Normalised.absent();
        if (Texts.isNotProvided(raw)) return new Normalised<>(null, Texts.notProvided(field, raw));
        String s = raw.strip();
        int n = s.length();
        int digits = 0;
        while (digits < n && s.charAt(digits) >= '0' && s.charAt(digits) <= '9') digits++;
        // what may follow the code: nothing, or a check digit "-d" (also " d" / "-d" preceded by spaces)
        if (digits < n && !isCheckDigitSuffix(s, digits)) return invalid(field, raw);
        if (digits == 8) return Normalised.of(s.substring(0, 8));
        if (digits == 7) {
            String code = "0" + s.substring(0, 7);
            return new Normalised<>(code, Rule.CPV_REPAIRED.finding(field, raw,
                    "Code CPV « " + raw + " » sans son zéro initial : corrigé en " + code + "."));
        }
        return invalid(field, raw);
    }

    private static boolean isCheckDigitSuffix(String s, int i) {
        int n = s.length();
        while (i < n && s.charAt(i) == ' ') i++;
        if (i < n && s.charAt(i) == '-') i++;
        while (i < n && s.charAt(i) == ' ') i++;
        return i == n - 1 && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    private static Normalised<String> invalid(String field, String raw) {
        return new Normalised<>(null, Rule.CPV_INVALID.finding(field, raw,
                "Code CPV « " + raw + " » mal formé (8 chiffres attendus, éventuellement suivis du chiffre de contrôle) : écarté."));
    }
}
