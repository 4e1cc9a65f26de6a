package fr.achatlas.report;

import fr.achatlas.query.cube.Scope;
import fr.achatlas.query.mutualisation.MutualisationQueries;
import fr.achatlas.store.Database;
import fr.achatlas.testing.ProgrammeFixture;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The study for elected officials, rendered with PDFBox: its text carries the opportunity's figures and its pages are not blank. */
class MutualisationStudyPdfTest {

    @TempDir
    Path dir;

    @Test
    void studyRendersWithTheFiguresOfTheQueries() throws Exception {
        byte[] pdf;
        try (Database db = Database.open(dir.resolve("t.duckdb"))) {
            ProgrammeFixture.load(db);
            MutualisationQueries.Params p = new MutualisationQueries.Params(ProgrammeFixture.TODAY, 3, 36);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MutualisationStudyPdf.write(MutualisationStudyPdf.build(db.connection(), p, 5, Scope.anonymous()), out);
            pdf = out.toByteArray();
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isBetween(1, 3);
            String text = new PDFTextStripper().getText(doc).replace('\u00a0', ' ');
            assertThat(text).contains("Opportunités de mutualisation des achats")
                    .contains("1. Plantes, arbres, semences et fournitures horticoles")
                    .contains("2 acheteurs du territoire")
                    .contains("Commune de Bêta").contains("Commune d'Alpha")
                    .contains("3 000 € à 6 000 €")                 // 5 % and 12 % of 50 000 €/year, rounded
                    .contains("dès maintenant")
                    .contains("Méthode et hypothèses").contains("L2113-6");
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                BufferedImage img = renderer.renderImageWithDPI(i, 60);
                ImageIO.write(img, "png", dir.resolve("page-" + i + ".png").toFile());
                assertThat(darkPixelShare(img)).as("page %d has content", i + 1).isGreaterThan(0.005);
            }
        }
    }

    static double darkPixelShare(BufferedImage img) {
        long dark = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int lum = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                if (lum < 128) dark++;
            }
        }
        return (double) dark / ((long) img.getWidth() * img.getHeight());
    }
}
