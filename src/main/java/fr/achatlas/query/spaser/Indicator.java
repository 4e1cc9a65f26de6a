package fr.achatlas.query.spaser;

import fr.achatlas.query.cube.Fact;

import java.util.Locale;

/**
 * The SPASER indicator catalogue, as data: each indicator's definition (docs/spaser.md is drift-tested against it) and
 * the SQL conditions, over the rows {@link SpaserQueries} prepares, of its numerator and denominator. Conditions are
 * constants, never user input.
 *
 * <p>Contract indicators count distinct contracts and sum the current amount (after modifications) of the matching
 * holder shares: a contract held by a PME and a large firm counts once in number, and for the PME's share in value.
 * Spending indicators count lines and sum amounts paid.
 */
public enum Indicator {

    SOCIAL("Marchés comportant une considération sociale", "Achats socialement responsables", Fact.CONTRACT,
            "has_social", "true", Metric.SHARE_COUNT,
            "marchés avec au moins une considération sociale (clause, critère, marché réservé) / marchés notifiés",
            "DECP : considerationsSociales (toute valeur autre que « Pas de considération sociale »)",
            "Déclaratif : dépend de la saisie par l'acheteur dans son profil d'acheteur."),
    ENVIRONMENTAL("Marchés comportant une considération environnementale", "Achats écologiquement responsables", Fact.CONTRACT,
            "has_environmental", "true", Metric.SHARE_COUNT,
            "marchés avec au moins une considération environnementale (clause, critère) / marchés notifiés",
            "DECP : considerationsEnvironnementales (toute valeur autre que « Pas de considération environnementale »)",
            "Déclaratif, comme la considération sociale."),
    RESERVED("Marchés réservés (ESAT/EA, SIAE)", "Achats socialement responsables", Fact.CONTRACT,
            "reserved", "true", Metric.COUNT,
            "marchés dont les considérations sociales comprennent « Marché réservé » / marchés notifiés",
            "DECP : considerationsSociales = « Marché réservé » (art. L2113-12 à L2113-16 CCP)",
            "La DECP ne dit pas sur quel article le marché est réservé."),
    PME("Montant attribué aux PME", "Accès des PME et tissu économique", Fact.CONTRACT,
            "supplier_size = 'PME'", "true", Metric.SHARE_VALUE,
            "montant (après modifications) des parts de titulaires PME / montant total ; en nombre : marchés dont un titulaire au moins est une PME",
            "Titulaires actuels ; catégorie d'entreprise INSEE (SIRENE) de l'unité légale",
            "Titulaire sans SIREN ou non retrouvé dans SIRENE : ni PME ni non-PME (compté au dénominateur)."),
    MICRO("Montant attribué aux microentreprises", "Accès des PME et tissu économique", Fact.CONTRACT,
            "supplier_micro", "true", Metric.SHARE_VALUE,
            "montant des parts de titulaires de moins de 10 salariés / montant total",
            "Tranche d'effectifs SIRENE de l'unité légale (NN, 00, 01, 02, 03)",
            "La tranche d'effectifs SIRENE date parfois de plusieurs années ; « NN » (non employeur) est compté comme micro."),
    LOCAL("Montant attribué aux fournisseurs locaux", "Accès des PME et tissu économique", Fact.CONTRACT,
            "supplier_local", "true", Metric.SHARE_VALUE,
            "montant des parts de titulaires locaux / montant total",
            "Établissement titulaire (SIRET) ou siège ; définition du local propre au territoire (docs/territory.md)",
            "Un titulaire étranger n'est jamais local ; sans localisation connue, il n'est pas compté comme local."),
    ESS("Montant attribué à l'économie sociale et solidaire", "Achats socialement responsables", Fact.CONTRACT,
            "supplier_ess", "true", Metric.SHARE_VALUE,
            "montant des parts de titulaires ESS / montant total",
            "Indicateur ESS de SIRENE (economieSocialeSolidaireUniteLegale)",
            "Une entreprise peut être à la fois PME et ESS : elle compte dans les deux indicateurs."),
    ESAT_EA("Montant attribué aux ESAT et entreprises adaptées", "Achats socialement responsables", Fact.CONTRACT,
            "supplier_inclusion IN ('ESAT', 'EA', 'EATT')", "true", Metric.VALUE,
            "montant des parts de titulaires ESAT, EA ou EATT",
            "Listes des structures inclusives importées (type de structure)",
            "Une structure absente des listes importées n'est pas reconnue."),
    SIAE("Montant attribué aux structures d'insertion (SIAE)", "Achats socialement responsables", Fact.CONTRACT,
            "supplier_inclusion IN ('EI', 'AI', 'ACI', 'ETTI', 'EITI')", "true", Metric.VALUE,
            "montant des parts de titulaires EI, AI, ACI, ETTI ou EITI",
            "Listes des structures inclusives importées (type de structure) ; les GEIQ ne sont pas des SIAE",
            "Une structure absente des listes importées n'est pas reconnue."),
    INNOVATIVE("Marchés innovants", "Innovation", Fact.CONTRACT,
            "innovative", "true", Metric.COUNT,
            "marchés déclarés innovants / marchés notifiés",
            "DECP : marcheInnovant",
            "Déclaratif ; souvent non renseigné (compté comme non innovant)."),
    SINGLE_OFFER("Marchés à offre unique", "Santé de la concurrence", Fact.CONTRACT,
            "offers_received = 1", "offers_received IS NOT NULL", Metric.SHARE_COUNT,
            "marchés ayant reçu une seule offre / marchés dont le nombre d'offres est connu",
            "DECP : offresRecues",
            "Les marchés passés sans mise en concurrence reçoivent par construction une offre : voir l'indicateur suivant."),
    NO_COMPETITION("Marchés sans publicité ni mise en concurrence", "Santé de la concurrence", Fact.CONTRACT,
            "no_competition", "true", Metric.SHARE_VALUE,
            "marchés passés sans publicité ni mise en concurrence préalable / marchés notifiés",
            "DECP : procedure (libellé normalisé)",
            "Inclut les achats sous le seuil de dispense (art. R2122-8 CCP), parfaitement réguliers."),
    AVERAGE_OFFERS("Nombre moyen d'offres reçues", "Santé de la concurrence", Fact.CONTRACT,
            "offers_received", "offers_received IS NOT NULL", Metric.AVERAGE,
            "moyenne des offres reçues par marché, sur les marchés dont le nombre d'offres est connu",
            "DECP : offresRecues",
            "Un marché à plusieurs lots publiés séparément compte pour autant de marchés."),
    SUSTAINABLE_COVERAGE("Couverture environnementale des familles à enjeu durable", "Achats écologiquement responsables", Fact.CONTRACT,
            "has_environmental", "family_sustainable", Metric.SHARE_VALUE,
            "marchés avec considération environnementale / marchés des familles marquées « achat durable » de la nomenclature",
            "Classification des marchés (nomenclature pivot, drapeau sustainable) et considérations environnementales DECP",
            "Dépend de la classification : un marché non classé n'est pas au dénominateur."),
    SPENDING_PME("Dépense auprès des PME", "Accès des PME et tissu économique", Fact.SPENDING,
            "supplier_size = 'PME'", "true", Metric.SHARE_VALUE,
            "montant payé aux PME / montant payé total",
            "Lignes de dépense (mandats) et catégorie d'entreprise SIRENE du fournisseur payé",
            "Fournisseur non identifié (sans SIRET) : au dénominateur seulement."),
    SPENDING_MICRO("Dépense auprès des microentreprises", "Accès des PME et tissu économique", Fact.SPENDING,
            "supplier_micro", "true", Metric.SHARE_VALUE,
            "montant payé aux entreprises de moins de 10 salariés / montant payé total",
            "Lignes de dépense et tranche d'effectifs SIRENE",
            "Comme pour les marchés."),
    SPENDING_LOCAL("Dépense auprès des fournisseurs locaux", "Accès des PME et tissu économique", Fact.SPENDING,
            "supplier_local", "true", Metric.SHARE_VALUE,
            "montant payé aux fournisseurs locaux / montant payé total",
            "Lignes de dépense et localisation du fournisseur (définition du local du territoire)",
            "Sans localisation connue, un fournisseur n'est pas compté comme local."),
    SPENDING_ESS("Dépense auprès de l'ESS", "Achats socialement responsables", Fact.SPENDING,
            "supplier_ess", "true", Metric.SHARE_VALUE,
            "montant payé aux entreprises de l'ESS / montant payé total",
            "Lignes de dépense et indicateur ESS de SIRENE", ""),
    SPENDING_ESAT_EA("Dépense auprès des ESAT et entreprises adaptées", "Achats socialement responsables", Fact.SPENDING,
            "supplier_inclusion IN ('ESAT', 'EA', 'EATT')", "true", Metric.VALUE,
            "montant payé aux ESAT, EA et EATT (toutes dépenses, sous marché ou non)",
            "Lignes de dépense et listes des structures inclusives",
            "C'est l'indicateur des trajectoires du type 50 k€ → 100 k€ → 150 k€."),
    SPENDING_SIAE("Dépense auprès des structures d'insertion (SIAE)", "Achats socialement responsables", Fact.SPENDING,
            "supplier_inclusion IN ('EI', 'AI', 'ACI', 'ETTI', 'EITI')", "true", Metric.VALUE,
            "montant payé aux EI, AI, ACI, ETTI et EITI",
            "Lignes de dépense et listes des structures inclusives", "");

