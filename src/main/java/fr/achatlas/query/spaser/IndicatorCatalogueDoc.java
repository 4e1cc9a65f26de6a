package fr.achatlas.query.spaser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Renders the {@link Indicator} catalogue as the Markdown table of docs/spaser.md (a test checks they agree). */
public final class IndicatorCatalogueDoc {

    public static final String BEGIN_MARKER = "<!-- catalogue: généré depuis fr.achatlas.query.spaser.Indicator, ne pas modifier à la main -->";
    public static final String END_MARKER = "<!-- fin du catalogue -->";

    private IndicatorCatalogueDoc() {
    }

    public static String render() {
        StringBuilder b = new StringBuilder(BEGIN_MARKER).append("\n\n");
        b.append("| Code | Indicateur | Thème | Source | Mesure suivie | Formule | Données | Limites |\n");
        b.append("|---|---|---|---|---|---|---|---|\n");
        for (Indicator i : Indicator.values()) {
            b.append("| `").append(i.code()).append("` | ").append(cell(i.label())).append(" | ").append(cell(i.theme())).append(" | ")
                    .append(i.fact() == fr.achatlas.query.cube.Fact.CONTRACT ? "marchés (DECP)" : "dépenses").append(" | ")
                    .append(i.headline().label()).append(" | ").append(cell(i.formula())).append(" | ").append(cell(i.data()))
                    .append(" | ").append(cell(i.caveats())).append(" |\n");
        }
        return b.append('\n').append(END_MARKER).toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    /** Rewrites the marked part of the given file. */
    public static void main(String[] args) throws Exception {
        Path p = Path.of(args.length > 0 ? args[0] : "docs/spaser.md");
        String text = Files.readString(p, StandardCharsets.UTF_8);
        int a = text.indexOf(BEGIN_MARKER);
        int z = text.indexOf(END_MARKER);
        if (a < 0 || z < 0) throw new IllegalStateException("markers missing in " + p);
        Files.writeString(p, text.substring(0, a) + render() + text.substring(z + END_MARKER.length()), StandardCharsets.UTF_8);
    }
}
