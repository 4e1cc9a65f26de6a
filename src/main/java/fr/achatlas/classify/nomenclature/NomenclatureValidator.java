package fr.achatlas.classify.nomenclature;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a nomenclature before it is imported: codes unique, references resolved, CPV prefixes well-formed, and every
 * CPV code reaching exactly one family (a territory-wide rule for each of the 45 divisions guarantees it).
 */
public final class NomenclatureValidator {

    /** The 45 divisions of the CPV 2008 main vocabulary. */
    public static final Set<String> CPV_DIVISIONS = Set.of(
            "03", "09", "14", "15", "16", "18", "19", "22", "24", "30", "31", "32", "33", "34", "35", "37", "38", "39",
            "41", "42", "43", "44", "45", "48", "50", "51", "55", "60", "63", "64", "65", "66", "70", "71", "72", "73",
            "75", "76", "77", "79", "80", "85", "90", "92", "98");

    private NomenclatureValidator() {
    }

    /** All problems, parse problems first. {@code cpvCodes}, when given, are 8-digit codes that must each reach a family. */
    public static List<Issue> validate(NomenclatureFiles.Parsed parsed, Collection<String> cpvCodes) {
        List<Issue> issues = new ArrayList<>(parsed.issues());
        Nomenclature n = parsed.nomenclature();
        Set<String> segments = new HashSet<>();
        for (Segment s : n.segments()) {
            if (!segments.add(s.code())) issues.add(Issue.error(NomenclatureFiles.SEGMENTS, 0, "segment " + s.code() + " en double"));
        }
        Set<String> families = new HashSet<>();
        Map<String, Integer> perSegment = new HashMap<>();
        for (Family f : n.families()) {
            if (!families.add(f.code())) issues.add(Issue.error(NomenclatureFiles.FAMILIES, 0, "famille " + f.code() + " en double"));
            if (!segments.contains(f.segmentCode())) {
                issues.add(Issue.error(NomenclatureFiles.FAMILIES, 0, "famille " + f.code() + " : segment « " + f.segmentCode() + " » inconnu"));
            }
            perSegment.merge(f.segmentCode(), 1, Integer::sum);
        }
        for (Segment s : n.segments()) {
            if (!perSegment.containsKey(s.code())) issues.add(Issue.warning(NomenclatureFiles.SEGMENTS, 0, "segment " + s.code() + " sans famille"));
        }
        Map<String, String> seen = new HashMap<>();
        Set<String> reached = new HashSet<>();
        for (CrosswalkRule r : n.rules()) {
            String file = fileOf(r.kind());
            String where = r.kind().tag() + ":" + r.code() + (r.buyerId() == null ? "" : " (acheteur " + r.buyerId() + ")");
            if (!families.contains(r.familyCode())) {
                issues.add(Issue.error(file, 0, where + " : famille « " + r.familyCode() + " » inconnue"));
                continue;
            }
            reached.add(r.familyCode());
            String key = r.kind() + "|" + r.code() + "|" + r.buyerId();
            String previous = seen.put(key, r.familyCode());
            if (previous != null) {
                issues.add(previous.equals(r.familyCode())
                        ? Issue.warning(file, 0, where + " : règle en double")
                        : Issue.error(file, 0, where + " : règles contradictoires (" + previous + " et " + r.familyCode() + ")"));
            }
            switch (r.kind()) {
                case CPV -> {
                    if (!r.code().matches("[0-9]{2,8}")) issues.add(Issue.error(file, 0, where + " : préfixe CPV de 2 à 8 chiffres attendu"));
                    else if (!CPV_DIVISIONS.contains(r.code().substring(0, 2))) issues.add(Issue.error(file, 0, where + " : division CPV inconnue"));
                }
                case ACCOUNT -> {
                    if (!r.code().matches("[0-9]{1,10}")) issues.add(Issue.error(file, 0, where + " : numéro de compte (chiffres) attendu"));
                }
                case NAF -> {
                    if (!r.code().matches("[0-9]{2,4}[A-Z]?")) issues.add(Issue.error(file, 0, where + " : code NAF attendu (ex. 8121 ou 8121Z)"));
                    if (r.weight() <= 0 || r.weight() > 1) issues.add(Issue.error(file, 0, where + " : poids entre 0 et 1 attendu"));
                }
                case BUYER_CODE -> {
                    if (r.buyerId() == null) issues.add(Issue.error(file, 0, where + " : un code acheteur exige l'acheteur"));
                }
            }
        }
        Set<String> divisions = new HashSet<>();
        for (CrosswalkRule r : n.rules(RuleKind.CPV)) if (r.isTerritoryWide() && r.code().length() == 2) divisions.add(r.code());
        for (String d : CPV_DIVISIONS) {
            if (!divisions.contains(d)) {
                issues.add(Issue.error(NomenclatureFiles.CPV, 0, "division CPV " + d + " sans règle par défaut : des codes CPV n'atteindraient aucune famille"));
            }
        }
        for (Family f : n.families()) {
            if (!reached.contains(f.code())) issues.add(Issue.warning(NomenclatureFiles.FAMILIES, 0, "famille " + f.code() + " atteinte par aucune règle (seulement par le texte)"));
        }
        if (cpvCodes != null) {
            CpvCrosswalk crosswalk = new CpvCrosswalk(n.rules(RuleKind.CPV));
            long unreached = cpvCodes.stream().filter(c -> crosswalk.match(c, null) == null).count();
            if (unreached > 0) issues.add(Issue.error(NomenclatureFiles.CPV, 0, unreached + " codes CPV de la liste n'atteignent aucune famille"));
        }
        return issues;
    }

    /** How many of the given CPV codes reach each family (for the coverage part of `nomenclature validate`). */
    public static Map<String, Integer> cpvCoverage(Nomenclature n, Collection<String> cpvCodes) {
        CpvCrosswalk crosswalk = new CpvCrosswalk(n.rules(RuleKind.CPV));
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String code : cpvCodes) {
            CrosswalkRule r = crosswalk.match(code, null);
            out.merge(r == null ? "—" : r.familyCode(), 1, Integer::sum);
        }
        return out;
    }

    static String fileOf(RuleKind kind) {
        return switch (kind) {
            case CPV -> NomenclatureFiles.CPV;
            case ACCOUNT -> NomenclatureFiles.ACCOUNTS;
            case NAF -> NomenclatureFiles.NAF;
            case BUYER_CODE -> NomenclatureFiles.BUYER_CODES;
        };
    }
}
