package fr.achatlas.check;

import fr.achatlas.model.Contract;
import fr.achatlas.model.ContractKind;
import fr.achatlas.model.Finding;
import fr.achatlas.model.Modification;
import fr.achatlas.model.Party;
import fr.achatlas.model.Rule;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The checks on a normalised record: the "checks on the normalised record" section of {@link Rule}. They never change
 * a value; they only report. The thresholds are the named constants below, which docs/rules.md quotes through
 * {@link RuleTableDoc}.
 *
 * <p>Field paths use the DECP field names (2019/v2: {@code montant} for a marché, {@code valeurGlobale} for a
 * concession…) and 1-based positions, as an analyst counts: {@code modifications[2].titulaires[1].id} is the first
 * holder of the modification of rank 2.
 */
public final class ContractChecks {
    /** Below this amount (in euros) a contract is implausible: the threshold for publishing DECP is far above it. */
    public static final BigDecimal AMOUNT_FLOOR = new BigDecimal("200");
    /** Above this amount (in euros) a contract is implausible: the largest French public contracts are below it. */
    public static final BigDecimal AMOUNT_CEILING = new BigDecimal("5000000000");
    public static final int DURATION_MIN_MONTHS = 1;
    /** 15 years: beyond it, a duration is more likely days or a typo than months. */
    public static final int DURATION_MAX_MONTHS = 180;
    public static final LocalDate OLDEST_PLAUSIBLE_DATE = LocalDate.of(2000, 1, 1);
    /** A date may be slightly ahead of the import (publication prepared in advance), not more than this. */
    public static final int FUTURE_TOLERANCE_DAYS = 31;
    public static final int OFFERS_MAX = 999;
    public static final String NO_SOCIAL_CONSIDERATION = "Pas de considération sociale";
    public static final String NO_ENVIRONMENTAL_CONSIDERATION = "Pas de considération environnementale";

    private final LocalDate today;
    private final CpvVocabulary cpvVocabulary;

    /** Checks with CPV codes checked for structure only (8 digits, known division). */
    public ContractChecks(LocalDate today) {
        this(today, null);
    }

    /**
     * @param today         the import date, against which "in the future" is judged
     * @param cpvVocabulary the CPV codes to accept, or null to check only the structure of the code
     */
    public ContractChecks(LocalDate today, CpvVocabulary cpvVocabulary) {
        this.today = Objects.requireNonNull(today, "today");
        this.cpvVocabulary = cpvVocabulary;
    }

    public List<Finding> check(Contract c) {
        Fields f = c.kind() == ContractKind.CONCESSION ? Fields.CONCESSION : Fields.MARCHE;
        List<Finding> out = new ArrayList<>();
        checkIdentity(c, f, out);
        checkHolders(c, f, out);
        checkAmounts(c, f, out);
        checkDurations(c, f, out);
        checkDates(c, f, out);
        checkConsiderations(c, out);
        checkOtherValues(c, out);
        checkCpv(c, out);
        return out;
    }

    // --- identity: what makes a record attributable and identifiable ---

    private void checkIdentity(Contract c, Fields f, List<Finding> out) {
        String buyerId = buyerId(c);
        if (isBlank(buyerId)) {
            out.add(Rule.BUYER_ID_MISSING.finding(f.buyerId, null, c.kind() == ContractKind.CONCESSION
                    ? "Identifiant de l'autorité concédante absent : le contrat ne peut être rattaché à aucun acheteur."
                    : "Identifiant de l'acheteur absent : le marché ne peut être rattaché à aucun acheteur."));
        } else {
            Siret.defect(buyerId).ifPresent(d -> out.add(Rule.BUYER_SIRET_INVALID.finding(f.buyerId, buyerId,
                    "Acheteur : " + d.describe(buyerId))));
        }
        if (isBlank(c.id())) {
            out.add(Rule.CONTRACT_ID_MISSING.finding("id", c.id(),
                    "Identifiant du marché absent : le marché ne peut être identifié."));
        }
    }

    // --- holders, initial and in each modification ---

    private void checkHolders(Contract c, Fields f, List<Finding> out) {
        String buyerId = buyerId(c);
        if (c.holders() == null || c.holders().isEmpty()) {
            out.add(Rule.HOLDER_MISSING.finding(f.holders, null,
                    c.kind() == ContractKind.CONCESSION ? "Aucun concessionnaire déclaré." : "Aucun titulaire déclaré."));
        } else {
            checkHolderList(c.holders(), f.holders, buyerId, out);
        }
        for (Modification m : modifications(c)) {
            if (m.holders() != null && !m.holders().isEmpty()) {
                checkHolderList(m.holders(), modificationPath(m, f.holders), buyerId, out);
            }
        }
    }

