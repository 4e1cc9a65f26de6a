package fr.achatlas.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** How field values look once a publication's defects are applied; shared by all writers. */
final class Values {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Values() {
    }

    static String amount(BigDecimal amount, Publication p) {
        BigDecimal v = amount;
        if (p.has(Defect.AMOUNT_TIMES_100)) v = v.multiply(BigDecimal.valueOf(100));
        if (p.has(Defect.AMOUNT_TOO_LOW)) {
            v = v.divide(BigDecimal.valueOf(1000), 2, RoundingMode.HALF_UP);
            if (v.compareTo(BigDecimal.valueOf(200)) >= 0) v = BigDecimal.ONE;
        }
        return plain(v);
    }

    static String plain(BigDecimal v) {
        if (v.signum() == 0) return "0";
        // Fast path for euro amounts with cents (the national file writes millions of them).
        if (v.scale() == 2 && v.precision() < 18) {
            long cents = v.unscaledValue().longValue();
            long units = cents / 100;
            int rest = (int) Math.abs(cents % 100);
            String sign = cents < 0 && units == 0 ? "-" : "";
            if (rest == 0) return sign + units;
            if (rest % 10 == 0) return sign + units + "." + (rest / 10);
            return sign + units + (rest < 10 ? ".0" : ".") + rest;
        }
        return v.stripTrailingZeros().toPlainString();
    }

    static String cpv(String code, Publication p) {
        if (p.has(Defect.CPV_LEADING_ZERO_LOST)) {
            String eight = code.substring(0, 8);
            return eight.startsWith("0") ? eight.substring(1) : eight;
        }
        if (p.has(Defect.CPV_NO_CHECK_DIGIT)) return code.substring(0, 8);
        return code;
    }

    static String date(LocalDate d, Publication p) {
        if (d == null) return null;
        if (!p.has(Defect.DATE_WITH_TIMEZONE)) return d.toString();
        ZoneOffset offset = PARIS.getRules().getOffset(d.atTime(12, 0));
        return d + offset.getId();
    }

    static String idType(Supplier s, Publication p) {
        if (p.has(Defect.ID_TYPE_OUT_OF_ENUM)) {
            if ("TVA".equals(s.idType())) return "TVA_INTRACOMMUNAUTAIRE";
            if ("HORS-UE".equals(s.idType())) return "HORS_UE";
        }
        return s.idType();
    }

    /** Holder ids; the first SIRET of the record is broken when HOLDER_SIRET_INVALID is planted. */
    static String holderId(Supplier s, List<Supplier> holders, Publication p) {
        if (p.has(Defect.HOLDER_SIRET_INVALID) && "SIRET".equals(s.idType())) {
            Supplier first = holders.stream().filter(h -> "SIRET".equals(h.idType())).findFirst().orElse(null);
            if (first == s) return Ids.breakSiret(s.id());
        }
        return s.id();
    }

    static String procedure2019(String v2, Publication p) {
        if (p.has(Defect.PROCEDURE_PRE2019_LABEL)) {
            if (v2.startsWith("Marché passé sans")) return "Marché négocié sans publicité ni mise en concurrence préalable";
            if (v2.equals("Procédure avec négociation")) return "Procédure négociée avec mise en concurrence préalable";
        }
        return v2;
    }

    static boolean hasPre2019Label(String v2) {
        return v2.startsWith("Marché passé sans") || v2.equals("Procédure avec négociation");
    }

    /** 2019 nature: the framework distinction lived in the nature field before v2. */
    static String nature2019(SyntheticContract c) {
        if (c.subsequent()) return "Marché subséquent";
        if (c.frameworkAgreement()) return "Accord-cadre";
        return c.nature();
    }

    /** 2019 formePrix mapped from the v2 price type. */
    static String priceForm2019(SyntheticContract c) {
        return switch (c.priceType()) {
            case "Définitif révisable" -> "Révisable";
            case "Définitif actualisable" -> "Ferme et actualisable";
            default -> "Ferme";
        };
    }
}
