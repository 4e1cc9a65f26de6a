package fr.achatlas.classify.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The first text classifier, now one half of the product's mix ({@link EnsembleModel}) and a cheap alternative on its
 * own: a multinomial naive Bayes classifier over word unigrams and bigrams (stems, presence per document), chosen
 * because it trains in one pass, predicts in microseconds and explains itself: each term's contribution to the winning
 * family is a readable number, and the top terms go into the evidence. Immutable once built; safe for concurrent use.
 */
public final class NaiveBayesModel implements TextModel {

    private final List<String> classes;
    private final Map<String, Integer> featureIds;
    private final String[] display;
    /** log P(feature | class), row-major: [feature * classes + class]. */
    private final float[] logProb;
    /** Mean of a feature's log-probabilities over classes: the contribution baseline used in explanations. */
    private final float[] meanLogProb;
    private final double[] logPrior;
    private final long documents;
    private final Map<String, Integer> classIndex = new HashMap<>();

    private NaiveBayesModel(List<String> classes, Map<String, Integer> featureIds, String[] display, float[] logProb,
                      float[] meanLogProb, double[] logPrior, long documents) {
        this.classes = classes;
        this.featureIds = featureIds;
        this.display = display;
        this.logProb = logProb;
        this.meanLogProb = meanLogProb;
        this.logPrior = logPrior;
        this.documents = documents;
        for (int i = 0; i < classes.size(); i++) classIndex.put(classes.get(i), i);
    }

    public List<String> classes() {
        return classes;
    }

    @Override
    public int classIndex(String label) {
        return classIndex.getOrDefault(label, -1);
    }

    public int vocabularySize() {
        return display.length;
    }

    public long documents() {
        return documents;
    }

