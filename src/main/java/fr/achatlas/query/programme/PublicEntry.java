package fr.achatlas.query.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A purchase-programme entry as local businesses see it: no internal note, no proposal reference, no author, and no
 * amount when the buyer chose to hide it. The only shape the public routes and feeds are built from.
 */
public record PublicEntry(long id, String object, String familyCode, String familyLabel, List<String> buyerIds,
                          List<String> buyerNames, boolean joint, BigDecimal estimatedAmount, LocalDate plannedLaunch,
                          String procedure, Integer lots, boolean reserved, boolean socialClause, boolean environmentalClause,
                          String state, String stateLabel, LocalDateTime updatedAt) {
}
