package fr.achatlas.web.e2e;

import fr.achatlas.model.ProgrammeEntryDraft;
import fr.achatlas.model.ProgrammeState;
import fr.achatlas.store.Database;
import fr.achatlas.store.ProgrammeStore;
import fr.achatlas.testing.ProgrammeFixture;
import fr.achatlas.web.WebApp;
import fr.achatlas.web.security.Accounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7 in headless Chromium: a business browses the published programme; an administrator adopts a proposal and
 * publishes it; opportunities and threshold flags show with their drill-down. Screenshots go to target/e2e/.
 */
@Tag("slow")
class ProgrammeBrowserTest extends BrowserTest {

    static final String ADMIN_PW = "e2e-admin-password";

    @TempDir
    static Path dir;
    static Database db;
    static ConfigurableApplicationContext ctx;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChrome.assumeInstalled();
        db = Database.open(dir.resolve("e2e.duckdb"));
        ProgrammeFixture.load(db);
        Accounts.save(db, new Accounts.Account("admin", ADMIN_PW, "ADMIN", "Admin", Set.of()));
        ProgrammeStore store = new ProgrammeStore(db.connection());
        var now = ProgrammeFixture.TODAY.atTime(9, 0);
        store.create(new ProgrammeEntryDraft("MANUAL", null, "Fourniture de plants", "ENV03", List.of(ProgrammeFixture.A),
                new BigDecimal("80000"), false, LocalDate.of(2027, 1, 15), "Procédure adaptée", 2, false, true, false, "interne"),
                ProgrammeState.PUBLISHED, "admin", null, now);
        store.create(new ProgrammeEntryDraft("MANUAL", null, "Entretien des espaces verts par une structure d'insertion", "ENV02",
                List.of(ProgrammeFixture.B), new BigDecimal("60000"), true, LocalDate.of(2027, 3, 1), null, 1, true, true, false, "interne"),
                ProgrammeState.PUBLISHED, "admin", null, now);
        ctx = WebApp.start(db, 0, Map.of("achatlas.today", "2026-11-22"));
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        if (ctx != null) ctx.close();
        if (db != null) db.close();
    }

    @Override
    String base() {
        return base;
    }

    int cards() {
        return driver.findElements(By.cssSelector("#entries .programme-entry")).size();
    }

    @Test
    void aBusinessBrowsesAndAnAdministratorPublishes() throws Exception {
        try {
            driver.get(base + "/programme.html");
            wait.until(d -> d.findElements(By.id("count")).size() > 0);
            assertThat(cards()).isEqualTo(2);
            assertThat(driver.findElement(By.id("entries")).getText()).contains("Montant non communiqué").doesNotContain("interne");
            shot("p1-programme-public");
            driver.findElement(By.cssSelector("label[for=f-reserved]")).click();
            driver.findElement(By.cssSelector("#filters button[type=submit]")).click();
            wait.until(d -> d.getCurrentUrl().contains("reserved=true") && d.findElements(By.id("count")).size() > 0);
            assertThat(cards()).isEqualTo(1);
            driver.findElement(By.cssSelector("#entries a")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("content"), "Marché réservé"));
            assertThat(driver.findElement(By.id("page-title")).getText()).isEqualTo("Entretien des espaces verts par une structure d'insertion");
            shot("p2-programme-fiche");

            browser.login("admin", ADMIN_PW);
            driver.get(base + "/programme-gestion.html");
            wait.until(d -> d.findElements(By.cssSelector("#proposals button[data-row]")).size() == 4);
            shot("p3-programme-gestion");
            driver.findElement(By.cssSelector("#proposals button[data-row='0']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts"), "Proposition adoptée"));
            wait.until(d -> d.findElements(By.cssSelector("#proposals button[data-row]")).size() == 3);
            // Manage the new draft (the first entry by launch date), validate it then publish it.
            driver.findElement(By.xpath("//div[@id='entries']//tr[td[contains(., 'Brouillon')]]//button")).click();
            wait.until(d -> d.findElements(By.cssSelector("#alerts button[data-to='VALIDATED']")).size() == 1);
            driver.findElement(By.cssSelector("#alerts button[data-to='VALIDATED']")).click();
            wait.until(d -> d.findElements(By.xpath("//div[@id='entries']//tr[td[contains(., 'Validé')]]//button")).size() == 1);
            driver.findElement(By.xpath("//div[@id='entries']//tr[td[contains(., 'Validé')]]//button")).click();
            wait.until(d -> d.findElements(By.cssSelector("#alerts button[data-to='PUBLISHED']")).size() == 1);
            driver.findElement(By.cssSelector("#alerts button[data-to='PUBLISHED']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts"), " : Publié."));
            driver.get(base + "/programme.html");
            wait.until(d -> d.findElements(By.id("count")).size() > 0);
            assertThat(cards()).isEqualTo(3);

            driver.get(base + "/mutualisation.html");
            wait.until(d -> d.findElements(By.cssSelector("#ops tbody tr")).size() > 0);
            assertThat(driver.findElement(By.id("ops")).getText()).contains("Plantes, arbres, semences").containsPattern("3.000 € à 6.000 €")
                    .contains("à préparer dès maintenant");
            driver.findElement(By.cssSelector("#ops button[data-row='0']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail"), "Commune de Bêta"));
            shot("p4-mutualisation");

            driver.get(base + "/seuils.html?year=2026");
            wait.until(d -> d.findElements(By.cssSelector("#rows tbody tr")).size() == 4);
            assertThat(driver.findElement(By.id("rows")).getText()).containsIgnoringCase("Risque de fractionnement").containsIgnoringCase("Seuil approché");
            driver.findElement(By.cssSelector("#rows button[data-row='1']")).click();
            wait.until(d -> d.findElements(By.cssSelector("#lines tbody tr")).size() == 4);
            assertThat(driver.findElement(By.id("lines")).getText()).contains("Dépense hors marché").contains("Ligne A4");
            shot("p5-seuils");

            // One buyer chosen in the perimeter: the families it takes part in, with its share.
            driver.get(base + "/mutualisation.html?buyers=" + ProgrammeFixture.A);
            wait.until(d -> d.findElements(By.cssSelector("#ops tbody tr")).size() > 0);
            assertThat(driver.findElement(By.id("ops")).getText()).contains("Part du périmètre choisi").containsPattern("30.000 €")
                    .contains("(1 marché)");
            assertThat(driver.findElement(By.id("content")).getText()).contains("concerne le périmètre choisi");
            shot("p6-mutualisation-perimetre");
            driver.get(base + "/mutualisation.html?buyers=");
        } catch (Throwable t) {
            shot("p-failed");
            throw new AssertionError("at " + driver.getCurrentUrl() + "\n" + driver.findElement(By.tagName("body")).getText(), t);
        }
    }
}
