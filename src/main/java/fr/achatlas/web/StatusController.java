package fr.achatlas.web;

import fr.achatlas.query.StatusQueries;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/** A minimal status page (counts per buyer, last imports) until the cartography lands, and its JSON twin. */
@RestController
public class StatusController {

    public record Status(StatusQueries.Totals totals, List<StatusQueries.BuyerCount> buyers, List<StatusQueries.ImportRow> imports) {
    }

    private final Connections connections;

    public StatusController(Connections connections) {
        this.connections = connections;
    }

    @GetMapping(value = "/api/status", produces = MediaType.APPLICATION_JSON_VALUE)
    public Status status() throws SQLException {
        try (Connection c = connections.open()) {
            StatusQueries q = new StatusQueries(c);
            return new Status(q.totals(), q.buyers(50), q.lastImports(20));
        }
    }

    @GetMapping(value = "/status", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    public String page() throws SQLException {
        Status s = status();
        StringBuilder h = new StringBuilder(8192);
        h.append("""
                <!doctype html><html lang="fr"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Achatlas — état de la base</title>
                <style>
                body{font-family:Marianne,Arial,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#161616}
                h1{color:#000091}table{border-collapse:collapse;width:100%;margin:1rem 0 2rem}
                th,td{border-bottom:1px solid #ddd;padding:.4rem .6rem;text-align:left}td.n,th.n{text-align:right}
                caption{text-align:left;font-weight:bold;font-size:1.2rem;margin-bottom:.5rem}
                .kpi{display:flex;gap:1rem;flex-wrap:wrap}.kpi div{border:1px solid #ddd;padding:1rem;min-width:10rem}
                .kpi strong{display:block;font-size:1.5rem;color:#000091}
                </style></head><body><main>
                <h1>Achatlas</h1><p>État de la base de la commande publique du territoire.</p>
                """);
        StatusQueries.Totals t = s.totals();
        h.append("<section class=\"kpi\" aria-label=\"Chiffres clés\">");
        kpi(h, "marchés", num(t.contracts()));
        kpi(h, "acheteurs", num(t.buyers()));
        kpi(h, "fournisseurs", num(t.suppliers()));
        kpi(h, "montant actuel des marchés", euros(t.amount()));
        kpi(h, "enregistrements rejetés", num(t.rejects()));
        h.append("</section>");
        h.append("<table><caption>Marchés par acheteur</caption><thead><tr><th scope=\"col\">Acheteur</th>"
                + "<th scope=\"col\">SIRET</th><th scope=\"col\" class=\"n\">Marchés</th><th scope=\"col\" class=\"n\">Montant actuel</th>"
                + "<th scope=\"col\">Années</th></tr></thead><tbody>");
        for (StatusQueries.BuyerCount b : s.buyers()) {
            h.append("<tr><td>").append(esc(b.name())).append("</td><td>").append(esc(b.buyerId()))
                    .append("</td><td class=\"n\">").append(num(b.contracts())).append("</td><td class=\"n\">")
                    .append(euros(b.amount())).append("</td><td>")
                    .append(b.firstYear() == null ? "" : b.firstYear() + (b.lastYear().equals(b.firstYear()) ? "" : "–" + b.lastYear()))
                    .append("</td></tr>");
        }
        h.append("</tbody></table>");
        h.append("<table><caption>Derniers imports</caption><thead><tr><th scope=\"col\">Lot</th><th scope=\"col\">Fichier</th>"
                + "<th scope=\"col\">Format</th><th scope=\"col\">Terminé</th><th scope=\"col\" class=\"n\">Lus</th>"
                + "<th scope=\"col\" class=\"n\">Chargés</th><th scope=\"col\" class=\"n\">Doublons</th><th scope=\"col\" class=\"n\">Rejetés</th>"
                + "</tr></thead><tbody>");
        for (StatusQueries.ImportRow r : s.imports()) {
            h.append("<tr><td>").append(r.batchId()).append("</td><td>").append(esc(r.fileName())).append("</td><td>")
                    .append(esc(r.format())).append("</td><td>").append(esc(r.finishedAt())).append("</td><td class=\"n\">")
                    .append(num(r.read())).append("</td><td class=\"n\">").append(num(r.loaded())).append("</td><td class=\"n\">")
                    .append(num(r.duplicates())).append("</td><td class=\"n\">").append(num(r.rejected())).append("</td></tr>");
        }
        h.append("</tbody></table><p><a href=\"/api/status\">Les mêmes données en JSON</a></p></main></body></html>");
        return h.toString();
    }

    private static void kpi(StringBuilder h, String label, String value) {
        h.append("<div><strong>").append(value).append("</strong>").append(esc(label)).append("</div>");
    }

    private static String num(long v) {
        return NumberFormat.getIntegerInstance(Locale.FRANCE).format(v);
    }

    private static String euros(BigDecimal v) {
        if (v == null) return "—";
        NumberFormat f = NumberFormat.getCurrencyInstance(Locale.FRANCE);
        f.setMaximumFractionDigits(0);
        return f.format(v);
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

}
