package fr.achatlas.report;

import fr.achatlas.query.spaser.Metric;

import java.text.NumberFormat;
import java.util.Locale;

/** French renderings of indicator figures, shared by the PDF and the XLSX notes (plain spaces: PDF base fonts lack U+202F). */
final class Figures {

    private Figures() {
    }

    static String format(Metric m, Double v) {
        if (v == null) return "—";
        return switch (m) {
            case SHARE_COUNT, SHARE_VALUE -> number(v * 100, 1) + " %";
            case VALUE -> number(v, 0) + " €";
            case COUNT -> number(v, 0);
            case AVERAGE -> number(v, 1);
        };
    }

    static String euros(java.math.BigDecimal v) {
        return v == null ? "—" : number(v.doubleValue(), 0) + " €";
    }

    static String number(double v, int decimals) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.FRANCE);
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f.format(v).replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
