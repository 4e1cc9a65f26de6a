package fr.achatlas.parse;

import fr.achatlas.model.ContractKind;
import fr.achatlas.model.ParsedRecord;
import fr.achatlas.model.SourceFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a DECP JSON file (UTF-8) into chunks of whole records by scanning its bytes for structure only — strings,
 * brackets, the few keys of the layout ({@code marches}, {@code marche}, {@code contrat-concession}) — so that the
 * records themselves are parsed and mapped on other threads ({@link JsonTrees}, as the streaming reader does).
 *
 * <p>It follows {@link JsonDecpReader}'s layouts (2019 {@code {"marches":[…]}}, v2 {@code {"marches":{"marche":[…],
 * "contrat-concession":[…]}}}, a bare root list, v2 lists at the root) and nothing more: whatever else it meets — a
 * syntax error, a record that is not an object, a truncated file, a layout without records — it throws
 * {@link DecpChunkSource.IrregularJsonException} so that the file is read again by the streaming reader, which reports
 * each such case precisely. A record's inside is checked by Jackson when parsed; the values skipped between lists are
 * checked by Jackson here, so a file accepted here is a file the streaming reader reads without a syntax error.
 */
final class JsonSplitSource implements DecpChunkSource {

    private static final int RECORDS_PER_CHUNK = 1_000;
    private static final int BYTES_PER_CHUNK = 4 << 20;
    private static final ThreadLocal<JsonTrees> TREES = ThreadLocal.withInitial(JsonTrees::new);

    private enum Where { START, ROOT_OBJECT, MARCHES_OBJECT, ARRAY, DONE }

    private final InputStream in;
    private final SourceFormat format;
    private final String fileName;

    private byte[] buf;
    private int pos;
    private int limit;
    /** Start of the bytes a refill must keep (the value being scanned), or -1: keep from {@link #pos}. */
    private int mark = -1;
    private boolean eof;

    private Where where = Where.START;
    private Where afterArray;
    private ContractKind arrayKind;
    private boolean firstInArray;
    private boolean firstInRoot;
    private boolean firstInMarches;
    private boolean recordsFound;
    private long position;

    JsonSplitSource(InputStream in, SourceFormat format, String fileName) {
        this(in, format, fileName, 1 << 22);
    }

    /** With a given first buffer size (it grows to hold a record): tests use tiny ones to cross every boundary. */
    JsonSplitSource(InputStream in, SourceFormat format, String fileName, int bufferSize) {
        this.buf = new byte[bufferSize];
        this.in = in;
        this.format = format;
        this.fileName = fileName;
    }

    @Override
    public SourceFormat format() {
        return format;
    }

    @Override
    public Chunk next() throws IOException, IrregularJsonException {
        RawChunk chunk = new RawChunk(format, fileName, position + 1);
        while (chunk.count < RECORDS_PER_CHUNK && chunk.size < BYTES_PER_CHUNK && nextRecord(chunk)) {
            position++;
        }
        return chunk.count == 0 ? null : chunk;
    }

