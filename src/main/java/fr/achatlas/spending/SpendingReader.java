package fr.achatlas.spending;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one spending export as consecutive {@link Batch}es of data rows, for a {@link LineMapper} to map. Reading
 * batches is cheap and sequential; turning a batch into rows and mapping them is the costly part and may run on
 * several threads: a CSV in UTF-8 or a single-byte charset is cut into byte chunks of whole records
 * ({@link CsvChunker}), each decoded and parsed where it is mapped. XLSX sheets and other charsets are parsed here,
 * row by row. The header row is found first (blank lines and a title block before it are skipped) and decides the
 * profile.
 */
public final class SpendingReader implements AutoCloseable {

    /** Receives the non-blank rows of a batch, with the line (CSV) or row number (XLSX) a person would look for. */
    @FunctionalInterface
    public interface RowConsumer {
        void row(String[] cells, long line);
    }

    /** Consecutive records of the file. */
    public interface Batch {
        /** Parses the batch (in the calling thread) and hands over its non-blank rows in file order. */
        void rows(RowConsumer consumer) throws IOException;
    }

    private static final int HEADER_CHUNK = 1 << 16;
    private static final int CHUNK = 1 << 20;
    private static final int ROWS = 4_096;

    private final Source source;
    private final MappingProfile profile;
    private final String[] header;
    private final MappingProfile.Resolved cols;
    private final FrenchNumbers.Decimal decimal;
    private final int yearColumn;
    private final List<PreambleRow> preamble;
    private Batch pending;

    private SpendingReader(Source source, MappingProfile profile, String[] header, List<PreambleRow> preamble,
                           Batch afterHeader) throws IOException {
        this.source = source;
        this.preamble = List.copyOf(preamble);
        this.profile = profile;
        this.header = header;
        this.pending = afterHeader;
        this.cols = profile.resolve(header);
        if (!cols.missingRequired().isEmpty()) {
            throw new IOException("Le profil « " + profile.name() + " » ne convient pas : colonnes absentes pour "
                    + String.join(", ", cols.missingRequired()) + ". En-tête lu : " + Arrays.toString(header));
        }
        String d = profile.decimal() == null ? "auto" : profile.decimal();
        this.decimal = switch (d) {
            case "dot" -> FrenchNumbers.Decimal.DOT;
            case "comma" -> FrenchNumbers.Decimal.COMMA;
            default -> source.xlsx() ? FrenchNumbers.Decimal.DOT : FrenchNumbers.Decimal.COMMA;
        };
        int y = -1;
        if (profile.dateFallbackYear() != null) {
            for (int i = 0; i < header.length; i++) {
                if (MappingProfile.key(header[i]).equals(MappingProfile.key(profile.dateFallbackYear()))) y = i;
            }
        }
        this.yearColumn = y;
    }

    /** Non-blank rows a title block above the header may take: report name, buyer, period, date of extraction… */
    public static final int MAX_PREAMBLE = 20;

    /** A non-blank row above the header: not a record, skipped, and reported so that nothing vanishes unsaid. */
    public record PreambleRow(long line, String text) {
    }

