package fr.achatlas.generate;

/** Real-world defects planted in generated files, one class each, counted in the generation summary. */
public enum Defect {
    /** Same contract published on two platforms (counted once per extra copy). */
    DUPLICATE_ACROSS_PLATFORMS,
    /** CPV written as a number: the leading zero is lost (9310000 for 09310000). */
    CPV_LEADING_ZERO_LOST,
    /** CPV without its check digit (09310000). */
    CPV_NO_CHECK_DIGIT,
    /** A holder SIRET whose Luhn key is wrong. */
    HOLDER_SIRET_INVALID,
    /** Identifier type outside the enumeration: TVA_INTRACOMMUNAUTAIRE, HORS_UE. */
    ID_TYPE_OUT_OF_ENUM,
    /** JSON booleans written 1/0 by one platform. */
    BOOLEAN_AS_NUMBER,
    /** XML booleans written oui/non (allowed by the v2 XSD, not by the JSON schema). */
    BOOLEAN_OUI_NON,
    /** dureeMois published as "NC". */
    DURATION_NC,
    /** montant and dureeMois written as JSON strings. */
    NUMBER_AS_STRING,
    /** Amount multiplied by 100 (French decimal comma lost in a conversion). */
    AMOUNT_TIMES_100,
    /** Amount below 200 € (typed in k€). */
    AMOUNT_TOO_LOW,
    /** Procedure label of the pre-2019 code ("Marché négocié sans publicité…"). */
    PROCEDURE_PRE2019_LABEL,
    /** dateNotification / dateSignature absent. */
    NOTIFICATION_DATE_MISSING,
    /** Dates with a timezone suffix (2023-03-12+01:00), as the DGFiP PES flow writes them. */
    DATE_WITH_TIMEZONE,
    /** No buyer id: the importer must reject the record. */
    BUYER_ID_MISSING,
    /** No contract id: the importer must reject the record. */
    CONTRACT_ID_MISSING,
    /** UTF-8 byte order mark at the start of a file (counted per file). */
    UTF8_BOM,
    /** A raw control character (U+001F) inside an XML text node (counted per file). */
    CONTROL_CHARACTER;

    boolean rejectedByDesign() {
        return this == BUYER_ID_MISSING || this == CONTRACT_ID_MISSING;
    }
}