    /** Advances to the next record and appends it to the chunk; false at the end of the file's records. */
    private boolean nextRecord(RawChunk chunk) throws IOException, IrregularJsonException {
        while (true) {
            switch (where) {
                case DONE -> {
                    return false;
                }
                case START -> {
                    int c = peek();
                    pos++;
                    if (c == '{') {
                        where = Where.ROOT_OBJECT;
                        firstInRoot = true;
                    } else if (c == '[') enterArray(null, Where.DONE);
                    else throw irregular("ni objet ni liste au début");
                }
                case ROOT_OBJECT -> {
                    String name = nextName(firstInRoot);
                    firstInRoot = false;
                    if (name == null) {
                        where = Where.DONE;
                        if (!recordsFound) throw irregular("aucune liste de marchés");
                        return false;
                    }
                    ContractKind kind = JsonTrees.kindOfList(name);
                    int c = peek();
                    if (name.equals("marches") && c == '[') {
                        pos++;
                        enterArray(null, Where.ROOT_OBJECT);
                    } else if (name.equals("marches") && c == '{') {
                        pos++;
                        recordsFound = true;
                        where = Where.MARCHES_OBJECT;
                        firstInMarches = true;
                    } else if (kind != null) {
                        if (list(kind, c, Where.ROOT_OBJECT, chunk)) return true;
                    } else skipValue();
                }
                case MARCHES_OBJECT -> {
                    String name = nextName(firstInMarches);
                    firstInMarches = false;
                    if (name == null) {
                        where = Where.ROOT_OBJECT;
                        continue;
                    }
                    ContractKind kind = JsonTrees.kindOfList(name);
                    int c = peek();
                    if (kind != null) {
                        if (list(kind, c, Where.MARCHES_OBJECT, chunk)) return true;
                    } else skipValue();
                }
                case ARRAY -> {
                    int c = peek();
                    if (c == ']') { // right after "[" or after a record (after a comma it is an error, below)
                        pos++;
                        where = afterArray;
                        continue;
                    }
                    if (!firstInArray) {
                        if (c != ',') throw irregular("virgule attendue entre deux enregistrements");
                        pos++;
                        c = peek();
                    }
                    firstInArray = false;
                    if (c != '{') throw irregular("enregistrement qui n'est pas un objet");
                    record(arrayKind, chunk);
                    return true;
                }
            }
        }
    }

    /** A v2 list, or a single object where a list was expected (then one record); another value is skipped. */
    private boolean list(ContractKind kind, int c, Where after, RawChunk chunk) throws IOException, IrregularJsonException {
        recordsFound = true;
        if (c == '[') {
            pos++;
            enterArray(kind, after);
            return false;
        }
        if (c == '{') {
            record(kind, chunk);
            return true;
        }
        skipValue();
        return false;
    }

    private void enterArray(ContractKind kind, Where after) {
        recordsFound = true;
        arrayKind = kind;
        afterArray = after;
        firstInArray = true;
        where = Where.ARRAY;
    }

    /** The next member name of a layout object, its colon consumed; null at the object's end. */
    private String nextName(boolean first) throws IOException, IrregularJsonException {
        int c = peek();
        if (c == '}') {
            pos++;
            return null;
        }
        if (!first) {
            if (c != ',') throw irregular("virgule attendue");
            pos++;
            c = peek();
        }
        if (c != '"') throw irregular("nom de propriété attendu");
        mark = pos;
        pos++;
        while (true) {
            if (pos >= limit && !fill()) throw irregular("fin de fichier dans un nom");
            byte b = buf[pos++];
            if (b == '\\') throw irregular("nom de propriété échappé");
            if (b == '"') break;
        }
        String name = new String(buf, mark + 1, pos - mark - 2, java.nio.charset.StandardCharsets.UTF_8);
        mark = -1;
        if (peek() != ':') throw irregular("deux-points attendus");
        pos++;
        return name;
    }

    /** Copies the object starting at {@link #pos} into the chunk. */
    private void record(ContractKind kind, RawChunk chunk) throws IOException, IrregularJsonException {
        mark = pos;
        scanValue();
        chunk.add(buf, mark, pos - mark, kind);
        mark = -1;
    }

    /** Skips a value of the layout that holds no records, checking it is well-formed JSON as the reader would. */
    private void skipValue() throws IOException, IrregularJsonException {
        mark = pos;
        int c = buf[pos];
        if (c == '{' || c == '[' || c == '"') scanValue();
        else {
            while (true) {
                if (pos >= limit && !fill()) break;
                byte b = buf[pos];
                if (b == ',' || b == '}' || b == ']' || isSpace(b)) break;
                pos++;
            }
        }
        try (JsonParser p = JsonTrees.FACTORY.createParser(buf, mark, pos - mark)) {
            p.nextToken();
            p.skipChildren();
            if (p.nextToken() != null) throw irregular("valeur mal formée");
        } catch (JacksonException e) {
            throw irregular("valeur mal formée : " + e.getOriginalMessage());
        }
        mark = -1;
    }

    /** Byte classes for {@link #scanValue}: 0 for every byte without structural meaning. */
    private static final byte[] CLASS = new byte[256];
    private static final byte OPEN = 1, CLOSE = 2, QUOTE = 3, BACKSLASH = 4;

