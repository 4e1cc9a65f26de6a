package fr.achatlas.parse;

import fr.achatlas.model.ContractKind;
import fr.achatlas.model.Finding;
import fr.achatlas.model.ParsedRecord;
import fr.achatlas.model.Provenance;
import fr.achatlas.model.Rule;
import fr.achatlas.model.SourceFormat;
import fr.achatlas.normalise.Texts;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
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

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
            .enable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
            // interned names let TreeObject find keys by identity with the mapper's literals
            .enable(TokenStreamFactory.Feature.INTERN_PROPERTY_NAMES)
            .build();

    private enum State { START, ROOT_OBJECT, MARCHES_OBJECT, IN_ARRAY, DONE }

    private final JsonParser parser;
    private final SourceFormat format;
    private final String fileName;
    private final String fileSha256;
    private final DecpRecordMapper mapper = new DecpRecordMapper();

    private State state = State.START;
    private State afterArray;
    private ContractKind arrayKind;
    private boolean recordsFound;
    private long position;
    private boolean controlCharsInRecord;

    JsonDecpReader(InputStream in, SourceFormat format, String fileName, String fileSha256) {
        this.parser = FACTORY.createParser(in);
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
                    } else if (kindOfList(name) != null) {
                        ParsedRecord r = list(kindOfList(name), t, State.ROOT_OBJECT);
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
                    ContractKind kind = kindOfList(name);
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

    private static ContractKind kindOfList(String name) {
        if (name.equals("marche")) return ContractKind.MARCHE;
        if (name.equals("contrat-concession")) return ContractKind.CONCESSION;
        return null;
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
        controlCharsInRecord = false;
        Object tree = first == JsonToken.START_OBJECT ? object(40) : value(first);
        position++;
        List<Finding> pre = controlCharsInRecord
                ? List.of(Rule.CONTROL_CHARACTERS_REMOVED.finding("enregistrement", null,
                "Caractères de contrôle supprimés du texte de l'enregistrement."))
                : List.of();
        return mapper.map(tree, kind, new DecpRecordMapper.Context(fileName, fileSha256, position, format), pre);
    }

    private Object value(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> object(4);
            case START_ARRAY -> array();
            case VALUE_STRING -> string(parser.getString());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonNumberText(parser.getString());
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    private TreeObject object(int capacity) {
        TreeObject m = new TreeObject(capacity);
        String name;
        while ((name = parser.nextName()) != null) {
            Object v = value(parser.nextToken());
            if (v != null) m.put(name, v);
        }
        return m;
    }

    private List<Object> array() {
        List<Object> l = new ArrayList<>(4);
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) throw new IllegalStateException("fin de flux dans une liste");
            Object v = value(t);
            if (v != null) l.add(v);
        }
        return l;
    }

    private String string(String s) {
        String clean = Texts.stripControls(s);
        if (clean != s) controlCharsInRecord = true;
        return clean;
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
