package fr.achatlas.spending;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts the bytes of a CSV file into chunks of whole records, so that several threads can decode and parse them while
 * {@link CsvReader} stays the one definition of the format. Each chunk knows the physical line it starts on.
 *
 * <p>The cut points follow exactly {@link CsvReader}'s state machine — a quote opens a quoted field only at the start
 * of a field, {@code ""} inside quotes is an escaped quote, CR, LF and CRLF end a record outside quotes, a LF inside
 * quotes counts as a line — so that parsing the chunks one after the other gives the same records and line numbers
 * as parsing the whole file. Only valid for charsets where these characters are single ASCII bytes that never occur
 * inside a multi-byte sequence (UTF-8, windows-1252, ISO-8859-x): see {@link #supports}.
 */
public final class CsvChunker implements AutoCloseable {

    /** {@code bytes[0, length)} holds whole records starting on physical line {@code firstLine}. */
    public record Chunk(byte[] bytes, int length, long firstLine) {
    }

    private final InputStream in;
    private final byte sep;
    private byte[] buf;
    private int start;          // first byte of the chunk being cut
    private int scan;           // next byte to examine
    private int end;            // end of the valid bytes in buf
    private boolean eof;
    // CsvReader's state at `scan`
    private boolean quoted;
    private boolean pendingQuote;
    private boolean canOpen = true;
    private boolean prevCr;
    private long line;
    private long startLine;
    // the last record boundary found after `start`
    private int boundary = -1;
    private long boundaryLine;

    public CsvChunker(InputStream in, char separator, long firstLine) {
        this(in, separator, firstLine, 1 << 20);
    }

    CsvChunker(InputStream in, char separator, long firstLine, int bufferSize) {
        this.in = in;
        this.buf = new byte[bufferSize];
        this.sep = (byte) separator;
        this.line = firstLine;
        this.startLine = firstLine;
    }

    /** Charsets in which the separator, quote, CR and LF are single bytes never found inside another character. */
    public static boolean supports(java.nio.charset.Charset cs) {
        if (cs.name().equals("UTF-8")) return true;
        if (cs.newEncoder().maxBytesPerChar() != 1f) return false;
        byte[] b = "\";,|\t\r\n".getBytes(cs);
        return Arrays.equals(b, "\";,|\t\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /**
     * The next chunk of at least {@code target} bytes (unless the file ends first; longer when a record is longer),
     * or null at the end of the file.
     */
    public Chunk next(int target) throws IOException {
        while (true) {
            while (scan < end) {
                step(buf[scan], scan);
                scan++;
            }
            if (boundary >= 0 && boundary - start >= target) return cut(boundary, boundaryLine);
            if (eof) {
                if (end > start) return cut(end, line);
                return null;
            }
            fill();
        }
    }

    private void step(byte b, int i) {
        if (quoted) {
            if (pendingQuote) {
                pendingQuote = false;
                if (b == '"') return;           // "" : an escaped quote, still inside
                quoted = false;
                canOpen = false;                 // what follows a closing quote belongs to the same field
            } else {
                if (b == '"') pendingQuote = true;
                else if (b == '\n') line++;
                return;
            }
        }
        if (prevCr && b != '\n') {
            boundary = i;                        // a lone CR ended the previous record
            boundaryLine = line;
        }
        if (b == sep) {
            canOpen = true;
            prevCr = false;
        } else if (b == '\r') {
            line++;
            canOpen = true;
            prevCr = true;
        } else if (b == '\n') {
            if (!prevCr) line++;
            prevCr = false;
            canOpen = true;
            boundary = i + 1;
            boundaryLine = line;
        } else if (b == '"' && canOpen) {
            quoted = true;
            canOpen = false;
            prevCr = false;
        } else {
            canOpen = false;
            prevCr = false;
        }
    }

    private Chunk cut(int at, long atLine) {
        Chunk c = new Chunk(Arrays.copyOfRange(buf, start, at), at - start, startLine);
        start = at;
        startLine = atLine;
        boundary = -1;
        return c;
    }

    private void fill() throws IOException {
        if (end == buf.length) {
            if (start > 0) {
                // keep the unfinished chunk, drop what was already handed out
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                scan -= start;
                if (boundary >= 0) boundary -= start;
                start = 0;
            } else {
                buf = Arrays.copyOf(buf, buf.length * 2); // one record longer than the buffer
            }
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) eof = true;
        else end += n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
