package fr.achatlas.parse;

import fr.achatlas.normalise.Texts;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Drops the characters XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF) before the XML parser sees
 * them: one stray control character in a 1 GB file must not make the rest of the file unreadable. Remembers where
 * (offset in the filtered text) the first removal since the last {@link #drainUpTo} happened, so the reader can tell
 * which record it belonged to.
 */
final class XmlCharFilterReader extends FilterReader {
    private long offset;
    private long removed;
    /** Offsets of removals not yet attributed to a record; kept small: one entry per read chunk with removals. */
    private final java.util.ArrayDeque<Long> pending = new java.util.ArrayDeque<>();

    XmlCharFilterReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0];
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        while (true) {
            int n = in.read(buf, off, len);
            if (n <= 0) return n;
            int w = off;
            for (int i = off; i < off + n; i++) {
                char c = buf[i];
                if (Texts.isIllegalControl(c)) {
                    removed++;
                    long at = offset + (w - off);
                    if (pending.isEmpty() || pending.peekLast().longValue() != at) pending.addLast(at);
                } else {
                    buf[w++] = c;
                }
            }
            int kept = w - off;
            offset += kept;
            if (kept > 0) return kept;
        }
    }

    /** Total characters removed so far. */
    long removed() {
        return removed;
    }

    /** True when a removal happened at or before {@code end} (an offset in the filtered text) and was not yet reported. */
    boolean drainUpTo(long end) {
        boolean any = false;
        while (!pending.isEmpty() && (end < 0 || pending.peekFirst() <= end)) {
            pending.removeFirst();
            any = true;
        }
        return any;
    }
}
