package fr.achatlas.web;

import fr.achatlas.store.Database;
import fr.achatlas.testing.ClassificationFixture;
import fr.achatlas.web.security.Accounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.achatlas.testing.CubeFixture.BUYER_A;
import static fr.achatlas.testing.CubeFixture.BUYER_B;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classification validation loop over HTTP, on contracts and real spending lines of two buyers: who sees which
 * part of the queue, who may decide on what, and a correction turned into a rule that reclassifies the store.
 */
class ClassificationWebTest {

    static final String PW_A = "mot-de-passe-analyste-a";
    static final String PW_ADMIN = "mot-de-passe-admin-0";
    static final String PW_VIEWER = "mot-de-passe-elu-000";

    @TempDir
    static Path dir;
    static Database db;
    static ConfigurableApplicationContext ctx;
    static int port;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        db = Database.open(dir.resolve("t.duckdb"));
        ClassificationFixture.load(db, dir);
        Accounts.save(db, new Accounts.Account("alice", PW_A, "ANALYST", "Analyste A", Set.of(BUYER_A)));
        Accounts.save(db, new Accounts.Account("admin", PW_ADMIN, "ADMIN", "Admin", Set.of()));
        Accounts.save(db, new Accounts.Account("vera", PW_VIEWER, "VIEWER", "Élue", Set.of()));
        ctx = WebApp.start(db, 0, Map.of());
        port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        ctx.close();
        db.close();
    }

    static long line(String label) throws SQLException {
        return ClassificationFixture.line(db, label);
    }

    static JsonNode json(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static List<String> field(JsonNode rows, String name) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : rows) out.add(row.get(name).isNull() ? null : row.get(name).asString());
        return out;
    }

    @Test
    void theQueueShowsEachPersonTheRecordsOfTheirOwnBuyersOnly() throws Exception {
        assertThat(new WebClient(port).get("/api/classification/queue").statusCode()).isEqualTo(403);
        WebClient vera = new WebClient(port);
        vera.login("vera", PW_VIEWER);
        assertThat(vera.get("/api/classification/queue").statusCode()).isEqualTo(403);

        WebClient admin = new WebClient(port);
        admin.login("admin", PW_ADMIN);
        JsonNode all = json(admin.get("/api/classification/queue?kind=SPENDING_LINE&limit=500"));
        // Lines on an account no crosswalk knows (6718), with a vague label: the unsure kind the queue is for.
        assertThat(field(all.get("rows"), "text")).contains("Frais divers de fonctionnement", "Autre secret de Bêta");
        assertThat(all.get("total").asLong()).isEqualTo(all.get("rows").size());

        WebClient alice = new WebClient(port);
        alice.login("alice", PW_A);
        JsonNode mine = json(alice.get("/api/classification/queue?limit=500"));
        assertThat(field(mine.get("rows"), "buyerId")).isNotEmpty().containsOnly(BUYER_A);
        assertThat(mine.toString()).doesNotContain("secret de Bêta").doesNotContain("Secret de Bêta");
        // Choosing B's perimeter on screen does not open B's queue to A's analyst.
        assertThat(json(alice.get("/api/classification/queue?buyers=" + BUYER_B)).get("total").asLong()).isZero();

        // A decision takes the record out of the queue.
        long unsure = line("Frais divers de fonctionnement");
        json(alice.post("/api/classification/spending_line/" + unsure + "/override", "family=GEN06", true));
        JsonNode after = json(alice.get("/api/classification/queue?limit=500"));
        assertThat(field(after.get("rows"), "text")).doesNotContain("Frais divers de fonctionnement");
        assertThat(after.get("total").asLong()).isEqualTo(mine.get("total").asLong() - 1);
    }

    @Test
    void anAnalystDecidesOnTheirOwnBuyersRecordsOnly() throws Exception {
        WebClient alice = new WebClient(port);
        alice.login("alice", PW_A);
        long secret = line("Autre secret de Bêta");
        assertThat(alice.get("/api/classification/spending_line/" + secret).statusCode()).isEqualTo(403);
        assertThat(alice.post("/api/classification/spending_line/" + secret + "/override", "family=GEN06", true).statusCode())
                .isEqualTo(403);
        assertThat(alice.post("/api/classification/spending_line/" + secret + "/accept", "", true).statusCode()).isEqualTo(403);

        long own = line("Prestation diverse");
        JsonNode decided = json(alice.post("/api/classification/spending_line/" + own + "/override",
                "family=ENV02&comment=" + WebClient.enc("entretien de terrain en réalité"), true));
        assertThat(decided.get("familyCode").asString()).isEqualTo("ENV02");
        JsonNode explained = json(alice.get("/api/classification/spending_line/" + own));
        assertThat(explained.get("status").asString()).isEqualTo("OVERRIDDEN");
        assertThat(explained.get("text").asString()).isEqualTo("Prestation diverse");
        assertThat(explained.get("history").get(0).get("user").asString()).isEqualTo("alice");
        assertThat(explained.get("history").get(0).get("comment").asString()).isEqualTo("entretien de terrain en réalité");
        // Only an administrator makes a rule for the whole territory.
        assertThat(alice.post("/api/classification/spending_line/" + own + "/rule", "territoryWide=true", true).statusCode())
                .isEqualTo(403);
        // Without CSRF token, nothing happens.
        assertThat(alice.post("/api/classification/spending_line/" + own + "/accept", "", false).statusCode()).isEqualTo(403);
    }

    @Test
    void aCorrectedLineBecomesAnAccountRuleForItsBuyerAndEverythingIsReclassified() throws Exception {
        WebClient admin = new WebClient(port);
        admin.login("admin", PW_ADMIN);
        long roof = line("Réparation de la toiture de la mairie");
        long gutters = line("Reprise des gouttières de l'école");
        long betaRoof = line("Secret de Bêta toiture");
        String before = json(admin.get("/api/classification/spending_line/" + betaRoof)).get("familyCode").asString();
        assertThat(before).isNotEqualTo("BAT04");

        json(admin.post("/api/classification/spending_line/" + roof + "/override", "family=BAT04", true));
        JsonNode rule = json(admin.post("/api/classification/spending_line/" + roof + "/rule", "territoryWide=false", true));
        assertThat(rule.get("kind").asString()).isEqualTo("ACCOUNT");
        assertThat(rule.get("code").asString()).isEqualTo("615221");
        assertThat(rule.get("buyerId").asString()).isEqualTo(BUYER_A);
        assertThat(rule.get("reclassification").get("spendingLines").asLong()).isEqualTo(6);

        JsonNode other = json(admin.get("/api/classification/spending_line/" + gutters));
        assertThat(other.get("familyCode").asString()).isEqualTo("BAT04");
        assertThat(other.get("status").asString()).isEqualTo("AUTO");
        assertThat(other.get("evidence").asString()).contains("615221");
        // The rule is A's: B's line on the same account keeps its family.
        assertThat(json(admin.get("/api/classification/spending_line/" + betaRoof)).get("familyCode").asString()).isEqualTo(before);
    }

    @Test
    void theCubeFollowsDecisionsWithoutReimport() throws Exception {
        WebClient admin = new WebClient(port);
        admin.login("admin", PW_ADMIN);
        String cube = "/api/cube?fact=contract&axes=family&measures=amount_current&f.buyer=" + BUYER_B;
        assertThat(json(admin.get(cube)).toString()).doesNotContain("FIN01");
        long gym;
        try (var rs = db.connection().createStatement().executeQuery("SELECT contract_key FROM contract WHERE contract_id = 'B-1'")) {
            assertThat(rs.next()).isTrue();
            gym = rs.getLong(1);
        }
        json(admin.post("/api/classification/contract/" + gym + "/override", "family=FIN01", true));
        JsonNode rows = json(admin.get(cube)).get("rows");
        assertThat(field(rows, "family")).contains("FIN01");
    }

    @Test
    void coverageAndFamiliesAreThereForSignedInUsers() throws Exception {
        assertThat(new WebClient(port).get("/api/classification/coverage").statusCode()).isEqualTo(403);
        WebClient vera = new WebClient(port);
        vera.login("vera", PW_VIEWER);
        JsonNode contracts = json(vera.get("/api/classification/coverage"));
        assertThat(contracts.get("records").asLong()).isEqualTo(5);
        JsonNode lines = json(vera.get("/api/classification/coverage?kind=SPENDING_LINE"));
        assertThat(lines.get("records").asLong()).isEqualTo(6);
        assertThat(lines.get("amount").decimalValue()).isEqualByComparingTo("37000");
        long byBand = 0;
        for (JsonNode b : lines.get("byBand")) byBand += b.get("records").asLong();
        assertThat(byBand).isEqualTo(6);
        JsonNode families = json(vera.get("/api/nomenclature/families"));
        assertThat(field(families, "code")).contains("BAT04", "ENV02", "GEN06");
        assertThat(families.get(0).get("segmentLabel").isNull()).isFalse();
    }
}
