package fr.achatlas.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One modification (avenant) of a contract, kept as published. Null fields leave that property unchanged.
 *
 * @param rank             1-based order in the source record (the DECP {@code id} of a modification is optional in 2019)
 * @param sourceId         the modification id as published, or null
 * @param object           objetModification (2019 format)
 * @param notificationDate dateNotificationModification (marché) or dateSignatureModification (concession)
 * @param publicationDate  datePublicationDonneesModification
 * @param durationMonths   new total duration in months, or null
 * @param amount           new total amount (montant, or valeurGlobale for a concession), or null
 * @param holders          the complete new list of holders, or null when the modification does not change them
 */
public record Modification(int rank, String sourceId, String object, LocalDate notificationDate, LocalDate publicationDate,
                           Integer durationMonths, BigDecimal amount, List<Party> holders) {
}
