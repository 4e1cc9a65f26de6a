package fr.achatlas.report;

import fr.achatlas.query.cube.Role;
import fr.achatlas.query.cube.Scope;
import fr.achatlas.query.spaser.Indicator;
import fr.achatlas.query.spaser.Target;
import fr.achatlas.store.Database;
import fr.achatlas.store.SpaserTargetStore;
import fr.achatlas.testing.SpaserFixture;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SpaserReportTest {

    @TempDir
    Path dir;
    Database db;
    SpaserReport report;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("t.duckdb"));
        SpaserFixture.load(db);
        SpaserTargetStore targets = new SpaserTargetStore(db.connection());
        targets.save("ESAT_EA", SpaserFixture.BUYER_A, 2024, "VALUE", new BigDecimal("50000"), null, "admin");
        targets.save("ESAT_EA", SpaserFixture.BUYER_A, 2025, "VALUE", new BigDecimal("100000"), null, "admin");
        targets.save("SOCIAL", Target.TERRITORY, 2025, "SHARE_COUNT", new BigDecimal("0.5"), null, "admin");
        Scope adminA = new Scope("admin", Role.ADMIN, Set.of(), Set.of(SpaserFixture.BUYER_A));
        report = SpaserReport.build(db.connection(), adminA, 2025, LocalDate.of(2026, 11, 22));
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void pdfReadsWellWithChartsAndHandComputedFigures() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpaserPdf.write(report, out);
        Path pngs = Path.of("target", "spaser-report");
        Files.createDirectories(pngs);
        Files.write(pngs.resolve("rapport-spaser-alpha-2025.pdf"), out.toByteArray());
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(4);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Rapport annuel SPASER 2025", "Commune d'Alpha", "Loi Climat et Résilience, article 35",
                    Indicator.SOCIAL.label(), Indicator.ESAT_EA.label(), "Candidats à la réservation", "L2113-12");
            // PME 2024: 90 000 of 150 000; ESAT/EA 2024: 30 000 against a 50 000 target (60 %).
            assertThat(text).contains("60,0 %", "30 000 €", "50 000 €");
            // Art. 35: A-4 lacks both considerations.
            assertThat(text).contains("Nettoyage des bâtiments");
            PDFRenderer renderer = new PDFRenderer(pdf);
            for (int p = 0; p < pdf.getNumberOfPages(); p++) {
                BufferedImage img = renderer.renderImageWithDPI(p, 72);
                ImageIO.write(img, "png", pngs.resolve("page-" + (p + 1) + ".png").toFile());
            }
            // Page 2 holds the charts: the bars of past years and the red dashed target lines are really drawn.
            BufferedImage charts = renderer.renderImageWithDPI(1, 72);
            assertThat(count(charts, 106, 106, 244)).isGreaterThan(5000);
            assertThat(count(charts, 206, 5, 0)).isGreaterThan(10);
        }
    }

    private static long count(BufferedImage img, int r, int g, int b) {
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xff) - r) < 20 && Math.abs(((rgb >> 8) & 0xff) - g) < 20 && Math.abs((rgb & 0xff) - b) < 20) n++;
            }
        }
        return n;
    }

    @Test
    void xlsxCarriesTheSameNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SpaserXlsx.write(report, out);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<String> sheets = wb.getSheets().map(s -> s.getName()).collect(Collectors.toList());
            assertThat(sheets).containsExactly("Indicateurs", "Article 35", "Segments transférables", "Candidats réservation");
            List<Row> rows = wb.getFirstSheet().read();
            Row esat2024 = rows.stream().filter(r -> "ESAT_EA".equals(r.getCellText(1)) && "2024".equals(r.getCellText(2))).findFirst().orElseThrow();
            assertThat(new BigDecimal(esat2024.getCellText(6))).isEqualByComparingTo("30000");
            assertThat(new BigDecimal(esat2024.getCellText(11))).isEqualByComparingTo("50000");
            List<Row> candidates = wb.getSheets().toList().get(3).read();
            assertThat(candidates).hasSize(2);
            assertThat(candidates.get(1).getCellText(1)).isEqualTo("A-3");
            assertThat(candidates.get(1).getCellText(8)).isEqualTo("L2113-12");
        }
    }
}
