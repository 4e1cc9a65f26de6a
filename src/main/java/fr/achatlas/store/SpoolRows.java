package fr.achatlas.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Rows rendered as UTF-8 lines of a tab-separated spool file, in the dialect {@link #scan} reads back: {@code \N} is
 * NULL; a text that is empty, equals {@code \N}, or holds a control character (tab, line break…) or a double quote is
 * written between double quotes (quotes doubled), so every text comes back exactly as it was. Such texts are rare: the
 * usual text is copied as is. Not thread-safe; one per thread.
 */
final class SpoolRows implements RowSink {

    private byte[] buf;
    private int size;

    SpoolRows(int capacity) {
        buf = new byte[Math.max(64, capacity)];
    }

    /** A spool file as a table, in the dialect written here; {@code columns} is read_csv's struct body. */
    static String scan(Path file, String columns) {
        return "read_csv('" + file.toString().replace("'", "''")
                + "', delim = '\t', new_line = '\\n', header = false, quote = '\"', escape = '\"', nullstr = '\\N',"
                + " allow_quoted_nulls = false, auto_detect = false, columns = {" + columns + "})";
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
        // String.getBytes has vectorised paths (an ASCII text is one copy); then one pass, eight bytes at a time
        byte[] u = v.getBytes(StandardCharsets.UTF_8);
        int n = u.length;
        if (n == 0 || (n == 2 && u[0] == '\\' && u[1] == 'N') || needsQuotes(u)) return quoted(u);
        ensure(n + 1);
        System.arraycopy(u, 0, buf, size, n);
        size += n;
        buf[size++] = '\t';
        return this;
    }

    /** Between double quotes, quotes doubled (UTF-8 continuation bytes never look like ASCII, so bytes will do). */
    private SpoolRows quoted(byte[] u) {
        ensure(u.length * 2 + 3);
        buf[size++] = '"';
        for (byte c : u) {
            if (c == '"') buf[size++] = '"';
            buf[size++] = c;
        }
        buf[size++] = '"';
        buf[size++] = '\t';
        return this;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** A control character (tab, line break…) or a double quote: the text must be quoted. */
    private static boolean needsQuotes(byte[] u) {
        int i = 0;
        for (; i + 8 <= u.length; i += 8) {
            long x = (long) LONGS.get(u, i);
            long below20 = (x - 0x20 * ONES) & ~x & HIGHS; // a byte < 0x20 (bytes >= 0x80 excluded by ~x)
            long y = x ^ ('"' * ONES);
            long quote = (y - ONES) & ~y & HIGHS;
            if ((below20 | quote) != 0) return true;
        }
        for (; i < u.length; i++) {
            byte c = u[i];
            if ((c >= 0 && c < 0x20) || c == '"') return true;
        }
        return false;
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

    /** A DECIMAL(…, 2) given as a count of cents, or NULL: written without going through BigDecimal. */
    SpoolRows cents(Long cents) {
        if (cents == null) return appendNull();
        long v = cents;
        ensure(24);
        if (v < 0) {
            buf[size++] = '-';
            v = -v;
        }
        append(v / 100);
        buf[size - 1] = '.'; // the tab append(long) wrote becomes the decimal point
        long f = v % 100;
        buf[size++] = (byte) ('0' + f / 10);
        buf[size++] = (byte) ('0' + f % 10);
        buf[size++] = '\t';
        return this;
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
