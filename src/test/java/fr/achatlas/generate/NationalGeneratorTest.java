package fr.achatlas.generate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NationalGeneratorTest {

    static final int RECORDS = 20_000;

    @TempDir
    static Path dir;
    static Path file;
    static NationalGenerator.Summary summary;
    static JsonNode root;

    @BeforeAll
    static void write() throws IOException {
        file = dir.resolve("national.json");
        summary = new NationalGenerator().write(file, 2024, RECORDS);
        root = JsonMapper.builder().build().readTree(file.toFile());
    }

    @Test
    void writesTheRequestedNumberOfRecordsInTheV2Root() {
        JsonNode marches = root.path("marches");
        assertThat(marches.path("marche").size() + marches.path("contrat-concession").size()).isEqualTo(RECORDS);
        assertThat(summary.records()).isEqualTo(RECORDS);
        assertThat(summary.marches()).isEqualTo(marches.path("marche").size());
        assertThat(summary.concessions() / (double) RECORDS).isBetween(0.01, 0.03);
    }

    @Test
    void everyRecordIsStructurallyValid() {
        for (JsonNode m : root.path("marches").path("marche")) {
            assertThat(V2Structure.marche(m)).as("%s", m.path("id")).isEmpty();
        }
        for (JsonNode c : root.path("marches").path("contrat-concession")) {
            assertThat(V2Structure.concession(c)).as("%s", c.path("id")).isEmpty();
        }
    }

    @Test
    void hasThousandsOfBuyersModificationsAndDuplicates() {
        Set<String> buyers = new HashSet<>();
        Map<String, Integer> keys = new HashMap<>();
        int modified = 0;
        for (JsonNode m : root.path("marches").path("marche")) {
            String buyer = m.path("acheteur").path("id").asString();
            buyers.add(buyer);
            if (m.has("modifications")) modified++;
            if (m.has("id") && !buyer.isEmpty()) keys.merge(buyer + "|" + m.get("id").asString(), 1, Integer::sum);
        }
        assertThat(buyers.size()).isGreaterThanOrEqualTo(1000);
        assertThat(modified / (double) summary.marches()).isBetween(0.12, 0.18);
        int extra = keys.values().stream().mapToInt(n -> n - 1).sum();
        assertThat(summary.duplicates() / (double) RECORDS).isBetween(0.02, 0.04);
        // A duplicate of a record whose ids were removed on purpose cannot be matched.
        assertThat(extra).isBetween((int) (summary.duplicates() - summary.rejectedByDesign() * 2), (int) summary.duplicates());
        assertThat(summary.defectsPlanted()).containsKeys("HOLDER_SIRET_INVALID", "CPV_NO_CHECK_DIGIT", "NUMBER_AS_STRING",
                "DURATION_NC", "AMOUNT_TOO_LOW");
    }

    @Test
    void isCompactDeterministicAndSeedDependent() throws Exception {
        Path again = dir.resolve("again.json");
        Path other = dir.resolve("other.json");
        new NationalGenerator().write(again, 2024, RECORDS);
        new NationalGenerator().write(other, 2025, RECORDS);
        assertThat(Files.mismatch(file, again)).isEqualTo(-1L);
        assertThat(Files.mismatch(file, other)).isNotEqualTo(-1L);
        assertThat(Files.readString(file)).doesNotContain("\n  ");
        assertThat(summary.bytes() / RECORDS).isBetween(600L, 1200L);
    }
}
