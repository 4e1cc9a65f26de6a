package fr.achatlas.geo;

import fr.achatlas.model.Geo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the COG from the {@code @etalab/decoupage-administratif} package copied by the build into
 * {@code reference/cog/*.json} on the classpath. Communes carry no EPCI code there: it comes from the EPCI members.
 * Arrondissements municipaux (Paris, Lyon, Marseille) and former communes point to their current commune.
 */
public final class CogReader {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CogReader() {
    }

    public static Geo readClasspath() throws IOException {
        JsonNode regions = read("regions.json");
        JsonNode deps = read("departements.json");
        JsonNode epcis = read("epci.json");
        JsonNode communes = read("communes.json");
        List<Geo.Region> r = new ArrayList<>();
        for (JsonNode n : regions) r.add(new Geo.Region(n.get("code").asString(), n.get("nom").asString()));
        List<Geo.Departement> d = new ArrayList<>();
        for (JsonNode n : deps) d.add(new Geo.Departement(n.get("code").asString(), n.get("nom").asString(), text(n, "region")));
        List<Geo.Epci> e = new ArrayList<>();
        Map<String, String> epciOf = new HashMap<>();
        for (JsonNode n : epcis) {
            String code = n.get("code").asString();
            e.add(new Geo.Epci(code, n.get("nom").asString(), text(n, "type")));
            for (JsonNode m : n.path("membres")) epciOf.put(m.get("code").asString(), code);
        }
        Map<String, Geo.Commune> byCode = new LinkedHashMap<>();
        for (int pass = 0; pass < 2; pass++) {
            for (JsonNode n : communes) {
                String type = text(n, "type");
                boolean current = "commune-actuelle".equals(type);
                if ((pass == 0) != current) continue;
                String code = n.get("code").asString();
                if (byCode.containsKey(code)) continue; // a commune déléguée sharing its new commune's code
                String parent = current ? null : text(n, "arrondissement-municipal".equals(type) ? "commune" : "chefLieu");
                String epci = epciOf.get(current ? code : parent);
                byCode.put(code, new Geo.Commune(code, n.get("nom").asString(), type, parent, text(n, "departement"),
                        text(n, "region"), epci, null, null));
            }
        }
        return new Geo(r, d, e, new ArrayList<>(byCode.values()));
    }

    private static JsonNode read(String name) throws IOException {
        try (InputStream in = CogReader.class.getResourceAsStream("/reference/cog/" + name)) {
            if (in == null) {
                throw new IOException("Référentiel COG absent du classpath (reference/cog/" + name
                        + ") : construisez avec ./mvnw package (paquet npm @etalab/decoupage-administratif).");
            }
            return MAPPER.readTree(in);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
