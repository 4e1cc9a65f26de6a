package fr.achatlas.generate;

import java.math.BigDecimal;
import java.util.List;
import java.util.SortedMap;

/**
 * What a territory generation wrote, so that tests and the CLI can print and verify it (also written as
 * generation-summary.json in the output folder).
 *
 * @param contracts              distinct contracts, one per (buyer, id): a joint contract counts once per member buyer
 * @param jointContracts         groupements de commandes (one contract id shared by several member buyers)
 * @param publishedRecords       records written across all files, duplicates and rejected-by-design included
 * @param duplicatesPlanted      extra copies of a contract published on a second platform
 * @param defectsPlanted         number of published records (or files, for UTF8_BOM and CONTROL_CHARACTER) per defect
 * @param rejectedByDesign       records with no buyer id or no contract id, that the importer must reject
 * @param contractAmountByYear   sum of the true (unaltered) amounts of marchés notified each year
 * @param purchasesByYear        contractAmountByYear divided by decpShare: the purchases the DECP contracts stand for
 * @param decpShare              share of the annual purchases expressed as DECP contracts (the rest is off-contract)
 */
public record GenerationSummary(
        long seed,
        String territory,
        int firstYear,
        int lastYear,
        List<FileWritten> files,
        int buyers,
        int suppliers,
        int contracts,
        int jointContracts,
        int concessions,
        int publishedRecords,
        int duplicatesPlanted,
        SortedMap<String, Integer> defectsPlanted,
        int rejectedByDesign,
        BigDecimal annualPurchasesTarget,
        double decpShare,
        SortedMap<Integer, BigDecimal> contractAmountByYear,
        SortedMap<Integer, BigDecimal> purchasesByYear) {

    /** One file written: its name, its format (a {@code SourceFormat} name) and the number of records in it. */
    public record FileWritten(String name, String format, int records) {
    }
}
