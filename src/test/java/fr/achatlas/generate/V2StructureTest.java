package fr.achatlas.generate;

import fr.achatlas.testing.SharedData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The structural validator used on generated files must itself accept valid records and catch broken ones. */
class V2StructureTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void acceptsAHandWrittenValidRecord() throws IOException {
        assertThat(V2Structure.marche(fixture("v2-valid-marche.json"))).isEmpty();
    }

    @Test
    void reportsEveryProblemOfABrokenRecord() throws IOException {
        List<String> problems = V2Structure.marche(fixture("v2-invalid-marche.json"));
        assertThat(problems).contains("missing attributionAvance", "nature=Accord-cadre", "ccag=CCAG-FCS",
                "acheteur.id=\"2135004730001\"", "techniques=Accord cadre", "lieuExecution.typeCode",
                "titulaire.typeIdentifiant=FRW", "formePrix=Ferme", "typesPrix=Ferme", "dureeMois=\"douze\"",
                "montant=\"184 000,00\"", "dateNotification=\"2024-03-18+01:00\"", "marcheInnovant=\"oui\"")
                .anyMatch(p -> p.startsWith("procedure="))
                .anyMatch(p -> p.startsWith("modalitesExecution"));
    }

    @Test
    void requiredKeysAreThoseOfTheOfficialSchema() throws IOException {
        JsonNode schema = JSON.readTree(SharedData.require("decp/schemas/schema_decp_v2.0.3.json").toFile());
        assertThat(strings(schema.path("definitions").path("marche").path("required")))
                .containsExactlyInAnyOrderElementsOf(V2Structure.MARCHE_REQUIRED);
        assertThat(strings(schema.path("definitions").path("contrat-concession").path("required")))
                .containsExactlyInAnyOrderElementsOf(V2Structure.CONCESSION_REQUIRED);
        assertThat(strings(schema.path("definitions").path("marche").path("properties").path("procedure").path("enum")))
                .containsExactlyInAnyOrderElementsOf(V2Structure.MARCHE_ENUMS.get("procedure"));
        assertThat(strings(schema.path("definitions").path("marche").path("properties").path("ccag").path("enum")))
                .containsExactlyInAnyOrderElementsOf(V2Structure.MARCHE_ENUMS.get("ccag"));
    }

    @Test
    void acceptsTheOfficialV2Example() throws IOException {
        JsonNode example = JSON.readTree(SharedData.require("decp/examples-v2/marches_avec_modifications.json").toFile());
        for (JsonNode m : example.path("marches").path("marche")) assertThat(V2Structure.marche(m)).isEmpty();
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = V2StructureTest.class.getResourceAsStream("/fixtures/generate/" + name)) {
            return JSON.readTree(in);
        }
    }
}
