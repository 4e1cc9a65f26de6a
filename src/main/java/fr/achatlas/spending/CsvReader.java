package fr.achatlas.spending;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, fast CSV reader (RFC 4180 quoting, any one-character separator, CRLF or LF) that knows the physical line
 * each record starts on — what a person needs to find a rejected line in the file. Quoted fields may span lines.
 */
public final class CsvReader implements AutoCloseable {

    private final Reader in;
    private final char sep;
    private char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private long line = 1;          // physical line of the next character
    private long recordLine;        // physical line where the last record started
    private final StringBuilder field = new StringBuilder(64);
    private final List<String> fields = new ArrayList<>(32);

    public CsvReader(Reader in, char separator) {
        this(in, separator, 1);
    }

    /** A reader over already decoded text, {@code chars[0, length)}, whose first record starts on line {@code firstLine}. */
    public CsvReader(char[] chars, int length, char separator, long firstLine) {
        this((Reader) null, separator, firstLine);
        this.buf = chars;
        this.len = length;
    }

    /** A reader over part of a file whose first record starts on physical line {@code firstLine}. */
    public CsvReader(Reader in, char separator, long firstLine) {
        this.in = in;
        this.sep = separator;
        this.line = firstLine;
    }

    /** The physical line (1-based) on which the record last returned by {@link #next()} starts. */
    public long recordLine() {
        return recordLine;
    }

    /** The next record's fields, or null at end of input. Blank lines are returned as a single empty field. */
    public String[] next() throws IOException {
        if (in == null) {
            String[] row = nextInMemory();
            if (row != QUOTED) return row;
        }
        return parse();
    }

    /** The character-by-character state machine: any record, from a stream or from memory. */
    private String[] parse() throws IOException {
        if (!fill()) return null;
        recordLine = line;
        fields.clear();
        field.setLength(0);
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (pos >= len && !fill()) {
                fields.add(value(wasQuoted));
                return fields.toArray(new String[0]);
            }
            char c = buf[pos++];
            if (quoted) {
                if (c == '"') {
                    if (pos >= len && !fill()) {
                        quoted = false;
                        continue;
                    }
                    if (buf[pos] == '"') {
                        field.append('"');
                        pos++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') line++;
                    field.append(c);
                }
            } else if (c == sep) {
                fields.add(value(wasQuoted));
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && (pos < len || fill()) && buf[pos] == '\n') pos++;
                line++;
                fields.add(value(wasQuoted));
                return fields.toArray(new String[0]);
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append(c);
            }
        }
    }

    /** Returned by {@link #nextInMemory()} for a record with a quoted field, left to {@link #parse()}. */
    private static final String[] QUOTED = new String[0];

    /**
     * {@link #next()} when the whole text is in {@code buf}: unquoted fields become Strings straight from the buffer
     * instead of being copied character by character. A record with a quoted field (rare) is rewound and left to
     * {@link #parse()}, so quoting has one definition. Same records, same lines (CsvChunkerTest compares both).
     */
    private String[] nextInMemory() {
        if (pos >= len) return null;
        recordLine = line;
        fields.clear();
        int recordStart = pos;
        int start = pos;
        while (true) {
            if (pos >= len) {
                fields.add(new String(buf, start, pos - start));
                return fields.toArray(new String[0]);
            }
            char c = buf[pos];
            if (c == sep) {
                fields.add(new String(buf, start, pos - start));
                start = ++pos;
            } else if (c == '\n' || c == '\r') {
                fields.add(new String(buf, start, pos - start));
                pos++;
                if (c == '\r' && pos < len && buf[pos] == '\n') pos++;
                line++;
                return fields.toArray(new String[0]);
            } else if (c == '"' && pos == start) {
                pos = recordStart;
                return QUOTED;
            } else {
                pos++;
            }
        }
    }

    private String value(boolean wasQuoted) {
        return field.isEmpty() && !wasQuoted ? "" : field.toString();
    }

    private boolean fill() throws IOException {
        if (pos < len) return true;
        if (in == null) return false;
        len = in.read(buf, 0, buf.length);
        pos = 0;
        if (len <= 0) {
            len = 0;
            return false;
        }
        return true;
    }

    private static final char[] SEPARATORS = {';', '\t', '|', ','};

    /** The separator of a header line: the most frequent of ; , tab | outside quotes (';' on ties, as French exports). */
    public static char sniffSeparator(String headerLine) {
        return sniffSeparator(List.of(headerLine));
    }

    /**
     * The separator of the first lines of a file, which may open with a title block (report name, period, extraction
     * date) above its header: the candidate found the same number of times (at least once) on the most lines — the
     * header and the data lines agree on it, while a comma in a title or a label does not repeat evenly. Ties go to
     * the larger count, then to ; tab | , in that order: on a single line, the most frequent.
     */
    public static char sniffSeparator(List<String> firstLines) {
        int[][] counts = firstLines.stream().map(CsvReader::separatorCounts).toArray(int[][]::new);
        int best = 0;
        long bestLines = -1;
        int bestCount = -1;
        for (int k = 0; k < SEPARATORS.length; k++) {
            Map<Integer, Long> linesByCount = new HashMap<>();
            for (int[] c : counts) if (c[k] > 0) linesByCount.merge(c[k], 1L, Long::sum);
            for (Map.Entry<Integer, Long> e : linesByCount.entrySet()) {
                if (e.getValue() > bestLines || (e.getValue() == bestLines && e.getKey() > bestCount)) {
                    best = k;
                    bestLines = e.getValue();
                    bestCount = e.getKey();
                }
            }
        }
        return SEPARATORS[best];
    }

    private static int[] separatorCounts(String line) {
        int[] counts = new int[SEPARATORS.length];
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') quoted = !quoted;
            if (quoted) continue;
            for (int k = 0; k < SEPARATORS.length; k++) if (c == SEPARATORS[k]) counts[k]++;
        }
        return counts;
    }

    @Override
    public void close() throws IOException {
        if (in != null) in.close();
    }
}
