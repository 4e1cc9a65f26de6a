package fr.achatlas.classify.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The features {@link LinearTextModel} sees in a text, each tied to the word(s) it comes from so that a prediction
 * can be explained in words: word stems and pairs of consecutive stems (as the naive Bayes model), plus character
 * n-grams of each folded word, bounded by word edges ("&lt;nettoyage&gt;" gives "&lt;ne", "net", … "ge&gt;"). Character
 * n-grams make the model robust to what stemming misses: spelling variants, abbreviations ("rehab", "réhabilitation"),
 * compounds and mis-decoded accents.
 */
final class TextFeatures {

    /** Word features and character features are normalised separately, then weighted (see {@link LinearTextModel}). */
    static final int WORD_BLOCK = 0;
    static final int CHAR_BLOCK = 1;

    /** One occurrence of a feature; {@code from}..{@code to} are the indexes of the words it comes from. */
    record Feature(String key, int block, int from, int to) {
    }

    private TextFeatures() {
    }

    static List<Feature> of(List<FrenchText.Term> terms, int minGram, int maxGram) {
        List<Feature> out = new ArrayList<>(terms.size() * 16);
        for (int i = 0; i < terms.size(); i++) {
            FrenchText.Term t = terms.get(i);
            out.add(new Feature(t.stem(), WORD_BLOCK, i, i));
            if (i + 1 < terms.size()) out.add(new Feature(t.stem() + ' ' + terms.get(i + 1).stem(), WORD_BLOCK, i, i + 1));
            if (maxGram <= 0) continue;
            String w = '<' + t.word() + '>';
            for (int n = minGram; n <= maxGram; n++) {
                for (int s = 0; s + n <= w.length(); s++) {
                    out.add(new Feature('#' + w.substring(s, s + n), CHAR_BLOCK, i, i));
                }
            }
        }
        return out;
    }
}