    /**
     * Opens a file with the given profile, or with the bundled profile that fits its header when {@code profile} is
     * null. The header is the first row the profile (or a bundled one) recognises among the first
     * {@value #MAX_PREAMBLE} + 1 non-blank rows, so that a title block above it, as spreadsheets and some financial
     * software print, is skipped; the rows above it are {@link #preamble()}. In a workbook, the first sheet that has
     * such a header is read (a cover or summary sheet may come first). Fails (before anything is read into the
     * store) when no row fits: the person must choose or write a profile.
     */
    public static SpendingReader open(Path file, MappingProfile profile) throws IOException {
        RowSource.Dialect dialect = RowSource.dialect(file, profile);
        Source src = source(file, dialect, 0);
        HeaderSearch h = HeaderSearch.run(src, profile);
        int sheets = 1;
        try {
            // a workbook whose first sheet is a cover, a summary or settings: the table is on a later sheet
            if (dialect.xlsx() && !h.found()) sheets = RowSource.Xlsx.sheets(file);
            for (int k = 1; k < sheets && !h.found(); k++) {
                Source other = source(file, dialect, k);
                HeaderSearch o = HeaderSearch.run(other, profile);
                if (o.found()) {
                    src.close();
                    src = other;
                    h = o;
                } else {
                    other.close();
                }
            }
            // no row fits: the first one is taken as the header, and the error below (or the profile's) names it
            int headerAt = h.found() ? h.headerAt() : 0;
            List<String[]> rows = h.rows();
            List<Long> lines = h.lines();
            String[] header = rows.isEmpty() ? new String[0] : rows.get(headerAt);
            MappingProfile p = h.found() ? h.fit() : profile;
            if (p == null) {
                throw new IOException("Aucun profil de colonnes fourni ne reconnaît l'en-tête de " + file.getFileName()
                        + " (cherché sur les " + (MAX_PREAMBLE + 1) + " premières lignes non vides"
                        + (sheets > 1 ? " de chaque feuille" : "") + ") : "
                        + Arrays.toString(header) + ". Donnez-en un avec --profile (voir docs/spending.md).");
            }
            List<PreambleRow> preamble = new ArrayList<>();
            for (int i = 0; i < headerAt && !rows.isEmpty(); i++) preamble.add(new PreambleRow(lines.get(i), caption(rows.get(i))));
            List<String[]> data = rows.isEmpty() ? rows : new ArrayList<>(rows.subList(headerAt + 1, rows.size()));
            long[] dataLines = lines.isEmpty() ? new long[0]
                    : lines.subList(headerAt + 1, lines.size()).stream().mapToLong(Long::longValue).toArray();
            return new SpendingReader(src, p, header, preamble, new Rows(data, dataLines));
        } catch (IOException | RuntimeException e) {
            src.close();
            throw e;
        }
    }

    private static Source source(Path file, RowSource.Dialect dialect, int sheet) throws IOException {
        return dialect.xlsx() || !CsvChunker.supports(dialect.charset())
                ? new Sequential(RowSource.open(file, dialect, sheet)) : new Chunked(file, dialect);
    }

    /** The first rows of a source, read until one is a header or {@value #MAX_PREAMBLE} + 1 were seen. */
    private record HeaderSearch(List<String[]> rows, List<Long> lines, int headerAt, MappingProfile fit) {
        boolean found() {
            return headerAt >= 0;
        }

        /** Closes the source if the search fails. */
        static HeaderSearch run(Source src, MappingProfile profile) throws IOException {
            try {
                List<String[]> rows = new ArrayList<>();
                List<Long> lines = new ArrayList<>();
                int headerAt = -1;
                MappingProfile fit = null;
                Batch b;
                while (headerAt < 0 && rows.size() <= MAX_PREAMBLE && (b = src.next(HEADER_CHUNK)) != null) {
                    int from = rows.size();
                    b.rows((cells, line) -> {
                        rows.add(cells);
                        lines.add(line);
                    });
                    for (int i = from; i < rows.size() && i <= MAX_PREAMBLE && headerAt < 0; i++) {
                        fit = fitting(rows.get(i), profile);
                        if (fit != null) headerAt = i;
                    }
                }
                return new HeaderSearch(rows, lines, headerAt, fit);
            } catch (IOException | RuntimeException e) {
                src.close();
                throw e;
            }
        }
    }

    /** The profile that reads this row as a header: the given one if it fits, else the bundled one detected; or null. */
    private static MappingProfile fitting(String[] row, MappingProfile profile) {
        if (profile == null) return MappingProfile.detect(row);
        return profile.resolve(row).missingRequired().isEmpty() ? profile : null;
    }

