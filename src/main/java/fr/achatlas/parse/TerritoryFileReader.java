package fr.achatlas.parse;

import fr.achatlas.model.Territory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a territory file (JSON): {@code {"name", "departements":[{code,name}], "region":{code,name},
 * "buyers":[{siret, name, kind, categorieJuridique, communeInsee, directions:[{name, services:[…]}]}]}}.
 */
public final class TerritoryFileReader {

    private TerritoryFileReader() {
    }

    public static Territory read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(file.toFile());
        } catch (RuntimeException e) {
            throw new IOException("Fichier de territoire illisible : " + file + " (" + e.getMessage() + ")", e);
        }
        List<Territory.Area> deps = new ArrayList<>();
        for (JsonNode d : root.path("departements")) deps.add(area(d));
        List<Territory.Buyer> buyers = new ArrayList<>();
        for (JsonNode b : root.path("buyers")) {
            String siret = text(b, "siret");
            if (siret == null) throw new IOException("Fichier de territoire " + file + " : un acheteur n'a pas de SIRET (" + b + ")");
            List<Territory.Direction> directions = new ArrayList<>();
            for (JsonNode d : b.path("directions")) {
                List<String> services = new ArrayList<>();
                for (JsonNode s : d.path("services")) services.add(s.asString());
                directions.add(new Territory.Direction(text(d, "name"), services));
            }
            buyers.add(new Territory.Buyer(siret.replace(" ", ""), text(b, "name"), text(b, "kind"),
                    text(b, "categorieJuridique"), text(b, "communeInsee"), directions));
        }
        return new Territory(text(root, "name"), deps, root.has("region") ? area(root.get("region")) : null, buyers);
    }

    private static Territory.Area area(JsonNode n) {
        return new Territory.Area(text(n, "code"), text(n, "name"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
