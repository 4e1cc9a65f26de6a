package fr.achatlas.check;

import java.util.Optional;

/**
 * SIREN / SIRET validation as INSEE defines it: a SIREN is 9 digits and a SIRET 14 digits (SIREN + 5-digit NIC), both
 * carrying a Luhn check digit.
 *
 * <p>La Poste (SIREN {@value #LA_POSTE_SIREN}) is the documented exception: it has more establishments than a Luhn
 * NIC sequence allows, so INSEE numbers them so that the sum of the 14 digits is a multiple of 5 instead. Its head
 * office (NIC 00048) still passes Luhn, so a La Poste SIRET is accepted when either rule holds.
 */
public final class Siret {
    public static final String LA_POSTE_SIREN = "356000000";

    /** Why a value is not a valid SIRET. */
    public enum Defect {
        NOT_14_CHARACTERS,
        NOT_DIGITS,
        LUHN,
        LA_POSTE_CHECKSUM;

        /** A French sentence for the analyst, naming the value found. */
        public String describe(String value) {
            return switch (this) {
                case NOT_14_CHARACTERS -> "SIRET " + value + " : " + value.length()
                        + " caractères au lieu de 14 chiffres.";
                case NOT_DIGITS -> "SIRET " + value + " : contient des caractères autres que des chiffres.";
                case LUHN -> "SIRET " + value + " : la clé de contrôle (Luhn) est fausse.";
                case LA_POSTE_CHECKSUM -> "SIRET " + value + " (La Poste) : ni la clé de Luhn ni la règle propre à "
                        + "La Poste (somme des chiffres multiple de 5) ne sont respectées.";
            };
        }
    }

    private Siret() {
    }

    public static boolean isValidSiret(String value) {
        return defect(value).isEmpty();
    }

    /** What is wrong with a would-be SIRET, or empty when it is valid. A null value is reported as not 14 characters. */
    public static Optional<Defect> defect(String value) {
        if (value == null || value.length() != 14) return Optional.of(Defect.NOT_14_CHARACTERS);
        if (!allDigits(value)) return Optional.of(Defect.NOT_DIGITS);
        if (luhn(value)) return Optional.empty();
        if (value.startsWith(LA_POSTE_SIREN)) {
            return digitSum(value) % 5 == 0 ? Optional.empty() : Optional.of(Defect.LA_POSTE_CHECKSUM);
        }
        return Optional.of(Defect.LUHN);
    }

    public static boolean isValidSiren(String value) {
        return value != null && value.length() == 9 && allDigits(value) && luhn(value);
    }

    /** The SIREN (first 9 digits) of a 14-character SIRET, or null when the value is not 14 characters long. */
    public static String siren(String siret) {
        return siret != null && siret.length() == 14 ? siret.substring(0, 9) : null;
    }

    /** Luhn (mod 10) checksum over a string of digits: every second digit from the right is doubled. */
    public static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') return false;
        }
        return !s.isEmpty();
    }

    private static int digitSum(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) sum += digits.charAt(i) - '0';
        return sum;
    }
}
