package fr.achatlas.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Rows rendered as UTF-8 lines of a tab-separated spool file, in the dialect {@link ContractSpool} reads back:
 * {@code \N} is NULL; a text that is empty, equals {@code \N}, or holds a tab, a line break or a double quote is
 * written between double quotes (quotes doubled), so every text comes back exactly as it was. Such texts are rare:
 * the usual text is copied as is. Not thread-safe; one per thread.
 */
final class SpoolRows implements RowSink {

    private byte[] buf;
    private int size;

    SpoolRows(int capacity) {
        buf = new byte[Math.max(64, capacity)];
    }

    /** Bytes written so far: the offset of the next row. */
    int size() {
        return size;
    }

    byte[] bytes() {
        return buf;
    }

    void clear() {
        size = 0;
    }

    @Override
    public SpoolRows beginRow() {
        return this;
    }

    @Override
    public SpoolRows endRow() {
        buf[size - 1] = '\n';
        return this;
    }

    @Override
    public SpoolRows appendNull() {
        ensure(3);
        buf[size++] = '\\';
        buf[size++] = 'N';
        buf[size++] = '\t';
        return this;
    }

    @Override
    public SpoolRows append(String v) {
        if (v == null) return appendNull();
        int n = v.length();
        boolean quote = n == 0 || (n == 2 && v.charAt(0) == '\\' && v.charAt(1) == 'N');
        for (int i = 0; i < n && !quote; i++) {
            char c = v.charAt(i);
            quote = c == '\t' || c == '\n' || c == '\r' || c == '"';
        }
        ensure(n * 3 + 3);
        if (quote) {
            buf[size++] = '"';
            for (int i = 0; i < n; i++) {
                char c = v.charAt(i);
                if (c == '"') buf[size++] = '"';
                i = put(v, i, c);
            }
            ensure(2);
            buf[size++] = '"';
        } else {
            for (int i = 0; i < n; i++) i = put(v, i, v.charAt(i));
        }
        buf[size++] = '\t';
        return this;
    }

    /** Encodes one char (two for a surrogate pair) in UTF-8; returns the index of the last char consumed. */
    private int put(String v, int i, char c) {
        if (c < 0x80) {
            buf[size++] = (byte) c;
        } else if (c < 0x800) {
            buf[size++] = (byte) (0xC0 | (c >> 6));
            buf[size++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, v.charAt(i + 1));
            ensure(4);
            buf[size++] = (byte) (0xF0 | (cp >> 18));
            buf[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            buf[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            buf[size++] = (byte) (0x80 | (cp & 0x3F));
            return i + 1;
        } else if (Character.isSurrogate(c)) {
            buf[size++] = '?'; // an unpaired surrogate has no UTF-8 form; String.getBytes writes '?' too
        } else {
            buf[size++] = (byte) (0xE0 | (c >> 12));
            buf[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buf[size++] = (byte) (0x80 | (c & 0x3F));
        }
        return i;
    }

    @Override
    public SpoolRows append(long v) {
        ensure(21);
        if (v == Long.MIN_VALUE) return ascii(Long.toString(v));
        if (v < 0) {
            buf[size++] = '-';
            v = -v;
        }
        int start = size;
        do {
            buf[size++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        for (int i = start, j = size - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        buf[size++] = '\t';
        return this;
    }

    @Override
    public SpoolRows append(int v) {
        return append((long) v);
    }

    @Override
    public SpoolRows append(boolean v) {
        return ascii(v ? "true" : "false");
    }

    @Override
    public SpoolRows append(Integer v) {
        return v == null ? appendNull() : append((long) v);
    }

    @Override
    public SpoolRows append(Boolean v) {
        return v == null ? appendNull() : append((boolean) v);
    }

    @Override
    public SpoolRows append(Double v) {
        return v == null ? appendNull() : ascii(Double.toString(v));
    }

    @Override
    public SpoolRows decimal(BigDecimal v) {
        return v == null ? appendNull() : ascii(v.toPlainString());
    }

    @Override
    public SpoolRows date(LocalDate d) {
        if (d == null) return appendNull();
        int y = d.getYear();
        if (y < 0 || y > 9999) return ascii(d.toString());
        ensure(11);
        buf[size++] = (byte) ('0' + y / 1000);
        buf[size++] = (byte) ('0' + y / 100 % 10);
        buf[size++] = (byte) ('0' + y / 10 % 10);
        buf[size++] = (byte) ('0' + y % 10);
        buf[size++] = '-';
        two(d.getMonthValue());
        buf[size++] = '-';
        two(d.getDayOfMonth());
        buf[size++] = '\t';
        return this;
    }

    private void two(int v) {
        buf[size++] = (byte) ('0' + v / 10);
        buf[size++] = (byte) ('0' + v % 10);
    }

    private SpoolRows ascii(String s) {
        ensure(s.length() + 1);
        for (int i = 0; i < s.length(); i++) buf[size++] = (byte) s.charAt(i);
        buf[size++] = '\t';
        return this;
    }

    private void ensure(int more) {
        if (size + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
}