    private final String label;
    private final String theme;
    private final Fact fact;
    private final String numerator;
    private final String denominator;
    private final Metric headline;
    private final String formula;
    private final String data;
    private final String caveats;

    Indicator(String label, String theme, Fact fact, String numerator, String denominator, Metric headline,
              String formula, String data, String caveats) {
        this.label = label;
        this.theme = theme;
        this.fact = fact;
        this.numerator = numerator;
        this.denominator = denominator;
        this.headline = headline;
        this.formula = formula;
        this.data = data;
        this.caveats = caveats;
    }

    public String code() {
        return name();
    }

    public String label() {
        return label;
    }

    public String theme() {
        return theme;
    }

    public Fact fact() {
        return fact;
    }

    /** The SQL condition of a row counted in the numerator (for {@link Metric#AVERAGE}: the averaged expression). */
    String numerator() {
        return numerator;
    }

    /** The SQL condition of a row counted in the denominator. */
    String denominator() {
        return denominator;
    }

    /** The figure shown first and targeted by default. */
    public Metric headline() {
        return headline;
    }

    public String formula() {
        return formula;
    }

    /** Where it is computed: contracts (DECP) or spending lines, per buyer, group of buyers or territory. */
    public String scope() {
        return fact == Fact.CONTRACT
                ? "Marchés des acheteurs du territoire (données ouvertes), par année de notification ; par acheteur, groupe ou territoire"
                : "Lignes de dépense des acheteurs du territoire, par année de paiement ; détail par acheteur réservé à ses analystes";
    }

    public String data() {
        return data;
    }

    public String caveats() {
        return caveats;
    }

    public boolean average() {
        return headline == Metric.AVERAGE;
    }

    /** The indicator of that code (case-insensitive), or an {@link IllegalArgumentException} naming it. */
    public static Indicator of(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Indicateur inconnu : " + code);
        }
    }
}
