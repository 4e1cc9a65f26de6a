package fr.achatlas.spending;

/**
 * Reads amounts as accounting exports write them, into exact cents: {@code 1 820 542,00} (spaces, no-break and narrow
 * no-break spaces as thousands separators), {@code 1.820.542,00}, {@code 1,820,542.00}, {@code -12,5}, {@code 12,50-},
 * {@code (12,50)}, a trailing {@code €}. Returns {@link #INVALID} rather than throwing: bad values are common in bulk.
 */
public final class FrenchNumbers {

    public static final long INVALID = Long.MIN_VALUE;

    /** How a lone '.' or ',' is read when both readings are possible. */
    public enum Decimal {
        /** French: ',' is the decimal separator; a lone '.' followed by exactly 3 digits groups thousands. */
        COMMA,
        /** '.' is the decimal separator (XLSX cells, English-style exports); ',' groups thousands. */
        DOT
    }

    private FrenchNumbers() {
    }

    /** The value in cents, {@link #INVALID} when it is not a number or has more than 2 decimals that are not zeros. */
    public static long cents(String s, Decimal convention) {
        if (s == null) return INVALID;
        int n = s.length();
        // locate the decimal separator: the last '.' or ',' unless it only groups thousands
        int lastComma = s.lastIndexOf(',');
        int lastDot = s.lastIndexOf('.');
        int decimalAt;
        if (lastComma >= 0 && lastDot >= 0) decimalAt = Math.max(lastComma, lastDot);
        else if (lastComma >= 0) decimalAt = convention == Decimal.COMMA || !groupsThousands(s, lastComma, ',') ? lastComma : -1;
        else if (lastDot >= 0) decimalAt = convention == Decimal.DOT || !groupsThousands(s, lastDot, '.') ? lastDot : -1;
        else decimalAt = -1;
        boolean negative = false;
        boolean digits = false;
        long units = 0;
        long fraction = 0;
        int fractionDigits = 0;
        boolean inFraction = false;
        int groupDigits = -1;   // digits since the last thousands separator; -1 before any
        int run = 0;            // digits since the last separator of any kind
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
                if (inFraction) {
                    if (fractionDigits < 2) {
                        fraction = fraction * 10 + (c - '0');
                        fractionDigits++;
                    } else if (c != '0') {
                        return INVALID; // sub-cent precision: not an amount as accounting writes it
                    }
                } else {
                    run++;
                    if (units > 90_000_000_000_000L) return INVALID;
                    units = units * 10 + (c - '0');
                }
            } else if (i == decimalAt) {
                if (groupDigits >= 0 && run != 3) return INVALID;
                inFraction = true;
            } else if (c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\t') {
                if (inFraction && !trailingOnly(s, i + 1)) return INVALID;
                if (!inFraction && digits && !trailingOnly(s, i + 1)) {
                    if (groupDigits >= 0 && run != 3) return INVALID;
                    groupDigits = run;
                    run = 0;
                }
            } else if (c == '.' || c == ',' || c == '\'') {
                if (inFraction || !digits) return INVALID;
                if (groupDigits >= 0 && run != 3) return INVALID;
                groupDigits = run;
                run = 0;
            } else if (c == '-') {
                if (negative || (digits && i != n - 1 && !trailingOnly(s, i + 1))) return INVALID;
                negative = true;
            } else if (c == '+') {
                if (digits) return INVALID;
            } else if (c == '(' && !digits) {
                negative = true;
            } else if (c == ')' || c == '€') {
                if (!trailingOnly(s, i + 1)) return INVALID;
            } else if (c == 'E' && s.startsWith("EUR", i) && trailingOnly(s, i + 3)) {
                break;
            } else {
                return INVALID;
            }
        }
        if (!digits) return INVALID;
        if (!inFraction && groupDigits >= 0 && run != 3 && run != 0) return INVALID;
        if (fractionDigits == 1) fraction *= 10;
        long v = units * 100 + fraction;
        return negative ? -v : v;
    }

    /** True when the separator at {@code at} is followed by exactly 3 digits and then the end or the same separator. */
    private static boolean groupsThousands(String s, int at, char sep) {
        int d = 0;
        int i = at + 1;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            d++;
            i++;
        }
        if (d != 3) return false;
        // "1.234" alone is ambiguous; accept as grouping only if the integer part is short (1–3 digits) like a group
        if (s.indexOf(sep) != at) return true;
        int before = 0;
        for (int k = 0; k < at; k++) if (Character.isDigit(s.charAt(k))) before++;
        return before >= 1 && before <= 3;
    }

    private static boolean trailingOnly(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != ')' && c != '€' && c != '\u00A0' && c != '-') return false;
        }
        return true;
    }

    /** True when the text carries a decimal part (used to tell "cents written without a separator" files). */
    public static boolean hasDecimalSeparator(String s) {
        int c = s.lastIndexOf(',');
        int d = s.lastIndexOf('.');
        int at = Math.max(c, d);
        return at >= 0 && at >= s.length() - 3 && at < s.length() - 1;
    }
}
