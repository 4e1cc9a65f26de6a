package fr.achatlas.classify.nomenclature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes the nomenclature as a folder of readable, editable CSV files (the shipped default lives under
 * {@code src/main/resources/nomenclature/}):
 * <ul>
 *   <li>{@code segments.csv}: code;libelle</li>
 *   <li>{@code familles.csv}: code;segment;libelle;nature;homogene;achat_durable;esat_ea;siae;mots_cles (mots-clés séparés par |)</li>
 *   <li>{@code cpv.csv}, {@code comptes.csv}: prefixe;famille;commentaire[;acheteur;origine]</li>
 *   <li>{@code naf.csv}: prefixe;famille;poids;commentaire[;acheteur;origine]</li>
 *   <li>{@code codes-acheteurs.csv}: acheteur;code;famille;commentaire[;origine]</li>
 * </ul>
 * Columns are found by their header name, so a territory may reorder them or add its own.
 */
public final class NomenclatureFiles {

    public static final String SEGMENTS = "segments.csv";
    public static final String FAMILIES = "familles.csv";
    public static final String CPV = "cpv.csv";
    public static final String ACCOUNTS = "comptes.csv";
    public static final String NAF = "naf.csv";
    public static final String BUYER_CODES = "codes-acheteurs.csv";
    public static final List<String> NAMES = List.of(SEGMENTS, FAMILIES, CPV, ACCOUNTS, NAF, BUYER_CODES);

    /** The parsed files and every problem met while parsing. */
    public record Parsed(Nomenclature nomenclature, Map<String, String> texts, List<Issue> issues) {
        public boolean hasErrors() {
            return issues.stream().anyMatch(i -> i.level() == Issue.Level.ERREUR);
        }
    }

    private NomenclatureFiles() {
    }

