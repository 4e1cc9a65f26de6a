package fr.achatlas.generate;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Structural check of DECP v2 JSON records against schema 2.0.3: required keys, enumerations, patterns. Planted
 * defects are tolerated only where the caller says so; everything else is reported as a problem.
 */
final class V2Structure {

    static final List<String> MARCHE_REQUIRED = List.of("id", "acheteur", "nature", "objet", "codeCPV", "techniques",
            "modalitesExecution", "marcheInnovant", "ccag", "offresRecues", "attributionAvance", "typeGroupementOperateurs",
            "procedure", "lieuExecution", "dureeMois", "dateNotification", "datePublicationDonnees", "montant", "typesPrix",
            "formePrix", "sousTraitanceDeclaree", "titulaires", "considerationsSociales", "considerationsEnvironnementales");
    static final List<String> CONCESSION_REQUIRED = List.of("id", "autoriteConcedante", "nature", "objet", "procedure",
            "dureeMois", "dateSignature", "datePublicationDonnees", "dateDebutExecution", "valeurGlobale",
            "montantSubventionPublique", "concessionnaires", "considerationsSociales", "considerationsEnvironnementales");

    /** Keys a planted defect may remove: rejected-by-design records and missing notification dates. */
    static final Set<String> MAY_BE_MISSING = Set.of("id", "dateNotification", "dateSignature");

    static final Map<String, Set<String>> MARCHE_ENUMS = Map.of(
            "nature", Set.of("Marché", "Marché de partenariat", "Marché de défense ou de sécurité"),
            "ccag", Set.of("Travaux", "Maitrise d'œuvre", "Fournitures courantes et services", "Marchés industriels",
                    "Prestations intellectuelles", "Techniques de l'information et de la communication", "Pas de CCAG"),
            "typeGroupementOperateurs", Set.of("Conjoint", "Solidaire", "Pas de groupement"),
            "procedure", Set.of("Procédure adaptée", "Appel d'offres ouvert", "Appel d'offres restreint",
                    "Procédure avec négociation", "Marché passé sans publicité ni mise en concurrence préalable", "Dialogue compétitif"),
            "formePrix", Set.of("Unitaire", "Forfaitaire", "Mixte"));
    static final Set<String> TECHNIQUES = Set.of("Accord-cadre", "Concours", "Système de qualification",
            "Système d'acquisition dynamique", "Catalogue électronique", "Enchère électronique", "Sans objet");
    static final Set<String> MODALITES = Set.of("Tranches", "Bons de commande", "Marchés subséquents", "Sans objet");
    static final Set<String> TYPES_PRIX = Set.of("Définitif ferme", "Définitif actualisable", "Définitif révisable", "Provisoire");
    static final Set<String> SOCIAL = Set.of("Clause sociale", "Critère social", "Marché réservé", "Concession réservée",
            "Pas de considération sociale");
    static final Set<String> ENVIRONMENTAL = Set.of("Clause environnementale", "Critère environnemental",
            "Pas de considération environnementale");
    static final Set<String> ID_TYPES = Set.of("SIRET", "TVA", "TAHITI", "RIDET", "FRWF", "IREP", "HORS-UE");
    /** Planted ID_TYPE_OUT_OF_ENUM values. */
    static final Set<String> PLANTED_ID_TYPES = Set.of("TVA_INTRACOMMUNAUTAIRE", "HORS_UE");
    static final Set<String> TYPE_CODES = Set.of("Code postal", "Code commune", "Code arrondissement", "Code canton",
            "Code département", "Code région", "Code pays");
    static final Set<String> CONCESSION_NATURES = Set.of("Concession de travaux", "Concession de service",
            "Concession de service public", "Délégation de service public");
    static final Set<String> CONCESSION_PROCEDURES = Set.of("Procédure négociée ouverte", "Procédure non négociée ouverte",
            "Procédure négociée restreinte", "Procédure non négociée restreinte");

    private static final Pattern CPV = Pattern.compile("^[0-9]{8}(-[0-9])?$");
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final Pattern SIRET = Pattern.compile("^[0-9]{14}$");

    private V2Structure() {
    }

