package fr.achatlas.check;

import fr.achatlas.testing.SharedData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SIRET validator against the aife file of 2019 (data.gouv.fr_aife_2019-04-04.json), whose SOURCES.md states that
 * 144 titulaire SIRETs and 33 acheteur SIRETs fail "14 digits + Luhn, La Poste exempted". The counts are over raw
 * values as published (spaces and tabs included, every occurrence counted), read with Jackson's tree model.
 */
class SiretRealDataTest {
    private static List<JsonNode> cached;

    /** Read once; every test calls it so that each one is reported as skipped when ../shared is absent. */
    private static synchronized List<JsonNode> records() {
        Path file = SharedData.require("decp/real-2019-format/data.gouv.fr_aife_2019-04-04.json");
        if (cached == null) {
            cached = List.copyOf(JsonMapper.builder().build().readTree(file.toFile()).path("marches").values());
        }
        return cached;
    }

    private static boolean isMarche(JsonNode r) {
        return "Marché".equals(r.path("_type").asString(""));
    }

    /** A raw value, or null when the field is absent (a missing id is not a valid SIRET either). */
    private static String raw(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    @Test
    void file_is_the_one_described() {
        assertThat(records()).hasSize(4530);
        assertThat(records().stream().filter(SiretRealDataTest::isMarche).count()).isEqualTo(4508);
    }

    @Test
    void titulaire_sirets_failing_the_check_are_144() {
        List<String> failing = new ArrayList<>();
        for (JsonNode r : records()) {
            for (JsonNode t : r.path("titulaires").values()) {
                if ("SIRET".equals(t.path("typeIdentifiant").asString(""))) {
                    String id = raw(t.path("id"));
                    if (!Siret.isValidSiret(id)) failing.add(id);
                }
            }
        }
        assertThat(failing).hasSize(144);
        // Some fail only through blanks around the digits, which the parser removes; the rest are real defects.
        assertThat(failing).anyMatch(id -> !id.equals(id.strip()) && Siret.isValidSiret(id.strip()));
        assertThat(failing).anyMatch(id -> id.length() == 14 && Siret.defect(id).orElseThrow() == Siret.Defect.LUHN);
    }

    @Test
    void la_poste_head_office_is_present_and_accepted() {
        long laPoste = records().stream().flatMap(r -> r.path("titulaires").values().stream())
                .map(t -> t.path("id").asString(""))
                .filter(id -> id.startsWith(Siret.LA_POSTE_SIREN)).peek(id -> assertThat(Siret.isValidSiret(id)).as(id).isTrue())
                .count();
        assertThat(laPoste).isPositive();
    }

    @Test
    void acheteur_sirets_failing_the_check_are_33_counting_the_marche_without_acheteur() {
        int presentAndInvalid = 0;
        int absent = 0;
        for (JsonNode r : records()) {
            if (!isMarche(r)) continue;
            String id = raw(r.path("acheteur").path("id"));
            if (id == null) absent++;
            else if (!Siret.isValidSiret(id)) presentAndInvalid++;
        }
        // SOURCES.md's 33 = 32 published acheteur ids that fail + 1 marché published without any acheteur.
        assertThat(presentAndInvalid).isEqualTo(32);
        assertThat(absent).isEqualTo(1);
        assertThat(presentAndInvalid + absent).isEqualTo(33);
    }

    @Test
    void concessions_autorites_concedantes_also_fail_sometimes() {
        long failing = records().stream().filter(r -> !isMarche(r))
                .map(r -> raw(r.path("autoriteConcedante").path("id")))
                .filter(id -> !Siret.isValidSiret(id)).count();
        assertThat(failing).isEqualTo(14);
    }
}