    private static void checkHolderList(List<Party> holders, String path, String buyerId, List<Finding> out) {
        for (int i = 0; i < holders.size(); i++) {
            Party h = holders.get(i);
            String field = path + "[" + (i + 1) + "].id";
            String id = h == null ? null : h.id();
            if (isBlank(id)) {
                out.add(Rule.HOLDER_ID_MISSING.finding(field, id, "Titulaire n° " + (i + 1) + " sans identifiant"
                        + (h != null && h.name() != null ? " (" + h.name() + ")." : ".")));
                continue;
            }
            if (isSiretType(h.idType())) {
                Siret.defect(id).ifPresent(d -> out.add(Rule.HOLDER_SIRET_INVALID.finding(field, id,
                        "Titulaire : " + d.describe(id))));
            } else {
                HolderIdFormat.forType(h.idType()).filter(format -> !format.matches(id)).ifPresent(format ->
                        out.add(Rule.HOLDER_ID_PATTERN.finding(field, id, "Identifiant " + id + " de type " + h.idType()
                                + " non conforme au format attendu (" + format.regex() + ").")));
            }
            if (id.equals(buyerId)) {
                out.add(Rule.HOLDER_IS_BUYER.finding(field, id,
                        "Le titulaire " + id + " a le même identifiant que l'acheteur."));
            }
        }
    }

    private static boolean isSiretType(String idType) {
        return idType != null && idType.trim().equalsIgnoreCase("SIRET");
    }

    // --- amounts ---

    private void checkAmounts(Contract c, Fields f, List<Finding> out) {
        boolean zeroMeansNoAmount = zeroAmountAllowed(c);
        if (c.amount() == null) {
            out.add(Rule.AMOUNT_MISSING.finding(f.amount, c.amountOriginal(), c.amountOriginal() == null
                    ? "Montant absent."
                    : "Montant inutilisable : « " + c.amountOriginal() + " » n'est pas un nombre."));
        } else {
            checkAmount(c.amount(), published(c.amountOriginal(), c.amount()), f.amount, zeroMeansNoAmount, out);
        }
        for (Modification m : modifications(c)) {
            if (m.amount() != null) {
                checkAmount(m.amount(), m.amount().toPlainString(), modificationPath(m, f.amount), zeroMeansNoAmount, out);
            }
        }
    }

    /**
     * A zero amount is how publishers say "no minimum / no estimate" for a framework agreement (accord-cadre) and for
     * a concession, whose value is an estimate of the concessionaire's revenue; it is not an error there. Any amount
     * strictly between 0 and the floor is still flagged, for every kind of contract.
     */
    static boolean zeroAmountAllowed(Contract c) {
        if (c.kind() == ContractKind.CONCESSION) return true;
        if (isFramework(c.nature()) || isFramework(c.natureOriginal())) return true;
        return c.techniques() != null && c.techniques().stream().anyMatch(ContractChecks::isFramework);
    }

    private static boolean isFramework(String label) {
        return label != null && label.toLowerCase(Locale.ROOT).replace(' ', '-').contains("accord-cadre");
    }

    private static void checkAmount(BigDecimal amount, String published, String field, boolean zeroAllowed,
                                    List<Finding> out) {
        if (amount.signum() < 0) {
            out.add(Rule.AMOUNT_NEGATIVE.finding(field, published, "Montant négatif : " + published + " €."));
        } else if (amount.signum() == 0 && zeroAllowed) {
            return;
        } else if (amount.compareTo(AMOUNT_FLOOR) < 0) {
            out.add(Rule.AMOUNT_TOO_LOW.finding(field, published, "Montant de " + published
                    + " € inférieur au plancher de vraisemblance de " + AMOUNT_FLOOR.toPlainString() + " €."));
        } else if (amount.compareTo(AMOUNT_CEILING) > 0) {
            out.add(Rule.AMOUNT_TOO_HIGH.finding(field, published, "Montant de " + published
                    + " € supérieur au plafond de vraisemblance de " + AMOUNT_CEILING.toPlainString() + " €."));
        }
    }

    // --- durations ---

    private void checkDurations(Contract c, Fields f, List<Finding> out) {
        if (c.durationMonths() == null) {
            out.add(Rule.DURATION_MISSING.finding("dureeMois", c.durationOriginal(), c.durationOriginal() == null
                    ? "Durée absente."
                    : "Durée inutilisable : « " + c.durationOriginal() + " » n'est pas un nombre de mois."));
        } else {
            checkDuration(c.durationMonths(), published(c.durationOriginal(), c.durationMonths()), "dureeMois", out);
        }
        for (Modification m : modifications(c)) {
            if (m.durationMonths() != null) {
                checkDuration(m.durationMonths(), m.durationMonths().toString(), modificationPath(m, "dureeMois"), out);
            }
        }
    }