    /** Problems of one marché; empty when the record is structurally valid (planted defects aside). */
    static List<String> marche(JsonNode m) {
        List<String> problems = new ArrayList<>();
        for (String k : MARCHE_REQUIRED) if (!m.has(k) && !MAY_BE_MISSING.contains(k)) problems.add("missing " + k);
        MARCHE_ENUMS.forEach((k, allowed) -> {
            if (m.has(k) && !allowed.contains(m.get(k).asString())) problems.add(k + "=" + m.get(k).asString());
        });
        JsonNode buyerId = m.path("acheteur").path("id");
        if (!buyerId.isMissingNode() && !SIRET.matcher(buyerId.asString()).matches()) problems.add("acheteur.id=" + buyerId);
        String cpv = m.path("codeCPV").asString();
        if (!CPV.matcher(cpv).matches() && !cpv.matches("^[1-9][0-9]{6}$")) problems.add("codeCPV=" + cpv);
        items(m, "techniques", "technique", TECHNIQUES, problems);
        items(m, "modalitesExecution", "modaliteExecution", MODALITES, problems);
        items(m, "typesPrix", "typePrix", TYPES_PRIX, problems);
        common(m, problems);
        if (!TYPE_CODES.contains(m.path("lieuExecution").path("typeCode").asString())) problems.add("lieuExecution.typeCode");
        if (m.path("lieuExecution").path("code").asString().isEmpty()) problems.add("lieuExecution.code");
        for (String b : List.of("marcheInnovant", "attributionAvance", "sousTraitanceDeclaree")) {
            JsonNode v = m.path(b);
            boolean ok = v.isBoolean() || v.isIntegralNumber() && (v.asInt() == 0 || v.asInt() == 1);
            if (!ok) problems.add(b + "=" + v);
        }
        if (!m.path("offresRecues").isIntegralNumber()) problems.add("offresRecues");
        holders(m, "titulaires", "titulaire", problems);
        for (JsonNode w : m.path("modifications")) {
            JsonNode mod = w.path("modification");
            for (String k : List.of("id", "dateNotificationModification", "datePublicationDonneesModification")) {
                if (!mod.has(k)) problems.add("modification missing " + k);
            }
            if (mod.has("titulaires")) holders(mod, "titulaires", "titulaire", problems);
        }
        for (JsonNode w : m.path("actesSousTraitance")) {
            JsonNode a = w.path("acteSousTraitance");
            for (String k : List.of("id", "sousTraitant", "dureeMois", "dateNotification", "datePublicationDonnees", "montant", "variationPrix")) {
                if (!a.has(k)) problems.add("acteSousTraitance missing " + k);
            }
        }
        return problems;
    }

    static List<String> concession(JsonNode c) {
        List<String> problems = new ArrayList<>();
        for (String k : CONCESSION_REQUIRED) if (!c.has(k) && !MAY_BE_MISSING.contains(k)) problems.add("missing " + k);
        if (!CONCESSION_NATURES.contains(c.path("nature").asString())) problems.add("nature");
        if (!CONCESSION_PROCEDURES.contains(c.path("procedure").asString())) problems.add("procedure");
        common(c, problems);
        holders(c, "concessionnaires", "concessionnaire", problems);
        for (JsonNode w : c.path("modifications")) {
            JsonNode mod = w.path("modification");
            for (String k : List.of("id", "dateSignatureModification", "datePublicationDonneesModification")) {
                if (!mod.has(k)) problems.add("modification missing " + k);
            }
        }
        return problems;
    }

    private static void common(JsonNode r, List<String> problems) {
        items(r, "considerationsSociales", "considerationSociale", SOCIAL, problems);
        items(r, "considerationsEnvironnementales", "considerationEnvironnementale", ENVIRONMENTAL, problems);
        for (String d : List.of("dateNotification", "dateSignature", "datePublicationDonnees", "dateDebutExecution")) {
            if (r.has(d) && !DATE.matcher(r.get(d).asString()).matches()) problems.add(d + "=" + r.get(d));
        }
        JsonNode duration = r.path("dureeMois");
        if (!duration.isIntegralNumber() && !duration.asString().equals("NC") && !duration.asString().matches("\\d+")) {
            problems.add("dureeMois=" + duration);
        }
        JsonNode amount = r.has("montant") ? r.get("montant") : r.path("valeurGlobale");
        if (!amount.isNumber() && !amount.asString().matches("\\d+(\\.\\d+)?")) problems.add("montant=" + amount);
    }

    private static void items(JsonNode r, String wrapper, String item, Set<String> allowed, List<String> problems) {
        JsonNode arr = r.path(wrapper).path(item);
        if (!arr.isArray() || arr.isEmpty()) {
            problems.add(wrapper + "." + item + " not a non-empty array");
            return;
        }
        for (JsonNode v : arr) if (!allowed.contains(v.asString())) problems.add(wrapper + "=" + v.asString());
    }

    private static void holders(JsonNode r, String wrapper, String item, List<String> problems) {
        JsonNode arr = r.path(wrapper);
        if (!arr.isArray() || arr.isEmpty()) {
            problems.add(wrapper + " empty");
            return;
        }
        for (JsonNode w : arr) {
            JsonNode h = w.path(item);
            String type = h.path("typeIdentifiant").asString();
            if (!ID_TYPES.contains(type) && !PLANTED_ID_TYPES.contains(type)) problems.add(item + ".typeIdentifiant=" + type);
            if (h.path("id").asString().isEmpty()) problems.add(item + ".id missing");
        }
    }
}
