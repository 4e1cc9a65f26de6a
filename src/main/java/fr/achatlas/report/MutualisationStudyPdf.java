package fr.achatlas.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import fr.achatlas.query.TerritoryQueries;
import fr.achatlas.query.cube.Scope;
import fr.achatlas.query.mutualisation.MutualisationQueries;
import fr.achatlas.query.mutualisation.SavingsRates;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The study of the top mutualisation opportunities for elected officials: a summary table, then one section per
 * opportunity (who buys, when contracts end, the savings range and its assumptions), then the method. Every figure
 * comes from {@link MutualisationQueries}: the same numbers as the screen and the export.
 */
public final class MutualisationStudyPdf {

    public record Study(String territory, LocalDate today, MutualisationQueries.Params params,
                        List<MutualisationQueries.Opportunity> top,
                        Map<String, List<MutualisationQueries.BuyerShare>> buyers, SavingsRates rates) {
    }

    private static final Font TITLE = new Font(Font.HELVETICA, 18, Font.BOLD, new Color(0, 0, 145));
    private static final Font H2 = new Font(Font.HELVETICA, 13, Font.BOLD, new Color(0, 0, 145));
    private static final Font BODY = new Font(Font.HELVETICA, 10);
    private static final Font SMALL = new Font(Font.HELVETICA, 8);
    private static final Font SMALL_BOLD = new Font(Font.HELVETICA, 8, Font.BOLD);
    private static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private MutualisationStudyPdf() {
    }

    /** The study's content: the top opportunities and their buyers, from the same queries as the screen and exports. */
    public static Study build(Connection c, MutualisationQueries.Params p, int top, Scope scope) throws SQLException {
        MutualisationQueries q = new MutualisationQueries(c);
        List<MutualisationQueries.Opportunity> list = q.opportunities(p, scope);
        list = list.subList(0, Math.min(top, list.size()));
        Map<String, List<MutualisationQueries.BuyerShare>> buyers = new LinkedHashMap<>();
        for (MutualisationQueries.Opportunity o : list) buyers.put(o.familyKey(), q.buyers(o.familyKey(), p));
        String name = new TerritoryQueries(c).territory().name();
        return new Study(name == null ? "Territoire" : name, p.today(), p, list, buyers, SavingsRates.defaults());
    }

