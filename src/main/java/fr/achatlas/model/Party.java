package fr.achatlas.model;

/**
 * An economic operator or a public body as DECP identifies it.
 *
 * @param id               identifier, normalised (spaces removed, upper case); never null for a loaded record
 * @param idType           normalised identifier type: SIRET, TVA, TAHITI, RIDET, FRWF, IREP, HORS_UE (or null when absent)
 * @param idTypeOriginal   the type as written in the source when it differs from {@code idType} (e.g. "TVA_INTRACOMMUNAUTAIRE")
 * @param name             name when the source gives one (2019 format: denominationSociale / nom)
 */
public record Party(String id, String idType, String idTypeOriginal, String name) {
    public static Party ofSiret(String siret, String name) {
        return new Party(siret, "SIRET", null, name);
    }
}
