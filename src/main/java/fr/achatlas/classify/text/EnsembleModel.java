package fr.achatlas.classify.text;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * Two models over the same classes, their probabilities mixed geometrically (p ∝ p1^w · p2^(1−w)): the logistic
 * regression's and the naive Bayes model's errors are not the same (one weighs terms jointly, the other counts each
 * on its own), so the mix can beat both. The explanation is the first model's.
 */
public final class EnsembleModel implements TextModel {

    private final TextModel first;
    private final TextModel second;
    private final double weight;

    public EnsembleModel(TextModel first, TextModel second, double weight) {
        if (!first.classes().equals(second.classes())) throw new IllegalArgumentException("classes differ");
        this.first = first;
        this.second = second;
        this.weight = weight;
    }

    @Override
    public List<String> classes() {
        return first.classes();
    }

    @Override
    public int classIndex(String label) {
        return first.classIndex(label);
    }

    @Override
    public Prediction predict(String text, IntPredicate allowed) {
        Prediction a = first.predict(text, allowed);
        Prediction b = second.predict(text, allowed);
        if (a == null || b == null) return a == null ? b : a;
        int c = classes().size();
        double[] p = new double[c];
        double sum = 0;
        for (int j = 0; j < c; j++) {
            double pa = a.distribution()[j], pb = b.distribution()[j];
            if (pa <= 0 || pb <= 0) continue;
            p[j] = Math.exp(weight * Math.log(pa) + (1 - weight) * Math.log(pb));
            sum += p[j];
        }
        if (sum <= 0) return a;
        int best = -1, second = -1;
        for (int j = 0; j < c; j++) {
            p[j] /= sum;
            if (p[j] <= 0) continue;
            if (best < 0 || p[j] > p[best]) {
                second = best;
                best = j;
            } else if (second < 0 || p[j] > p[second]) {
                second = j;
            }
        }
        // The first model's words, when it agrees; otherwise the second's, which then carries the decision.
        List<String> terms = a.best() == best ? a.terms() : b.best() == best ? b.terms() : a.terms();
        return new Prediction(best, p[best], second, second < 0 ? 0 : p[second], terms, a.knownTerms(), p);
    }

    @Override
    public int vocabularySize() {
        return first.vocabularySize() + second.vocabularySize();
    }

    @Override
    public long documents() {
        return first.documents();
    }
}
