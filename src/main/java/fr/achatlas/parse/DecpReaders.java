package fr.achatlas.parse;

import fr.achatlas.model.ParsedRecord;
import fr.achatlas.model.Provenance;
import fr.achatlas.model.Rule;
import fr.achatlas.model.SourceFormat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Entry point of the parsers: detects which of the four DECP formats a file is in and opens the matching streaming
 * reader.
 *
 * <p>Detection reads the first 64 KB only. A UTF-8 BOM and leading whitespace are skipped; then
 * <ul>
 *   <li>JSON ({@code {} or {@code [}): {@code "marches"} holding a list is the 2019 format, holding an object
 *       ({@code "marche"}, {@code "contrat-concession"}) is v2; a bare root list is read as 2019;</li>
 *   <li>XML: the root must be {@code <marches>}, {@code <marche>} or {@code <contrat-concession>}. Both XML formats
 *       share these names, so the version is told by elements only one of them has: any v2-only element
 *       ({@code considerationsSociales}, {@code considerationsEnvironnementales}, {@code typesPrix}, {@code ccag},
 *       {@code offresRecues}, {@code marcheInnovant}, {@code techniques}, {@code modalitesExecution},
 *       {@code actesSousTraitance}…) means v2; otherwise a 2019-only element ({@code denominationSociale},
 *       {@code nom}, {@code objetModification}) means 2019; with neither, v2 (the format in force). Both are mapped
 *       by the same mapper, so the label is provenance, never a reason to read a field differently.</li>
 * </ul>
 *
 * <p>Unknown format: {@link #detect} returns null, and {@link #open} still returns a reader (so an importer needs no
 * special path): its {@code format()} is null and it yields exactly one record with a null contract and a FATAL
 * PARSE_ERROR finding "Format non reconnu…", then ends.
 */
public final class DecpReaders {
    private DecpReaders() {
    }

    static final int SNIFF_BYTES = 64 * 1024;

    private static final String[] V2_ONLY_XML = {"<considerationsSociales", "<considerationsEnvironnementales", "<typesPrix",
            "<ccag", "<offresRecues", "<marcheInnovant", "<techniques", "<modalitesExecution", "<actesSousTraitance",
            "<typeGroupementOperateurs", "<attributionAvance", "<origineUE", "<sousTraitanceDeclaree", "<idAccordCadre"};
    private static final String[] V2019_ONLY_XML = {"<denominationSociale", "<nom>", "<nom ", "<objetModification"};

    /** The format of a file, or null when it is none of the four DECP formats. */
    public static SourceFormat detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return detect(in.readNBytes(SNIFF_BYTES));
        }
    }

    /** Opens a streaming reader on a file; see the class comment for unknown formats. */
    public static DecpReader open(Path file, String fileSha256) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            return open(in, file.getFileName().toString(), fileSha256);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Opens a streaming reader on a stream (closed with the reader); {@code fileName} is for provenance. */
    public static DecpReader open(InputStream stream, String fileName, String fileSha256) throws IOException {
        return open(Sniffed.of(stream), fileName, fileSha256);
    }

    /** A stream whose first bytes have been looked at (and are still to be read), with the format they tell. */
    private record Sniffed(BufferedInputStream in, byte[] head, SourceFormat format) {
        static Sniffed of(InputStream stream) throws IOException {
            BufferedInputStream in = stream instanceof BufferedInputStream b ? b : new BufferedInputStream(stream, 1 << 16);
            in.mark(SNIFF_BYTES + 1);
            byte[] head = in.readNBytes(SNIFF_BYTES);
            in.reset();
            return new Sniffed(in, head, detect(head));
        }
    }

    private static DecpReader open(Sniffed sniffed, String fileName, String fileSha256) throws IOException {
        BufferedInputStream in = sniffed.in();
        byte[] head = sniffed.head();
        SourceFormat format = sniffed.format();
        if (format == null) {
            in.close();
            return new UnrecognisedFileReader(fileName, fileSha256);
        }
        int bom = bomLength(head);
        if (bom > 0) in.skipNBytes(bom);
        if (!format.isXml()) return new JsonDecpReader(in, format, fileName, fileSha256);
        Charset charset = xmlCharset(head, bom);
        return new XmlDecpReader(new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)), format, fileName, fileSha256);
    }

    /**
     * Opens a file for reading in chunks ({@link DecpChunkSource}). With {@code split}, a JSON file is cut into raw
     * records parsed later on any thread ({@link JsonSplitSource}); otherwise, and for XML, records are read one by one
     * by the streaming reader on the calling thread and handed out in chunks.
     */
    public static DecpChunkSource openChunks(InputStream stream, String fileName, boolean split) throws IOException {
        Sniffed sniffed = Sniffed.of(stream);
        if (split && sniffed.format() != null && !sniffed.format().isXml()) {
            sniffed.in().skipNBytes(bomLength(sniffed.head()));
            return new JsonSplitSource(sniffed.in(), sniffed.format(), fileName);
        }
        return new SequentialSource(open(sniffed, fileName, null));
    }

    /** The streaming reader's records, read on the calling thread, handed out a thousand at a time. */
    private record SequentialSource(DecpReader reader) implements DecpChunkSource {
        @Override
        public SourceFormat format() {
            return reader.format();
        }

        @Override
        public Chunk next() throws IOException {
            List<ParsedRecord> records = new java.util.ArrayList<>(1_000);
            ParsedRecord r;
            while (records.size() < 1_000 && (r = reader.next()) != null) records.add(r);
            return records.isEmpty() ? null : () -> records;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    static SourceFormat detect(byte[] head) {
        int i = bomLength(head);
        while (i < head.length && isWhitespace(head[i])) i++;
        if (i >= head.length) return null;
        byte first = head[i];
        if (first == '{' || first == '[') return JsonLayoutSniffer.detect(head, i);
        if (first == '<') return detectXml(new String(head, i, head.length - i, StandardCharsets.ISO_8859_1));
        return null;
    }

    private static SourceFormat detectXml(String text) {
        String root = rootElement(text);
        if (root == null) return null;
        int colon = root.indexOf(':');
        if (colon >= 0) root = root.substring(colon + 1);
        if (!root.equals("marches") && !root.equals("marche") && !root.equals("contrat-concession")) return null;
        for (String marker : V2_ONLY_XML) if (text.contains(marker)) return SourceFormat.DECP_V2_XML;
        for (String marker : V2019_ONLY_XML) if (text.contains(marker)) return SourceFormat.DECP_2019_XML;
        return SourceFormat.DECP_V2_XML;
    }

    /** Name of the first element, skipping the declaration, comments, processing instructions and DOCTYPE. */
    static String rootElement(String text) {
        int i = 0, n = text.length();
        while (i < n) {
            int lt = text.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) return null;
            char c = text.charAt(lt + 1);
            if (c == '?') i = skipPast(text, lt, "?>");
            else if (text.startsWith("<!--", lt)) i = skipPast(text, lt, "-->");
            else if (c == '!') i = skipPast(text, lt, ">");
            else {
                int end = lt + 1;
                while (end < n && !isNameEnd(text.charAt(end))) end++;
                return end == lt + 1 ? null : text.substring(lt + 1, end);
            }
            if (i < 0) return null;
        }
        return null;
    }

    private static int skipPast(String text, int from, String marker) {
        int at = text.indexOf(marker, from);
        return at < 0 ? -1 : at + marker.length();
    }

    private static boolean isNameEnd(char c) {
        return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    static int bomLength(byte[] head) {
        return head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** The encoding the XML declaration names, UTF-8 by default or when unknown to the JVM. */
    static Charset xmlCharset(byte[] head, int from) {
        String start = new String(head, from, Math.min(200, head.length - from), StandardCharsets.ISO_8859_1);
        if (!start.startsWith("<?xml")) return StandardCharsets.UTF_8;
        int end = start.indexOf("?>");
        String decl = end < 0 ? start : start.substring(0, end);
        int at = decl.indexOf("encoding");
        if (at < 0) return StandardCharsets.UTF_8;
        int q = at + "encoding".length();
        while (q < decl.length() && (decl.charAt(q) == ' ' || decl.charAt(q) == '=')) q++;
        if (q >= decl.length()) return StandardCharsets.UTF_8;
        char quote = decl.charAt(q);
        int close = decl.indexOf(quote, q + 1);
        if (close < 0) return StandardCharsets.UTF_8;
        try {
            return Charset.forName(decl.substring(q + 1, close));
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** What a table given to the DECP import probably is, and where it goes instead. */
    static String tabularHint(String fileName) {
        String n = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (!(n.endsWith(".csv") || n.endsWith(".txt") || n.endsWith(".tsv") || n.endsWith(".xlsx") || n.endsWith(".parquet"))) return "";
        return " Un tableau : s'il s'agit de dépenses, « achatlas spending import » le lit ; des DECP mises en tableau "
                + "(CSV ou Parquet consolidés) ne sont pas lues : prenez leur JSON ou XML officiel.";
    }

    /** The reader for a file in no known format: one FATAL record, then the end. */
    private static final class UnrecognisedFileReader implements DecpReader {
        private final String fileName;
        private final String fileSha256;
        private boolean returned;

        UnrecognisedFileReader(String fileName, String fileSha256) {
            this.fileName = fileName;
            this.fileSha256 = fileSha256;
        }

        @Override
        public SourceFormat format() {
            return null;
        }

        @Override
        public ParsedRecord next() {
            if (returned) return null;
            returned = true;
            return new ParsedRecord(null, List.of(Rule.PARSE_ERROR.finding("fichier", null,
                    "Format non reconnu : ni DECP JSON ({\"marches\": …}) ni DECP XML (<marches>, <marche>, <contrat-concession>)."
                            + tabularHint(fileName))),
                    new Provenance(fileName, fileSha256, 1, null, null));
        }

        @Override
        public void close() {
        }
    }
}
