package fr.achatlas.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import fr.achatlas.query.spaser.Art35Queries;
import fr.achatlas.query.spaser.InclusiveQueries;
import fr.achatlas.query.spaser.IndicatorValue;
import fr.achatlas.query.spaser.Metric;
import fr.achatlas.query.spaser.SpaserQueries;
import fr.achatlas.query.spaser.Target;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The yearly SPASER report as a PDF ready to publish: key figures against targets, one bar chart per indicator (the
 * three years, the target drawn as a dashed line), art. 35 compliance, the inclusive sector, and the definitions.
 * Charts are vector drawings ({@link PdfTemplate}), so they print sharp and need no image library.
 */
public final class SpaserPdf {

    static final Color BLUE = new Color(0, 0, 145);          // DSFR bleu France
    static final Color LIGHT = new Color(221, 229, 244);
    static final Color RED = new Color(206, 5, 0);
    private static final Font H1 = new Font(Font.HELVETICA, 18, Font.BOLD, BLUE);
    private static final Font H2 = new Font(Font.HELVETICA, 13, Font.BOLD, BLUE);
    private static final Font TEXT = new Font(Font.HELVETICA, 9);
    private static final Font SMALL = new Font(Font.HELVETICA, 7.5f);
    private static final Font HEAD = new Font(Font.HELVETICA, 7.5f, Font.BOLD);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int MAX_ROWS = 25;

    private SpaserPdf() {
    }

