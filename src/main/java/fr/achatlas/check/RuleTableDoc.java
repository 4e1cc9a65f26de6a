package fr.achatlas.check;

import fr.achatlas.model.Rule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import static fr.achatlas.check.ContractChecks.AMOUNT_CEILING;
import static fr.achatlas.check.ContractChecks.AMOUNT_FLOOR;
import static fr.achatlas.check.ContractChecks.DURATION_MAX_MONTHS;
import static fr.achatlas.check.ContractChecks.DURATION_MIN_MONTHS;
import static fr.achatlas.check.ContractChecks.FUTURE_TOLERANCE_DAYS;
import static fr.achatlas.check.ContractChecks.NO_ENVIRONMENTAL_CONSIDERATION;
import static fr.achatlas.check.ContractChecks.NO_SOCIAL_CONSIDERATION;
import static fr.achatlas.check.ContractChecks.OFFERS_MAX;
import static fr.achatlas.check.ContractChecks.OLDEST_PLAUSIBLE_DATE;

/**
 * Renders the whole rule table ({@link Rule}) as Markdown, with the exact condition of each check this package
 * implements, read from the constants of {@link ContractChecks}, {@link Siret}, {@link HolderIdFormat} and
 * {@link CpvVocabulary}. docs/rules.md holds this rendering between two markers; a test keeps it in step.
 *
 * <p>Regenerate the file with {@code java … fr.achatlas.check.RuleTableDoc docs/rules.md}.
 */
public final class RuleTableDoc {
    public static final String BEGIN_MARKER = "<!-- BEGIN GENERATED: RuleTableDoc -->";
    public static final String END_MARKER = "<!-- END GENERATED: RuleTableDoc -->";

    /** The sections of the rule table, each starting at a rule; a rule belongs to the last section starting before it. */
    enum Section {
        READING(Rule.PARSE_ERROR, "Lecture et normalisation (analyseurs)"),
        CHECKS(Rule.BUYER_ID_MISSING, "Contrôles de l'enregistrement normalisé (ContractChecks)"),
        STORE(Rule.ID_REUSED, "Contrôles au niveau de l'entrepôt (fusion avec les données déjà chargées)");

        final Rule first;
        final String title;

        Section(Rule first, String title) {
            this.first = first;
            this.title = title;
        }

        static Section of(Rule rule) {
            Section found = READING;
            for (Section s : values()) {
                if (s.first.ordinal() <= rule.ordinal()) found = s;
            }
            return found;
        }
    }

    private RuleTableDoc() {
    }

    /** The exact condition of every rule raised by {@link ContractChecks}, in words, with the thresholds in force. */
    public static Map<Rule, String> conditions() {
        Map<Rule, String> m = new EnumMap<>(Rule.class);
        String siret = "14 chiffres dont le dernier est la clé de Luhn ; pour La Poste (SIREN " + Siret.LA_POSTE_SIREN
                + "), clé de Luhn ou somme des 14 chiffres multiple de 5";
        m.put(Rule.CPV_INVALID, "Aussi levée par les contrôles : `codeCPV` normalisé qui n'a pas 8 chiffres ; avec une "
                + "nomenclature fournie, code absent de la nomenclature ; sans nomenclature, division (2 premiers "
                + "chiffres) hors des " + CpvVocabulary.DIVISIONS.size() + " divisions CPV 2008 ("
                + String.join(", ", CpvVocabulary.DIVISIONS.stream().sorted().toList()) + ")");
        m.put(Rule.BUYER_ID_MISSING, "`acheteur.id` (ou `autoriteConcedante.id`) absent ou vide → enregistrement rejeté");
        m.put(Rule.CONTRACT_ID_MISSING, "`id` absent ou vide → enregistrement rejeté");
        m.put(Rule.BUYER_SIRET_INVALID, "Identifiant de l'acheteur présent mais pas un SIRET valide : " + siret);
        m.put(Rule.HOLDER_MISSING, "Liste `titulaires` (ou `concessionnaires`) initiale absente ou vide");
        m.put(Rule.HOLDER_ID_MISSING, "Titulaire (initial ou d'une modification) dont l'`id` est absent ou vide");
        m.put(Rule.HOLDER_SIRET_INVALID, "Titulaire de `typeIdentifiant` SIRET dont l'`id` n'est pas un SIRET valide : "
                + siret);
        m.put(Rule.HOLDER_ID_PATTERN, "Titulaire d'un autre type connu dont l'`id` ne suit pas le format du type "
                + "(voir le tableau des formats ci-dessous) ; type absent ou inconnu : pas de contrôle (ID_TYPE_UNKNOWN "
                + "est levée par l'analyseur)");
        m.put(Rule.HOLDER_IS_BUYER, "`id` d'un titulaire (initial ou d'une modification) égal à l'identifiant de l'acheteur");
        m.put(Rule.AMOUNT_MISSING, "`montant` (ou `valeurGlobale`) initial absent ou illisible");
        m.put(Rule.AMOUNT_NEGATIVE, "Montant (initial ou d'une modification) < 0");
        m.put(Rule.AMOUNT_TOO_LOW, "Montant (initial ou d'une modification) < " + euros(AMOUNT_FLOOR.toPlainString())
                + " € et ≥ 0 ; exception : 0 exactement n'est pas signalé pour un accord-cadre (nature ou technique "
                + "d'achat « Accord-cadre ») ni pour une concession, où il signifie « sans minimum / valeur non estimée »");
        m.put(Rule.AMOUNT_TOO_HIGH, "Montant (initial ou d'une modification) > " + euros(AMOUNT_CEILING.toPlainString()) + " €");
        m.put(Rule.DURATION_MISSING, "`dureeMois` initial absent ou illisible");
        m.put(Rule.DURATION_OUT_OF_RANGE, "`dureeMois` (initial ou d'une modification) < " + DURATION_MIN_MONTHS
                + " ou > " + DURATION_MAX_MONTHS + " mois");
        m.put(Rule.NOTIFICATION_DATE_MISSING, "Marché sans `dateNotification` ; concession sans `dateSignature` (ni "
                + "date de notification)");
        m.put(Rule.DATE_TOO_OLD, "Date de notification, de signature, de publication, de début d'exécution ou de "
                + "modification (notification/signature et publication) antérieure au " + OLDEST_PLAUSIBLE_DATE);
        m.put(Rule.DATE_IN_FUTURE, "Date de notification, de signature, de publication ou de modification postérieure "
                + "à la date d'import + " + FUTURE_TOLERANCE_DAYS + " jours (la date de début d'exécution peut être future)");
        m.put(Rule.PUBLICATION_BEFORE_NOTIFICATION, "`datePublicationDonnees` < date de notification (signature pour "
                + "une concession) ; pour une modification, date de publication < date de la modification");
        m.put(Rule.MODIFICATION_BEFORE_NOTIFICATION, "Date d'une modification < date de notification (signature pour "
                + "une concession) du contrat");
        m.put(Rule.CONSIDERATIONS_INCONSISTENT, "Considérations sociales contenant « " + NO_SOCIAL_CONSIDERATION
                + " » avec une autre valeur ; de même pour « " + NO_ENVIRONMENTAL_CONSIDERATION + " »");
        m.put(Rule.OFFERS_RECEIVED_ABERRANT, "`offresRecues` = 0 ou > " + OFFERS_MAX);
        m.put(Rule.ORIGIN_OUT_OF_RANGE, "`origineUE` ou `origineFrance` < 0 ou > 1");
        m.put(Rule.ADVANCE_RATE_OUT_OF_RANGE, "`tauxAvance` < 0 ou > 1");
        m.put(Rule.OBJECT_MISSING, "`objet` absent ou vide");
        return m;
    }