    private static void checkDuration(int months, String published, String field, List<Finding> out) {
        if (months < DURATION_MIN_MONTHS || months > DURATION_MAX_MONTHS) {
            out.add(Rule.DURATION_OUT_OF_RANGE.finding(field, published, "Durée de " + published + " mois hors de "
                    + DURATION_MIN_MONTHS + " à " + DURATION_MAX_MONTHS + " mois."));
        }
    }

    // --- dates ---

    private void checkDates(Contract c, Fields f, List<Finding> out) {
        LocalDate award = awardDate(c);
        if (award == null) {
            String original = c.notificationDateOriginal();
            out.add(Rule.NOTIFICATION_DATE_MISSING.finding(f.awardDate, original, (c.kind() == ContractKind.CONCESSION
                    ? "Date de signature absente" : "Date de notification absente")
                    + (original == null ? "." : " ou illisible : « " + original + " ».")));
        }
        if (c.notificationDate() != null) {
            checkEventDate(c.notificationDate(), published(c.notificationDateOriginal(), c.notificationDate()),
                    "dateNotification", out);
        }
        if (c.signatureDate() != null) checkEventDate(c.signatureDate(), c.signatureDate().toString(), "dateSignature", out);
        if (c.publicationDate() != null) {
            checkEventDate(c.publicationDate(), c.publicationDate().toString(), "datePublicationDonnees", out);
            if (award != null && c.publicationDate().isBefore(award)) {
                out.add(Rule.PUBLICATION_BEFORE_NOTIFICATION.finding("datePublicationDonnees", c.publicationDate().toString(),
                        "Données publiées le " + c.publicationDate() + ", avant la " + f.awardWord + " (" + award + ")."));
            }
        }
        // The execution may legitimately start far ahead of the import, so only the lower bound applies to it.
        if (c.executionStartDate() != null && c.executionStartDate().isBefore(OLDEST_PLAUSIBLE_DATE)) {
            out.add(tooOld(c.executionStartDate(), c.executionStartDate().toString(), "dateDebutExecution"));
        }
        for (Modification m : modifications(c)) {
            LocalDate md = m.notificationDate();
            String mdField = modificationPath(m, f.modificationDate);
            if (md != null) {
                checkEventDate(md, md.toString(), mdField, out);
                if (award != null && md.isBefore(award)) {
                    out.add(Rule.MODIFICATION_BEFORE_NOTIFICATION.finding(mdField, md.toString(), "Modification n° "
                            + m.rank() + " datée du " + md + ", avant la " + f.awardWord + " du contrat (" + award + ")."));
                }
            }
            if (m.publicationDate() != null) {
                String pubField = modificationPath(m, "datePublicationDonneesModification");
                checkEventDate(m.publicationDate(), m.publicationDate().toString(), pubField, out);
                if (md != null && m.publicationDate().isBefore(md)) {
                    out.add(Rule.PUBLICATION_BEFORE_NOTIFICATION.finding(pubField, m.publicationDate().toString(),
                            "Modification n° " + m.rank() + " publiée le " + m.publicationDate()
                                    + ", avant sa " + f.awardWord + " (" + md + ")."));
                }
            }
        }
    }

    private void checkEventDate(LocalDate date, String published, String field, List<Finding> out) {
        if (date.isBefore(OLDEST_PLAUSIBLE_DATE)) {
            out.add(tooOld(date, published, field));
        } else if (date.isAfter(today.plusDays(FUTURE_TOLERANCE_DAYS))) {
            out.add(Rule.DATE_IN_FUTURE.finding(field, published, "Date " + published + " postérieure de plus de "
                    + FUTURE_TOLERANCE_DAYS + " jours à la date d'import (" + today + ")."));
        }
    }

    private static Finding tooOld(LocalDate date, String published, String field) {
        return Rule.DATE_TOO_OLD.finding(field, published, "Date " + published + " antérieure au "
                + OLDEST_PLAUSIBLE_DATE + " : invraisemblable pour des données essentielles.");
    }

    // --- considerations ---

    private static void checkConsiderations(Contract c, List<Finding> out) {
        checkConsiderationSet(c.socialConsiderations(), NO_SOCIAL_CONSIDERATION, "considerationsSociales", out);
        checkConsiderationSet(c.environmentalConsiderations(), NO_ENVIRONMENTAL_CONSIDERATION,
                "considerationsEnvironnementales", out);
    }

