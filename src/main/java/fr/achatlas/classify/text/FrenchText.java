package fr.achatlas.classify.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * French-aware text handling for purchase objects and spending labels: lower case, accents folded, elisions and
 * punctuation split off, stop words and numbers dropped, light stemming (plural and common derivational suffixes) so
 * that "Rénovation des réseaux" and "rénover le réseau" share their terms.
 *
 * <p>Mis-decoded characters (U+FFFD, frequent in old DECP files where "é" was lost) are read as "e", by far the most
 * frequent accented letter in French, so that "am\uFFFDnagement" and "aménagement" meet.
 */
public final class FrenchText {

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "en", "et", "l", "la", "le",
            "les", "leur", "leurs", "ou", "par", "pour", "sur", "sous", "sans", "son", "sa", "ses", "un", "une", "qui",
            "que", "qu", "d", "n", "s", "c", "j", "m", "t", "y", "il", "elle", "ils", "est", "sont", "entre", "vers",
            "chez", "dont", "lot", "lots", "n°", "no", "nr", "ainsi", "afin", "relatif", "relative", "relatifs",
            "relatives", "concernant", "compris", "notamment", "divers", "diverses", "annee", "annees", "ans", "an",
            "marche", "marches", "accord", "cadre", "mapa", "objet", "commune", "ville", "departement", "communaute",
            "besoins", "site", "sites");

    private FrenchText() {
    }

    /** A kept word: its stem (what the classifier compares) and the folded word as written (what people read). */
    public record Term(String stem, String word) {
    }

    /** The stems of a text, in order, stop words and numbers removed. */
    public static List<String> stems(String text) {
        return terms(text).stream().map(Term::stem).toList();
    }

    /** The kept words of a text, in order. */
    public static List<Term> terms(String text) {
        List<Term> out = new ArrayList<>();
        if (text == null) return out;
        StringBuilder word = new StringBuilder(24);
        for (int i = 0, n = text.length(); i <= n; i++) {
            char c = i < n ? fold(text.charAt(i)) : ' ';
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                word.append(c);
            } else if (c == '\u0153') { // œ
                word.append("oe");
            } else if (c == '\u00e6') {
                word.append("ae");
            } else if (!word.isEmpty()) {
                add(word, out);
                word.setLength(0);
            }
        }
        return out;
    }

    private static void add(StringBuilder word, List<Term> out) {
        if (word.length() < 2) return;
        boolean digits = true;
        for (int i = 0; i < word.length(); i++) if (word.charAt(i) > '9') digits = false;
        if (digits) return;
        String w = word.toString();
        if (STOP_WORDS.contains(w)) return;
        out.add(new Term(stem(w), w));
    }

    /** Lower case with accents folded; any other character comes back unchanged (and will split words). */
    static char fold(char c) {
        if (c < 128) return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        return switch (c) {
            case 'à', 'â', 'ä', 'á', 'ã', 'À', 'Â', 'Ä', 'Á' -> 'a';
            case 'é', 'è', 'ê', 'ë', 'É', 'È', 'Ê', 'Ë', '\uFFFD' -> 'e';
            case 'î', 'ï', 'í', 'Î', 'Ï' -> 'i';
            case 'ô', 'ö', 'ó', 'õ', 'Ô', 'Ö' -> 'o';
            case 'ù', 'û', 'ü', 'ú', 'Ù', 'Û', 'Ü' -> 'u';
            case 'ç', 'Ç' -> 'c';
            case 'ÿ', 'Ÿ' -> 'y';
            case 'ñ', 'Ñ' -> 'n';
            case 'Œ', 'œ' -> '\u0153';
            case 'Æ', 'æ' -> '\u00e6';
            default -> c;
        };
    }

    /** A light French stemmer: plural, then one derivational suffix, then a final mute e. */
    static String stem(String w) {
        int n = w.length();
        if (n <= 3) return w;
        if (w.endsWith("eaux")) w = w.substring(0, n - 1);
        else if (w.endsWith("aux") && n > 4) w = w.substring(0, n - 3) + "al";
        else if ((w.endsWith("s") || w.endsWith("x")) && !w.endsWith("ss")) w = w.substring(0, n - 1);
        n = w.length();
        String[][] suffixes = {
                {"issements", ""}, {"issement", ""}, {"ements", ""}, {"ement", ""}, {"ations", ""}, {"ation", ""},
                {"atrice", ""}, {"ateur", ""}, {"ition", "it"}, {"ique", "ic"}, {"euse", ""}, {"eur", ""}, {"ite", ""},
                {"iere", ""}, {"ier", ""}, {"elle", "el"}, {"ive", "if"}, {"age", ""}};
        for (String[] s : suffixes) {
            if (w.endsWith(s[0]) && n - s[0].length() >= 4) {
                w = w.substring(0, n - s[0].length()) + s[1];
                break;
            }
        }
        n = w.length();
        if (n > 4 && w.endsWith("e")) w = w.substring(0, n - 1);
        return w;
    }
}
