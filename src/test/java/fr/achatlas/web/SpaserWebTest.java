package fr.achatlas.web;

import fr.achatlas.store.Database;
import fr.achatlas.testing.SpaserFixture;
import fr.achatlas.web.api.SpaserController;
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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import static fr.achatlas.testing.SpaserFixture.BUYER_A;
import static fr.achatlas.testing.SpaserFixture.BUYER_B;
import static org.assertj.core.api.Assertions.assertThat;

/** The SPASER API over HTTP: same numbers as the query layer, the user's scope, admin-only targets, the report. */
class SpaserWebTest {

    static final String PW_A = "mot-de-passe-analyste-a";
    static final String PW_ADMIN = "mot-de-passe-admin-0";

    @TempDir
    static Path dir;
    static Database db;
    static ConfigurableApplicationContext ctx;
    static int port;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        db = Database.open(dir.resolve("t.duckdb"));
        SpaserFixture.load(db);
        Accounts.save(db, new Accounts.Account("alice", PW_A, "ANALYST", "Analyste A", Set.of(BUYER_A)));
        Accounts.save(db, new Accounts.Account("admin", PW_ADMIN, "ADMIN", "Admin", Set.of()));
        ctx = WebApp.start(db, 0, Map.of());
        ctx.getBean(SpaserController.class).useClock(Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneId.of("Europe/Paris")));
        port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        ctx.close();
        db.close();
    }

    static JsonNode indicator(JsonNode dashboard, String code) {
        for (JsonNode i : dashboard.get("indicators")) if (i.get("indicator").get("code").asString().equals(code)) return i;
        return null;
    }

    @Test
    void publicSeesContractIndicatorsOnly() throws Exception {
        WebClient anon = new WebClient(port);
        HttpResponse<String> r = anon.get("/api/spaser/dashboard?buyers=" + BUYER_A + "&from=2024&to=2025");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode d = JSON.readTree(r.body());
        assertThat(d.get("perimeter").asString()).isEqualTo("Commune d'Alpha");
        JsonNode social2024 = indicator(d, "SOCIAL").get("years").get(0);
        assertThat(social2024.get("count").asLong()).isEqualTo(2);
        assertThat(social2024.get("headline").asDouble()).isEqualTo(1.0);
        assertThat(indicator(d, "SPENDING_ESAT_EA")).isNull();
        assertThat(anon.get("/api/spaser/indicators/SPENDING_PME/lines").statusCode()).isEqualTo(403);
        assertThat(anon.get("/api/spaser/inclusive/segments").statusCode()).isEqualTo(403);
        assertThat(anon.get("/api/spaser/indicators/NOPE/lines").statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(anon.get("/api/spaser/art35").body()).get("aboveWithoutSocial").asInt()).isEqualTo(1);
        JsonNode candidates = JSON.readTree(anon.get("/api/spaser/inclusive/candidates").body());
        assertThat(candidates).hasSize(1);
        assertThat(candidates.get(0).get("articles").asString()).isEqualTo("L2113-12");
    }

    @Test
    void analystOfASeesNoSpendingOfBThroughSpaserRoutes() throws Exception {
        WebClient alice = new WebClient(port);
        alice.login("alice", PW_A);
        JsonNode b = JSON.readTree(alice.get("/api/spaser/dashboard?buyers=" + BUYER_B + "&from=2025&to=2025").body());
        assertThat(indicator(b, "SPENDING_ESAT_EA").get("years").get(0).get("value").decimalValue()).isZero();
        assertThat(JSON.readTree(alice.get("/api/spaser/indicators/SPENDING_ESAT_EA/lines?buyers=" + BUYER_B).body()).get("rows")).isEmpty();
        JsonNode a = JSON.readTree(alice.get("/api/spaser/indicators/SPENDING_ESAT_EA/lines?buyers=" + BUYER_A).body()).get("rows");
        assertThat(a).hasSize(1);
        assertThat(a.get(0).get("line_key").asString()).isEqualTo("A-L2");
        String csv = new String(alice.getBytes("/api/spaser/indicators/SPENDING_ESAT_EA/lines/export?buyers=" + BUYER_B).body(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).doesNotContain("B-L2");
        // Analysts cannot set targets.
        assertThat(alice.post("/api/spaser/targets", "indicator=SOCIAL&year=2025&value=40", true).statusCode()).isEqualTo(403);
    }

    @Test
    void adminSetsATrajectoryShownAgainstActuals() throws Exception {
        WebClient admin = new WebClient(port);
        admin.login("admin", PW_ADMIN);
        for (String[] t : new String[][] {{"2024", "5000"}, {"2025", "10000"}}) {
            HttpResponse<String> r = admin.post("/api/spaser/targets", "indicator=SPENDING_ESAT_EA&buyer=" + BUYER_A + "&year=" + t[0]
                    + "&value=" + t[1], true);
            assertThat(r.statusCode()).isEqualTo(200);
        }
        assertThat(admin.post("/api/spaser/targets", "indicator=SOCIAL&year=2025&value=35", true).statusCode()).isEqualTo(200);
        JsonNode d = JSON.readTree(admin.get("/api/spaser/dashboard?buyers=" + BUYER_A + "&from=2024&to=2025").body());
        assertThat(d.get("canEditTargets").asBoolean()).isTrue();
        JsonNode esat = indicator(d, "SPENDING_ESAT_EA").get("years");
        assertThat(esat.get(0).get("value").decimalValue()).isEqualByComparingTo("4000");
        assertThat(esat.get(0).get("target").decimalValue()).isEqualByComparingTo("5000");
        assertThat(esat.get(1).get("target").decimalValue()).isEqualByComparingTo("10000");
        JsonNode territory = JSON.readTree(admin.get("/api/spaser/targets").body());
        assertThat(territory.get(0).get("value").decimalValue()).isEqualByComparingTo("0.35");
        assertThat(admin.post("/api/spaser/targets", "indicator=SOCIAL&year=2025&value=150", true).statusCode()).isEqualTo(400);
        assertThat(admin.post("/api/spaser/targets/delete", "indicator=SOCIAL&year=2025&metric=SHARE_COUNT", true).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(admin.get("/api/spaser/targets").body())).isEmpty();

        HttpResponse<byte[]> pdf = admin.getBytes("/api/spaser/report?buyers=" + BUYER_A + "&year=2025");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        HttpResponse<byte[]> xlsx = admin.getBytes("/api/spaser/report?format=xlsx&year=2025");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.body()[0]).isEqualTo((byte) 'P');
    }
}
