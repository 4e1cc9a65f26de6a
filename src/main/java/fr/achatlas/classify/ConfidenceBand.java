package fr.achatlas.classify;

/** Confidence bands of the coverage report and of the validation queue. */
public enum ConfidenceBand {
    HIGH("élevée (≥ 0,8)", 0.8), MEDIUM("moyenne (0,5 à 0,8)", 0.5), LOW("faible (< 0,5)", 0.0);

    private final String label;
    private final double floor;

    ConfidenceBand(String label, double floor) {
        this.label = label;
        this.floor = floor;
    }

    public String label() {
        return label;
    }

    public double floor() {
        return floor;
    }

    public static ConfidenceBand of(double confidence) {
        if (confidence >= HIGH.floor) return HIGH;
        if (confidence >= MEDIUM.floor) return MEDIUM;
        return LOW;
    }
}