    /** The non-blank cells of a preamble row, as a person would read them. */
    private static String caption(String[] row) {
        String s = Arrays.stream(row).map(String::strip).filter(c -> !c.isEmpty()).collect(java.util.stream.Collectors.joining(" | "));
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    /** The non-blank rows above the header, in file order (empty for a file whose first row is its header). */
    public List<PreambleRow> preamble() {
        return preamble;
    }

    public MappingProfile profile() {
        return profile;
    }

    public String format() {
        return source.format();
    }

    String[] header() {
        return header.clone();
    }

    MappingProfile.Resolved resolved() {
        return cols;
    }

    /** A mapper for this file's header and profile; one per thread. */
    public LineMapper mapper() {
        return new LineMapper(profile, cols, decimal, yearColumn, header);
    }

    /** The next batch of records, or null at the end of the file. */
    public Batch next() throws IOException {
        if (pending != null) {
            Batch b = pending;
            pending = null;
            return b;
        }
        return source.next(CHUNK);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    private interface Source extends AutoCloseable {
        Batch next(int targetBytes) throws IOException;

        String format();

        boolean xlsx();

        @Override
        void close() throws IOException;
    }

    /** Rows already parsed. */
    private record Rows(List<String[]> cells, long[] lines) implements Batch {
        public void rows(RowConsumer consumer) {
            for (int i = 0; i < lines.length; i++) consumer.row(cells.get(i), lines[i]);
        }
    }

    /** Whole records as bytes, decoded and parsed by whoever maps them. */
    private record Chunk(CsvChunker.Chunk bytes, Charset charset, char separator) implements Batch {
        public void rows(RowConsumer consumer) throws IOException {
            // decoded straight into the parser's buffer; malformed bytes become U+FFFD as with a Reader
            CharBuffer chars = CharBuffer.allocate(bytes.length());
            CharsetDecoder dec = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            // never more characters than bytes in the charsets CsvChunker accepts
            if (dec.decode(ByteBuffer.wrap(bytes.bytes(), 0, bytes.length()), chars, true).isOverflow()
                    || dec.flush(chars).isOverflow()) {
                throw new IOException("Décodage impossible en " + charset + " (ligne " + bytes.firstLine() + ")");
            }
            CsvReader r = new CsvReader(chars.array(), chars.position(), separator, bytes.firstLine());
            String[] row;
            while ((row = r.next()) != null) {
                if (!LineMapper.blank(row)) consumer.row(row, r.recordLine());
            }
        }
    }

    private static final class Chunked implements Source {
        private final CsvChunker chunker;
        private final RowSource.Dialect dialect;

        Chunked(Path file, RowSource.Dialect dialect) throws IOException {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(dialect.bomLength());
            this.chunker = new CsvChunker(in, dialect.separator(), 1);
            this.dialect = dialect;
        }

        public Batch next(int targetBytes) throws IOException {
            CsvChunker.Chunk c = chunker.next(targetBytes);
            return c == null ? null : new Chunk(c, dialect.charset(), dialect.separator());
        }

        public String format() {
            return dialect.describe();
        }

        public boolean xlsx() {
            return false;
        }

        public void close() throws IOException {
            chunker.close();
        }
    }

    private record Sequential(RowSource rows) implements Source {
        public Batch next(int targetBytes) throws IOException {
            List<String[]> cells = new ArrayList<>(ROWS);
            long[] lines = new long[ROWS];
            String[] row;
            while (cells.size() < ROWS && (row = rows.next()) != null) {
                if (LineMapper.blank(row)) continue;
                lines[cells.size()] = rows.line();
                cells.add(row);
            }
            return cells.isEmpty() ? null : new Rows(cells, Arrays.copyOf(lines, cells.size()));
        }

        public String format() {
            return rows.format();
        }

        public boolean xlsx() {
            return rows.xlsx();
        }

        public void close() throws IOException {
            rows.close();
        }
    }
}