    /** The generated part of docs/rules.md, markers included. */
    public static String render() {
        Map<Rule, String> conditions = conditions();
        StringBuilder md = new StringBuilder();
        md.append(BEGIN_MARKER).append("\n");
        for (Section section : Section.values()) {
            md.append("\n## ").append(section.title).append("\n\n");
            md.append("| Code | Gravité | Signification | Condition exacte |\n");
            md.append("|---|---|---|---|\n");
            for (Rule rule : Rule.values()) {
                if (Section.of(rule) != section) continue;
                md.append("| `").append(rule.name()).append("` | ").append(rule.severity()).append(" | ")
                        .append(cell(rule.description())).append(" | ")
                        .append(cell(conditions.getOrDefault(rule, "—"))).append(" |\n");
            }
        }
        md.append("\n## Formats des identifiants de titulaire (HOLDER_ID_PATTERN)\n\n");
        md.append("| Type | Expression régulière (identifiant normalisé : sans espaces, en majuscules) | Exemples | Définition |\n");
        md.append("|---|---|---|---|\n");
        md.append("| SIRET | `[0-9]{14}` + clé de Luhn (La Poste : somme multiple de 5) | 21990000800018 | "
                + "Contrôlé par HOLDER_SIRET_INVALID, pas par ce tableau. |\n");
        for (HolderIdFormat f : HolderIdFormat.values()) {
            md.append("| ").append(f.name()).append(" | `").append(f.regex().replace("|", "\\|")).append("` | ")
                    .append(cell(f.examples())).append(" | ").append(cell(f.description())).append(" |\n");
        }
        md.append("\n").append(END_MARKER).append("\n");
        return md.toString();
    }

    /** Rewrites the generated part of the given Markdown file (which must hold both markers). */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "docs/rules.md");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, replaceGenerated(text), StandardCharsets.UTF_8);
    }

    static String replaceGenerated(String text) {
        int begin = text.indexOf(BEGIN_MARKER);
        int end = text.indexOf(END_MARKER);
        if (begin < 0 || end < begin) throw new IllegalArgumentException("Marqueurs de génération absents.");
        int endLine = text.indexOf('\n', end);
        String tail = endLine < 0 ? "" : text.substring(endLine + 1);
        return text.substring(0, begin) + render() + tail;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** 5000000000 → 5 000 000 000, as French readers write amounts. */
    static String euros(String plain) {
        StringBuilder sb = new StringBuilder(plain);
        for (int i = sb.length() - 3; i > 0; i -= 3) sb.insert(i, ' ');
        return sb.toString();
    }
}
