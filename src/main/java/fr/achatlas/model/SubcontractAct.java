package fr.achatlas.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An act of subcontracting (acteSousTraitance, DECP v2), or a modification of one when {@code isModification}. */
public record SubcontractAct(int rank, String sourceId, boolean isModification, Party subcontractor, Integer durationMonths,
                             LocalDate notificationDate, LocalDate publicationDate, BigDecimal amount, String priceVariation) {
}
