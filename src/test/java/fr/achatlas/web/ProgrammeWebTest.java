package fr.achatlas.web;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import fr.achatlas.model.ProgrammeEntryDraft;
import fr.achatlas.model.ProgrammeState;
import fr.achatlas.store.Database;
import fr.achatlas.store.ProgrammeStore;
import fr.achatlas.testing.ProgrammeFixture;
import fr.achatlas.web.security.Accounts;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.achatlas.testing.ProgrammeFixture.A;
import static fr.achatlas.testing.ProgrammeFixture.B;
import static fr.achatlas.testing.ProgrammeFixture.C;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published programme over HTTP: what local businesses get (list, entry, Atom, iCalendar, JSON, CSV) validates
 * with real parsers and never carries anything internal; managing it needs a user with the right buyers.
 */
class ProgrammeWebTest {

    @TempDir
    static Path dir;
    static Database db;
    static ConfigurableApplicationContext ctx;
    static int port;
    static long published, hidden, draft, validated, joint;
    static final ObjectMapper JSON = new ObjectMapper();
    /** Strings that must never leave the building. */
    static final List<String> SECRETS = List.of("NOTE-INTERNE", "123456", "Brouillon confidentiel", "Validé non publié",
            "libellé interne", "Fournisseur A1", "CONTRACT_END", "created_by", "internalNote", "sourceRef", "hideAmount");

