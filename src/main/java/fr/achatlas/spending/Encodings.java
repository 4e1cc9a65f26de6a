package fr.achatlas.spending;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Detects the text encoding of an accounting export: a UTF-8 BOM says UTF-8; otherwise the first non-ASCII byte
 * sequence decides — a valid UTF-8 multi-byte sequence means UTF-8, anything else means Windows-1252 (what French
 * accounting software writes when it is not UTF-8). Files are read only up to that first non-ASCII sequence.
 */
public final class Encodings {

    public static final Charset CP1252 = Charset.forName("windows-1252");

    /** The charset and the number of BOM bytes to skip. */
    public record Detected(Charset charset, int bomLength) {
    }

    private Encodings() {
    }

    public static Detected detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return detect(in);
        }
    }

    static Detected detect(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        int n = in.readNBytes(buf, 0, 3);
        if (n == 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        // carry over the 3 bytes already read, then scan until the first non-ASCII byte
        byte[] window = new byte[buf.length + 4];
        int len = n;
        System.arraycopy(buf, 0, window, 0, n);
        while (true) {
            for (int i = 0; i < len; i++) {
                int b = window[i] & 0xFF;
                if (b < 0x80) continue;
                // make sure the whole sequence is in the window
                if (i + 4 > len) {
                    int more = in.readNBytes(window, len, Math.min(4, window.length - len));
                    len += more;
                }
                return new Detected(validUtf8Sequence(window, i, len) ? StandardCharsets.UTF_8 : CP1252, 0);
            }
            len = in.readNBytes(window, 0, buf.length);
            if (len <= 0) return new Detected(StandardCharsets.UTF_8, 0); // pure ASCII: both agree
        }
    }

    private static boolean validUtf8Sequence(byte[] b, int i, int len) {
        int lead = b[i] & 0xFF;
        int extra;
        if (lead >= 0xC2 && lead <= 0xDF) extra = 1;
        else if (lead >= 0xE0 && lead <= 0xEF) extra = 2;
        else if (lead >= 0xF0 && lead <= 0xF4) extra = 3;
        else return false;
        for (int k = 1; k <= extra; k++) {
            if (i + k >= len) return false;
            int c = b[i + k] & 0xFF;
            if (c < 0x80 || c > 0xBF) return false;
        }
        return true;
    }
}
