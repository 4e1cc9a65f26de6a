package fr.achatlas.parse;

import fr.achatlas.model.ContractKind;
import fr.achatlas.model.Finding;
import fr.achatlas.model.ParsedRecord;
import fr.achatlas.model.Rule;
import fr.achatlas.model.SourceFormat;
import fr.achatlas.normalise.Texts;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds one DECP JSON record's tree from a token stream and maps it: the single definition shared by the streaming
 * reader ({@link JsonDecpReader}) and the chunks read on several threads ({@link JsonSplitSource}), so both give the
 * same records. Not thread-safe (one per thread: it owns a mapper).
 */
final class JsonTrees {

    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
            .enable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
            // interned names let TreeObject find keys by identity with the mapper's literals
            .enable(TokenStreamFactory.Feature.INTERN_PROPERTY_NAMES)
            .build();

    private final DecpRecordMapper mapper = new DecpRecordMapper();
    private JsonParser parser;
    private boolean controlCharsInRecord;

    /**
     * Reads the record whose first token {@code first} the parser has just returned, and maps it. Control characters
     * are removed from its texts, with an INFO on the record.
     */
    ParsedRecord record(JsonParser p, JsonToken first, ContractKind kind, DecpRecordMapper.Context ctx) {
        parser = p;
        controlCharsInRecord = false;
        Object tree = first == JsonToken.START_OBJECT ? object(40) : value(first);
        List<Finding> pre = controlCharsInRecord
                ? List.of(Rule.CONTROL_CHARACTERS_REMOVED.finding("enregistrement", null,
                "Caractères de contrôle supprimés du texte de l'enregistrement."))
                : List.of();
        return mapper.map(tree, kind, ctx, pre);
    }

    /** Reads and maps one record held in {@code len} bytes of {@code buf} from {@code off} (UTF-8 JSON object). */
    ParsedRecord record(byte[] buf, int off, int len, ContractKind kind, DecpRecordMapper.Context ctx) {
        try (JsonParser p = FACTORY.createParser(buf, off, len)) {
            return record(p, p.nextToken(), kind, ctx);
        }
    }

    static ContractKind kindOfList(String name) {
        if (name.equals("marche")) return ContractKind.MARCHE;
        if (name.equals("contrat-concession")) return ContractKind.CONCESSION;
        return null;
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
}
