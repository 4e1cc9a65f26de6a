package fr.achatlas.normalise;

import fr.achatlas.model.Finding;
import fr.achatlas.model.Rule;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One closed list of DECP labels (a schema enumeration) with its legacy aliases. A published label is looked up
 * exactly first (the common case, no allocation), then with case, accents, ligatures, apostrophes and dashes folded,
 * then among the legacy aliases. A label changed on the way is traced by {@code mappedRule}; an unknown label is kept as
 * published with a WARNING ENUM_VALUE_UNKNOWN.
 */
public final class Vocabulary {
    private final String name;
    private final Rule mappedRule;
    private final Set<String> canonical = new HashSet<>();
    private final Map<String, String> byFoldedLabel = new HashMap<>();

    private Vocabulary(String name, Rule mappedRule) {
        this.name = name;
        this.mappedRule = mappedRule;
    }

    /** A vocabulary of canonical labels; {@code aliases} alternates legacy label, canonical label. */
    public static Vocabulary of(String name, Rule mappedRule, String[] labels, String... aliases) {
        Vocabulary v = new Vocabulary(name, mappedRule);
        for (String label : labels) {
            v.canonical.add(label);
            v.byFoldedLabel.put(fold(label), label);
        }
        for (int i = 0; i < aliases.length; i += 2) {
            if (!v.canonical.contains(aliases[i + 1])) throw new IllegalArgumentException(aliases[i + 1] + " not in " + name);
            v.byFoldedLabel.put(fold(aliases[i]), aliases[i + 1]);
        }
        return v;
    }

    public String name() {
        return name;
    }

    public Set<String> labels() {
        return Set.copyOf(canonical);
    }

    public Normalised<String> normalise(String field, String raw) {
        if (raw == null) return Normalised.absent();
        if (canonical.contains(raw)) return Normalised.of(raw);
        if (Texts.isNotProvided(raw)) return new Normalised<>(null, Texts.notProvided(field, raw));
        String stripped = raw.strip();
        if (canonical.contains(stripped)) return Normalised.of(stripped);
        String label = byFoldedLabel.get(fold(stripped));
        if (label != null) return new Normalised<>(label, mapped(field, raw, label));
        Finding unknown = Rule.ENUM_VALUE_UNKNOWN.finding(field, raw,
                "Valeur « " + raw + " » hors de la liste officielle (" + name + ") : conservée telle que publiée.");
        return new Normalised<>(stripped, unknown);
    }

    private Finding mapped(String field, String raw, String label) {
        return mappedRule.finding(field, raw, "« " + raw + " » ramené au libellé officiel « " + label + " ».");
    }

    /** Lower case, no accents, œ/æ expanded, apostrophes unified, dashes/underscores as spaces, spaces collapsed. */
    static String fold(String s) {
        String d = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(d.length());
        boolean space = false;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
            if (c == '’' || c == '‘' || c == '`' || c == 'ʼ') c = '\'';
            if (c == '-' || c == '_' || c == '–' || Texts.isSpace(c)) {
                space = true;
                continue;
            }
            if (space && !sb.isEmpty()) sb.append(' ');
            space = false;
            if (c == 'œ') sb.append("oe");
            else if (c == 'æ') sb.append("ae");
            else sb.append(c);
        }
        return sb.toString();
    }
}
