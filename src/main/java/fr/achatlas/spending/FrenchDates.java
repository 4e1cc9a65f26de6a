package fr.achatlas.spending;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads payment dates as exports write them: {@code dd/mm/yyyy} (also {@code -} or {@code .}, and {@code d/m/yyyy}), {@code dd/mm/yy},
 * ISO {@code yyyy-mm-dd} (with an optional time part), and Excel serial numbers from XLSX cells. Null when unreadable.
 */
public final class FrenchDates {

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private FrenchDates() {
    }

    public static LocalDate parse(String s) {
        if (s == null) return null;
        s = s.strip();
        int n = s.length();
        if (n < 5) return null;
        try {
            if (n >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
                return LocalDate.of(num(s, 0, 4), num(s, 5, 7), num(s, 8, 10));
            }
            // day and month in one or two digits (5/3/2024 as some software writes it), the same separator twice
            int d = digits(s, 0);
            char sep = d < n ? s.charAt(d) : 0;
            if ((d == 1 || d == 2) && (sep == '/' || sep == '-' || sep == '.')) {
                int m = digits(s, d + 1);
                if ((m - d - 1 == 1 || m - d - 1 == 2) && m < n && s.charAt(m) == sep) {
                    int end = digits(s, m + 1);
                    int year = num(s, m + 1, end);
                    if (end - m - 1 == 2) year += year < 70 ? 2000 : 1900;
                    else if (end - m - 1 != 4) return null;
                    return LocalDate.of(year, num(s, d + 1, m), num(s, 0, d));
                }
            }
            if (isSerial(s)) {
                double serial = Double.parseDouble(s);
                if (serial < 20_000 || serial > 80_000) return null; // 1954..2119: a plausible payment date
                return EXCEL_EPOCH.plusDays((long) serial);
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** The end of the run of digits starting at {@code from}. */
    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        return i;
    }

    private static boolean isSerial(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isDigit(c) && c != '.') return false;
        }
        return true;
    }

    private static int num(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw new NumberFormatException(s);
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
