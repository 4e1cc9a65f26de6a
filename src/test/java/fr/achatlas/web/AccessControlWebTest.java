package fr.achatlas.web;

import fr.achatlas.store.Database;
import fr.achatlas.testing.CubeFixture;
import fr.achatlas.web.security.Accounts;
import fr.achatlas.web.security.LoginThrottle;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.achatlas.testing.CubeFixture.BUYER_A;
import static fr.achatlas.testing.CubeFixture.BUYER_B;
import static org.assertj.core.api.Assertions.assertThat;

/** Access control end to end over HTTP: sessions, CSRF, tokens, throttling, and the cube's scope through the API. */
class AccessControlWebTest {

    static final String PW_A = "mot-de-passe-analyste-a";
    static final String PW_ADMIN = "mot-de-passe-admin-0";
    static final String PW_VIEWER = "mot-de-passe-elu-000";
    static final String PW_T = "mot-de-passe-throttle";

    @TempDir
    static Path dir;
    static Database db;
    static ConfigurableApplicationContext ctx;
    static int port;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        db = Database.open(dir.resolve("t.duckdb"));
        CubeFixture.load(db);
        Accounts.save(db, new Accounts.Account("alice", PW_A, "ANALYST", "Analyste A", Set.of(BUYER_A)));
        Accounts.save(db, new Accounts.Account("admin", PW_ADMIN, "ADMIN", "Admin", Set.of()));
        Accounts.save(db, new Accounts.Account("vera", PW_VIEWER, "VIEWER", "Élue", Set.of()));
        Accounts.save(db, new Accounts.Account("tom", PW_T, "VIEWER", "Throttled", Set.of()));
        ctx = WebApp.start(db, 0, Map.of("achatlas.login.max-failures", 3, "achatlas.login.lock-seconds", 600));
        port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        ctx.close();
        db.close();
    }

    static List<String> column(HttpResponse<String> r, String name) {
        JsonNode rows = JSON.readTree(r.body()).get("rows");
        List<String> out = new ArrayList<>();
        for (JsonNode row : rows) out.add(row.get(name).asString());
        return out;
    }

    @Test
    void analystOfANeverSeesSpendingLinesOfBThroughTheApi() throws Exception {
        WebClient alice = new WebClient(port);
        assertThat(alice.login("alice", PW_A)).endsWith("/");
        HttpResponse<String> lines = alice.get("/api/cube/lines?fact=spending&limit=100");
        assertThat(lines.statusCode()).isEqualTo(200);
        assertThat(column(lines, "buyer_id")).containsOnly(BUYER_A).hasSize(3);
        assertThat(lines.body()).doesNotContain("Secret de Bêta");
        assertThat(column(alice.get("/api/cube/lines?fact=spending&f.buyer=" + BUYER_B), "buyer_id")).isEmpty();
        assertThat(column(alice.get("/api/cube/lines?fact=spending&buyers=" + BUYER_B), "buyer_id")).isEmpty();
        assertThat(column(alice.get("/api/cube?fact=spending&axes=buyer&measures=amount_spent"), "buyer")).containsExactly(BUYER_A);
        HttpResponse<byte[]> csv = alice.getBytes("/api/cube/lines/export?fact=spending&format=csv");
        String text = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("Entretien espaces verts").doesNotContain("Secret de Bêta");

        // The same through a personal API token, without a session.
        HttpResponse<String> created = alice.post("/api/tokens", "label=tests", true);
        assertThat(created.statusCode()).isEqualTo(200);
        String token = JSON.readTree(created.body()).get("token").asString();
        WebClient api = new WebClient(port).withToken(token);
        assertThat(column(api.get("/api/cube/lines?fact=spending"), "buyer_id")).containsOnly(BUYER_A);
        assertThat(api.get("/api/cube/lines?fact=spending&f.buyer=" + BUYER_B).body()).doesNotContain("Secret");
        assertThat(new WebClient(port).withToken(token + "x").get("/api/me").statusCode()).isEqualTo(401);
        assertThat(alice.get("/api/tokens").body()).contains("tests").doesNotContain(token);

        // A script calling the API in parallel with one token: every call answers (recording the token's use never
        // makes a request fail on a write conflict).
        List<java.util.concurrent.CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            calls.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return new WebClient(port).withToken(token).get("/api/me").statusCode();
                } catch (Exception e) {
                    return -1;
                }
            }));
        }
        assertThat(calls.stream().map(java.util.concurrent.CompletableFuture::join).toList()).hasSize(40).containsOnly(200);

        // Revoked, the token stops working at once, although the server keeps tokens it has just checked in memory.
        String tokenId = JSON.readTree(created.body()).get("tokenId").asString();
        assertThat(alice.delete("/api/tokens/" + tokenId).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/cube/lines?fact=spending").statusCode()).isEqualTo(401);
    }

    @Test
    void anonymousSeesContractsOnlyAndViewerNoSpendingLine() throws Exception {
        WebClient anon = new WebClient(port);
        assertThat(anon.get("/api/cube?axes=buyer&measures=contracts").statusCode()).isEqualTo(200);
        assertThat(anon.get("/api/cube?fact=spending&axes=buyer").statusCode()).isEqualTo(403);
        assertThat(anon.get("/api/cube/lines?fact=spending").statusCode()).isEqualTo(403);
        assertThat(anon.get("/api/cube/lines/export?fact=spending&format=xlsx").statusCode()).isEqualTo(403);
        assertThat(anon.get("/api/tokens").statusCode()).isEqualTo(401);

        WebClient vera = new WebClient(port);
        assertThat(vera.login("vera", PW_VIEWER)).endsWith("/");
        assertThat(column(vera.get("/api/cube?fact=spending&axes=buyer&measures=amount_spent"), "buyer")).hasSize(2);
        assertThat(vera.get("/api/cube/lines?fact=spending").statusCode()).isEqualTo(403);
    }

    @Test
    void postsWithoutCsrfTokenAreRefusedAndImportIsForAdminsOnly() throws Exception {
        WebClient alice = new WebClient(port);
        alice.login("alice", PW_A);
        assertThat(alice.post("/api/tokens", "label=x", false).statusCode()).isEqualTo(403);
        assertThat(alice.post("/api/import", "", true).statusCode()).isEqualTo(403);
        WebClient anon = new WebClient(port);
        assertThat(anon.post("/login", "username=alice&password=" + PW_A, false).statusCode()).isEqualTo(403);
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() throws Exception {
        WebClient c = new WebClient(port);
        String token = c.csrf();
        HttpResponse<String> r = c.post("/login", "username=vera&password=" + WebClient.enc(PW_VIEWER) + "&_csrf=" + WebClient.enc(token), false);
        String setCookie = String.join("\n", r.headers().allValues("Set-Cookie"));
        assertThat(setCookie).contains("JSESSIONID").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void loginIsLockedAfterRepeatedFailuresThenFreedAfterTheDelay() throws Exception {
        LoginThrottle throttle = ctx.getBean(LoginThrottle.class);
        WebClient c = new WebClient(port);
        for (int i = 0; i < 3; i++) assertThat(c.login("tom", "mauvais-mot-de-passe")).endsWith("/login.html?erreur");
        // Locked: even the right password is refused, with a message saying so.
        assertThat(c.login("tom", PW_T)).endsWith("/login.html?verrou");
        throttle.useClock(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(601)));
        try {
            assertThat(c.login("tom", PW_T)).endsWith("/");
        } finally {
            throttle.useClock(Clock.systemUTC());
        }
    }

    @Test
    void passwordsAreStoredHashed() throws Exception {
        var u = new fr.achatlas.store.UserStore(db.connection()).find("alice").orElseThrow();
        assertThat(u.passwordHash()).startsWith("{bcrypt}$2").doesNotContain(PW_A);
    }
}
