package fr.achatlas.model;

import java.time.LocalDate;

/** Supplier referential rows, as read from SIRENE (stock files or the API) and from inclusive-sector lists. */
public final class SupplierRecords {

    private SupplierRecords() {
    }

    /**
     * A legal unit. {@code name} is null when the unit is not (fully) diffusible: the law hides the names of persons
     * who opposed diffusion, and they must never be stored or shown.
     */
    public record Unit(String siren, String name, boolean diffusible, String legalCategory, String companyCategory,
                       Integer companyCategoryYear, String headcountBand, String naf, Boolean ess, Boolean active,
                       String source, String nameNorm) {
    }

    /** An establishment; {@code address} is null when not diffusible (the commune stays: INSEE publishes it). */
    public record Establishment(String siret, String siren, String communeCode, String postcode, String address,
                                String country, Boolean active, Boolean headquarters, String source) {
    }

    /** One entry of an inclusive-sector list (ESAT, EA, SIAE: EI, AI, ACI, ETTI; GEIQ…). */
    public record InclusionEntry(String siret, String siren, String type, LocalDate listDate, String name) {
    }
}
