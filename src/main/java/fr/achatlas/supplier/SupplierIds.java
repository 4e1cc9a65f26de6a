package fr.achatlas.supplier;

import fr.achatlas.check.Siret;
import fr.achatlas.normalise.IdentifierNormaliser;

import java.util.Set;

/** Classifies a supplier identifier as exports write it ("123 456 789 00012", "FR12…", "BE0…", "CHE-…"). */
public final class SupplierIds {

    /** A normalised identifier and its type: SIRET, SIREN, TVA (intra-EU VAT) or HORS-UE; {@code siren} when French. */
    public record Classified(String id, String type, String siren, boolean checksumOk) {
    }

    private static final Set<String> EU = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR",
            "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI");

    private SupplierIds() {
    }

    /** Null when the value is empty or a placeholder ("Non disponible", "NC"). */
    public static Classified classify(String raw) {
        String id = IdentifierNormaliser.id(raw);
        if (id == null) return null;
        id = id.replace("-", "");
        if (allDigits(id)) {
            if (id.length() == 14) return new Classified(id, "SIRET", id.substring(0, 9), Siret.isValidSiret(id));
            if (id.length() == 9) return new Classified(id, "SIREN", id, Siret.isValidSiren(id));
            return null;
        }
        if (id.length() < 5 || !Character.isLetter(id.charAt(0)) || !Character.isLetter(id.charAt(1))) return null;
        String prefix = id.substring(0, 2);
        if ("FR".equals(prefix) && id.length() == 13 && allDigits(id.substring(4))) {
            String siren = id.substring(4);
            return new Classified(id, "TVA", siren, Siret.isValidSiren(siren));
        }
        if (EU.contains(prefix) && digitsCount(id) >= 6) return new Classified(id, "TVA", null, true);
        if (digitsCount(id) >= 6) return new Classified(id, "HORS-UE", null, true);
        return null; // words, e.g. "NONDISPONIBLE"
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return !s.isEmpty();
    }

    private static int digitsCount(String s) {
        int d = 0;
        for (int i = 0; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) d++;
        return d;
    }
}
