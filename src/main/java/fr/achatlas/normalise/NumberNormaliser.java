package fr.achatlas.normalise;

import fr.achatlas.model.Rule;

import java.math.BigDecimal;

/**
 * Reads DECP numbers, published as JSON numbers or as text: {@code 48}, {@code "48"}, {@code "575000.0"}, French
 * {@code "1 234,56"} (also with no-break spaces), {@code "1.234.567"}, {@code "1,234.56"}, a trailing "€". Placeholders
 * ("NC", "NaN", empty) are absent (INFO); anything else gives null and a WARNING with the text as published.
 *
 * <p>The text is checked character by character before {@code new BigDecimal}, so garbage never reaches the exception
 * path in bulk.
 */
public final class NumberNormaliser {
    private NumberNormaliser() {
    }

    public static Normalised<BigDecimal> decimal(String field, String raw) {
        if (raw == null) return Normalised.absent();
        if (isPlain(raw)) {
            try {
                return Normalised.of(new BigDecimal(raw));
            } catch (NumberFormatException e) {
                // "1.234.567": grouping dots, read below
            }
        }
        if (Texts.isNotProvided(raw)) return new Normalised<>(null, Texts.notProvided(field, raw));
        String cleaned = clean(raw);
        if (cleaned == null) return invalid(field, raw);
        try {
            return Normalised.of(new BigDecimal(cleaned));
        } catch (NumberFormatException e) {
            return invalid(field, raw);
        }
    }

    /** A whole number (durations, offer counts); "12.0" is accepted, "12.5" is not. */
    public static Normalised<Integer> integer(String field, String raw) {
        Normalised<BigDecimal> d = decimal(field, raw);
        if (d.value() == null) return new Normalised<>(null, d.finding());
        try {
            return new Normalised<>(d.value().intValueExact(), d.finding());
        } catch (ArithmeticException e) {
            return new Normalised<>(null, Rule.NUMBER_INVALID.finding(field, raw,
                    "« " + raw + " » n'est pas un nombre entier exploitable : valeur écartée."));
        }
    }

    /** True for text BigDecimal reads as is (digits, sign, dot, exponent): a number written in the standard way. */
    public static boolean isPlain(String s) {
        int n = s.length();
        if (n == 0 || n > 40) return false;
        boolean digit = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') digit = true;
            else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') return false;
        }
        return digit;
    }

    /** Removes grouping separators and makes the decimal separator a dot; null when the text is not a number at all. */
    static String clean(String raw) {
        String s = raw.strip();
        if (s.endsWith("€")) s = s.substring(0, s.length() - 1).strip();
        else if (s.regionMatches(true, Math.max(0, s.length() - 3), "EUR", 0, 3)) s = s.substring(0, s.length() - 3).strip();
        StringBuilder sb = new StringBuilder(s.length());
        int commas = 0, dots = 0, lastComma = -1, lastDot = -1;
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
                sb.append(c);
            } else if (Texts.isSpace(c) || c == '\'') {
                // grouping separator: dropped
            } else if (c == ',') {
                commas++;
                lastComma = sb.length();
                sb.append(c);
            } else if (c == '.') {
                dots++;
                lastDot = sb.length();
                sb.append(c);
            } else if ((c == '-' || c == '+') && sb.isEmpty()) {
                sb.append(c);
            } else {
                return null;
            }
        }
        if (!digit) return null;
        char decimalSep;
        if (commas > 0 && dots > 0) decimalSep = lastComma > lastDot ? ',' : '.';
        else if (commas == 1) decimalSep = ',';
        else if (dots == 1) decimalSep = '.';
        else decimalSep = 0; // none, or repeated: grouping only
        if ((decimalSep == ',' && commas > 1) || (decimalSep == '.' && dots > 1)) return null;
        if (!groupsOfThree(sb, decimalSep)) return null;
        StringBuilder out = new StringBuilder(sb.length());
        int decimalSeen = 0;
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (c == ',' || c == '.') {
                if (c == decimalSep && (c == ',' ? i == lastComma : i == lastDot)) {
                    out.append('.');
                    decimalSeen++;
                }
            } else {
                out.append(c);
            }
        }
        return decimalSeen <= 1 ? out.toString() : null;
    }

    /** Every grouping separator ("1.234.567") must be followed by exactly three digits, or "12.5.3" would read as 1253. */
    private static boolean groupsOfThree(CharSequence s, char decimalSep) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c == ',' || c == '.') && c != decimalSep) {
                int digits = 0;
                int j = i + 1;
                while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                    digits++;
                    j++;
                }
                if (digits != 3) return false;
            }
        }
        return true;
    }

    private static <T> Normalised<T> invalid(String field, String raw) {
        return new Normalised<>(null, Rule.NUMBER_INVALID.finding(field, raw,
                "Nombre « " + raw + " » illisible : valeur écartée, texte d'origine conservé."));
    }
}