    @BeforeAll
    static void start() throws Exception {
        db = Database.open(dir.resolve("t.duckdb"));
        ProgrammeFixture.load(db);
        Accounts.save(db, new Accounts.Account("alice", "mot-de-passe-analyste-a", "ANALYST", "Analyste A", Set.of(A)));
        Accounts.save(db, new Accounts.Account("vera", "mot-de-passe-elu-000", "VIEWER", "Élue", Set.of()));
        ProgrammeStore store = new ProgrammeStore(db.connection());
        var now = ProgrammeFixture.TODAY.atTime(9, 0);
        published = store.create(entry("Fourniture de plants, massifs & jardinières ; lot « vivaces »", List.of(A), "80000", false, false,
                LocalDate.of(2027, 1, 15)), ProgrammeState.PUBLISHED, "admin", null, now);
        hidden = store.create(entry("Collecte des déchets verts", List.of(C), "123456.78", true, true, LocalDate.of(2027, 3, 1)),
                ProgrammeState.LAUNCHED, "admin", null, now);
        joint = store.create(entry("Groupement de commandes : végétaux", List.of(A, B), "200000", false, false, null),
                ProgrammeState.PUBLISHED, "admin", null, now);
        draft = store.create(entry("Brouillon confidentiel", List.of(B), "99000", false, false, LocalDate.of(2027, 2, 1)),
                ProgrammeState.DRAFT, "admin", null, now);
        validated = store.create(entry("Validé non publié", List.of(B), "99000", false, false, LocalDate.of(2027, 2, 1)),
                ProgrammeState.VALIDATED, "admin", null, now);
        ctx = WebApp.start(db, 0, Map.of("achatlas.today", "2026-11-22"));
        port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    static ProgrammeEntryDraft entry(String object, List<String> buyers, String amount, boolean hide, boolean reserved, LocalDate launch) {
        return new ProgrammeEntryDraft("CONTRACT_END", "4242", object, "ENV03", buyers, new BigDecimal(amount), hide, launch,
                "Procédure adaptée", 2, reserved, true, false, "NOTE-INTERNE à ne pas publier");
    }

    @AfterAll
    static void stop() throws Exception {
        ctx.close();
        db.close();
    }

    static void assertNoSecret(String body) {
        for (String s : SECRETS) assertThat(body).as("public output leaks « %s »", s).doesNotContain(s);
    }

    @Test
    void publicListAndEntryShowPublishedOnlyWithoutInternalFields() throws Exception {
        WebClient anonymous = new WebClient(port);
        HttpResponse<String> list = anonymous.get("/api/public/programme");
        assertThat(list.statusCode()).isEqualTo(200);
        assertNoSecret(list.body());
        JsonNode rows = JSON.readTree(list.body());
        assertThat(rows).extracting(n -> n.get("id").asLong()).containsExactly(published, hidden, joint);
        assertThat(rows.get(1).has("estimatedAmount")).isFalse(); // hidden by the buyer: absent, not zero
        assertThat(rows.get(0).get("estimatedAmount").decimalValue()).isEqualByComparingTo("80000");
        assertThat(rows.get(2).get("joint").asBoolean()).isTrue();
        assertThat(JSON.readTree(anonymous.get("/api/public/programme?reserved=true").body()))
                .extracting(n -> n.get("id").asLong()).containsExactly(hidden);
        assertThat(JSON.readTree(anonymous.get("/api/public/programme?buyer=" + B).body()))
                .extracting(n -> n.get("id").asLong()).containsExactly(joint);
        assertThat(JSON.readTree(anonymous.get("/api/public/programme?from=2027-02-01").body()))
                .extracting(n -> n.get("id").asLong()).containsExactly(hidden);
        HttpResponse<String> one = anonymous.get("/api/public/programme/" + hidden);
        assertThat(one.statusCode()).isEqualTo(200);
        assertNoSecret(one.body());
        assertThat(anonymous.get("/api/public/programme/" + draft).statusCode()).isEqualTo(404);
        assertThat(anonymous.get("/api/public/programme/" + validated).statusCode()).isEqualTo(404);
        assertThat(anonymous.get("/api/public/programme?from=demain").statusCode()).isEqualTo(400);
        assertThat(anonymous.get("/programme.html").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/programme-fiche.html").statusCode()).isEqualTo(200);
    }

    @Test
    void atomFeedParsesWithRome() throws Exception {
        HttpResponse<byte[]> r = new WebClient(port).getBytes("/api/public/programme/feed.atom");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        assertNoSecret(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(r.body())));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getUri()).endsWith("/api/public/programme/feed.atom");
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle)
                .containsExactly("Fourniture de plants, massifs & jardinières ; lot « vivaces »", "Collecte des déchets verts",
                        "Groupement de commandes : végétaux");
        SyndEntry first = feed.getEntries().get(0);
        assertThat(first.getLink()).endsWith("/programme-fiche.html?id=" + published);
        assertThat(first.getDescription().getValue()).containsPattern("Montant estimé : 80.000 € HT").contains("Lancement prévu : 2027-01-15");
        assertThat(feed.getEntries().get(1).getDescription().getValue()).doesNotContain("Montant").contains("Marché réservé");
    }

    @Test
    void icalendarParsesWithIcal4j() throws Exception {
        HttpResponse<String> r = new WebClient(port).get("/api/public/programme/calendar.ics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertNoSecret(r.body());
        assertThat(r.body()).contains("\r\n");
        Calendar cal = new CalendarBuilder().build(new StringReader(r.body()));
        List<VEvent> events = cal.getComponents("VEVENT");
        // The joint entry has no planned date: it stays out of the calendar.
        assertThat(events).hasSize(2);
        assertThat(events.get(0).getSummary().getValue()).isEqualTo("Lancement prévu : Fourniture de plants, massifs & jardinières ; lot « vivaces »");
        assertThat(events.get(0).getDateTimeStart().getValue()).isEqualTo("20270115");
        assertThat(events.get(1).getUid().orElseThrow().getValue()).startsWith("programme-" + hidden + "@");
    }

    @Test
    void openDataExportsCarryNoInternalField() throws Exception {
        WebClient anonymous = new WebClient(port);
        HttpResponse<String> json = anonymous.get("/api/public/programme/export?format=json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertNoSecret(json.body());
        assertThat(JSON.readTree(json.body())).hasSize(3);
        HttpResponse<String> csv = anonymous.get("/api/public/programme/export?format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertNoSecret(csv.body());
        assertThat(csv.body().lines().count()).isEqualTo(4);
        assertThat(anonymous.get("/api/public/programme/export?format=parquet").statusCode()).isEqualTo(400);
    }

    @Test
    void managementNeedsAUserAndTheRightBuyers() throws Exception {
        WebClient anonymous = new WebClient(port);
        assertThat(anonymous.get("/api/programme/entries").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/api/thresholds?year=2026").statusCode()).isEqualTo(401);
        assertThat(anonymous.postJson("/api/programme/entries", "{\"object\":\"x\",\"buyerIds\":[\"" + A + "\"]}").statusCode()).isEqualTo(401);
        WebClient alice = new WebClient(port);
        alice.login("alice", "mot-de-passe-analyste-a");
        HttpResponse<String> created = alice.postJson("/api/programme/entries",
                "{\"object\":\"Tonte des stades\",\"familyCode\":\"ENV02\",\"buyerIds\":[\"" + A + "\"],\"estimatedAmount\":45000,"
                        + "\"plannedLaunch\":\"2027-04-01\",\"reserved\":true}");
        assertThat(created.statusCode()).isEqualTo(200);
        long id = JSON.readTree(created.body()).get("id").asLong();
        assertThat(alice.postJson("/api/programme/entries/" + id + "/state", "{\"to\":\"VALIDATED\"}").statusCode()).isEqualTo(204);
        assertThat(alice.postJson("/api/programme/entries/" + id + "/state", "{\"to\":\"AWARDED\"}").statusCode()).isEqualTo(409);
        assertThat(alice.postJson("/api/programme/entries/" + draft + "/state", "{\"to\":\"VALIDATED\"}").statusCode()).isEqualTo(409);
        assertThat(alice.postJson("/api/programme/entries", "{\"object\":\"\",\"buyerIds\":[\"" + A + "\"]}").statusCode()).isEqualTo(400);
        JsonNode detail = JSON.readTree(alice.get("/api/programme/entries/" + id).body());
        assertThat(detail.get("history")).extracting(h -> h.get("to").asString()).containsExactly("DRAFT", "VALIDATED");
        assertThat(detail.get("next")).extracting(JsonNode::asString).containsExactlyInAnyOrder("DRAFT", "PUBLISHED");
        // Not yet published: still absent from the public list.
        assertThat(anonymous.get("/api/public/programme/" + id).statusCode()).isEqualTo(404);
        WebClient vera = new WebClient(port);
        vera.login("vera", "mot-de-passe-elu-000");
        assertThat(vera.postJson("/api/programme/entries/" + id + "/state", "{\"to\":\"PUBLISHED\"}").statusCode()).isEqualTo(403);
        assertThat(vera.get("/api/thresholds?year=2026").statusCode()).isEqualTo(200);
        assertThat(vera.get("/api/thresholds/lines?buyer=" + A + "&family=ENV03&year=2026").statusCode()).isEqualTo(403);
        // The internal export carries the internal note (for managers only) and only what the analyst may see.
        HttpResponse<String> internal = alice.get("/api/programme/entries/export?format=csv");
        assertThat(internal.statusCode()).isEqualTo(200);
        assertThat(internal.body()).contains("NOTE-INTERNE").contains("Tonte des stades").doesNotContain("Brouillon confidentiel");
        assertThat(anonymous.get("/api/programme/entries/export?format=csv").statusCode()).isEqualTo(401);
        HttpResponse<String> lines = alice.get("/api/thresholds/lines?buyer=" + A + "&family=ENV03&year=2026");
        assertThat(JSON.readTree(lines.body())).hasSize(4);
    }

    @Test
    void mutualisationStudyAndExportAreServed() throws Exception {
        WebClient anonymous = new WebClient(port);
        JsonNode list = JSON.readTree(anonymous.get("/api/mutualisation").body());
        assertThat(list.get("opportunities")).singleElement().satisfies(o -> assertThat(o.get("familyKey").asString()).isEqualTo("ENV03"));
        HttpResponse<byte[]> pdf = anonymous.getBytes("/api/mutualisation/study.pdf?top=3");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        HttpResponse<String> csv = anonymous.get("/api/mutualisation/export?format=csv");
        assertThat(csv.body()).contains("ENV03");
        // The perimeter chosen on screen: C holds no ENV03 contract and the public does not see its spending.
        assertThat(JSON.readTree(anonymous.get("/api/mutualisation?buyers=" + C).body()).get("opportunities")).isEmpty();
        JsonNode forB = JSON.readTree(anonymous.get("/api/mutualisation?buyers=" + B).body()).get("opportunities");
        assertThat(forB).singleElement().satisfies(o -> assertThat(o.get("selection").get("amount").decimalValue()).isEqualByComparingTo("120000"));
        assertThat(anonymous.get("/api/mutualisation/export?format=csv&buyers=" + B).body()).contains("Marchés de la sélection");
    }
}
