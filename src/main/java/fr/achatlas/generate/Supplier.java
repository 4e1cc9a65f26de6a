package fr.achatlas.generate;

/**
 * A fictional economic operator of the supplier pool, as written to suppliers.json (ground truth for later issues).
 *
 * @param id            SIRET for French companies, intra-EU VAT number or foreign registration otherwise
 * @param idType        SIRET, TVA or HORS-UE (the official DECP values)
 * @param size          PME, ETI or GE
 * @param inclusionType null, or ESAT, EA, EI, AI, ACI, ETTI for sheltered and integration structures
 * @param country       ISO 3166 alpha-2 country code
 */
public record Supplier(String id, String idType, String name, String communeInsee, String communeName, String postcode,
                       String departement, String country, String size, String naf, boolean ess, String inclusionType,
                       String family) {

    boolean local() {
        return Geography.DEPARTEMENT.equals(departement);
    }
}
