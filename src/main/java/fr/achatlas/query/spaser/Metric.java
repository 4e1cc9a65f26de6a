package fr.achatlas.query.spaser;

/** Which figure of an indicator a value or a target is about: in number or in value, absolute or as a share. */
public enum Metric {
    COUNT("Nombre"),
    VALUE("Montant (€ HT)"),
    SHARE_COUNT("Part en nombre"),
    SHARE_VALUE("Part en valeur"),
    AVERAGE("Moyenne");

    private final String label;

    Metric(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isShare() {
        return this == SHARE_COUNT || this == SHARE_VALUE;
    }
}
