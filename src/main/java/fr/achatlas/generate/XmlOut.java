package fr.achatlas.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A minimal indenting XML writer. Hand-written rather than StAX so that the output is byte-stable and so that a planted
 * control character reaches the file raw, as it does in real exports.
 */
final class XmlOut {
    private final Writer out;
    private int depth;

    XmlOut(Writer out) {
        this.out = out;
    }

    void declaration() {
        raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    void open(String name) {
        indent();
        raw("<" + name + ">\n");
        depth++;
    }

    void close(String name) {
        depth--;
        indent();
        raw("</" + name + ">\n");
    }

    void empty(String name) {
        indent();
        raw("<" + name + "/>\n");
    }

    void text(String name, Object value) {
        if (value == null) return;
        indent();
        raw("<" + name + ">" + escape(value.toString()) + "</" + name + ">\n");
    }

    private void indent() {
        for (int i = 0; i < depth; i++) raw("    ");
    }

    private void raw(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