    /** Distinct unigram and bigram features of a text. */
    static Set<String> features(List<FrenchText.Term> terms, Map<String, String> surfaces) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < terms.size(); i++) {
            FrenchText.Term t = terms.get(i);
            out.add(t.stem());
            if (surfaces != null) surfaces.putIfAbsent(t.stem(), t.word());
            if (i + 1 < terms.size()) {
                FrenchText.Term u = terms.get(i + 1);
                String bigram = t.stem() + ' ' + u.stem();
                out.add(bigram);
                if (surfaces != null) surfaces.putIfAbsent(bigram, t.word() + ' ' + u.word());
            }
        }
        return out;
    }

    @Override
    public Prediction predict(String text, IntPredicate allowed) {
        List<FrenchText.Term> terms = FrenchText.terms(text);
        if (terms.isEmpty()) return null;
        int c = classes.size();
        int[] ids = new int[terms.size() * 2];
        int k = 0;
        for (String f : features(terms, null)) {
            Integer id = featureIds.get(f);
            if (id != null) ids[k++] = id;
        }
        if (k == 0) return null;
        double[] score = logPrior.clone();
        for (int i = 0; i < k; i++) {
            int base = ids[i] * c;
            for (int j = 0; j < c; j++) score[j] += logProb[base + j];
        }
        // Naive Bayes posteriors are overconfident (terms are not independent): a temperature growing with the number
        // of terms brings them closer to observed accuracy.
        double temperature = Math.max(1.0, k / 2.0);
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < c; j++) if ((allowed == null || allowed.test(j)) && score[j] > max) max = score[j];
        if (max == Double.NEGATIVE_INFINITY) return null;
        double[] p = new double[c];
        double sum = 0;
        for (int j = 0; j < c; j++) {
            if (allowed != null && !allowed.test(j)) continue;
            p[j] = Math.exp((score[j] - max) / temperature);
            sum += p[j];
        }
        int best = -1, second = -1;
        for (int j = 0; j < c; j++) {
            p[j] /= sum;
            if (best < 0 || p[j] > p[best]) {
                second = best;
                best = j;
            } else if (second < 0 || p[j] > p[second]) {
                second = j;
            }
        }
        return new Prediction(best, p[best], second, second < 0 ? 0 : p[second], explain(ids, k, best), k, p);
    }

    /** The (at most three) terms that pushed most towards {@code cls}. */
    private List<String> explain(int[] ids, int k, int cls) {
        int c = classes.size();
        Integer[] order = new Integer[k];
        double[] contribution = new double[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
            contribution[i] = logProb[ids[i] * c + cls] - meanLogProb[ids[i]];
        }
        Arrays.sort(order, (a, b) -> Double.compare(contribution[b], contribution[a]));
        List<String> out = new ArrayList<>(3);
        for (int i = 0; i < k && out.size() < 3; i++) {
            if (contribution[order[i]] <= 0) break;
            String term = display[ids[order[i]]];
            if (out.stream().noneMatch(t -> t.contains(term) || term.contains(t))) out.add(term);
        }
        return out;
    }

    public static Builder builder(List<String> classes) {
        return new Builder(classes);
    }

    /** Complement naive Bayes over a training set (see {@link Builder#buildComplement}). */
    public static NaiveBayesModel trainComplement(TrainingSet set, double alpha) {
        Builder b = new Builder(set.classes());
        for (TrainingSet.Example e : set.examples()) b.add(e.text(), set.classes().get(e.label()), e.weight());
        return b.buildComplement(alpha);
    }

    /** Naive Bayes over a training set: each distinct (text, class) pair counts with its weight. */
    public static NaiveBayesModel train(TrainingSet set, double alpha, double priorPower) {
        Builder b = new Builder(set.classes());
        for (TrainingSet.Example e : set.examples()) b.add(e.text(), set.classes().get(e.label()), e.weight());
        return b.build(alpha, priorPower);
    }

    /** Accumulates labelled texts; {@link #build} turns counts into log-probabilities. Not thread-safe. */
    public static final class Builder {
        private final List<String> classes;
        private final Map<String, Integer> classIndex = new HashMap<>();
        private final Map<String, Integer> featureIds = new HashMap<>();
        private final Map<String, String> surfaces = new HashMap<>();
        private final List<float[]> counts = new ArrayList<>();
        private final double[] classTerms;
        private final double[] classDocs;
        private long documents;

        private Builder(List<String> classes) {
            this.classes = List.copyOf(classes);
            for (int i = 0; i < classes.size(); i++) classIndex.put(classes.get(i), i);
            this.classTerms = new double[classes.size()];
            this.classDocs = new double[classes.size()];
        }

        /** Adds a labelled text with a weight (nomenclature labels and keywords weigh more than one contract). */
        public Builder add(String text, String label, double weight) {
            Integer cls = classIndex.get(label);
            if (cls == null || text == null) return this;
            Set<String> features = features(FrenchText.terms(text), surfaces);
            if (features.isEmpty()) return this;
            for (String f : features) {
                int id = featureIds.computeIfAbsent(f, x -> {
                    counts.add(new float[classes.size()]);
                    return counts.size() - 1;
                });
                counts.get(id)[cls] += (float) weight;
            }
            classTerms[cls] += weight * features.size();
            classDocs[cls] += weight;
            documents++;
            return this;
        }

        /**
         * Complement naive Bayes (Rennie et al., 2003): each class is scored by how unlike the other classes' texts
         * the text is, with weights normalised per class — less biased towards classes with many examples. Uniform
         * priors; scores are scaled by the vocabulary size so that the softmax is not flat (its probabilities are
         * not calibrated: used in the benchmark's tuning only).
         */
        public NaiveBayesModel buildComplement(double alpha) {
            int c = classes.size(), v = counts.size();
            double allTerms = Arrays.stream(classTerms).sum();
            double[] featureTotal = new double[v];
            for (int f = 0; f < v; f++) for (float x : counts.get(f)) featureTotal[f] += x;
            float[] logProb = new float[v * c];
            float[] mean = new float[v];
            for (int j = 0; j < c; j++) {
                double denominator = Math.log(allTerms - classTerms[j] + alpha * v);
                double[] w = new double[v];
                double norm = 0;
                for (int f = 0; f < v; f++) {
                    w[f] = Math.log(featureTotal[f] - counts.get(f)[j] + alpha) - denominator;
                    norm += Math.abs(w[f]);
                }
                for (int f = 0; f < v; f++) {
                    float lp = (float) (-w[f] / norm * v);
                    logProb[f * c + j] = lp;
                    mean[f] += lp / c;
                }
            }
            String[] display = new String[v];
            featureIds.forEach((f, id) -> display[id] = surfaces.getOrDefault(f, f));
            return new NaiveBayesModel(classes, Map.copyOf(featureIds), display, logProb, mean, new double[c], documents);
        }

        /**
         * @param alpha      additive smoothing of term counts
         * @param priorPower 0 for uniform class priors, 1 for priors proportional to training documents
         */
        public NaiveBayesModel build(double alpha, double priorPower) {
            int c = classes.size(), v = counts.size();
            float[] logProb = new float[v * c];
            float[] mean = new float[v];
            for (int j = 0; j < c; j++) {
                double denominator = Math.log(classTerms[j] + alpha * v);
                for (int f = 0; f < v; f++) {
                    float lp = (float) (Math.log(counts.get(f)[j] + alpha) - denominator);
                    logProb[f * c + j] = lp;
                    mean[f] += lp / c;
                }
            }
            double totalDocs = Arrays.stream(classDocs).sum();
            double[] prior = new double[c];
            for (int j = 0; j < c; j++) prior[j] = priorPower * Math.log((classDocs[j] + 1) / (totalDocs + c));
            String[] display = new String[v];
            featureIds.forEach((f, id) -> display[id] = surfaces.getOrDefault(f, f));
            return new NaiveBayesModel(classes, Map.copyOf(featureIds), display, logProb, mean, prior, documents);
        }
    }
}
