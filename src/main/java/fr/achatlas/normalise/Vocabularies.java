package fr.achatlas.normalise;

import fr.achatlas.model.Rule;

/**
 * The canonical DECP vocabularies. One vocabulary per field, used for both formats:
 *
 * <ul>
 *   <li>where both schemas share a label (procedures, place types, concession natures), the label is the schemas' own;</li>
 *   <li>pre-2019 procedure labels (decree of 2016 and before) map to the 2019/v2 label that replaced them;</li>
 *   <li>where the 2019 format has labels v2 dropped (natures "Accord-cadre" and "Marché subséquent", price forms
 *       "Ferme", "Ferme et actualisable", "Révisable", identifier type UE), they stay canonical too: mapping them to a v2
 *       label would invent information (an accord-cadre is a v2 technique, a 2019 "forme de prix" is a v2 "type de
 *       prix"), so the canonical vocabulary is the union of both enumerations.</li>
 * </ul>
 * See docs/formats.md.
 */
public final class Vocabularies {
    private Vocabularies() {
    }

    public static final Vocabulary NATURE = Vocabulary.of("nature", Rule.ENUM_VALUE_MAPPED, new String[]{
            "Marché", "Marché de partenariat", "Marché de défense ou de sécurité", "Accord-cadre", "Marché subséquent",
            "Concession de travaux", "Concession de service", "Concession de service public", "Délégation de service public"},
            "Marché public", "Marché",
            "Marché de défense et de sécurité", "Marché de défense ou de sécurité",
            "Accord cadre", "Accord-cadre",
            "DSP", "Délégation de service public",
            "Concession de services", "Concession de service");

    static final String WITHOUT_COMPETITION = "Marché passé sans publicité ni mise en concurrence préalable";
    static final String WITH_NEGOTIATION = "Procédure avec négociation";

    public static final Vocabulary PROCEDURE = Vocabulary.of("procédure", Rule.PROCEDURE_MAPPED, new String[]{
            "Procédure adaptée", "Appel d'offres ouvert", "Appel d'offres restreint", WITH_NEGOTIATION,
            WITHOUT_COMPETITION, "Dialogue compétitif",
            "Procédure négociée ouverte", "Procédure non négociée ouverte", "Procédure négociée restreinte",
            "Procédure non négociée restreinte"},
            "Marché négocié sans publicité ni mise en concurrence préalable", WITHOUT_COMPETITION,
            "Marché public négocié sans publicité ni mise en concurrence préalable", WITHOUT_COMPETITION,
            "Procédure négociée sans publicité ni mise en concurrence préalable", WITHOUT_COMPETITION,
            "Marché sans publicité ni mise en concurrence préalable", WITHOUT_COMPETITION,
            "Procédure concurrentielle avec négociation", WITH_NEGOTIATION,
            "Procédure négociée avec mise en concurrence préalable", WITH_NEGOTIATION,
            "Procédure négociée avec publicité et mise en concurrence préalable", WITH_NEGOTIATION,
            "Appel d'offre ouvert", "Appel d'offres ouvert",
            "Appel d'offre restreint", "Appel d'offres restreint",
            "MAPA", "Procédure adaptée");

    public static final Vocabulary PRICE_FORM = Vocabulary.of("forme de prix", Rule.ENUM_VALUE_MAPPED, new String[]{
            "Unitaire", "Forfaitaire", "Mixte", "Ferme", "Ferme et actualisable", "Révisable"},
            "Ferme actualisable", "Ferme et actualisable");

    public static final Vocabulary PRICE_TYPE = Vocabulary.of("type de prix", Rule.ENUM_VALUE_MAPPED, new String[]{
            "Définitif ferme", "Définitif actualisable", "Définitif révisable", "Provisoire"});

    public static final Vocabulary CCAG = Vocabulary.of("CCAG", Rule.ENUM_VALUE_MAPPED, new String[]{
            "Travaux", "Maitrise d'œuvre", "Fournitures courantes et services", "Marchés industriels",
            "Prestations intellectuelles", "Techniques de l'information et de la communication", "Pas de CCAG"},
            "CCAG-Travaux", "Travaux",
            "CCAG-FCS", "Fournitures courantes et services",
            "CCAG-PI", "Prestations intellectuelles",
            "CCAG-TIC", "Techniques de l'information et de la communication",
            "CCAG-MI", "Marchés industriels",
            "CCAG-MOE", "Maitrise d'œuvre",
            "Aucun", "Pas de CCAG");

    public static final Vocabulary TECHNIQUE = Vocabulary.of("technique d'achat", Rule.ENUM_VALUE_MAPPED, new String[]{
            "Accord-cadre", "Concours", "Système de qualification", "Système d'acquisition dynamique",
            "Catalogue électronique", "Enchère électronique", "Sans objet"});

    public static final Vocabulary EXECUTION_MODE = Vocabulary.of("modalité d'exécution", Rule.ENUM_VALUE_MAPPED, new String[]{
            "Tranches", "Bons de commande", "Marchés subséquents", "Sans objet"},
            "Tranche", "Tranches",
            "Bon de commande", "Bons de commande",
            "Marché subséquent", "Marchés subséquents");

    public static final Vocabulary GROUPING = Vocabulary.of("type de groupement", Rule.ENUM_VALUE_MAPPED, new String[]{
            "Conjoint", "Solidaire", "Pas de groupement"},
            "Groupement conjoint", "Conjoint",
            "Groupement solidaire", "Solidaire",
            "Aucun", "Pas de groupement");

    public static final Vocabulary SOCIAL = Vocabulary.of("considération sociale", Rule.ENUM_VALUE_MAPPED, new String[]{
            "Clause sociale", "Critère social", "Marché réservé", "Concession réservée", "Pas de considération sociale"});

    public static final Vocabulary ENVIRONMENTAL = Vocabulary.of("considération environnementale", Rule.ENUM_VALUE_MAPPED, new String[]{
            "Clause environnementale", "Critère environnemental", "Pas de considération environnementale"});

    public static final Vocabulary PLACE_TYPE = Vocabulary.of("type de code du lieu d'exécution", Rule.ENUM_VALUE_MAPPED, new String[]{
            "Code postal", "Code commune", "Code arrondissement", "Code canton", "Code département", "Code région", "Code pays"},
            "Code INSEE", "Code commune",
            "Code commune INSEE", "Code commune");

    public static final Vocabulary PRICE_VARIATION = Vocabulary.of("variation du prix", Rule.ENUM_VALUE_MAPPED, new String[]{
            "Ferme", "Actualisable", "Révisable"});
}