    private static void checkConsiderationSet(Set<String> values, String none, String field, List<Finding> out) {
        if (values == null || values.size() < 2) return;
        boolean declaresNone = values.stream().anyMatch(v -> v != null && v.trim().equalsIgnoreCase(none));
        if (declaresNone) {
            String published = String.join(" | ", values.stream().sorted().toList());
            out.add(Rule.CONSIDERATIONS_INCONSISTENT.finding(field, published,
                    "« " + none + " » déclaré avec d'autres considérations : " + published + "."));
        }
    }

    // --- other values ---

    private static void checkOtherValues(Contract c, List<Finding> out) {
        Integer offers = c.offersReceived();
        if (offers != null && (offers == 0 || offers > OFFERS_MAX)) {
            out.add(Rule.OFFERS_RECEIVED_ABERRANT.finding("offresRecues", offers.toString(), "Nombre d'offres reçues de "
                    + offers + " : invraisemblable (0 ou plus de " + OFFERS_MAX + ")."));
        }
        checkShare(c.originUe(), "origineUE", Rule.ORIGIN_OUT_OF_RANGE, "Part d'origine UE", out);
        checkShare(c.originFrance(), "origineFrance", Rule.ORIGIN_OUT_OF_RANGE, "Part d'origine France", out);
        checkShare(c.advanceRate(), "tauxAvance", Rule.ADVANCE_RATE_OUT_OF_RANGE, "Taux d'avance", out);
        if (isBlank(c.object())) {
            out.add(Rule.OBJECT_MISSING.finding("objet", c.object(), "Objet du marché absent."));
        }
    }

    private static void checkShare(BigDecimal share, String field, Rule rule, String label, List<Finding> out) {
        if (share != null && (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0)) {
            out.add(rule.finding(field, share.toPlainString(), label + " de " + share.toPlainString()
                    + " hors de 0 à 1 (une part s'exprime entre 0 et 1, 0.25 pour 25 %)."));
        }
    }

    // --- CPV ---

    private void checkCpv(Contract c, List<Finding> out) {
        String cpv = c.cpv();
        if (cpv == null) return; // CPV_MISSING is the parser's
        String published = c.cpvOriginal() != null ? c.cpvOriginal() : cpv;
        if (!CpvVocabulary.EIGHT_DIGITS.matcher(cpv).matches()) {
            out.add(Rule.CPV_INVALID.finding("codeCPV", published, "Code CPV « " + published + " » mal formé (8 chiffres attendus)."));
        } else if (cpvVocabulary != null) {
            if (!cpvVocabulary.contains(cpv)) {
                out.add(Rule.CPV_INVALID.finding("codeCPV", published, "Code CPV " + cpv
                        + " absent de la nomenclature CPV 2008."));
            }
        } else if (!CpvVocabulary.DIVISIONS.contains(cpv.substring(0, 2))) {
            out.add(Rule.CPV_INVALID.finding("codeCPV", published, "Code CPV " + cpv + " : la division "
                    + cpv.substring(0, 2) + " n'existe pas dans la nomenclature CPV 2008."));
        }
    }

    // --- helpers ---

    /**
     * Notification for a marché, signature for a concession (a concession published with only a notification date
     * still counts as dated). Unlike {@link Contract#awardDate()}, a marché carrying only a signature date is undated.
     */
    static LocalDate awardDate(Contract c) {
        if (c.kind() == ContractKind.CONCESSION) {
            return c.signatureDate() != null ? c.signatureDate() : c.notificationDate();
        }
        return c.notificationDate();
    }

    private static String buyerId(Contract c) {
        return c.buyer() == null ? null : c.buyer().id();
    }

    private static List<Modification> modifications(Contract c) {
        return c.modifications() == null ? List.of() : c.modifications();
    }

    private static String modificationPath(Modification m, String field) {
        return "modifications[" + m.rank() + "]." + field;
    }

    private static String published(String original, Object normalised) {
        return original != null ? original : normalised instanceof BigDecimal b ? b.toPlainString() : normalised.toString();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** DECP field names, which differ between a marché and a concession. */
    private record Fields(String buyerId, String holders, String amount, String awardDate, String modificationDate,
                          String awardWord) {
        static final Fields MARCHE = new Fields("acheteur.id", "titulaires", "montant", "dateNotification",
                "dateNotificationModification", "notification");
        static final Fields CONCESSION = new Fields("autoriteConcedante.id", "concessionnaires", "valeurGlobale",
                "dateSignature", "dateSignatureModification", "signature");
    }
}
