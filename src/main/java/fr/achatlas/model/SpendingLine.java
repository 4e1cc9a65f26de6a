package fr.achatlas.model;

import java.time.LocalDate;

/**
 * One payment line of a buyer's accounting export, normalised. Amounts are in cents (exact, cheap to carry in bulk);
 * {@code contentHash} identifies the line's content for dedup (the store ranks equal contents within a file).
 *
 * @param lineNumber     physical line of the file (header = 1) or sheet row
 * @param amountHtCents  null when the export has no HT column
 * @param amountTtcCents null when the export has no TTC column
 * @param supplierIdType SIRET, SIREN, TVA, HORS-UE, or NAME when only a name is given
 */
public record SpendingLine(long lineNumber, long contentHash, String buyerId, String direction, String service,
                           LocalDate paymentDate, Long amountHtCents, Long amountTtcCents, String account,
                           String functionCode, String budget, String supplierId, String supplierIdType,
                           String supplierSiren, String supplierName, String supplierNameNorm, String contractRef,
                           String invoiceRef, String label) {
}
