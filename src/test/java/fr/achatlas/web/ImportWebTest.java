package fr.achatlas.web;

import fr.achatlas.store.Database;
import fr.achatlas.testing.CubeFixture;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static fr.achatlas.store.StoreSnapshot.count;
import static fr.achatlas.testing.CubeFixture.BUYER_A;
import static org.assertj.core.api.Assertions.assertThat;

/** Files sent from the import page: DECP files, and spending exports (preview, nothing written; then import, links, classification). */
class ImportWebTest {

    static final String PW_ADMIN = "mot-de-passe-admin-1";
    static final String PW_A = "mot-de-passe-analyste-1";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Database db;
    static ConfigurableApplicationContext ctx;
    static int port;

    static final byte[] EXPORT = ("Journal des paiements 2024\n"
            + "siret_payeur|date_paiement|num_facture|siret_fournisseur|nom_fournisseur|montant_ht|compte|libelle\n"
            + BUYER_A + "|2024-01-05|F1|552 100 554 00013|EGO|1 250,50|6068|Fournitures de bureau\n"
            + BUYER_A + "|2024-13-05|F2|55210055400013|EGO|10,00|6068|date impossible\n"
            + BUYER_A + "|2024-02-07|F3||Quincaillerie Dupont|99,99|60632|Petit outillage\n").getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void start() throws Exception {
        db = Database.open(dir.resolve("t.duckdb"));
        CubeFixture.load(db);
        Accounts.save(db, new Accounts.Account("admin", PW_ADMIN, "ADMIN", "Admin", Set.of()));
        Accounts.save(db, new Accounts.Account("alice", PW_A, "ANALYST", "Analyste A", Set.of(BUYER_A)));
        ctx = WebApp.start(db, 0, Map.of());
        port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        ctx.close();
        db.close();
    }

    private static long lines() throws Exception {
        synchronized (db) {
            return count(db.connection(), "SELECT count(*) FROM spending_line");
        }
    }

    @Test
    void decpFilesSentTogetherAreImportedUnderTheirNamesAndClassifiedAtOnce() throws Exception {
        WebClient admin = new WebClient(port);
        admin.login("admin", PW_ADMIN);
        var files = new java.util.LinkedHashMap<String, byte[]>();
        for (String f : new String[]{"v2-mixed.json", "2019-single.xml"}) {
            files.put(f, java.nio.file.Files.readAllBytes(Path.of("src/test/resources/fixtures/decp", f)));
        }
        HttpResponse<String> res = admin.postFiles("/api/import", Map.of(), files);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        JsonNode r = JSON.readTree(res.body());
        assertThat(r.get("files").size()).isEqualTo(2);
        assertThat(r.get("files").get(0).get("file").asString()).as("no server path").isEqualTo("v2-mixed.json");
        assertThat(r.get("read").asLong()).isEqualTo(r.get("loaded").asLong() + r.get("duplicates").asLong() + r.get("rejected").asLong());
        synchronized (db) {
            assertThat(count(db.connection(), "SELECT count(DISTINCT file_name) FROM import_batch WHERE file_name IN ('v2-mixed.json', '2019-single.xml')"))
                    .isEqualTo(2);
            assertThat(count(db.connection(), "SELECT count(*) FROM contract c LEFT JOIN classification k ON k.subject_kind = 'CONTRACT' "
                    + "AND k.subject_key = c.contract_key WHERE k.subject_key IS NULL")).as("every contract classified at once").isZero();
        }
    }

    @Test
    void onlyTheAdministratorSendsSpendingExports() throws Exception {
        WebClient alice = new WebClient(port);
        alice.login("alice", PW_A);
        assertThat(alice.postFile("/api/import/spending/preview", Map.of(), "p.txt", EXPORT).statusCode()).isEqualTo(403);
        assertThat(alice.postFile("/api/import/spending", Map.of(), "p.txt", EXPORT).statusCode()).isEqualTo(403);
        assertThat(new WebClient(port).get("/api/import/spending/profiles").statusCode()).isIn(401, 403);
    }

