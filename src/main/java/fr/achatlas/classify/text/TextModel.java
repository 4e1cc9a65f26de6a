package fr.achatlas.classify.text;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * A text classifier over a fixed list of classes (families, or CPV divisions in the benchmark): a probability per
 * class for a text, and the words that weighed most for the best one, so that a proposal can be explained.
 * Implementations are immutable once trained and safe for concurrent use.
 */
public interface TextModel {

    /** The best class for a text and the runner-up, with the terms that weighed most for the best one. */
    record Prediction(int best, double probability, int second, double secondProbability, List<String> terms,
                      int knownTerms, double[] distribution) {
        public double probabilityOf(int classIndex) {
            return classIndex < 0 ? 0 : distribution[classIndex];
        }

        /** Class indexes by decreasing probability (at most {@code n}). */
        public int[] top(int n) {
            int c = distribution.length;
            Integer[] order = new Integer[c];
            for (int i = 0; i < c; i++) order[i] = i;
            java.util.Arrays.sort(order, (a, b) -> {
                int cmp = Double.compare(distribution[b], distribution[a]);
                return cmp != 0 ? cmp : Integer.compare(a, b);
            });
            int k = Math.min(n, c);
            int[] out = new int[k];
            for (int i = 0; i < k; i++) out[i] = order[i];
            return out;
        }
    }

    List<String> classes();

    default int classIndex(String label) {
        return classes().indexOf(label);
    }

    /** Predicts over all classes. Null when the text has no known term. */
    default Prediction predict(String text) {
        return predict(text, null);
    }

    /**
     * Predicts over the classes {@code allowed} accepts (all when null), e.g. the families a division-only CPV code can
     * lead to. Null when the text has no known term or no class is allowed.
     */
    Prediction predict(String text, IntPredicate allowed);

    /** Distinct features the model knows (for reports). */
    int vocabularySize();

    /** Labelled documents it learnt from. */
    long documents();
}
