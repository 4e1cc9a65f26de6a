package fr.achatlas.normalise;

import fr.achatlas.model.Rule;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads a DECP date. The schemas want {@code yyyy-MM-dd}; real files also carry a timezone suffix (DGFiP PES:
 * {@code 2019-03-12+01:00}, {@code -05:00}, {@code Z}) or a full datetime. The calendar date as published is kept (it is
 * the date the buyer meant; converting to UTC could shift it by a day) and the suffix is traced as an INFO. Anything
 * else that is not a real calendar date with a 4-digit year (3-digit years, month 13, 31 April) gives null and a
 * WARNING carrying the text as published.
 *
 * <p>Hand-written parser: it runs on several dates of every record and must not allocate on the happy path beyond the
 * LocalDate itself.
 */
public final class DateNormaliser {
    private DateNormaliser() {
    }

    public static Normalised<LocalDate> normalise(String field, String raw) {
        if (raw == null) return Normalised.absent();
        if (Texts.isNotProvided(raw)) return new Normalised<>(null, Texts.notProvided(field, raw));
        String s = raw.strip();
        int n = s.length();
        int i = 0;
        int year = 0, yearDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            year = year * 10 + (s.charAt(i) - '0');
            yearDigits++;
            i++;
        }
        if (yearDigits != 4 || i >= n || s.charAt(i) != '-') return invalid(field, raw);
        i++;
        int month = 0, monthDigits = 0;
        while (i < n && isDigit(s.charAt(i)) && monthDigits < 3) {
            month = month * 10 + (s.charAt(i) - '0');
            monthDigits++;
            i++;
        }
        if (monthDigits < 1 || monthDigits > 2 || i >= n || s.charAt(i) != '-') return invalid(field, raw);
        i++;
        int day = 0, dayDigits = 0;
        while (i < n && isDigit(s.charAt(i)) && dayDigits < 3) {
            day = day * 10 + (s.charAt(i) - '0');
            dayDigits++;
            i++;
        }
        if (dayDigits < 1 || dayDigits > 2) return invalid(field, raw);
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return invalid(field, raw);
        }
        if (i == n) return Normalised.of(date);
        char c = s.charAt(i);
        if (c == 'T' || c == ' ') {
            int end = skipTime(s, i + 1);
            if (end < 0) return invalid(field, raw);
            if (end == n) return Normalised.of(date);
            i = end;
        }
        if (isZone(s, i)) {
            return new Normalised<>(date, Rule.DATE_TIMEZONE_REMOVED.finding(field, raw,
                    "Date publiée avec un fuseau horaire « " + raw + " » : date " + date + " retenue."));
        }
        return invalid(field, raw);
    }

    /** End index of a {@code HH:mm[:ss[.fff]]} time starting at {@code i}, or -1. */
    private static int skipTime(String s, int i) {
        int n = s.length();
        int start = i;
        while (i < n && (isDigit(s.charAt(i)) || s.charAt(i) == ':' || s.charAt(i) == '.')) i++;
        int len = i - start;
        if (len < 5 || s.charAt(start + 2) != ':') return -1;
        return i;
    }

    /** True when the rest of the text from {@code i} is exactly a zone: Z, or +hh:mm / -hh:mm / +hhmm / +hh. */
    private static boolean isZone(String s, int i) {
        int n = s.length();
        char c = s.charAt(i);
        if (c == 'Z' || c == 'z') return i + 1 == n;
        if (c != '+' && c != '-') return false;
        int rest = n - i - 1;
        if (rest == 2) return isDigit(s.charAt(i + 1)) && isDigit(s.charAt(i + 2));
        if (rest == 4) return allDigits(s, i + 1, n);
        if (rest == 5) return allDigits(s, i + 1, i + 3) && s.charAt(i + 3) == ':' && allDigits(s, i + 4, n);
        return false;
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int k = from; k < to; k++) if (!isDigit(s.charAt(k))) return false;
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Normalised<LocalDate> invalid(String field, String raw) {
        return new Normalised<>(null, Rule.DATE_INVALID.finding(field, raw,
                "Date « " + raw + " » illisible ou impossible : écartée, texte d'origine conservé."));
    }
}
