package fr.achatlas.generate;

import java.util.random.RandomGenerator;

/** SIREN/SIRET and foreign identifiers that pass the checks real importers apply (14 digits + Luhn key). */
final class Ids {
    private Ids() {
    }

    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) return false;
            if (doubleIt) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /** The digit to append to {@code body} so that body+digit passes Luhn. */
    static char luhnDigit(String body) {
        for (char c = '0'; c <= '9'; c++) {
            if (luhnValid(body + c)) return c;
        }
        throw new IllegalStateException();
    }

    /** A SIREN (Luhn-valid) starting with {@code prefix}, padded with random digits to 8 then keyed. */
    static String siren(String prefix, RandomGenerator rnd) {
        StringBuilder sb = new StringBuilder(prefix);
        while (sb.length() < 8) sb.append((char) ('0' + rnd.nextInt(10)));
        return sb.toString() + luhnDigit(sb.toString());
    }

    /** A SIRET whose SIREN and full 14 digits are both Luhn-valid: NIC is 4 chosen digits plus a key. */
    static String siret(String siren, int establishment) {
        String body = siren + String.format("%04d", establishment % 10_000);
        return body + luhnDigit(body);
    }

    /** Same SIRET with its last digit changed so that the Luhn check fails (planted defect). */
    static String breakSiret(String siret) {
        char last = siret.charAt(siret.length() - 1);
        char other = (char) ('0' + ((last - '0' + 3) % 10));
        return siret.substring(0, siret.length() - 1) + other;
    }

    static String digits(int n, RandomGenerator rnd) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append((char) ('0' + rnd.nextInt(10)));
        return sb.toString();
    }
}
