package fr.achatlas.parse;

import fr.achatlas.model.SourceFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/** Tells the 2019 JSON layout from v2 on the first bytes of a file, tolerating a prefix cut in the middle. */
final class JsonLayoutSniffer {
    private JsonLayoutSniffer() {
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    static SourceFormat detect(byte[] head, int from) {
        try (JsonParser p = FACTORY.createParser(head, from, head.length - from)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) return SourceFormat.DECP_2019_JSON;
            if (t != JsonToken.START_OBJECT) return null;
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken v = p.nextToken();
                if (name.equals("marches")) {
                    if (v == JsonToken.START_ARRAY) return SourceFormat.DECP_2019_JSON;
                    if (v == JsonToken.START_OBJECT) return SourceFormat.DECP_V2_JSON;
                    return null;
                }
                if (name.equals("marche") || name.equals("contrat-concession")) return SourceFormat.DECP_V2_JSON;
                p.skipChildren();
            }
            return null;
        } catch (JacksonException e) {
            return null; // cut before the decisive key, or not JSON at all
        }
    }
}