    public static void write(SpaserReport r, OutputStream out) throws IOException {
        Document doc = new Document(PageSize.A4, 36, 36, 40, 40);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            doc.addTitle("Rapport SPASER " + r.year() + " — " + r.perimeter());
            doc.addCreator("Achatlas");
            doc.open();
            doc.add(new Paragraph("Rapport annuel SPASER " + r.year(), H1));
            doc.add(h2(r.perimeter()));
            doc.add(new Paragraph("Schéma de promotion des achats publics socialement et écologiquement responsables "
                    + "(art. L2111-3 du Code de la commande publique). Indicateurs calculés à partir des données essentielles "
                    + "de la commande publique (DECP) et, le cas échéant, des dépenses mandatées ; édité le "
                    + r.today().format(DATE) + ". Définitions en annexe.", TEXT));
            doc.add(spacer());
            indicatorTable(doc, r);
            doc.newPage();
            doc.add(h2("Trajectoires " + r.firstYear() + "–" + r.year()));
            doc.add(new Paragraph("Barres : valeur de l'année ; trait pointillé rouge : cible fixée.", SMALL));
            doc.add(spacer());
            charts(doc, writer.getDirectContent(), r);
            doc.newPage();
            art35(doc, r.art35());
            doc.add(spacer());
            inclusive(doc, r);
            doc.newPage();
            definitions(doc, r);
            doc.close();
        } catch (DocumentException e) {
            throw new IOException(e);
        }
    }

    private static Paragraph h2(String text) {
        Paragraph p = new Paragraph(text, H2);
        p.setSpacingBefore(4);
        p.setSpacingAfter(6);
        return p;
    }

    private static Paragraph text(String text) {
        Paragraph p = new Paragraph(text, TEXT);
        p.setSpacingAfter(5);
        return p;
    }

    private static Paragraph spacer() {
        return new Paragraph(" ", SMALL);
    }

    private static void indicatorTable(Document doc, SpaserReport r) throws DocumentException {
        doc.add(h2("Indicateurs " + r.firstYear() + "–" + r.year()));
        PdfPTable t = table(new float[] {34, 12, 11, 11, 11, 11, 10});
        header(t, "Indicateur", "Mesure", String.valueOf(r.year() - 2), String.valueOf(r.year() - 1), String.valueOf(r.year()),
                "Cible " + r.year(), "Atteinte");
        for (SpaserQueries.Series s : r.series()) {
            Metric m = s.indicator().headline();
            cell(t, s.indicator().label(), Element.ALIGN_LEFT);
            cell(t, m.label(), Element.ALIGN_LEFT);
            for (IndicatorValue v : s.years()) cell(t, Figures.format(m, v.get(m)), Element.ALIGN_RIGHT);
            Optional<Target> target = r.target(s, r.year());
            Double actual = s.years().get(s.years().size() - 1).get(m);
            cell(t, target.map(x -> Figures.format(m, x.value().doubleValue())).orElse("—"), Element.ALIGN_RIGHT);
            cell(t, target.filter(x -> actual != null && x.value().signum() != 0)
                    .map(x -> Figures.number(100 * actual / x.value().doubleValue(), 0) + " %").orElse("—"), Element.ALIGN_RIGHT);
        }
        doc.add(t);
    }

    private static void charts(Document doc, PdfContentByte cb, SpaserReport r) throws DocumentException {
        PdfPTable grid = new PdfPTable(2);
        grid.setWidthPercentage(100);
        for (SpaserQueries.Series s : r.series()) {
            PdfPCell c = new PdfPCell(Image.getInstance(chart(cb, s, r)), false);
            c.setBorder(0);
            c.setPadding(4);
            grid.addCell(c);
        }
        grid.completeRow();
        doc.add(grid);
    }

    /** One indicator's bars over the years, with its targets; 255 × 138 pt. */
    static PdfTemplate chart(PdfContentByte cb, SpaserQueries.Series s, SpaserReport r) {
        float w = 255, h = 138, left = 8, bottom = 18, top = 40, plotH = h - bottom - top;
        PdfTemplate tp = cb.createTemplate(w, h);
        BaseFont font = Fonts.regular();
        BaseFont bold = Fonts.bold();
        Metric m = s.indicator().headline();
        tp.beginText();
        tp.setFontAndSize(bold, 8);
        tp.setColorFill(Color.BLACK);
        tp.showTextAligned(Element.ALIGN_LEFT, fit(s.indicator().label(), 60), 2, h - 10, 0);
        tp.setFontAndSize(font, 7);
        tp.showTextAligned(Element.ALIGN_LEFT, m.label(), 2, h - 20, 0);
        tp.endText();
        double max = 0;
        for (IndicatorValue v : s.years()) max = Math.max(max, v.get(m) == null ? 0 : v.get(m));
        for (int y = r.firstYear(); y <= r.year(); y++) {
            Optional<Target> t = r.target(s, y);
            if (t.isPresent()) max = Math.max(max, t.get().value().doubleValue());
        }
        if (m.isShare()) max = Math.max(max, 0.0001);
        if (max <= 0) max = 1;
        float slot = (w - 2 * left) / s.years().size();
        tp.setColorStroke(Color.GRAY);
        tp.setLineWidth(0.5f);
        tp.moveTo(left, bottom);
        tp.lineTo(w - left, bottom);
        tp.stroke();
        for (int i = 0; i < s.years().size(); i++) {
            IndicatorValue v = s.years().get(i);
            Double val = v.get(m);
            float x = left + i * slot + slot * 0.2f;
            float bw = slot * 0.6f;
            float bh = val == null ? 0 : (float) (plotH * val / max);
            tp.setColorFill(i == s.years().size() - 1 ? BLUE : new Color(106, 106, 244));
            if (bh > 0) {
                tp.rectangle(x, bottom, bw, bh);
                tp.fill();
            }
            tp.beginText();
            tp.setColorFill(Color.BLACK);
            tp.setFontAndSize(font, 7);
            tp.showTextAligned(Element.ALIGN_CENTER, String.valueOf(v.year()), x + bw / 2, 6, 0);
            tp.showTextAligned(Element.ALIGN_CENTER, Figures.format(m, val), x + bw / 2, bottom + bh + 3, 0);
            tp.endText();
            Optional<Target> t = r.target(s, v.year());
            if (t.isPresent()) {
                float ty = bottom + (float) (plotH * t.get().value().doubleValue() / max);
                tp.setColorStroke(RED);
                tp.setLineWidth(1.2f);
                tp.setLineDash(3, 2);
                tp.moveTo(x - 4, ty);
                tp.lineTo(x + bw + 4, ty);
                tp.stroke();
                tp.setLineDash(1, 0);
            }
        }
        return tp;
    }

    private static String fit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static void art35(Document doc, Art35Queries.Report a) throws DocumentException {
        doc.add(h2("Loi Climat et Résilience, article 35"));
        doc.add(new Paragraph("Depuis le " + a.since().format(DATE) + ", tout marché doit comporter une considération environnementale, "
                + "et ceux d'un montant égal ou supérieur aux seuils européens une considération sociale (loi n° 2021-1104 du "
                + "22 août 2021, art. 35). Marchés notifiés depuis : " + a.notified() + " ; sans considération environnementale : "
                + a.withoutEnvironmental() + " ; au-dessus des seuils européens : " + a.aboveEuThreshold()
                + " dont sans considération sociale : " + a.aboveWithoutSocial() + ".", TEXT));
        doc.add(spacer());
        if (!a.months().isEmpty()) {
            PdfPTable t = table(new float[] {20, 20, 20, 20, 20});
            header(t, "Mois", "Notifiés", "Sans considération environnementale", "Au-dessus des seuils UE", "… sans considération sociale");
            for (Art35Queries.Month m : a.months()) {
                cell(t, m.month(), Element.ALIGN_LEFT);
                cell(t, String.valueOf(m.notified()), Element.ALIGN_RIGHT);
                cell(t, String.valueOf(m.withoutEnvironmental()), Element.ALIGN_RIGHT);
                cell(t, String.valueOf(m.aboveEuThreshold()), Element.ALIGN_RIGHT);
                cell(t, String.valueOf(m.aboveWithoutSocial()), Element.ALIGN_RIGHT);
            }
            doc.add(t);
        }
        List<Art35Queries.Row> bad = a.nonCompliant();
        if (!bad.isEmpty()) {
            doc.add(text("Marchés non conformes" + (bad.size() > MAX_ROWS ? " (" + MAX_ROWS + " premiers sur " + bad.size() + ")" : "")));
            PdfPTable t = table(new float[] {12, 22, 34, 14, 18});
            header(t, "Notification", "Acheteur", "Objet", "Montant", "Manque");
            for (Art35Queries.Row row : bad.subList(0, Math.min(MAX_ROWS, bad.size()))) {
                cell(t, row.notificationDate().format(DATE), Element.ALIGN_LEFT);
                cell(t, row.buyerName(), Element.ALIGN_LEFT);
                cell(t, row.object(), Element.ALIGN_LEFT);
                cell(t, Figures.euros(row.amount()), Element.ALIGN_RIGHT);
                cell(t, (row.missingEnvironmental() ? "environnemental" : "") + (row.missingEnvironmental() && row.missingSocial() ? ", " : "")
                        + (row.missingSocial() ? "social" : ""), Element.ALIGN_LEFT);
            }
            doc.add(t);
        }
    }

    private static void inclusive(Document doc, SpaserReport r) throws DocumentException {
        doc.add(h2("Secteur protégé et adapté, insertion par l'activité économique"));
        if (!r.segments().isEmpty()) {
            doc.add(text("Segments transférables " + r.year() + " : familles où l'acheteur paie des fournisseurs ordinaires alors que des "
                    + "structures du territoire y travaillent."));
            PdfPTable t = table(new float[] {24, 26, 14, 16, 20});
            header(t, "Acheteur", "Famille", "Secteur", "Payé à des fournisseurs ordinaires", "Structures du territoire");
            for (InclusiveQueries.Segment s : r.segments().subList(0, Math.min(MAX_ROWS, r.segments().size()))) {
                cell(t, s.buyerName(), Element.ALIGN_LEFT);
                cell(t, s.familyLabel(), Element.ALIGN_LEFT);
                cell(t, s.sector() == InclusiveQueries.Sector.ESAT_EA ? "ESAT / EA" : "SIAE", Element.ALIGN_LEFT);
                cell(t, Figures.euros(s.ordinaryAmount()), Element.ALIGN_RIGHT);
                cell(t, s.structures() + " : " + fit(s.structureNames() == null ? "" : s.structureNames(), 80), Element.ALIGN_LEFT);
            }
            doc.add(t);
            doc.add(spacer());
        }
        doc.add(text("Candidats à la réservation : marchés de ces familles arrivant à échéance d'ici "
                + InclusiveQueries.HORIZON_MONTHS + " mois (" + r.candidates().size() + ")."));
        if (!r.candidates().isEmpty()) {
            PdfPTable t = table(new float[] {12, 20, 30, 14, 12, 12});
            header(t, "Échéance", "Acheteur", "Objet", "Montant", "Secteur", "Article CCP");
            for (InclusiveQueries.Candidate c : r.candidates().subList(0, Math.min(MAX_ROWS, r.candidates().size()))) {
                cell(t, c.endDate().format(DATE), Element.ALIGN_LEFT);
                cell(t, c.buyerName(), Element.ALIGN_LEFT);
                cell(t, c.object(), Element.ALIGN_LEFT);
                cell(t, Figures.euros(c.amount()), Element.ALIGN_RIGHT);
                cell(t, c.sectorLabel(), Element.ALIGN_LEFT);
                cell(t, c.articles(), Element.ALIGN_LEFT);
            }
            doc.add(t);
        }
    }

    private static void definitions(Document doc, SpaserReport r) throws DocumentException {
        doc.add(h2("Annexe : définitions des indicateurs"));
        for (SpaserQueries.Series s : r.series()) {
            var i = s.indicator();
            Paragraph p = new Paragraph();
            p.add(new Chunk(i.label() + ". ", HEAD));
            p.add(new Phrase("Formule : " + i.formula() + ". Données : " + i.data() + ". " + i.scope() + "."
                    + (i.caveats().isEmpty() ? "" : " Limites : " + i.caveats()), SMALL));
            p.setSpacingAfter(3);
            doc.add(p);
        }
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        return t;
    }

    private static void header(PdfPTable t, String... labels) {
        for (String l : labels) {
            PdfPCell c = new PdfPCell(new Phrase(l, HEAD));
            c.setBackgroundColor(LIGHT);
            c.setPadding(3);
            t.addCell(c);
        }
    }

    private static void cell(PdfPTable t, String text, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, SMALL));
        c.setHorizontalAlignment(align);
        c.setPadding(2.5f);
        t.addCell(c);
    }
}