    public static void write(Study s, OutputStream out) throws IOException {
        Document doc = new Document(PageSize.A4, 40, 40, 50, 50);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("Étude des opportunités de mutualisation — " + s.territory());
            doc.addCreator("Achatlas");
            doc.open();
            doc.add(new Paragraph("Opportunités de mutualisation des achats", TITLE));
            doc.add(new Paragraph(s.territory() + " — étude au " + FR_DATE.format(s.today()) + " pour les élus", BODY));
            doc.add(new Paragraph("Marchés attribués sur les " + s.params().years() + " dernières années ; échéances examinées sur "
                    + s.params().horizonMonths() + " mois. Source : données essentielles de la commande publique (DECP) des acheteurs du territoire.", SMALL));
            doc.add(Chunk.NEWLINE);
            doc.add(summary(s.top()));
            for (MutualisationQueries.Opportunity o : s.top()) section(doc, o, s.buyers().getOrDefault(o.familyKey(), List.of()), s.today());
            method(doc, s);
            doc.close();
        } catch (DocumentException e) {
            throw new IOException(e);
        }
    }

    private static PdfPTable summary(List<MutualisationQueries.Opportunity> top) {
        PdfPTable t = new PdfPTable(new float[] {0.5f, 3.5f, 1f, 1.6f, 1.3f, 1.8f});
        t.setWidthPercentage(100);
        for (String h : List.of("#", "Famille d'achat", "Acheteurs", "Montant annuel moyen", "Échéances à venir", "Gain annuel possible (hypothèse)")) {
            PdfPCell c = new PdfPCell(new Phrase(h, SMALL_BOLD));
            c.setBackgroundColor(new Color(227, 227, 253));
            t.addCell(c);
        }
        for (MutualisationQueries.Opportunity o : top) {
            t.addCell(new Phrase(String.valueOf(o.rank()), SMALL));
            t.addCell(new Phrase(o.familyLabel(), SMALL));
            t.addCell(right(String.valueOf(o.buyers())));
            t.addCell(right(eur(o.yearlyAmount())));
            t.addCell(right(String.valueOf(o.endingContracts())));
            t.addCell(right(range(o)));
        }
        return t;
    }

    private static void section(Document doc, MutualisationQueries.Opportunity o, List<MutualisationQueries.BuyerShare> buyers,
                                LocalDate today)
            throws DocumentException {
        Paragraph title = new Paragraph(o.rank() + ". " + o.familyLabel(), H2);
        title.setSpacingBefore(14);
        doc.add(title);
        doc.add(new Paragraph(o.buyers() + " acheteurs du territoire (" + o.levelLabel().toLowerCase(Locale.FRANCE) + "), "
                + o.contracts() + " marchés pour " + eur(o.amount()) + " HT sur la période, " + o.suppliers() + " fournisseurs dont "
                + o.sharedSuppliers() + " communs à plusieurs acheteurs ; " + o.jointContracts() + " marché(s) déjà conjoint(s).", BODY));
        if (o.selection() != null) {
            MutualisationQueries.Involvement in = o.selection();
            doc.add(new Paragraph("Part du périmètre choisi : " + in.contracts() + " marché(s) pour " + eur(in.amount()) + " HT sur la période"
                    + (in.offContractSpending() == null ? "" : ", " + eur(in.offContractSpending()) + " payés hors marché") + ".", BODY));
        }
        if (o.windowStart() != null) {
            String prepare = o.prepareBy().isAfter(today)
                    ? "une consultation commune serait à préparer avant le " + FR_DATE.format(o.prepareBy())
                    : "une consultation commune est à préparer dès maintenant (six mois avant la première échéance : "
                      + FR_DATE.format(o.prepareBy()) + ")";
            doc.add(new Paragraph(o.endingContracts() + " marché(s) arrivent à échéance entre le " + FR_DATE.format(o.windowStart())
                    + " et le " + FR_DATE.format(o.windowEnd()) + " : " + prepare + ".", BODY));
        } else {
            doc.add(new Paragraph("Aucune échéance dans l'horizon examiné : la mutualisation se prépare au prochain renouvellement.", BODY));
        }
        doc.add(new Paragraph("Gain annuel possible : " + range(o) + " (hypothèse, voir la méthode).", BODY));
        if (!buyers.isEmpty()) {
            PdfPTable t = new PdfPTable(new float[] {3.5f, 1.6f, 1f, 1f, 1.6f});
            t.setWidthPercentage(100);
            t.setSpacingBefore(4);
            for (String h : List.of("Acheteur", "Montant HT", "Marchés", "Fournisseurs", "Prochaine échéance")) {
                t.addCell(new PdfPCell(new Phrase(h, SMALL_BOLD)));
            }
            for (MutualisationQueries.BuyerShare b : buyers) {
                t.addCell(new Phrase(b.buyerName() == null ? b.buyerId() : b.buyerName(), SMALL));
                t.addCell(right(eur(b.amount())));
                t.addCell(right(String.valueOf(b.contracts())));
                t.addCell(right(String.valueOf(b.suppliers())));
                t.addCell(right(b.nextEnd() == null ? "—" : FR_DATE.format(b.nextEnd())));
            }
            doc.add(t);
        }
    }

    private static void method(Document doc, Study s) throws DocumentException {
        Paragraph title = new Paragraph("Méthode et hypothèses", H2);
        title.setSpacingBefore(16);
        doc.add(title);
        doc.add(new Paragraph("Une opportunité est une famille d'achat (nomenclature du territoire, à défaut la division CPV) achetée "
                + "par au moins deux acheteurs du territoire. Le montant annuel moyen est le montant actuel des marchés attribués "
                + "pendant la période, divisé par le nombre d'années. L'échéance d'un marché est sa date de notification augmentée "
                + "de sa durée après modifications. Le gain possible applique au montant annuel une fourchette de taux par nature "
                + "d'achat, arrondie au millier d'euros : c'est un ordre de grandeur pour décider d'étudier, non une promesse.", BODY));
        for (SavingsRates.Rate r : s.rates().rates().values()) {
            doc.add(new Paragraph("• " + r.nature() + " : " + pct(r.low()) + " à " + pct(r.high()) + " — " + r.source(), SMALL));
        }
        doc.add(new Paragraph("Cadre : groupements de commandes (art. L2113-6 à L2113-8 du Code de la commande publique) et "
                + "centrales d'achat (art. L2113-2 à L2113-4). Les taux sont des hypothèses du territoire, à ajuster "
                + "(fichier reference/gains-mutualisation.csv).", SMALL));
    }

    private static PdfPCell right(String text) {
        PdfPCell c = new PdfPCell(new Phrase(text, SMALL));
        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return c;
    }

    private static String range(MutualisationQueries.Opportunity o) {
        return eur(o.savingsLow()) + " à " + eur(o.savingsHigh());
    }

    private static String eur(BigDecimal v) {
        // U+00A0 rather than the narrow no-break space of recent JDKs: Helvetica (WinAnsi) has no glyph for U+202F.
        return v == null ? "—" : NumberFormat.getIntegerInstance(Locale.FRANCE).format(v).replace('\u202f', '\u00a0') + " €";
    }

    private static String pct(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }
}
