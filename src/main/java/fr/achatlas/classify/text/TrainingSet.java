package fr.achatlas.classify.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Labelled texts for a {@link TextModel}, aggregated by (text, class): identical objects are frequent (lots of one
 * consultation, yearly renewals), and a text seen n times with one class is one weighted example, tokenised once.
 * Insertion order is kept so that training is deterministic. Not thread-safe.
 */
public final class TrainingSet {

    /** One distinct (text, class) pair with the total weight of its occurrences. */
    public record Example(String text, int label, double weight) {
    }

    private final List<String> classes;
    private final Map<String, Integer> classIndex = new HashMap<>();
    private final Map<String, double[]> weights = new LinkedHashMap<>();
    private long documents;

    public TrainingSet(List<String> classes) {
        this.classes = List.copyOf(classes);
        for (int i = 0; i < this.classes.size(); i++) classIndex.put(this.classes.get(i), i);
    }

    public List<String> classes() {
        return classes;
    }

    /** Adds a labelled text with a weight (nomenclature labels and keywords weigh more than one contract). */
    public TrainingSet add(String text, String label, double weight) {
        Integer cls = classIndex.get(label);
        if (cls == null || text == null || text.isBlank() || weight <= 0) return this;
        weights.computeIfAbsent(text, t -> new double[classes.size()])[cls] += weight;
        documents++;
        return this;
    }

    /** Documents added (before aggregation). */
    public long documents() {
        return documents;
    }

    public int distinctTexts() {
        return weights.size();
    }

    /** Every (text, class) pair with its weight, in insertion order of the texts. */
    public List<Example> examples() {
        List<Example> out = new ArrayList<>(weights.size());
        weights.forEach((text, w) -> {
            for (int j = 0; j < w.length; j++) if (w[j] > 0) out.add(new Example(text, j, w[j]));
        });
        return out;
    }

    /**
     * The same texts with label noise reduced: a text seen under several classes keeps only the classes holding at
     * least {@code minShare} of its weight (its majority always stays). Used on training data only — the test part
     * of a benchmark is never cleaned.
     */
    public TrainingSet majorityOnly(double minShare) {
        TrainingSet out = new TrainingSet(classes);
        weights.forEach((text, w) -> {
            double total = 0, max = 0;
            for (double x : w) {
                total += x;
                max = Math.max(max, x);
            }
            double[] kept = new double[w.length];
            for (int j = 0; j < w.length; j++) if (w[j] > 0 && (w[j] == max || w[j] >= minShare * total)) kept[j] = w[j];
            out.weights.put(text, kept);
        });
        out.documents = documents;
        return out;
    }
}