    /** The default nomenclature shipped with Achatlas. */
    public static Map<String, String> readDefaults() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : NAMES) {
            try (InputStream in = NomenclatureFiles.class.getResourceAsStream("/nomenclature/" + name)) {
                if (in == null) throw new IllegalStateException("Ressource absente : nomenclature/" + name);
                texts.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts;
    }

    public static Parsed defaults() {
        return parse(readDefaults());
    }

    /** Reads the files of a folder; missing optional files (naf, comptes, codes-acheteurs) are reported by validation. */
    public static Map<String, String> readDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException("Dossier de nomenclature introuvable : " + dir);
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : NAMES) {
            Path file = dir.resolve(name);
            if (Files.exists(file)) texts.put(name, Files.readString(file, StandardCharsets.UTF_8));
        }
        return texts;
    }

    public static Parsed parse(Map<String, String> texts) {
        List<Issue> issues = new ArrayList<>();
        for (String required : List.of(SEGMENTS, FAMILIES, CPV)) {
            if (!texts.containsKey(required)) issues.add(Issue.error(required, 0, "fichier obligatoire absent"));
        }
        List<Segment> segments = new ArrayList<>();
        for (Row row : rows(texts, SEGMENTS, issues, "code", "libelle")) {
            segments.add(new Segment(row.get("code"), row.get("libelle")));
        }
        List<Family> families = new ArrayList<>();
        for (Row row : rows(texts, FAMILIES, issues, "code", "segment", "libelle", "nature")) {
            Nature nature;
            try {
                nature = Nature.valueOf(row.get("nature").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                issues.add(Issue.error(FAMILIES, row.line, "nature « " + row.get("nature") + " » inconnue (FOURNITURES, SERVICES ou TRAVAUX)"));
                continue;
            }
            String kw = row.get("mots_cles");
            List<String> keywords = kw.isEmpty() ? List.of() : Arrays.stream(kw.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            families.add(new Family(row.get("code"), row.get("segment"), row.get("libelle"), nature,
                    bool(row, "homogene", issues), bool(row, "achat_durable", issues), bool(row, "esat_ea", issues),
                    bool(row, "siae", issues), keywords));
        }
        List<CrosswalkRule> rules = new ArrayList<>();
        rules(texts, CPV, RuleKind.CPV, issues, rules);
        rules(texts, ACCOUNTS, RuleKind.ACCOUNT, issues, rules);
        rules(texts, NAF, RuleKind.NAF, issues, rules);
        for (Row row : rows(texts, BUYER_CODES, issues, "acheteur", "code", "famille")) {
            rules.add(new CrosswalkRule(0, RuleKind.BUYER_CODE, row.get("code"), row.get("famille"), 1.0,
                    row.get("acheteur"), origin(row), row.get("commentaire"), null, null));
        }
        return new Parsed(new Nomenclature(segments, families, rules), Map.copyOf(texts), issues);
    }

    private static void rules(Map<String, String> texts, String file, RuleKind kind, List<Issue> issues, List<CrosswalkRule> out) {
        for (Row row : rows(texts, file, issues, "prefixe", "famille")) {
            String code = row.get("prefixe").replace(".", "").replace(" ", "").toUpperCase(Locale.ROOT);
            double weight = 1.0;
            if (kind == RuleKind.NAF) {
                try {
                    weight = row.get("poids").isEmpty() ? 0.3 : Double.parseDouble(row.get("poids").replace(',', '.'));
                } catch (NumberFormatException e) {
                    issues.add(Issue.error(file, row.line, "poids « " + row.get("poids") + " » illisible"));
                }
            }
            String buyer = row.get("acheteur");
            out.add(new CrosswalkRule(0, kind, code, row.get("famille"), weight, buyer.isEmpty() ? null : buyer,
                    origin(row), row.get("commentaire"), null, null));
        }
    }

    private static String origin(Row row) {
        return CrosswalkRule.USER.equalsIgnoreCase(row.get("origine")) ? CrosswalkRule.USER : CrosswalkRule.DEFAULT;
    }

    private static boolean bool(Row row, String column, List<Issue> issues) {
        String v = row.get(column).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "oui", "vrai", "1", "o", "x" -> true;
            case "false", "non", "faux", "0", "n", "" -> false;
            default -> {
                issues.add(Issue.error(FAMILIES, row.line, "valeur « " + v + " » de la colonne " + column + " : oui ou non attendu"));
                yield false;
            }
        };
    }

    private record Row(int line, Map<String, String> cells) {
        String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v;
        }
    }

    private static List<Row> rows(Map<String, String> texts, String file, List<Issue> issues, String... required) {
        String text = texts.get(file);
        if (text == null) return List.of();
        String[] lines = text.replace("\uFEFF", "").split("\r?\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            issues.add(Issue.error(file, 1, "en-tête absent"));
            return List.of();
        }
        List<String> header = SemicolonCsv.parseLine(lines[0]).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        for (String column : required) {
            if (!header.contains(column)) {
                issues.add(Issue.error(file, 1, "colonne « " + column + " » absente de l'en-tête"));
                return List.of();
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank() || lines[i].startsWith("#")) continue;
            List<String> cells = SemicolonCsv.parseLine(lines[i]);
            Map<String, String> byName = new LinkedHashMap<>();
            for (int c = 0; c < header.size() && c < cells.size(); c++) byName.put(header.get(c), cells.get(c));
            boolean missing = false;
            for (String column : required) {
                if (byName.getOrDefault(column, "").isEmpty()) {
                    issues.add(Issue.error(file, i + 1, "valeur absente dans la colonne « " + column + " »"));
                    missing = true;
                }
            }
            if (!missing) rows.add(new Row(i + 1, byName));
        }
        return rows;
    }

    /** The nomenclature as file texts, in the same layout as the shipped files (user and per-buyer rules included). */
    public static Map<String, String> write(Nomenclature n) {
        Map<String, String> out = new LinkedHashMap<>();
        StringBuilder sb = new StringBuilder(SemicolonCsv.line("code", "libelle"));
        for (Segment s : n.segments()) sb.append(SemicolonCsv.line(s.code(), s.label()));
        out.put(SEGMENTS, sb.toString());
        sb = new StringBuilder(SemicolonCsv.line("code", "segment", "libelle", "nature", "homogene", "achat_durable", "esat_ea", "siae", "mots_cles"));
        for (Family f : n.families()) {
            sb.append(SemicolonCsv.line(f.code(), f.segmentCode(), f.label(), f.nature().name(), String.valueOf(f.homogeneous()),
                    String.valueOf(f.sustainable()), String.valueOf(f.esatEa()), String.valueOf(f.siae()), String.join("|", f.keywords())));
        }
        out.put(FAMILIES, sb.toString());
        out.put(CPV, ruleFile(n, RuleKind.CPV, false));
        out.put(ACCOUNTS, ruleFile(n, RuleKind.ACCOUNT, false));
        out.put(NAF, ruleFile(n, RuleKind.NAF, true));
        sb = new StringBuilder(SemicolonCsv.line("acheteur", "code", "famille", "commentaire", "origine"));
        for (CrosswalkRule r : n.rules(RuleKind.BUYER_CODE)) {
            sb.append(SemicolonCsv.line(r.buyerId(), r.code(), r.familyCode(), r.comment(), r.origin()));
        }
        out.put(BUYER_CODES, sb.toString());
        return out;
    }

    private static String ruleFile(Nomenclature n, RuleKind kind, boolean weighted) {
        StringBuilder sb = new StringBuilder(weighted
                ? SemicolonCsv.line("prefixe", "famille", "poids", "commentaire", "acheteur", "origine")
                : SemicolonCsv.line("prefixe", "famille", "commentaire", "acheteur", "origine"));
        for (CrosswalkRule r : n.rules(kind)) {
            if (weighted) {
                sb.append(SemicolonCsv.line(r.code(), r.familyCode(), String.valueOf(r.weight()), r.comment(), r.buyerId(), r.origin()));
            } else {
                sb.append(SemicolonCsv.line(r.code(), r.familyCode(), r.comment(), r.buyerId(), r.origin()));
            }
        }
        return sb.toString();
    }

    public static void writeDirectory(Nomenclature n, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : write(n).entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
    }
}
