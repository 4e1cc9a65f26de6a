package fr.achatlas.classify;

import fr.achatlas.classify.nomenclature.CpvCrosswalk;
import fr.achatlas.classify.nomenclature.CrosswalkRule;
import fr.achatlas.classify.nomenclature.Family;
import fr.achatlas.classify.nomenclature.Nomenclature;
import fr.achatlas.classify.nomenclature.RuleKind;
import fr.achatlas.classify.text.EnsembleModel;
import fr.achatlas.classify.text.LinearTextModel;
import fr.achatlas.classify.text.NaiveBayesModel;
import fr.achatlas.classify.text.TextModel;
import fr.achatlas.classify.text.TrainingSet;

import java.util.List;

/**
 * Trains the text classifier of a territory: its own records that carry a specific, valid CPV code (labelled with the
 * family their CPV leads to) plus the nomenclature itself (family labels, keywords, and the wording of the crosswalk
 * rules), so that a fresh territory with few contracts still gets sensible proposals.
 */
public final class TextTraining {

    /** Naive Bayes smoothing and prior strength. */
    public static final double ALPHA = 0.05;
    public static final double PRIOR_POWER = 0.5;
    /**
     * The linear model's parameters, chosen on a validation part carved out of the benchmark's training part
     * ({@code achatlas bench classify --tune}; docs/benchmarks.md) — never on its test part.
     */
    public static final LinearTextModel.Params PARAMS = LinearTextModel.Params.DEFAULT;
    /** Share of the linear model in the geometric mix with naive Bayes (chosen the same way). */
    public static final double ENSEMBLE_WEIGHT = 0.5;

    private TextTraining() {
    }

    public static TextModel train(Nomenclature n, Iterable<ClassificationInput> records) {
        TrainingSet b = builder(n);
        CpvCrosswalk cpv = new CpvCrosswalk(n.rules(RuleKind.CPV));
        LabelledTexts texts = new LabelledTexts();
        for (ClassificationInput in : records) texts.add(cpv, in);
        texts.addTo(b);
        return fit(b);
    }

    /**
     * The product's text model on a training set: the logistic regression mixed with naive Bayes (their errors
     * differ; the mix is a point or two more accurate than either on held-out data, docs/benchmarks.md).
     */
    public static TextModel fit(TrainingSet set) {
        return new EnsembleModel(LinearTextModel.train(set, PARAMS), NaiveBayesModel.train(set, ALPHA, PRIOR_POWER), ENSEMBLE_WEIGHT);
    }

    /** A training set already holding the nomenclature's own texts. */
    public static TrainingSet builder(Nomenclature n) {
        List<String> classes = n.families().stream().map(Family::code).toList();
        TrainingSet b = new TrainingSet(classes);
        for (Family f : n.families()) {
            b.add(f.label(), f.code(), 3);
            for (String k : f.keywords()) b.add(k, f.code(), 2);
        }
        for (CrosswalkRule r : n.rules()) {
            if (r.kind() != RuleKind.NAF && r.comment() != null && !r.comment().isBlank()) b.add(r.comment(), r.familyCode(), 1);
        }
        return b;
    }

    /**
     * Training texts counted by (text, family): identical objects are frequent (lots of one consultation, yearly
     * renewals) and, features being counted once per document, adding a text n times equals adding it once with
     * weight n — which tokenises each distinct text once.
     */
    public static final class LabelledTexts {
        private final java.util.Map<String, java.util.Map<String, Integer>> counts = new java.util.HashMap<>();
        private long records;

        /** Counts one record when it carries a specific CPV and a text; returns whether it was used. */
        public boolean add(CpvCrosswalk cpv, ClassificationInput in) {
            if (in.text() == null || !Cpv.isSpecific(in.cpv())) return false;
            CrosswalkRule r = cpv.match(in.cpv(), in.buyerId());
            if (r == null) return false;
            counts.computeIfAbsent(in.text(), t -> new java.util.HashMap<>(2)).merge(r.familyCode(), 1, Integer::sum);
            records++;
            return true;
        }

        public long records() {
            return records;
        }

        public int distinctTexts() {
            return counts.size();
        }

        public void addTo(TrainingSet b) {
            counts.forEach((text, byFamily) -> byFamily.forEach((family, n) -> b.add(text, family, n)));
        }
    }
}
