package fr.achatlas.classify.nomenclature;

/** What a crosswalk rule's code is matched against. CPV and ACCOUNT codes are prefixes; NAF too (without the dot). */
public enum RuleKind {
    /** CPV 2008 code prefix (2 to 8 digits): division, group, class, category or a full code. */
    CPV("cpv"),
    /** Nature account prefix of the M57/M14 charts (e.g. 6061, 60632, 615221, 2313). */
    ACCOUNT("compte"),
    /** A buyer's own purchase code; only meaningful with a buyer scope. */
    BUYER_CODE("code"),
    /** APE/NAF activity code prefix of the supplier (e.g. 8121 for 81.21Z): weak evidence, with a weight. */
    NAF("naf");

    private final String tag;

    RuleKind(String tag) {
        this.tag = tag;
    }

    /** Short tag used in evidence texts ("règle cpv:9091"). */
    public String tag() {
        return tag;
    }
}
