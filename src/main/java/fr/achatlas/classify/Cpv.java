package fr.achatlas.classify;

import fr.achatlas.classify.nomenclature.NomenclatureValidator;

/** What the engine needs to know about a CPV code's shape. */
public final class Cpv {

    private Cpv() {
    }

    /** 8 digits of a known division. */
    public static boolean isValid(String cpv) {
        if (cpv == null || cpv.length() != 8) return false;
        for (int i = 0; i < 8; i++) if (cpv.charAt(i) < '0' || cpv.charAt(i) > '9') return false;
        return NomenclatureValidator.CPV_DIVISIONS.contains(cpv.substring(0, 2));
    }

    /** A valid code that names only a division (e.g. 45000000 "Travaux de construction"): too generic to decide. */
    public static boolean isDivisionOnly(String cpv) {
        return isValid(cpv) && cpv.endsWith("000000");
    }

    /** A valid code more specific than its division. */
    public static boolean isSpecific(String cpv) {
        return isValid(cpv) && !cpv.endsWith("000000");
    }
}