    static {
        CLASS['{'] = OPEN;
        CLASS['['] = OPEN;
        CLASS['}'] = CLOSE;
        CLASS[']'] = CLOSE;
        CLASS['"'] = QUOTE;
        CLASS['\\'] = BACKSLASH;
    }

    /** From an opening bracket (or quote) at {@link #pos} to just past its closing one, strings skipped. */
    private void scanValue() throws IOException, IrregularJsonException {
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        while (true) {
            if (pos >= limit && !fill()) throw irregular("fin de fichier dans un enregistrement");
            byte[] b = buf;
            int i = pos;
            int lim = limit;
            while (i < lim) {
                byte cls = CLASS[b[i++] & 0xFF];
                if (escaped) {
                    escaped = false;
                    continue;
                }
                if (cls == 0) continue;
                if (inString) {
                    if (cls == QUOTE) {
                        inString = false;
                        if (depth == 0) { // a text value on its own
                            pos = i;
                            return;
                        }
                    } else if (cls == BACKSLASH) escaped = true;
                } else if (cls == QUOTE) {
                    inString = true;
                } else if (cls == OPEN) {
                    depth++;
                } else if (cls == CLOSE && --depth == 0) {
                    pos = i;
                    return;
                }
            }
            pos = i;
        }
    }

    /** The next byte that is not JSON whitespace, not consumed. */
    private int peek() throws IOException, IrregularJsonException {
        while (true) {
            if (pos >= limit && !fill()) throw irregular("fin de fichier inattendue");
            byte b = buf[pos];
            if (!isSpace(b)) return b;
            pos++;
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /** Reads more bytes, keeping those from {@link #mark} (or {@link #pos}); false at the end of the file. */
    private boolean fill() throws IOException {
        if (eof) return false;
        int keep = mark >= 0 ? mark : pos;
        int kept = limit - keep;
        if (kept > buf.length / 2) buf = Arrays.copyOf(buf, buf.length * 2); // a record larger than half the buffer
        System.arraycopy(buf, keep, buf, 0, kept);
        pos -= keep;
        if (mark >= 0) mark = 0;
        limit = kept;
        int n = in.readNBytes(buf, limit, buf.length - limit);
        if (n <= 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    private IrregularJsonException irregular(String what) {
        where = Where.DONE;
        return new IrregularJsonException("Lecture parallèle impossible (" + what + ", enregistrement " + (position + 1)
                + ") : lecture séquentielle.");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Whole records' bytes, parsed on whichever thread calls {@link #parse()}. */
    private static final class RawChunk implements Chunk {
        private final SourceFormat format;
        private final String fileName;
        private final long firstPosition;
        private byte[] data = new byte[1 << 16];
        private int size;
        private int[] ends = new int[64];
        private ContractKind[] kinds = new ContractKind[64];
        private int count;

        RawChunk(SourceFormat format, String fileName, long firstPosition) {
            this.format = format;
            this.fileName = fileName;
            this.firstPosition = firstPosition;
        }

        void add(byte[] src, int off, int len, ContractKind kind) {
            if (size + len > data.length) data = Arrays.copyOf(data, Math.max(data.length * 2, size + len));
            System.arraycopy(src, off, data, size, len);
            size += len;
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
                kinds = Arrays.copyOf(kinds, count * 2);
            }
            ends[count] = size;
            kinds[count++] = kind;
        }

        @Override
        public List<ParsedRecord> parse() throws IrregularJsonException {
            JsonTrees trees = TREES.get();
            List<ParsedRecord> out = new ArrayList<>(count);
            int start = 0;
            for (int i = 0; i < count; i++) {
                DecpRecordMapper.Context ctx = new DecpRecordMapper.Context(fileName, null, firstPosition + i, format);
                try {
                    out.add(trees.record(data, start, ends[i] - start, kinds[i], ctx));
                } catch (JacksonException | IllegalStateException e) {
                    throw new IrregularJsonException("Enregistrement " + (firstPosition + i) + " mal formé : lecture séquentielle.");
                }
                start = ends[i];
            }
            return out;
        }
    }
}
