package fr.achatlas.importer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hashes (SHA-256) and counts the bytes of a file while the parser streams it, so the file is read once: the hash
 * identifies the content for idempotent re-imports, the count drives the progress bar.
 */
final class MeteredInputStream extends FilterInputStream {

    private final MessageDigest digest;
    private final AtomicLong bytes = new AtomicLong();

    MeteredInputStream(InputStream in) {
        super(in);
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            digest.update((byte) b);
            bytes.incrementAndGet();
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            digest.update(buf, off, n);
            bytes.addAndGet(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must still be hashed: read them instead.
        byte[] buf = new byte[8192];
        long done = 0;
        while (done < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (r < 0) break;
            done += r;
        }
        return done;
    }

    /** Readers close their input when they end; the file stays open until the hash has seen its last byte. */
    @Override
    public void close() {
        // closed by the importer through the underlying stream
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    long bytesRead() {
        return bytes.get();
    }

    /** Reads what the parser left (trailing whitespace) so the hash covers the whole file, then returns it. */
    String finishSha256() throws IOException {
        byte[] buf = new byte[8192];
        while (read(buf, 0, buf.length) >= 0) {
            // drain
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
