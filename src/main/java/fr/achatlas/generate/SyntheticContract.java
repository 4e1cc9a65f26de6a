package fr.achatlas.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One generated contract as the buyer means to publish it, before serialisation in a given format (where defects are
 * planted). Procedure and nature are held in their v2 vocabulary; the 2019 writers translate them.
 */
record SyntheticContract(
        boolean concession,
        String id,
        String buyerId,
        String buyerName,
        String nature,
        String object,
        String cpv,
        String procedure,
        List<String> techniques,
        List<String> modalities,
        String frameworkId,
        String placeCode,
        String placeType,
        String placeName,
        int durationMonths,
        LocalDate notificationDate,
        LocalDate publicationDate,
        BigDecimal amount,
        String priceForm,
        String priceType,
        String ccag,
        int offersReceived,
        boolean innovative,
        boolean advance,
        BigDecimal advanceRate,
        String grouping,
        List<String> social,
        List<String> environmental,
        List<SubcontractAct> subcontracts,
        List<Supplier> holders,
        List<Change> modifications,
        LocalDate executionStart,
        BigDecimal publicSubsidy,
        String tariffLabel,
        BigDecimal tariff,
        boolean joint) {

    /** A modification (avenant): null fields leave the value unchanged. */
    record Change(int rank, LocalDate notificationDate, LocalDate publicationDate, Integer durationMonths, BigDecimal amount,
                  List<Supplier> holders, String object) {
    }

    record SubcontractAct(int rank, Supplier subcontractor, int durationMonths, LocalDate notificationDate,
                          LocalDate publicationDate, BigDecimal amount, String priceVariation) {
    }

    boolean frameworkAgreement() {
        return techniques.contains("Accord-cadre");
    }

    boolean subsequent() {
        return modalities.contains("Marchés subséquents") && frameworkId != null;
    }

    SyntheticContract withBuyer(String buyerId, String buyerName, BigDecimal amount) {
        return new SyntheticContract(concession, id, buyerId, buyerName, nature, object, cpv, procedure, techniques,
                modalities, frameworkId, placeCode, placeType, placeName, durationMonths, notificationDate, publicationDate,
                amount, priceForm, priceType, ccag, offersReceived, innovative, advance, advanceRate, grouping, social,
                environmental, subcontracts, holders, modifications, executionStart, publicSubsidy, tariffLabel, tariff, joint);
    }
}
