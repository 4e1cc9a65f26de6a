package fr.achatlas.query;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Data quality of the store, per buyer, per source file and per rule. */
public record QualityReport(List<BuyerQuality> buyers, List<SourceQuality> sources, List<RuleCount> rules) {

    /**
     * @param contracts            contracts kept for this buyer
     * @param contractsWithWarning contracts with at least one warning
     * @param rejected             records rejected that named this buyer
     * @param missingCpv           contracts without a usable CPV code
     * @param suspectAmounts       contracts whose amount is flagged aberrant
     * @param topRules             the most frequent warning rules for this buyer, rule → count
     */
    public record BuyerQuality(String buyerId, String name, long contracts, BigDecimal currentAmount,
                               long contractsWithWarning, long rejected, long missingCpv, long suspectAmounts,
                               long missingNotificationDate, Map<String, Long> topRules) {
    }

    /** One imported file, over all its import batches (a re-import of the same content is counted once). */
    public record SourceQuality(String fileName, String format, String platform, long read, long loaded,
                                long duplicates, long rejected, long warnings, String lastImport) {
    }

    public record RuleCount(String rule, String severity, long findings, long rejects) {
    }
}
