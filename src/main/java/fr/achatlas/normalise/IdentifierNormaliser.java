package fr.achatlas.normalise;

import fr.achatlas.model.Rule;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Identifiers of buyers and economic operators, and their declared type.
 *
 * <p>Canonical types: SIRET, TVA, TAHITI, RIDET, FRWF, IREP, HORS_UE, and UE (an EU identifier other than a VAT
 * number, 2019 format only). The official spelling {@code HORS-UE} becomes {@code HORS_UE} silently (the original is
 * kept); spellings outside both enumerations ({@code TVA_INTRACOMMUNAUTAIRE}, {@code HORS_UE}, {@code FRW}, {@code Siret})
 * are mapped with an INFO; anything else is kept as published with a WARNING.
 */
public final class IdentifierNormaliser {
    private IdentifierNormaliser() {
    }

    /** Outcome for a type: the canonical type and the text as published when it differs. */
    public record IdType(String type, String original) {
    }

    private static final Map<String, String> OFFICIAL = Map.of(
            "SIRET", "SIRET", "TVA", "TVA", "TAHITI", "TAHITI", "RIDET", "RIDET", "FRWF", "FRWF", "IREP", "IREP",
            "HORS-UE", "HORS_UE", "UE", "UE");

    /** Keyed by the upper-cased text with spaces, dashes and underscores removed. */
    private static final Map<String, String> ALIASES = new HashMap<>();

    static {
        for (String t : new String[]{"SIRET", "TVA", "TAHITI", "RIDET", "FRWF", "IREP", "UE"}) ALIASES.put(t, t);
        ALIASES.put("HORSUE", "HORS_UE");
        ALIASES.put("TVAINTRACOMMUNAUTAIRE", "TVA");
        ALIASES.put("TVAINTRA", "TVA");
        ALIASES.put("FRW", "FRWF");
    }

    public static Normalised<IdType> type(String field, String raw) {
        if (raw == null) return Normalised.absent();
        String official = OFFICIAL.get(raw);
        if (official != null) return Normalised.of(new IdType(official, official.equals(raw) ? null : raw));
        if (Texts.isNotProvided(raw)) return new Normalised<>(null, Texts.notProvided(field, raw));
        String key = squash(raw);
        String mapped = ALIASES.get(key);
        if (mapped != null) {
            return new Normalised<>(new IdType(mapped, raw), Rule.ID_TYPE_MAPPED.finding(field, raw,
                    "Type d'identifiant « " + raw + " » hors énumération : ramené à " + mapped + "."));
        }
        return new Normalised<>(new IdType(raw.strip(), null), Rule.ID_TYPE_UNKNOWN.finding(field, raw,
                "Type d'identifiant « " + raw + " » inconnu : conservé tel que publié."));
    }

    /** Trimmed, without inner spaces or dots, upper case: "FR 12.345 678 901" → "FR12345678901"; null when empty. */
    public static String id(String raw) {
        if (raw == null) return null;
        int n = raw.length();
        boolean clean = n > 0;
        for (int i = 0; i < n && clean; i++) {
            char c = raw.charAt(i);
            clean = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        }
        if (clean) return raw;
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (Texts.isSpace(c) || c == '.' || Character.isWhitespace(c)) continue;
            sb.append(c);
        }
        if (sb.isEmpty()) return null;
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    private static String squash(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ' ' || c == '-' || c == '_' || c == '\u00A0' || c == '.') continue;
            sb.append(c);
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }
}
