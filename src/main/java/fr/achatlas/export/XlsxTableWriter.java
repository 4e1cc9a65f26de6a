package fr.achatlas.export;

import fr.achatlas.query.Column;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/** XLSX for analysts: bold frozen header, autofilter, amounts as numbers formatted "# ##0,00 €", real dates. */
final class XlsxTableWriter implements TableWriter {

    /** Excel's hard limit; beyond it rows go to a continuation sheet rather than being lost. */
    private static final int MAX_ROWS_PER_SHEET = 1_048_575;

    private final Workbook workbook;
    private final String sheetName;
    private Worksheet sheet;
    private List<Column> columns;
    private int rowIndex;
    private int sheetCount;

    XlsxTableWriter(OutputStream out, String sheetName) {
        this.workbook = new Workbook(out, "Achatlas", "1.0");
        this.sheetName = sheetName;
    }

    @Override
    public void header(List<Column> columns) throws IOException {
        this.columns = columns;
        newSheet();
    }

    private void newSheet() throws IOException {
        if (sheet != null) finishSheet();
        sheetCount++;
        sheet = workbook.newWorksheet(sheetCount == 1 ? sheetName : sheetName + " (" + sheetCount + ")");
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, columns.get(c).label());
            sheet.style(0, c).bold().fillColor("DDE5F4").set();
            sheet.width(c, switch (columns.get(c).type()) {
                case AMOUNT -> 18;
                case DATE -> 13;
                case INTEGER, BOOLEAN, PERCENT -> 11;
                default -> 24;
            });
        }
        sheet.freezePane(0, 1);
        rowIndex = 1;
    }

    @Override
    public void row(Object[] values) throws IOException {
        if (rowIndex > MAX_ROWS_PER_SHEET) newSheet();
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v == null) continue;
            switch (columns.get(c).type()) {
                case AMOUNT -> {
                    sheet.value(rowIndex, c, v instanceof BigDecimal bd ? bd : new BigDecimal(v.toString()));
                    sheet.style(rowIndex, c).format("#,##0.00 \"€\"").set();
                }
                case DATE -> {
                    LocalDate d = v instanceof Date sd ? sd.toLocalDate() : (LocalDate) v;
                    sheet.value(rowIndex, c, d);
                    sheet.style(rowIndex, c).format("dd/mm/yyyy").set();
                }
                case INTEGER -> sheet.value(rowIndex, c, ((Number) v).longValue());
                case PERCENT -> {
                    sheet.value(rowIndex, c, ((Number) v).doubleValue());
                    sheet.style(rowIndex, c).format("0.0 %").set();
                }
                case BOOLEAN -> sheet.value(rowIndex, c, Boolean.TRUE.equals(v) ? "oui" : "non");
                default -> sheet.value(rowIndex, c, v.toString());
            }
        }
        rowIndex++;
        if (rowIndex % 10_000 == 0) sheet.flush();
    }

    private void finishSheet() throws IOException {
        sheet.setAutoFilter(0, 0, Math.max(0, rowIndex - 1), columns.size() - 1);
        sheet.finish();
    }

    @Override
    public void close() throws IOException {
        if (sheet != null) finishSheet();
        workbook.finish();
    }
}
