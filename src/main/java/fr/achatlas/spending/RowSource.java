package fr.achatlas.spending;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** Rows of a CSV or XLSX file as text cells, with the line (CSV) or row number (XLSX) a person would look for. */
interface RowSource extends AutoCloseable {

    String[] next() throws IOException;

    long line();

    /** "CSV (windows-1252, ';')" or "XLSX": what was detected, for the import report. */
    String format();

    boolean xlsx();

    @Override
    void close() throws IOException;

    /** How a file is written: XLSX, or CSV with its charset, BOM length and separator (from the profile or detected). */
    record Dialect(boolean xlsx, java.nio.charset.Charset charset, int bomLength, char separator) {
        String describe() {
            return xlsx ? "XLSX" : "CSV (" + charset.name() + ", '" + (separator == '\t' ? "\\t" : String.valueOf(separator)) + "')";
        }
    }

    static Dialect dialect(Path file, MappingProfile profile) throws IOException {
        byte[] head = new byte[96];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11 && (head[3] & 0xFF) == 0xE0) {
            // an OLE2 container: a workbook of Excel 97-2003, or an .xlsx that a password encrypts
            throw new IOException(file.getFileName() + " est un classeur Excel 97-2003 (.xls) ou un classeur protégé par mot de "
                    + "passe : Achatlas lit le .xlsx et le CSV ; enregistrez-le sous l'un de ces formats, sans mot de passe.");
        }
        if (n >= 4 && ReadableWorkbook.isOOXMLZipHeader(head)) {
            if (new String(head, 0, n, StandardCharsets.ISO_8859_1).contains("mimetypeapplication/vnd.oasis.opendocument")) {
                throw new IOException(file.getFileName() + " est un document OpenDocument (.ods) : enregistrez-le en .xlsx "
                        + "ou en CSV.");
            }
            return new Dialect(true, null, 0, ',');
        }
        Encodings.Detected enc = profile != null && profile.encoding() != null && !"auto".equalsIgnoreCase(profile.encoding())
                ? new Encodings.Detected(java.nio.charset.Charset.forName(profile.encoding()), 0)
                : Encodings.detect(file);
        int bom = enc.bomLength();
        if (bom == 0 && enc.charset().name().equals("UTF-8") && n >= 3
                && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            bom = 3; // a BOM may still be present when the profile forced UTF-8
        }
        char sep;
        if (profile != null && profile.separator() != null && !"auto".equalsIgnoreCase(profile.separator())) {
            sep = "tab".equalsIgnoreCase(profile.separator()) ? '\t' : profile.separator().charAt(0);
        } else {
            sep = CsvReader.sniffSeparator(firstLines(file, new Encodings.Detected(enc.charset(), bom)));
        }
        return new Dialect(false, enc.charset(), bom, sep);
    }

    /** Reads the rows one after the other in the calling thread (an XLSX: its first sheet). */
    static RowSource open(Path file, Dialect d) throws IOException {
        return open(file, d, 0);
    }

    /** As {@link #open(Path, Dialect)}, sheet {@code sheet} (from 0) of an XLSX. */
    static RowSource open(Path file, Dialect d, int sheet) throws IOException {
        if (d.xlsx()) return new Xlsx(file, sheet);
        InputStream raw = Files.newInputStream(file);
        raw.skipNBytes(d.bomLength());
        return new Csv(new CsvReader(new InputStreamReader(raw, d.charset()), d.separator()), d.describe());
    }

    /** The first lines of the file (at most as many as a title block and the header take, within 64 KB). */
    private static List<String> firstLines(Path file, Encodings.Detected enc) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(enc.bomLength());
            byte[] b = in.readNBytes(1 << 16);
            List<String> lines = new String(b, enc.charset()).lines().limit(SpendingReader.MAX_PREAMBLE + 1).toList();
            return lines.isEmpty() ? List.of("") : lines;
        }
    }

    final class Csv implements RowSource {
        private final CsvReader reader;
        private final String format;

        Csv(CsvReader reader, String format) {
            this.reader = reader;
            this.format = format;
        }

        public String[] next() throws IOException {
            return reader.next();
        }

        public long line() {
            return reader.recordLine();
        }

        public String format() {
            return format;
        }

        public boolean xlsx() {
            return false;
        }

        public void close() throws IOException {
            reader.close();
        }
    }

    /**
     * One sheet; number cells give the number typed ("1234.5", date serials), text cells their text, formulas the
     * value cached with the file.
     */
    final class Xlsx implements RowSource {
        private final ReadableWorkbook wb;
        private final Stream<Row> rows;
        private final Iterator<Row> it;
        private long line;

        private final String format;

        Xlsx(Path file, int sheet) throws IOException {
            wb = new ReadableWorkbook(file.toFile());
            try {
                Sheet s = wb.getSheet(sheet).orElseThrow(() -> new IOException("Pas de feuille " + (sheet + 1) + " dans " + file.getFileName()));
                format = sheet == 0 ? "XLSX" : "XLSX, feuille « " + s.getName() + " » (" + (sheet + 1) + "e)";
                rows = s.openStream();
            } catch (IOException | RuntimeException e) {
                wb.close();
                throw e;
            }
            it = rows.iterator();
        }

        /** How many sheets the workbook holds. */
        static int sheets(Path file) throws IOException {
            try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
                return (int) wb.getSheets().count();
            }
        }

        public String[] next() {
            if (!it.hasNext()) return null;
            Row r = it.next();
            line = r.getRowNum();
            String[] out = new String[r.getCellCount()];
            for (int i = 0; i < out.length; i++) {
                Cell c = r.getCell(i);
                if (c == null || c.getType() == CellType.EMPTY) out[i] = "";
                else if (c.getType() == CellType.NUMBER) out[i] = plainNumber(c.getRawValue());
                else if (c.getType() == CellType.FORMULA) out[i] = formulaValue(c);
                else out[i] = c.getText() == null ? "" : c.getText();
            }
            return out;
        }

        /**
         * A number cell as the number Excel shows: its double to Excel's 15 significant digits, in plain notation.
         * Excel writes a typed 8,30 as {@code 8.3000000000000007} and a formula's 17,50 × 1,2 as
         * {@code 20.999999999999996} (both would read as sub-cent precision), and other writers a SIRET typed as a
         * number as {@code 3.5958052900048E13}.
         */
        static String plainNumber(String raw) {
            if (raw == null) return "";
            if (isShortestDecimal(raw)) return raw;
            try {
                double d = Double.parseDouble(raw);
                if (Double.isNaN(d) || Double.isInfinite(d)) return raw;
                return new BigDecimal(Double.toString(d)).round(EXCEL_DIGITS).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return raw;
            }
        }

        private static final java.math.MathContext EXCEL_DIGITS = new java.math.MathContext(15, java.math.RoundingMode.HALF_UP);

        /**
         * Most cells (dates, SIRETs, amounts typed to the cent) hold a plain decimal of at most 15 significant digits,
         * without exponent, leading zero or trailing fractional zero: such a decimal survives the round trip through a
         * double and is unchanged by the rounding to 15 digits, so it is kept as written, without parsing.
         */
        private static boolean isShortestDecimal(String s) {
            int n = s.length();
            int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
            int start = i;
            int dot = -1;
            int significant = 0;
            for (; i < n; i++) {
                char c = s.charAt(i);
                if (c == '.') {
                    if (dot >= 0) return false;
                    dot = i;
                } else if (c >= '0' && c <= '9') {
                    if (c != '0' || significant > 0) significant++;
                } else {
                    return false;
                }
            }
            if (significant == 0 || significant > 15 || i == start) return false;
            int intEnd = dot < 0 ? n : dot;
            if (intEnd == start || (intEnd - start > 1 && s.charAt(start) == '0')) return false; // ".5", "012"
            return dot < 0 || (dot < n - 1 && s.charAt(n - 1) != '0');                           // "12.", "12.50"
        }

        private static final java.util.regex.Pattern NUMERIC = java.util.regex.Pattern.compile("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?");

        /** A formula cell: the value Excel cached when it saved the file (a number as {@link #plainNumber}). */
        private static String formulaValue(Cell c) {
            String raw = c.getRawValue() != null ? c.getRawValue().strip() : c.getText() == null ? "" : c.getText();
            return NUMERIC.matcher(raw).matches() ? plainNumber(raw) : raw;
        }

        public long line() {
            return line;
        }

        public String format() {
            return format;
        }

        public boolean xlsx() {
            return true;
        }

        public void close() throws IOException {
            rows.close();
            wb.close();
        }
    }
}
