package fr.achatlas.report;

import com.lowagie.text.pdf.BaseFont;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The PDF's standard fonts in cp1252, which holds French accents and the euro sign. */
final class Fonts {

    private Fonts() {
    }

    static BaseFont regular() {
        return font(BaseFont.HELVETICA);
    }

    static BaseFont bold() {
        return font(BaseFont.HELVETICA_BOLD);
    }

    private static BaseFont font(String name) {
        try {
            return BaseFont.createFont(name, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
