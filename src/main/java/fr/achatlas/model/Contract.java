package fr.achatlas.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One DECP record (marché or contrat de concession) as read and normalised, covering every field of both official
 * formats. Where a value was repaired or mapped, the normalised value is in the main field and the text as published in
 * the matching {@code *Original} field (null when nothing changed), so nothing published is lost.
 *
 * <p>Concession-specific fields (signatureDate, executionStartDate, publicSubsidy, executionData) are null for a
 * marché; {@code amount} holds the montant of a marché and the valeurGlobale of a concession, and {@code holders} the
 * titulaires or concessionnaires.
 */
public record Contract(
        ContractKind kind,
        String id,
        String uid,
        Party buyer,
        String nature,
        String natureOriginal,
        String object,
        String cpv,
        String cpvOriginal,
        String procedure,
        String procedureOriginal,
        Set<String> techniques,
        Set<String> executionModes,
        Place place,
        Integer durationMonths,
        String durationOriginal,
        LocalDate notificationDate,
        LocalDate signatureDate,
        LocalDate publicationDate,
        LocalDate executionStartDate,
        String notificationDateOriginal,
        BigDecimal amount,
        String amountOriginal,
        BigDecimal publicSubsidy,
        String priceForm,
        Set<String> priceTypes,
        Boolean advance,
        BigDecimal advanceRate,
        BigDecimal originUe,
        BigDecimal originFrance,
        String ccag,
        Integer offersReceived,
        Boolean innovative,
        String groupingType,
        String frameworkId,
        Set<String> socialConsiderations,
        Set<String> environmentalConsiderations,
        Boolean subcontractingDeclared,
        List<SubcontractAct> subcontracts,
        List<Party> holders,
        List<Modification> modifications,
        String executionDataJson,
        Provenance provenance) {

    /** The date that places the contract in time: notification for a marché, signature for a concession. */
    public LocalDate awardDate() {
        return notificationDate != null ? notificationDate : signatureDate;
    }

    /** Current state after applying the modifications in order; see {@link CurrentState#of(Contract)}. */
    public CurrentState currentState() {
        return CurrentState.of(this);
    }
}
