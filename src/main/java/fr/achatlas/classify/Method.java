package fr.achatlas.classify;

/** Which evidence decided a classification, strongest first. */
public enum Method {
    /** A person validated or corrected this very record. */
    MANUAL("décision manuelle"),
    BUYER_CODE("code de l'acheteur"),
    CPV("code CPV"),
    LINKED_CONTRACT("marché lié"),
    ACCOUNT("compte de nature"),
    TEXT("texte"),
    SUPPLIER("famille dominante du fournisseur"),
    NAF("activité NAF du fournisseur"),
    /** A division-only CPV code with nothing better: the division's default family. */
    CPV_DIVISION("division CPV"),
    NONE("non classé");

    private final String label;

    Method(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
