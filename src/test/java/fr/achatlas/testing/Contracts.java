package fr.achatlas.testing;

import fr.achatlas.model.Contract;
import fr.achatlas.model.ContractKind;
import fr.achatlas.model.Modification;
import fr.achatlas.model.Party;
import fr.achatlas.model.Place;
import fr.achatlas.model.Provenance;
import fr.achatlas.model.SourceFormat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Hand-built contracts for tests. {@link #marche()} and {@link #concession()} start from a fictional record that
 * passes every check (valid SIRETs, plausible amount, duration and dates in 2024); change only what a test is about:
 *
 * <pre>{@code
 * Contract c = Contracts.marche().withAmount("150").withHolders(Contracts.siret("12345678901234")).build();
 * }</pre>
 *
 * All identifiers are invented (SIREN 219 900 008 is no real commune: département 99 has none).
 */
public final class Contracts {
    /** A Luhn-valid fictional buyer SIRET, "Commune de Fictiville". */
    public static final String BUYER_SIRET = "21990000800018";
    /** A Luhn-valid fictional holder SIRET, "Jardins de Fictiville SARL". */
    public static final String HOLDER_SIRET = "41234567000019";
    /** A second Luhn-valid fictional holder SIRET. */
    public static final String OTHER_HOLDER_SIRET = "51200000100010";
    public static final LocalDate NOTIFIED = LocalDate.of(2024, 3, 15);
    /** An import date a few months after {@link #NOTIFIED}, to pass as the checks' "today". */
    public static final LocalDate IMPORT_DATE = LocalDate.of(2024, 9, 1);

    private Contracts() {
    }

    public static Builder marche() {
        return new Builder(ContractKind.MARCHE);
    }

    /** A concession: signature date instead of notification, concessionnaire, valeur globale, start of execution. */
    public static Builder concession() {
        Builder b = new Builder(ContractKind.CONCESSION)
                .withNature("Concession de service")
                .withObject("Délégation du service public de la fourrière automobile")
                .withCpv("50118110")
                .withProcedure("Procédure non négociée ouverte")
                .withDurationMonths(84)
                .withAmount("3200000")
                .withHolders(new Party(OTHER_HOLDER_SIRET, "SIRET", null, "Fourrière de Fictiville SAS"));
        b.notificationDate = null;
        b.signatureDate = NOTIFIED;
        b.executionStartDate = NOTIFIED.plusMonths(1);
        return b;
    }

    public static Party siret(String siret) {
        return Party.ofSiret(siret, "Entreprise fictive");
    }

    public static Party holder(String id, String idType) {
        return new Party(id, idType, null, "Entreprise fictive");
    }

    /** A modification of the given rank, dated two months after {@link #NOTIFIED}, changing nothing yet. */
    public static ModificationBuilder modification(int rank) {
        return new ModificationBuilder(rank);
    }

    /** Mutable builder; every {@code with…} returns this builder. */
    public static final class Builder {
        private final ContractKind kind;
        private String id = "2024-AC-017";
        private String uid;
        private Party buyer = Party.ofSiret(BUYER_SIRET, "Commune de Fictiville");
        private String nature = "Marché";
        private String natureOriginal;
        private String object = "Entretien des espaces verts de la commune";
        private String cpv = "77310000";
        private String cpvOriginal;
        private String procedure = "Procédure adaptée";
        private String procedureOriginal;
        private Set<String> techniques = Set.of("Sans objet");
        private Set<String> executionModes = Set.of("Bons de commande");
        private Place place = new Place("99100", "Code postal", null);
        private Integer durationMonths = 12;
        private String durationOriginal;
        private LocalDate notificationDate = NOTIFIED;
        private LocalDate signatureDate;
        private LocalDate publicationDate = NOTIFIED.plusDays(10);
        private LocalDate executionStartDate;
        private String notificationDateOriginal;
        private BigDecimal amount = new BigDecimal("48000");
        private String amountOriginal;
        private BigDecimal publicSubsidy;
        private String priceForm = "Révisable";
        private Set<String> priceTypes = Set.of();
        private Boolean advance = Boolean.TRUE;
        private BigDecimal advanceRate = new BigDecimal("0.05");
        private BigDecimal originUe;
        private BigDecimal originFrance;
        private String ccag = "Fournitures courantes et services";
        private Integer offersReceived = 4;
        private Boolean innovative = Boolean.FALSE;
        private String groupingType = "Pas de groupement";
        private String frameworkId;
        private Set<String> socialConsiderations = Set.of("Pas de considération sociale");
        private Set<String> environmentalConsiderations = Set.of("Critère environnemental");
        private Boolean subcontractingDeclared = Boolean.FALSE;
        private List<Party> holders = List.of(new Party(HOLDER_SIRET, "SIRET", null, "Jardins de Fictiville SARL"));
        private final List<Modification> modifications = new ArrayList<>();
        private Provenance provenance = new Provenance("fictif.json", null, 1, SourceFormat.DECP_V2_JSON, null);

        private Builder(ContractKind kind) {
            this.kind = kind;
        }

        public Builder withId(String id) { this.id = id; return this; }
        public Builder withUid(String uid) { this.uid = uid; return this; }
        public Builder withBuyer(Party buyer) { this.buyer = buyer; return this; }
        public Builder withBuyerId(String buyerId) { this.buyer = Party.ofSiret(buyerId, "Acheteur fictif"); return this; }
        public Builder withNature(String nature) { this.nature = nature; return this; }
        public Builder withNatureOriginal(String natureOriginal) { this.natureOriginal = natureOriginal; return this; }
        public Builder withObject(String object) { this.object = object; return this; }
        public Builder withCpv(String cpv) { this.cpv = cpv; return this; }
        /** The CPV as published, when the parser repaired it; the normalised code stays in {@code cpv}. */
        public Builder withCpvOriginal(String cpvOriginal) { this.cpvOriginal = cpvOriginal; return this; }
        public Builder withProcedure(String procedure) { this.procedure = procedure; return this; }
        public Builder withTechniques(String... techniques) { this.techniques = orderedSet(techniques); return this; }
        public Builder withExecutionModes(String... modes) { this.executionModes = orderedSet(modes); return this; }
        public Builder withPlace(Place place) { this.place = place; return this; }
        public Builder withDurationMonths(Integer months) { this.durationMonths = months; return this; }
        /** Duration unreadable or "NC": normalised value absent, text as published kept. */
        public Builder withDurationOriginal(String original) { this.durationMonths = null; this.durationOriginal = original; return this; }
        public Builder withNotificationDate(LocalDate date) { this.notificationDate = date; return this; }
        public Builder withNotificationDateOriginal(String original) { this.notificationDateOriginal = original; return this; }
        public Builder withSignatureDate(LocalDate date) { this.signatureDate = date; return this; }
        public Builder withPublicationDate(LocalDate date) { this.publicationDate = date; return this; }
        public Builder withExecutionStartDate(LocalDate date) { this.executionStartDate = date; return this; }
        public Builder withAmount(String amount) { this.amount = amount == null ? null : new BigDecimal(amount); return this; }
        /** Amount unreadable: normalised value absent, text as published kept. */
        public Builder withAmountOriginal(String original) { this.amount = null; this.amountOriginal = original; return this; }
        public Builder withPublicSubsidy(String subsidy) { this.publicSubsidy = subsidy == null ? null : new BigDecimal(subsidy); return this; }
        public Builder withAdvanceRate(String rate) { this.advanceRate = rate == null ? null : new BigDecimal(rate); return this; }
        public Builder withOriginUe(String share) { this.originUe = share == null ? null : new BigDecimal(share); return this; }
        public Builder withOriginFrance(String share) { this.originFrance = share == null ? null : new BigDecimal(share); return this; }
        public Builder withOffersReceived(Integer offers) { this.offersReceived = offers; return this; }
        public Builder withFrameworkId(String frameworkId) { this.frameworkId = frameworkId; return this; }
        public Builder withSocialConsiderations(String... values) { this.socialConsiderations = orderedSet(values); return this; }
        public Builder withEnvironmentalConsiderations(String... values) { this.environmentalConsiderations = orderedSet(values); return this; }
        public Builder withHolders(Party... holders) { this.holders = List.of(holders); return this; }
        /** No holder list at all (as opposed to an empty one, see {@link #withHolders(Party...)} with no argument). */
        public Builder withoutHolders() { this.holders = null; return this; }
        public Builder withModifications(Modification... mods) { this.modifications.addAll(List.of(mods)); return this; }
        public Builder withModifications(ModificationBuilder... mods) {
            for (ModificationBuilder m : mods) this.modifications.add(m.build());
            return this;
        }
        public Builder withProvenance(Provenance provenance) { this.provenance = provenance; return this; }

        public Contract build() {
            return new Contract(kind, id, uid, buyer, nature, natureOriginal, object, cpv, cpvOriginal, procedure,
                    procedureOriginal, techniques, executionModes, place, durationMonths, durationOriginal,
                    notificationDate, signatureDate, publicationDate, executionStartDate, notificationDateOriginal,
                    amount, amountOriginal, publicSubsidy, priceForm, priceTypes, advance, advanceRate, originUe,
                    originFrance, ccag, offersReceived, innovative, groupingType, frameworkId, socialConsiderations,
                    environmentalConsiderations, subcontractingDeclared, List.of(), holders, List.copyOf(modifications),
                    null, provenance);
        }
    }

    /** Mutable builder for a {@link Modification}; fields left unset mean "unchanged" as in DECP. */
    public static final class ModificationBuilder {
        private final int rank;
        private String sourceId;
        private String object = "Avenant n° ";
        private LocalDate notificationDate = NOTIFIED.plusMonths(2);
        private LocalDate publicationDate;
        private Integer durationMonths;
        private BigDecimal amount;
        private List<Party> holders;

        private ModificationBuilder(int rank) {
            this.rank = rank;
            this.object = object + rank;
        }

        public ModificationBuilder withSourceId(String sourceId) { this.sourceId = sourceId; return this; }
        public ModificationBuilder withDate(LocalDate date) { this.notificationDate = date; return this; }
        public ModificationBuilder withPublicationDate(LocalDate date) { this.publicationDate = date; return this; }
        public ModificationBuilder withDurationMonths(Integer months) { this.durationMonths = months; return this; }
        public ModificationBuilder withAmount(String amount) { this.amount = amount == null ? null : new BigDecimal(amount); return this; }
        public ModificationBuilder withHolders(Party... holders) { this.holders = List.of(holders); return this; }

        public Modification build() {
            return new Modification(rank, sourceId, object, notificationDate, publicationDate, durationMonths, amount, holders);
        }
    }

    private static Set<String> orderedSet(String... values) {
        return new LinkedHashSet<>(List.of(values));
    }
}
