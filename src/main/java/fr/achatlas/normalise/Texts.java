package fr.achatlas.normalise;

import fr.achatlas.model.Finding;
import fr.achatlas.model.Rule;

/** Small text helpers shared by the normalisers; no regex, they run on every field of every record. */
public final class Texts {
    private Texts() {
    }

    /**
     * True for the placeholders publishers use instead of leaving a field out: empty or blank text, "NC" (non
     * communiqué), "NaN"/"nan" and "null" written as a string.
     */
    public static boolean isNotProvided(String s) {
        int start = 0, end = s.length();
        while (start < end && s.charAt(start) <= ' ') start++;
        while (end > start && s.charAt(end - 1) <= ' ') end--;
        int n = end - start;
        if (n == 0) return true;
        if (n == 2) return s.regionMatches(true, start, "NC", 0, 2);
        if (n == 3) return s.regionMatches(true, start, "NaN", 0, 3) || s.regionMatches(true, start, "N/C", 0, 3);
        if (n == 4) return s.regionMatches(true, start, "null", 0, 4);
        return false;
    }

    /** The INFO finding raised when a field holds a placeholder rather than a value. */
    public static Finding notProvided(String field, String raw) {
        return Rule.VALUE_NOT_PROVIDED.finding(field, raw, "Valeur « " + raw + " » traitée comme absente.");
    }

    /** Characters that XML 1.0 forbids (and that JSON forbids unescaped): C0 controls except tab, LF, CR; U+FFFE/U+FFFF. */
    public static boolean isIllegalControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF';
    }

    /** The text without illegal control characters; the same instance when there is none (the common case). */
    public static String stripControls(String s) {
        int i = 0, n = s.length();
        while (i < n && !isIllegalControl(s.charAt(i))) i++;
        if (i == n) return s;
        StringBuilder sb = new StringBuilder(n);
        sb.append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!isIllegalControl(c)) sb.append(c);
        }
        return sb.toString();
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\t' || c == '\n' || c == '\r';
    }
}
