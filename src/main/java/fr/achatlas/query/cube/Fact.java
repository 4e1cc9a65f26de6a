package fr.achatlas.query.cube;

/** The two fact views the cube reads (docs/cube.md); never the base tables. */
public enum Fact {
    /** Grain: contract x current holder; public open data (DECP). */
    CONTRACT("fact_contract", "Marchés"),
    /** Grain: spending line; not public. */
    SPENDING("fact_spending", "Dépenses");

    private final String view;
    private final String label;

    Fact(String view, String label) {
        this.view = view;
        this.label = label;
    }

    public String view() {
        return view;
    }

    public String label() {
        return label;
    }
}
