package fr.achatlas.classify;

/**
 * Everything the engine looks at to classify one record, whether a contract or a spending line. Null fields are
 * simply absent evidence.
 *
 * @param cpv               canonical 8-digit CPV code (contracts), possibly invalid or division-only
 * @param account           nature account of the M57/M14 charts (spending lines), e.g. "60632"
 * @param buyerCode         the buyer's own purchase code, when it has one
 * @param text              the contract object or the spending line label
 * @param supplierSiren     first holder / payee SIREN, for the supplier's dominant family
 * @param supplierNaf       the supplier's APE/NAF code (e.g. "81.21Z"), weak evidence
 * @param linkedContractKey the contract a spending line pays, when known
 */
public record ClassificationInput(SubjectKind kind, long key, String buyerId, String cpv, String account,
                                  String buyerCode, String text, String supplierSiren, String supplierNaf,
                                  Long linkedContractKey) {

    public static ClassificationInput contract(long key, String buyerId, String cpv, String object, String supplierSiren) {
        return new ClassificationInput(SubjectKind.CONTRACT, key, buyerId, cpv, null, null, object, supplierSiren, null, null);
    }

    public SubjectRef ref() {
        return new SubjectRef(kind, key);
    }
}
