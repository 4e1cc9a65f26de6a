package fr.achatlas.parse;

import fr.achatlas.model.ContractKind;
import fr.achatlas.model.Finding;
import fr.achatlas.model.ParsedRecord;
import fr.achatlas.model.Provenance;
import fr.achatlas.model.Rule;
import fr.achatlas.model.SourceFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Streams DECP JSON, both layouts: 2019 {@code {"marches":[…]}} (kind from {@code _type}) and v2
 * {@code {"marches":{"marche":[…],"contrat-concession":[…]}}} (kind from the list). Also tolerated: a bare root list of
 * records and v2 lists at the root. Only one record tree is in memory at a time.
 *
 * <p>NaN/Infinity and unescaped control characters are accepted by the tokenizer (both occur in real files); control
 * characters are then removed from the text with an INFO on the record.
 */
final class JsonDecpReader implements DecpReader {

    private enum State { START, ROOT_OBJECT, MARCHES_OBJECT, IN_ARRAY, DONE }

    private final JsonParser parser;
    private final SourceFormat format;
    private final String fileName;
    private final String fileSha256;
    private final JsonTrees trees = new JsonTrees();

    private State state = State.START;
    private State afterArray;
    private ContractKind arrayKind;
    private boolean recordsFound;
    private long position;

    JsonDecpReader(InputStream in, SourceFormat format, String fileName, String fileSha256) {
        this.parser = JsonTrees.FACTORY.createParser(in);
        this.format = format;
        this.fileName = fileName;
        this.fileSha256 = fileSha256;
    }

    @Override
    public SourceFormat format() {
        return format;
    }

    @Override
    public ParsedRecord next() throws IOException {
        try {
            return advance();
        } catch (JacksonIOException e) {
            throw e.getCause() != null ? e.getCause() : new IOException(e);
        } catch (JacksonException e) {
            state = State.DONE;
            return syntaxError(e);
        } catch (IllegalStateException e) {
            state = State.DONE;
            return structureError("JSON tronqué : " + e.getMessage() + ".");
        }
    }

    private ParsedRecord advance() {
        while (true) {
            switch (state) {
                case DONE -> {
                    return null;
                }
                case START -> {
                    JsonToken t = parser.nextToken();
                    if (t == JsonToken.START_OBJECT) state = State.ROOT_OBJECT;
                    else if (t == JsonToken.START_ARRAY) enterArray(null, State.DONE);
                    else return structureError("Le fichier ne commence ni par un objet ni par une liste JSON.");
                }
                case ROOT_OBJECT -> {
                    String name = parser.nextName();
                    if (name == null) {
                        state = State.DONE;
                        if (!recordsFound) return structureError("Aucune liste « marches » dans le fichier.");
                        return null;
                    }
                    JsonToken t = parser.nextToken();
                    if (name.equals("marches") && t == JsonToken.START_ARRAY) enterArray(null, State.ROOT_OBJECT);
                    else if (name.equals("marches") && t == JsonToken.START_OBJECT) {
                        recordsFound = true;
                        state = State.MARCHES_OBJECT;
                    } else if (JsonTrees.kindOfList(name) != null) {
                        ParsedRecord r = list(JsonTrees.kindOfList(name), t, State.ROOT_OBJECT);
                        if (r != null) return r;
                    } else parser.skipChildren();
                }
                case MARCHES_OBJECT -> {
                    String name = parser.nextName();
                    if (name == null) {
                        state = State.ROOT_OBJECT;
                        continue;
                    }
                    JsonToken t = parser.nextToken();
                    ContractKind kind = JsonTrees.kindOfList(name);
                    if (kind != null) {
                        ParsedRecord r = list(kind, t, State.MARCHES_OBJECT);
                        if (r != null) return r;
                    } else parser.skipChildren();
                }
                case IN_ARRAY -> {
                    JsonToken t = parser.nextToken();
                    if (t == JsonToken.END_ARRAY) {
                        state = afterArray;
                        continue;
                    }
                    if (t == null) throw new IllegalStateException("fin de flux inattendue"); // Jackson reports EOF itself
                    return record(t, arrayKind);
                }
            }
        }
    }

    /** A v2 list, or a single object where a list was expected (then returned as one record at once). */
    private ParsedRecord list(ContractKind kind, JsonToken t, State after) {
        recordsFound = true;
        if (t == JsonToken.START_ARRAY) {
            enterArray(kind, after);
            return null;
        }
        if (t == JsonToken.START_OBJECT) return record(t, kind);
        parser.skipChildren();
        return null;
    }

    private void enterArray(ContractKind kind, State after) {
        recordsFound = true;
        arrayKind = kind;
        afterArray = after;
        state = State.IN_ARRAY;
    }

    private ParsedRecord record(JsonToken first, ContractKind kind) {
        // counted once read: a record broken by a syntax error is counted by the PARSE_ERROR record that replaces it
        ParsedRecord r = trees.record(parser, first, kind, new DecpRecordMapper.Context(fileName, fileSha256, position + 1, format));
        position++;
        return r;
    }

    private ParsedRecord syntaxError(JacksonException e) {
        TokenStreamLocation loc = e.getLocation();
        String where = loc == null || loc == TokenStreamLocation.NA ? "position inconnue"
                : "ligne " + loc.getLineNr() + ", colonne " + loc.getColumnNr();
        return fatal(Rule.PARSE_ERROR.finding(where, null,
                "JSON mal formé ou tronqué (" + where + ") : la suite du fichier est illisible. Détail : "
                        + e.getOriginalMessage()));
    }

    private ParsedRecord structureError(String message) {
        state = State.DONE;
        return fatal(Rule.PARSE_ERROR.finding("fichier", null, message));
    }

    private ParsedRecord fatal(Finding finding) {
        position++;
        return new ParsedRecord(null, List.of(finding), new Provenance(fileName, fileSha256, position, format, null));
    }

    @Override
    public void close() {
        parser.close();
    }
}
