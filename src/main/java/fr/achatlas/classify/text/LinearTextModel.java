package fr.achatlas.classify.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;

/**
 * A discriminative text classifier: TF-IDF vectors (sublinear term frequency) over word stems, stem bigrams and
 * character n-grams of the folded words, fed to a multinomial logistic regression trained by stochastic gradient
 * descent with L2 regularisation. Unlike naive Bayes it weighs correlated terms jointly (the many n-grams of one word
 * do not vote many times) and learns which words discriminate between close families (plumbing vs heating lots),
 * and its softmax probabilities are reasonably calibrated, which the confidence bands rely on.
 *
 * <p>Deterministic: same training set and parameters, same model (seeded shuffling, insertion-ordered data). Each
 * feature's weight row is contiguous, so a prediction costs (features of the text) × (classes) multiply-adds.
 * Explanations: a feature's contribution to a class is its value times its weight; contributions are summed per word
 * of the text (a bigram's shared between its two words) and the words that pushed most towards the winner are shown.
 * Immutable once trained; safe for concurrent use.
 */
public final class LinearTextModel implements TextModel {

    /**
     * @param minGram, maxGram  character n-gram sizes (maxGram 0: words only)
     * @param charWeight        weight of the character block against the word block (each is L2-normalised)
     * @param minCharDf         character n-grams seen in fewer training texts are dropped (memory, noise)
     * @param lambda            L2 regularisation strength
     * @param epochs            passes over the training set
     * @param eta0              initial learning rate
     * @param maxWeight         an example's weight (its number of occurrences, or a nomenclature text's weight) is capped
     * @param seed              shuffling seed
     * @param maxSteps          bound on SGD steps (epochs × examples): a national-scale training set (tens of
     *                          thousands of distinct texts) gets fewer epochs, which it needs anyway, and the 1.5 M
     *                          record throughput target holds
     */
    public record Params(int minGram, int maxGram, double charWeight, int minCharDf, double lambda, int epochs,
                         double eta0, double maxWeight, long seed, long maxSteps) {
        public static final Params DEFAULT = new Params(3, 5, 1.0, 2, 1e-5, 12, 0.5, 4, 42, 100_000);

        public Params withLambda(double v) {
            return new Params(minGram, maxGram, charWeight, minCharDf, v, epochs, eta0, maxWeight, seed, maxSteps);
        }

        public Params withEpochs(int v) {
            return new Params(minGram, maxGram, charWeight, minCharDf, lambda, v, eta0, maxWeight, seed, maxSteps);
        }

        public Params withCharWeight(double v) {
            return new Params(minGram, maxGram, v, minCharDf, lambda, epochs, eta0, maxWeight, seed, maxSteps);
        }

        public Params withGrams(int min, int max) {
            return new Params(min, max, charWeight, minCharDf, lambda, epochs, eta0, maxWeight, seed, maxSteps);
        }

        public Params withMaxWeight(double v) {
            return new Params(minGram, maxGram, charWeight, minCharDf, lambda, epochs, eta0, v, seed, maxSteps);
        }

        public Params withEta0(double v) {
            return new Params(minGram, maxGram, charWeight, minCharDf, lambda, epochs, v, maxWeight, seed, maxSteps);
        }
    }

    /** A word enters the explanation when it pushes at least this share of what the first word pushes. */
    static final double EXPLANATION_SHARE = 0.25;

    private final List<String> classes;
    private final Map<String, Integer> classIndex = new HashMap<>();
    private final Params params;
    private final Map<String, Integer> vocabulary;
    private final float[] idf;
    private final byte[] block;
    /** Weights, row-major by feature: [feature * classes + class]. */
    private final float[] weights;
    private final float[] bias;
    private final long documents;

