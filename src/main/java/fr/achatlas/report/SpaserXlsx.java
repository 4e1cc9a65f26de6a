package fr.achatlas.report;

import fr.achatlas.query.spaser.Art35Queries;
import fr.achatlas.query.spaser.InclusiveQueries;
import fr.achatlas.query.spaser.IndicatorValue;
import fr.achatlas.query.spaser.Metric;
import fr.achatlas.query.spaser.SpaserQueries;
import fr.achatlas.query.spaser.Target;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The yearly SPASER report as a workbook for analysts: every figure of every indicator (number, value, shares, target),
 * art. 35, transferable segments and reservation candidates — numbers as numbers, shares as percentages.
 */
public final class SpaserXlsx {

    private SpaserXlsx() {
    }

    public static void write(SpaserReport r, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Achatlas", "1.0");
        indicators(wb.newWorksheet("Indicateurs"), r);
        art35(wb.newWorksheet("Article 35"), r.art35());
        segments(wb.newWorksheet("Segments transférables"), r);
        candidates(wb.newWorksheet("Candidats réservation"), r);
        wb.finish();
    }

    private static void head(Worksheet ws, String... labels) {
        for (int c = 0; c < labels.length; c++) {
            ws.value(0, c, labels[c]);
            ws.style(0, c).bold().fillColor("DDE5F4").set();
            ws.width(c, c == 0 ? 44 : 16);
        }
        ws.freezePane(0, 1);
    }

    private static void indicators(Worksheet ws, SpaserReport r) throws IOException {
        head(ws, "Indicateur", "Code", "Année", "Nombre", "Base (nombre)", "Part en nombre", "Montant (€ HT)", "Base (montant)",
                "Part en valeur", "Moyenne", "Mesure suivie", "Cible", "Formule");
        int row = 1;
        for (SpaserQueries.Series s : r.series()) {
            for (IndicatorValue v : s.years()) {
                Metric m = s.indicator().headline();
                ws.value(row, 0, s.indicator().label());
                ws.value(row, 1, s.indicator().code());
                ws.value(row, 2, v.year());
                ws.value(row, 3, v.count());
                ws.value(row, 4, v.baseCount());
                percent(ws, row, 5, v.shareCount());
                euros(ws, row, 6, v.value());
                euros(ws, row, 7, v.baseValue());
                percent(ws, row, 8, v.shareValue());
                if (v.average() != null) ws.value(row, 9, v.average());
                ws.value(row, 10, m.label());
                Target t = r.target(s, v.year()).orElse(null);
                if (t != null) {
                    ws.value(row, 11, t.value());
                    if (m.isShare()) ws.style(row, 11).format("0.0 %").set();
                }
                ws.value(row, 12, s.indicator().formula());
                row++;
            }
        }
        ws.setAutoFilter(0, 0, Math.max(0, row - 1), 12);
        ws.finish();
    }

    private static void art35(Worksheet ws, Art35Queries.Report a) throws IOException {
        head(ws, "Objet", "Identifiant", "Acheteur", "Notification", "Montant initial (€ HT)", "Nature", "Seuil UE en vigueur",
                "Considération environnementale", "Considération sociale", "Conforme");
        int row = 1;
        for (Art35Queries.Row r : a.rows()) {
            ws.value(row, 0, r.object());
            ws.value(row, 1, r.contractId());
            ws.value(row, 2, r.buyerName());
            date(ws, row, 3, r.notificationDate());
            euros(ws, row, 4, r.amount());
            ws.value(row, 5, r.nature());
            euros(ws, row, 6, r.euThreshold());
            ws.value(row, 7, r.environmental() ? "oui" : "non");
            ws.value(row, 8, r.social() ? "oui" : r.aboveEuThreshold() ? "non (requise)" : "non");
            ws.value(row, 9, r.compliant() ? "oui" : "non");
            row++;
        }
        ws.setAutoFilter(0, 0, Math.max(0, row - 1), 9);
        ws.finish();
    }

    private static void segments(Worksheet ws, SpaserReport r) throws IOException {
        head(ws, "Famille", "Acheteur", "Secteur", "Payé à des fournisseurs ordinaires (€ HT)", "Fournisseurs ordinaires",
                "Déjà payé au secteur (€ HT)", "Structures du territoire", "Noms");
        int row = 1;
        for (InclusiveQueries.Segment s : r.segments()) {
            ws.value(row, 0, s.familyLabel());
            ws.value(row, 1, s.buyerName());
            ws.value(row, 2, s.sector().label());
            euros(ws, row, 3, s.ordinaryAmount());
            ws.value(row, 4, s.ordinarySuppliers());
            euros(ws, row, 5, s.inclusiveAmount());
            ws.value(row, 6, s.structures());
            ws.value(row, 7, s.structureNames());
            row++;
        }
        ws.finish();
    }

    private static void candidates(Worksheet ws, SpaserReport r) throws IOException {
        head(ws, "Objet", "Identifiant", "Acheteur", "Famille", "Titulaires", "Montant (€ HT)", "Échéance", "Secteur",
                "Article CCP", "Structures du territoire");
        int row = 1;
        for (InclusiveQueries.Candidate c : r.candidates()) {
            ws.value(row, 0, c.object());
            ws.value(row, 1, c.contractId());
            ws.value(row, 2, c.buyerName());
            ws.value(row, 3, c.familyLabel());
            ws.value(row, 4, c.holders());
            euros(ws, row, 5, c.amount());
            date(ws, row, 6, c.endDate());
            ws.value(row, 7, c.sectorLabel());
            ws.value(row, 8, c.articles());
            ws.value(row, 9, c.structures());
            row++;
        }
        ws.finish();
    }

    private static void euros(Worksheet ws, int row, int col, BigDecimal v) {
        if (v == null) return;
        ws.value(row, col, v);
        ws.style(row, col).format("#,##0.00 \"€\"").set();
    }

    private static void percent(Worksheet ws, int row, int col, Double v) {
        if (v == null) return;
        ws.value(row, col, v);
        ws.style(row, col).format("0.0 %").set();
    }

    private static void date(Worksheet ws, int row, int col, LocalDate d) {
        if (d == null) return;
        ws.value(row, col, d);
        ws.style(row, col).format("dd/mm/yyyy").set();
    }
}
