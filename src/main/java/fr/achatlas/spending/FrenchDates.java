package fr.achatlas.spending;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads payment dates as exports write them: {@code dd/mm/yyyy} (also {@code -} or {@code .}), {@code dd/mm/yy},
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
            char c2 = s.charAt(2);
            if (n >= 8 && (c2 == '/' || c2 == '-' || c2 == '.') && s.charAt(5) == c2) {
                int day = num(s, 0, 2);
                int month = num(s, 3, 5);
                int end = 6;
                while (end < n && Character.isDigit(s.charAt(end))) end++;
                int year = num(s, 6, end);
                if (end - 6 == 2) year += year < 70 ? 2000 : 1900;
                else if (end - 6 != 4) return null;
                return LocalDate.of(year, month, day);
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