    private LinearTextModel(List<String> classes, Params params, Map<String, Integer> vocabulary, float[] idf, byte[] block,
                            float[] weights, float[] bias, long documents) {
        this.classes = classes;
        this.params = params;
        this.vocabulary = vocabulary;
        this.idf = idf;
        this.block = block;
        this.weights = weights;
        this.bias = bias;
        this.documents = documents;
        for (int i = 0; i < classes.size(); i++) classIndex.put(classes.get(i), i);
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public int classIndex(String label) {
        return classIndex.getOrDefault(label, -1);
    }

    @Override
    public int vocabularySize() {
        return idf.length;
    }

    @Override
    public long documents() {
        return documents;
    }

    /** A text as a sparse TF-IDF vector, indexes ascending; {@code tf} holds each entry's raw count. */
    private record Vector(int[] index, float[] value, int[] tf) {
    }

    /** Vocabulary ids of the features (−1 when unknown), in the features' order. */
    private static int[] ids(List<TextFeatures.Feature> features, Map<String, Integer> vocabulary) {
        int[] ids = new int[features.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = vocabulary.getOrDefault(features.get(i).key(), -1);
        return ids;
    }

    private static Vector vectorise(int[] ids, float[] idf, byte[] block, double charWeight) {
        int[] sorted = ids.clone();
        Arrays.sort(sorted);
        int k = 0, start = 0;
        while (start < sorted.length && sorted[start] < 0) start++;
        int[] index = new int[sorted.length - start];
        int[] tf = new int[index.length];
        for (int i = start; i < sorted.length; i++) {
            if (k > 0 && index[k - 1] == sorted[i]) {
                tf[k - 1]++;
            } else {
                index[k] = sorted[i];
                tf[k++] = 1;
            }
        }
        index = Arrays.copyOf(index, k);
        tf = Arrays.copyOf(tf, k);
        float[] value = new float[k];
        double[] norm = new double[2];
        for (int i = 0; i < k; i++) {
            int id = index[i];
            double v = (1 + Math.log(tf[i])) * idf[id];
            value[i] = (float) v;
            norm[block[id]] += v * v;
        }
        double[] scale = {1 / Math.sqrt(Math.max(norm[0], 1e-12)), charWeight / Math.sqrt(Math.max(norm[1], 1e-12))};
        for (int i = 0; i < k; i++) value[i] = (float) (value[i] * scale[block[index[i]]]);
        return new Vector(index, value, tf);
    }

    @Override
    public Prediction predict(String text, IntPredicate allowed) {
        List<FrenchText.Term> terms = FrenchText.terms(text);
        if (terms.isEmpty()) return null;
        List<TextFeatures.Feature> features = TextFeatures.of(terms, params.minGram, params.maxGram);
        int[] ids = ids(features, vocabulary);
        Vector x = vectorise(ids, idf, block, params.charWeight);
        if (x.index.length == 0) return null;
        int c = classes.size();
        double[] score = scores(x);
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < c; j++) if ((allowed == null || allowed.test(j)) && score[j] > max) max = score[j];
        if (max == Double.NEGATIVE_INFINITY) return null;
        double[] p = new double[c];
        double sum = 0;
        for (int j = 0; j < c; j++) {
            if (allowed != null && !allowed.test(j)) continue;
            p[j] = Math.exp(score[j] - max);
            sum += p[j];
        }
        int best = -1, second = -1;
        for (int j = 0; j < c; j++) {
            p[j] /= sum;
            if (allowed != null && !allowed.test(j)) continue;
            if (best < 0 || p[j] > p[best]) {
                second = best;
                best = j;
            } else if (second < 0 || p[j] > p[second]) {
                second = j;
            }
        }
        return new Prediction(best, p[best], second, second < 0 ? 0 : p[second], explain(terms, features, ids, x, best, p),
                x.index.length, p);
    }

    private double[] scores(Vector x) {
        int c = classes.size();
        double[] score = new double[c];
        for (int j = 0; j < c; j++) score[j] = bias[j];
        for (int i = 0; i < x.index.length; i++) {
            int base = x.index[i] * c;
            float v = x.value[i];
            for (int j = 0; j < c; j++) score[j] += v * weights[base + j];
        }
        return score;
    }

    /**
     * The (at most three) words that pushed most towards {@code cls}: a feature's push is its value times the
     * difference between its weight for {@code cls} and its probability-weighted mean weight (what it gives the
     * competition), summed over the features of each word.
     */
    private List<String> explain(List<FrenchText.Term> terms, List<TextFeatures.Feature> features, int[] ids, Vector x,
                                 int cls, double[] p) {
        int c = classes.size();
        double[] push = new double[x.index.length];
        for (int i = 0; i < x.index.length; i++) {
            int base = x.index[i] * c;
            double mean = 0;
            for (int j = 0; j < c; j++) mean += p[j] * weights[base + j];
            push[i] = x.value[i] * (weights[base + cls] - mean);
        }
        // Occurrences of a feature share its push; a bigram's push is split between its two words.
        double[] byWord = new double[terms.size()];
        for (int o = 0; o < ids.length; o++) {
            if (ids[o] < 0) continue;
            int i = Arrays.binarySearch(x.index, ids[o]);
            TextFeatures.Feature f = features.get(o);
            double share = push[i] / x.tf[i] / (f.to() - f.from() + 1);
            for (int w = f.from(); w <= f.to(); w++) byWord[w] += share;
        }
        Integer[] order = new Integer[terms.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(byWord[b], byWord[a]));
        List<String> out = new ArrayList<>(3);
        // Words far behind the first (a few shared character n-grams) would only blur the explanation.
        double floor = order.length == 0 ? 0 : EXPLANATION_SHARE * byWord[order[0]];
        for (int i = 0; i < order.length && out.size() < 3; i++) {
            if (byWord[order[i]] <= 0 || byWord[order[i]] < floor) break;
            String word = terms.get(order[i]).word();
            if (!out.contains(word)) out.add(word);
        }
        return out;
    }

    /** Trains on a training set. */
    public static LinearTextModel train(TrainingSet set, Params params) {
        List<String> classes = set.classes();
        int c = classes.size();
        List<TrainingSet.Example> examples = set.examples();
        // Features of each distinct text, computed once.
        Map<String, List<TextFeatures.Feature>> featuresByText = new HashMap<>();
        Map<String, Integer> vocabulary = new HashMap<>();
        List<int[]> df = new ArrayList<>();
        List<Byte> blocks = new ArrayList<>();
        int texts = 0;
        for (TrainingSet.Example e : examples) {
            if (featuresByText.containsKey(e.text())) continue;
            List<TextFeatures.Feature> f = TextFeatures.of(FrenchText.terms(e.text()), params.minGram, params.maxGram);
            featuresByText.put(e.text(), f);
            texts++;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (TextFeatures.Feature x : f) {
                if (!seen.add(x.key())) continue;
                int id = vocabulary.computeIfAbsent(x.key(), k -> {
                    df.add(new int[1]);
                    blocks.add((byte) x.block());
                    return df.size() - 1;
                });
                df.get(id)[0]++;
            }
        }
        // Drop rare character n-grams; renumber the kept features in first-seen order (deterministic).
        String[] keys = new String[df.size()];
        vocabulary.forEach((k, id) -> keys[id] = k);
        Map<String, Integer> kept = new HashMap<>();
        List<Float> idfList = new ArrayList<>();
        List<Byte> blockList = new ArrayList<>();
        for (int id = 0; id < keys.length; id++) {
            if (blocks.get(id) == TextFeatures.CHAR_BLOCK && df.get(id)[0] < params.minCharDf) continue;
            kept.put(keys[id], kept.size());
            idfList.add((float) (Math.log((1.0 + texts) / (1.0 + df.get(id)[0])) + 1));
            blockList.add(blocks.get(id));
        }
        int v = kept.size();
        float[] idf = new float[v];
        byte[] block = new byte[v];
        for (int i = 0; i < v; i++) {
            idf[i] = idfList.get(i);
            block[i] = blockList.get(i);
        }
        Map<String, Vector> vectors = new HashMap<>(featuresByText.size() * 2);
        featuresByText.forEach((t, f) -> vectors.put(t, vectorise(ids(f, kept), idf, block, params.charWeight)));

        int n = examples.size();
        Vector[] xs = new Vector[n];
        int[] ys = new int[n];
        float[] ws = new float[n];
        for (int i = 0; i < n; i++) {
            TrainingSet.Example e = examples.get(i);
            xs[i] = vectors.get(e.text());
            ys[i] = e.label();
            ws[i] = (float) Math.min(e.weight(), params.maxWeight);
        }
        // SGD on the L2-regularised softmax loss. Weights are stored as scale * w so that the regularisation's decay
        // of every weight is one multiplication per step (Bottou's trick); the learning rate decays as
        // eta0 / (1 + lambda * eta0 * t).
        float[] w = new float[v * c];
        float[] bias = new float[c];
        double scale = 1;
        long t = 0;
        Random random = new Random(params.seed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        double[] score = new double[c];
        double[] g = new double[c];
        int[] active = new int[c];
        int epochs = (int) Math.max(1, Math.min(params.epochs, params.maxSteps / Math.max(1, n)));
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            for (int o = 0; o < n; o++) {
                int i = order[o];
                Vector x = xs[i];
                if (x.index.length == 0) continue;
                double eta = params.eta0 / (1 + params.lambda * params.eta0 * t++);
                for (int j = 0; j < c; j++) score[j] = bias[j];
                for (int k = 0; k < x.index.length; k++) {
                    int base = x.index[k] * c;
                    double xv = x.value[k] * scale;
                    for (int j = 0; j < c; j++) score[j] += xv * w[base + j];
                }
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < c; j++) max = Math.max(max, score[j]);
                double sum = 0;
                for (int j = 0; j < c; j++) sum += (score[j] = Math.exp(score[j] - max));
                // Once the model fits, most classes get a negligible gradient: only the others are updated.
                int a = 0;
                for (int j = 0; j < c; j++) {
                    double gj = ws[i] * (score[j] / sum - (j == ys[i] ? 1 : 0));
                    g[j] = gj;
                    if (Math.abs(gj) >= 1e-4) active[a++] = j;
                }
                scale *= 1 - eta * params.lambda;
                for (int k = 0; k < x.index.length; k++) {
                    int base = x.index[k] * c;
                    double step = eta * x.value[k] / scale;
                    for (int q = 0; q < a; q++) {
                        int j = active[q];
                        w[base + j] -= (float) (step * g[j]);
                    }
                }
                for (int j = 0; j < c; j++) bias[j] -= (float) (eta * g[j]);
                if (scale < 1e-6) {
                    for (int k = 0; k < w.length; k++) w[k] *= (float) scale;
                    scale = 1;
                }
            }
        }
        for (int k = 0; k < w.length; k++) w[k] *= (float) scale;
        return new LinearTextModel(classes, params, Map.copyOf(kept), idf, block, w, bias, set.documents());
    }
}
