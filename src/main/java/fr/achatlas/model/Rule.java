package fr.achatlas.model;

import static fr.achatlas.model.Severity.FATAL;
import static fr.achatlas.model.Severity.INFO;
import static fr.achatlas.model.Severity.WARNING;

/**
 * The rule table: every finding the import can raise, with its severity and what it means. docs/rules.md is generated
 * from this table ({@code achatlas rules}), so the documentation cannot drift from the code.
 *
 * <p>Only what makes a record unattributable or unidentifiable is FATAL: a record kept with a warning is worth more to
 * the territory than a record lost, and every warning stays queryable.
 */
public enum Rule {
    // --- reading and normalising (raised by the parsers) ---
    PARSE_ERROR(FATAL, "Enregistrement illisible (JSON/XML mal formé ou tronqué)."),
    NOT_A_CONTRACT(FATAL, "L'objet lu n'a la forme ni d'un marché ni d'un contrat de concession."),
    VALUE_NOT_PROVIDED(INFO, "Valeur « NC », « NaN » ou vide : traitée comme absente."),
    NUMBER_INVALID(WARNING, "Nombre illisible : valeur écartée, texte d'origine conservé."),
    DATE_TIMEZONE_REMOVED(INFO, "Date publiée avec un fuseau horaire (2019-03-12+01:00) : fuseau retiré."),
    DATE_INVALID(WARNING, "Date illisible ou impossible (année à 3 chiffres, mois 13…) : date écartée, texte d'origine conservé."),
    CPV_REPAIRED(INFO, "Code CPV réparé (zéro initial perdu, chiffre de contrôle absent ou faux) : code corrigé, original conservé."),
    CPV_INVALID(WARNING, "Code CPV absent de la nomenclature CPV 2008 ou mal formé."),
    CPV_MISSING(WARNING, "Code CPV absent."),
    ID_TYPE_MAPPED(INFO, "Type d'identifiant hors énumération ramené à la valeur officielle (TVA_INTRACOMMUNAUTAIRE → TVA…)."),
    ID_TYPE_UNKNOWN(WARNING, "Type d'identifiant inconnu."),
    PROCEDURE_MAPPED(INFO, "Libellé de procédure antérieur à 2019 ramené au libellé en vigueur, original conservé."),
    ENUM_VALUE_UNKNOWN(WARNING, "Valeur hors de l'énumération officielle du schéma DECP."),
    ENUM_VALUE_MAPPED(INFO, "Valeur d'énumération écrite autrement (casse, accents, ancien libellé) ramenée au libellé officiel."),
    CONTROL_CHARACTERS_REMOVED(INFO, "Caractères de contrôle supprimés du texte."),
    BOOLEAN_INVALID(WARNING, "Booléen illisible (ni true/false, oui/non, 1/0)."),

    // --- checks on the normalised record ---
    BUYER_ID_MISSING(FATAL, "Identifiant de l'acheteur absent : le marché ne peut être rattaché à aucun acheteur."),
    CONTRACT_ID_MISSING(FATAL, "Identifiant du marché absent : le marché ne peut être identifié."),
    BUYER_SIRET_INVALID(WARNING, "SIRET de l'acheteur invalide (14 chiffres et clé de Luhn ; exception La Poste)."),
    HOLDER_MISSING(WARNING, "Aucun titulaire déclaré."),
    HOLDER_ID_MISSING(WARNING, "Titulaire sans identifiant."),
    HOLDER_SIRET_INVALID(WARNING, "SIRET du titulaire invalide (14 chiffres et clé de Luhn ; exception La Poste)."),
    HOLDER_ID_PATTERN(WARNING, "Identifiant du titulaire non conforme au format de son type (TVA, TAHITI, RIDET…)."),
    HOLDER_IS_BUYER(WARNING, "Le titulaire a le même identifiant que l'acheteur."),
    AMOUNT_MISSING(WARNING, "Montant absent."),
    AMOUNT_NEGATIVE(WARNING, "Montant négatif : conservé tel que publié, signalé comme aberrant."),
    AMOUNT_TOO_LOW(WARNING, "Montant inférieur au plancher de vraisemblance (200 €) : conservé, signalé comme aberrant."),
    AMOUNT_TOO_HIGH(WARNING, "Montant supérieur au plafond de vraisemblance (5 Md€) : conservé, signalé comme aberrant."),
    DURATION_MISSING(WARNING, "Durée absente."),
    DURATION_OUT_OF_RANGE(WARNING, "Durée hors de 1 à 180 mois."),
    NOTIFICATION_DATE_MISSING(WARNING, "Date de notification (ou de signature) absente."),
    DATE_TOO_OLD(WARNING, "Date antérieure à 2000 : invraisemblable pour des données essentielles."),
    DATE_IN_FUTURE(WARNING, "Date postérieure à la date d'import de plus de 31 jours."),
    PUBLICATION_BEFORE_NOTIFICATION(WARNING, "Données publiées avant la notification."),
    MODIFICATION_BEFORE_NOTIFICATION(WARNING, "Modification datée d'avant la notification du marché."),
    CONSIDERATIONS_INCONSISTENT(WARNING, "« Pas de considération … » déclaré avec d'autres considérations."),
    OFFERS_RECEIVED_ABERRANT(WARNING, "Nombre d'offres reçues invraisemblable (0 ou plus de 999)."),
    ORIGIN_OUT_OF_RANGE(WARNING, "Part d'origine UE/France hors de 0 à 1."),
    ADVANCE_RATE_OUT_OF_RANGE(WARNING, "Taux d'avance hors de 0 à 1."),
    OBJECT_MISSING(WARNING, "Objet du marché absent."),

    // --- store-level (raised when merging with what the store already holds) ---
    ID_REUSED(WARNING, "Même acheteur et même identifiant qu'un autre marché au contenu différent (lots, ré-emploi d'identifiant).");

    private final Severity severity;
    private final String description;

    Rule(Severity severity, String description) {
        this.severity = severity;
        this.description = description;
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }

    /** A finding of this rule; the severity is the rule's own, so the table is the single source of truth. */
    public Finding finding(String field, String value, String message) {
        return new Finding(name(), severity, field, value, message);
    }
}
