package fr.achatlas.export;

import fr.achatlas.query.Column;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * CSV in two dialects. Excel-FR (default): UTF-8 with BOM, ';' separator, decimal comma, dates dd/mm/yyyy — what a
 * French Excel opens correctly with a double click. Standard: RFC 4180, ',' separator, '.' decimals, ISO dates.
 */
final class CsvTableWriter implements TableWriter {

    private static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final BufferedWriter out;
    private final boolean excelFr;
    private final char sep;
    private List<Column> columns;

    CsvTableWriter(OutputStream stream, boolean excelFr) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        this.excelFr = excelFr;
        this.sep = excelFr ? ';' : ',';
        if (excelFr) out.write('\uFEFF');
    }

    @Override
    public void header(List<Column> columns) throws IOException {
        this.columns = columns;
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) out.write(sep);
            field(excelFr ? columns.get(i).label() : columns.get(i).name());
        }
        out.write("\r\n");
    }

    @Override
    public void row(Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) out.write(sep);
            field(render(columns.get(i), values[i]));
        }
        out.write("\r\n");
    }

    private String render(Column col, Object v) {
        if (v == null) return "";
        return switch (col.type()) {
            case AMOUNT -> {
                String s = (v instanceof BigDecimal bd ? bd : new BigDecimal(v.toString())).toPlainString();
                yield excelFr ? s.replace('.', ',') : s;
            }
            case DATE -> {
                LocalDate d = v instanceof Date sd ? sd.toLocalDate() : v instanceof LocalDate ld ? ld : LocalDate.parse(v.toString());
                yield excelFr ? FR_DATE.format(d) : d.toString();
            }
            case PERCENT -> {
                String s = String.format(java.util.Locale.ROOT, "%.4f", ((Number) v).doubleValue() * 100);
                yield excelFr ? s.replace('.', ',') : s;
            }
            case BOOLEAN -> Boolean.TRUE.equals(v) ? (excelFr ? "oui" : "true") : (excelFr ? "non" : "false");
            default -> v.toString();
        };
    }

    private void field(String s) throws IOException {
        boolean quote = s.indexOf(sep) >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        if (!quote) {
            out.write(s);
            return;
        }
        out.write('"');
        out.write(s.replace("\"", "\"\""));
        out.write('"');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
