package fr.achatlas.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a person (or the demo) writes when creating a purchase-programme entry. Validated here so that bad input is
 * refused with a message instead of reaching the store.
 *
 * @param source    MANUAL, CONTRACT_END, FRAMEWORK_END or RECURRING_SPENDING (an adopted proposal)
 * @param sourceRef the proposal's reference (internal, never published)
 * @param buyerIds  one buyer, or several for a joint purchase (groupement de commandes)
 */
public record ProgrammeEntryDraft(String source, String sourceRef, String object, String familyCode, List<String> buyerIds,
                                  BigDecimal estimatedAmount, boolean hideAmount, LocalDate plannedLaunch, String procedure,
                                  Integer lots, boolean reserved, boolean socialClause, boolean environmentalClause,
                                  String internalNote) {

    public static final List<String> SOURCES = List.of("MANUAL", "CONTRACT_END", "FRAMEWORK_END", "RECURRING_SPENDING");

    public ProgrammeEntryDraft {
        if (source == null || !SOURCES.contains(source)) throw new IllegalArgumentException("Origine inconnue : " + source);
        if (object == null || object.isBlank()) throw new IllegalArgumentException("L'objet de l'achat est obligatoire.");
        if (object.length() > 500) throw new IllegalArgumentException("L'objet dépasse 500 caractères.");
        if (buyerIds == null || buyerIds.isEmpty() || buyerIds.stream().anyMatch(b -> b == null || b.isBlank())) {
            throw new IllegalArgumentException("Au moins un acheteur est obligatoire.");
        }
        buyerIds = buyerIds.stream().map(String::trim).distinct().sorted().toList();
        if (estimatedAmount != null && estimatedAmount.signum() < 0) throw new IllegalArgumentException("Montant estimé négatif.");
        if (lots != null && (lots < 1 || lots > 500)) throw new IllegalArgumentException("Nombre de lots hors de 1 à 500.");
        object = object.trim();
    }

    public boolean joint() {
        return buyerIds.size() > 1;
    }
}