    @Test
    void previewShowsWhatWouldBeReadAndWritesNothingThenTheImportLinksAndClassifies() throws Exception {
        WebClient admin = new WebClient(port);
        admin.login("admin", PW_ADMIN);
        JsonNode profiles = JSON.readTree(admin.get("/api/import/spending/profiles").body());
        assertThat(profiles.size()).isEqualTo(5);

        long before = lines();
        HttpResponse<String> preview = admin.postFile("/api/import/spending/preview", Map.of(), "paiements.txt", EXPORT);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode p = JSON.readTree(preview.body());
        assertThat(p.get("profile").asString()).isEqualTo("paiements-pipe");
        assertThat(p.get("aboveHeader").get(0).get("text").asString()).isEqualTo("Journal des paiements 2024");
        JsonNode first = p.get("lines").get(0);
        assertThat(first.get("line").asLong()).isEqualTo(3);
        assertThat(first.get("mapped").get("paymentDate").asString()).isEqualTo("2024-01-05");
        assertThat(first.get("mapped").get("amountHtCents").asLong()).isEqualTo(125_050);
        JsonNode rejected = p.get("lines").get(1);
        assertThat(rejected.path("mapped").isMissingNode() || rejected.path("mapped").isNull()).as("a rejected line maps to nothing").isTrue();
        assertThat(rejected.get("issues").get(0).get("rule").asString()).isEqualTo("SPENDING_DATE_INVALID");
        assertThat(lines()).isEqualTo(before);

        HttpResponse<String> imported = admin.postFile("/api/import/spending", Map.of("profile", "paiements-pipe"), "paiements.txt", EXPORT);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        JsonNode r = JSON.readTree(imported.body());
        assertThat(r.get("reports").size()).isEqualTo(1);
        assertThat(r.get("reports").get(0).get("file").asString()).as("no server path").isEqualTo("paiements.txt");
        assertThat(r.get("reports").get(0).get("loaded").asLong()).isEqualTo(2);
        assertThat(r.get("reports").get(0).get("rejected").asLong()).isEqualTo(1);
        assertThat(r.get("classification").get("spendingLines").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(lines()).isEqualTo(before + 2);
        synchronized (db) {
            assertThat(count(db.connection(), "SELECT count(*) FROM spending_line l JOIN classification c "
                    + "ON c.subject_kind = 'SPENDING_LINE' AND c.subject_key = l.line_key WHERE l.invoice_ref = 'F1'"))
                    .as("the new line is classified at once").isEqualTo(1);
        }
    }

    @Test
    void severalExportsAtOnceEachInItsTransactionTheUnreadableOneReported() throws Exception {
        WebClient admin = new WebClient(port);
        admin.login("admin", PW_ADMIN);
        byte[] march = new String(EXPORT, StandardCharsets.UTF_8).replace("F1|", "H1|").replace("F3|", "H3|").getBytes(StandardCharsets.UTF_8);
        var files = new java.util.LinkedHashMap<String, byte[]>();
        files.put("paiements-mars.txt", march);
        files.put("inconnu.csv", "a;b;c\n1;2;3\n".getBytes(StandardCharsets.UTF_8));
        long before = lines();
        HttpResponse<String> res = admin.postFiles("/api/import/spending", Map.of(), files);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        JsonNode r = JSON.readTree(res.body());
        assertThat(r.get("reports").size()).isEqualTo(1);
        assertThat(r.get("failed").get(0).get("file").asString()).isEqualTo("inconnu.csv");
        assertThat(r.get("failed").get(0).get("reason").asString()).contains("Aucun profil");
        assertThat(r.get("classification").get("spendingLines").asLong()).isPositive();
        assertThat(lines()).isEqualTo(before + 2);
        synchronized (db) {
            // the store keeps the name the sender gave, as rejects and findings show it
            assertThat(count(db.connection(), "SELECT count(*) FROM spending_line WHERE file_name = 'paiements-mars.txt'")).isEqualTo(2);
        }
    }

    @Test
    void eachSpendingImportIsListedWithItsRejectedLinesAndFindings() throws Exception {
        WebClient admin = new WebClient(port);
        admin.login("admin", PW_ADMIN);
        byte[] april = new String(EXPORT, StandardCharsets.UTF_8).replace("F1|", "K1|").replace("F3|", "K3|").getBytes(StandardCharsets.UTF_8);
        int batch = JSON.readTree(admin.postFile("/api/import/spending", Map.of(), "paiements-avril.txt", april).body())
                .get("reports").get(0).get("batchId").asInt();
        JsonNode listed = null;
        for (JsonNode b : JSON.readTree(admin.get("/api/import/spending/batches").body())) {
            if (b.get("batchId").asInt() == batch) listed = b;
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("fileName").asString()).isEqualTo("paiements-avril.txt");
        assertThat(listed.get("read").asLong()).isEqualTo(3).isEqualTo(listed.get("loaded").asLong() + listed.get("duplicates").asLong()
                + listed.get("rejected").asLong());
        JsonNode issues = JSON.readTree(admin.get("/api/import/spending/batches/" + batch + "/issues").body());
        assertThat(issues.get(0).get("lineNumber").asLong()).isEqualTo(1);
        assertThat(issues.get(0).get("rule").asString()).isEqualTo("SPENDING_ABOVE_HEADER");
        JsonNode reject = issues.get(1);
        assertThat(reject.get("lineNumber").asLong()).isEqualTo(4);
        assertThat(reject.get("severity").asString()).isEqualTo("FATAL");
        assertThat(reject.get("rule").asString()).isEqualTo("SPENDING_DATE_INVALID");
        assertThat(reject.get("value").asString()).isEqualTo("2024-13-05");
        WebClient alice = new WebClient(port);
        alice.login("alice", PW_A);
        assertThat(alice.get("/api/import/spending/batches").statusCode()).isEqualTo(403);
    }

    @Test
    void aBatchIsDeletedByTheAdministratorOnly() throws Exception {
        WebClient admin = new WebClient(port);
        admin.login("admin", PW_ADMIN);
        byte[] other = new String(EXPORT, StandardCharsets.UTF_8).replace("F1|", "G1|").replace("F3|", "G3|").getBytes(StandardCharsets.UTF_8);
        JsonNode r = JSON.readTree(admin.postFile("/api/import/spending", Map.of(), "autre.txt", other).body());
        int batch = r.get("reports").get(0).get("batchId").asInt();
        long before = lines();
        WebClient alice = new WebClient(port);
        alice.login("alice", PW_A);
        assertThat(alice.delete("/api/import/spending/batches/" + batch).statusCode()).isEqualTo(403);
        HttpResponse<String> deleted = admin.delete("/api/import/spending/batches/" + batch);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(JSON.readTree(deleted.body()).get("lines").asLong()).isEqualTo(2);
        assertThat(lines()).isEqualTo(before - 2);
        HttpResponse<String> again = admin.delete("/api/import/spending/batches/" + batch);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("Aucun lot de dépenses");
    }

    @Test
    void aFileNoProfileReadsOrAProfileThatIsNotBundledIsRefusedWithTheReason() throws Exception {
        WebClient admin = new WebClient(port);
        admin.login("admin", PW_ADMIN);
        HttpResponse<String> unknown = admin.postFile("/api/import/spending/preview", Map.of(), "x.csv", "a;b;c\n1;2;3\n".getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).get("error").asString()).contains("Aucun profil").contains("[a, b, c]");
        HttpResponse<String> path = admin.postFile("/api/import/spending/preview", Map.of("profile", "/etc/passwd"), "p.txt", EXPORT);
        assertThat(path.statusCode()).isEqualTo(400);
        assertThat(path.body()).contains("Profil inconnu");
    }
}
