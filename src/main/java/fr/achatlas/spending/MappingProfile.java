package fr.achatlas.spending;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How to read one buyer's (or one software's) spending export: which column holds which field, the encoding,
 * separator and decimal convention when they should not be detected, a fixed buyer when the file has no buyer
 * column. A profile is a small JSON file (docs/spending.md); a few are bundled, and any file can be given.
 *
 * <p>Each field maps to a list of column headers: the first non-empty one on a line wins (e.g. "amount modified" then
 * "initial amount"). Headers match ignoring case, accents, spaces and punctuation.
 *
 * @param decimal         "auto" (default: comma unless the file is XLSX), "comma" or "dot"
 * @param amountDivisor   1 (default), or 100 for an export known to write cents without a decimal separator
 * @param dateFallbackYear a column holding a year, used (as 1 January, with a finding) when the date is empty
 */
public record MappingProfile(String name, String description, String encoding, String separator, String decimal,
                             String buyer, Integer amountDivisor, String dateFallbackYear,
                             Map<String, List<String>> columns) {

    /** The fields a profile can map. buyer (unless fixed), date, an amount and a supplier id or name are required. */
    public enum Field {
        BUYER("buyer"), DATE("date"), AMOUNT_HT("amount_ht"), AMOUNT_TTC("amount_ttc"), SUPPLIER_ID("supplier_id"),
        SUPPLIER_NAME("supplier_name"), ACCOUNT("account"), FUNCTION("function"), BUDGET("budget"),
        DIRECTION("direction"), SERVICE("service"), CONTRACT_REF("contract_ref"), INVOICE_REF("invoice_ref"),
        LABEL("label");

        public final String key;

        Field(String key) {
            this.key = key;
        }
    }

    static final List<String> BUNDLED = List.of("generic-fr", "region-bretagne-rendu-compte", "mandats-cp1252",
            "depenses-tabulation", "paiements-pipe");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public MappingProfile {
        columns = columns == null ? Map.of() : columns;
    }

    /** Reads a profile file; a misspelt key or field, or an unknown option value, is refused rather than ignored. */
    public static MappingProfile load(Path file) throws IOException {
        MappingProfile p;
        try (InputStream in = Files.newInputStream(file)) {
            p = STRICT.readValue(in, MappingProfile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IOException("Profil " + file + " : clé inconnue « " + e.getPropertyName() + " » (clés possibles : "
                    + String.join(", ", KEYS) + ").", e);
        } catch (RuntimeException e) {
            throw new IOException("Profil illisible " + file + " : " + e.getMessage(), e);
        }
        List<String> problems = p.problems();
        if (!problems.isEmpty()) throw new IOException("Profil " + file + " : " + String.join(" ; ", problems) + ".");
        return p;
    }

    private static final List<String> KEYS = List.of("name", "description", "encoding", "separator", "decimal", "buyer",
            "amountDivisor", "dateFallbackYear", "columns");

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** What is wrong with this profile, in words a person can act on; empty when it is usable. */
    List<String> problems() {
        List<String> out = new ArrayList<>();
        List<String> fields = Arrays.stream(Field.values()).map(f -> f.key).toList();
        for (Map.Entry<String, List<String>> e : columns.entrySet()) {
            if (!fields.contains(e.getKey())) {
                out.add("champ inconnu « " + e.getKey() + " » dans columns (champs possibles : " + String.join(", ", fields) + ")");
            } else if (e.getValue() == null || e.getValue().isEmpty()) {
                out.add("aucun en-tête donné pour le champ « " + e.getKey() + " »");
            }
        }
        if (encoding != null && !"auto".equalsIgnoreCase(encoding)) {
            try {
                java.nio.charset.Charset.forName(encoding);
            } catch (RuntimeException ex) {
                out.add("encodage inconnu « " + encoding + " » (par exemple auto, UTF-8, windows-1252)");
            }
        }
        if (separator != null && !List.of("auto", ";", ",", "tab", "|").contains(separator.toLowerCase(Locale.ROOT))) {
            out.add("séparateur « " + separator + " » non prévu (auto, ;, ,, tab, |)");
        }
        if (decimal != null && !List.of("auto", "comma", "dot").contains(decimal)) {
            out.add("convention décimale « " + decimal + " » non prévue (auto, comma, dot)");
        }
        if (amountDivisor != null && amountDivisor < 1) out.add("amountDivisor doit valoir au moins 1");
        return out;
    }

    /** A bundled profile by name (resources spending-profiles/NAME.json), or a file path. */
    public static MappingProfile named(String nameOrPath) throws IOException {
        Path p = Path.of(nameOrPath);
        if (Files.isRegularFile(p)) return load(p);
        try (InputStream in = MappingProfile.class.getResourceAsStream("/spending-profiles/" + nameOrPath + ".json")) {
            if (in == null) throw new IOException("Profil inconnu : " + nameOrPath + " (profils fournis : " + BUNDLED + ")");
            return MAPPER.readValue(in, MappingProfile.class);
        }
    }

    /** The bundled profiles, read once: detection tries them on every row that may be a file's header. */
    public static List<MappingProfile> bundled() {
        return Bundled.ALL;
    }

    /** The bundled profile of that name, if there is one. */
    public static java.util.Optional<MappingProfile> bundled(String name) {
        return Bundled.ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static final class Bundled {
        static final List<MappingProfile> ALL = read();

        private static List<MappingProfile> read() {
            List<MappingProfile> out = new ArrayList<>();
            for (String n : BUNDLED) {
                try {
                    out.add(named(n));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return List.copyOf(out);
        }
    }

    /**
     * The most specific bundled profile whose required columns all appear in the header: the one mapping the most
     * header columns. Null when none fits.
     */
    public static MappingProfile detect(String[] header) {
        MappingProfile best = null;
        int bestScore = 0;
        for (MappingProfile p : bundled()) {
            Resolved r = p.resolve(header);
            if (!r.missingRequired().isEmpty()) continue;
            if (r.mappedColumns() > bestScore) {
                best = p;
                bestScore = r.mappedColumns();
            }
        }
        return best;
    }

    /** Column indexes per field for a given header (-1 entries dropped), plus the required fields that are missing. */
    public record Resolved(Map<Field, int[]> indexes, List<String> missingRequired, int mappedColumns) {
        public int[] of(Field f) {
            return indexes.getOrDefault(f, new int[0]);
        }
    }

    public Resolved resolve(String[] header) {
        Map<String, Integer> byKey = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) byKey.putIfAbsent(key(header[i]), i);
        Map<Field, int[]> idx = new LinkedHashMap<>();
        int mapped = 0;
        for (Field f : Field.values()) {
            List<String> names = columns.get(f.key);
            if (names == null) continue;
            List<Integer> found = new ArrayList<>();
            for (String n : names) {
                Integer i = byKey.get(key(n));
                if (i != null && !found.contains(i)) found.add(i); // "Montant HT" and "Montant H.T." are one column
            }
            if (!found.isEmpty()) {
                idx.put(f, found.stream().mapToInt(Integer::intValue).toArray());
                mapped += found.size();
            }
        }
        List<String> missing = new ArrayList<>();
        if (buyer == null && !idx.containsKey(Field.BUYER)) missing.add("acheteur (buyer)");
        if (!idx.containsKey(Field.DATE)) missing.add("date");
        if (!idx.containsKey(Field.AMOUNT_HT) && !idx.containsKey(Field.AMOUNT_TTC)) missing.add("montant (amount_ht ou amount_ttc)");
        if (!idx.containsKey(Field.SUPPLIER_ID) && !idx.containsKey(Field.SUPPLIER_NAME)) missing.add("fournisseur (supplier_id ou supplier_name)");
        return new Resolved(idx, missing, mapped);
    }

    /** Header comparison key: lower case, no accents, letters and digits only. */
    static String key(String header) {
        if (header == null) return "";
        String s = Normalizer.normalize(header, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) sb.append(c);
        }
        return sb.toString();
    }

    public int divisor() {
        return amountDivisor == null || amountDivisor < 1 ? 1 : amountDivisor;
    }
}
