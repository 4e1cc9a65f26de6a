package fr.achatlas.web.e2e;

import fr.achatlas.store.Database;
import fr.achatlas.testing.SpaserFixture;
import fr.achatlas.web.WebApp;
import fr.achatlas.web.api.SpaserController;
import fr.achatlas.web.security.Accounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The SPASER dashboard driven in headless Chromium on the SPASER fixture: indicators, a target set by an admin, art. 35, candidates. */
class SpaserBrowserTest extends BrowserTest {

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
        SpaserFixture.load(db);
        Accounts.save(db, new Accounts.Account("admin", ADMIN_PW, "ADMIN", "Admin", Set.of()));
        ctx = WebApp.start(db, 0, Map.of());
        ctx.getBean(SpaserController.class).useClock(Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneId.of("Europe/Paris")));
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

    @Override
    int windowHeight() {
        return 3000;
    }

    /** Visible text with French number spacing (narrow no-break spaces) as plain spaces. */
    String text(String id) {
        return driver.findElement(By.id(id)).getText().replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    @Test
    void adminFollowsTheTrajectorySetsATargetAndSeesTheArt35AndReservationPipeline() throws Exception {
        try {
            browser.login("admin", ADMIN_PW);

            driver.get(base + "/spaser.html?buyers=" + SpaserFixture.BUYER_A + "&indicator=ESAT_EA");
            wait.until(d -> d.findElement(By.id("perimeter")).getText().contains("Commune d'Alpha"));
            wait.until(d -> d.findElements(By.cssSelector("#traj-chart canvas")).size() > 0);
            // The ESAT/EA tile of 2025 (A-3 is held by G: 0 €) and the trajectory table with 2024's 30 000 €.
            assertThat(driver.findElement(By.cssSelector(".kpi[data-code='ESAT_EA']")).getText().replace('\u202f', ' ').replace('\u00a0', ' '))
                    .contains("0 €").contains("−30 000 € sur un an");
            wait.until(d -> text("traj-table").contains("30 000"));

            // A target set through the form shows in the trajectory table and on the tile.
            driver.findElement(By.id("t-year")).clear();
            driver.findElement(By.id("t-year")).sendKeys("2024");
            driver.findElement(By.id("t-value")).sendKeys("25000");
            driver.findElement(By.cssSelector("#target-form button[type=submit]")).click();
            wait.until(d -> text("traj-table").contains("25 000"));

            // Rows under the indicator: the 2025 contract list is empty, the lines of the social indicator are not.
            driver.findElement(By.cssSelector("button[data-select='SOCIAL']")).click();
            wait.until(d -> d.findElement(By.id("traj-title")).getText().contains("considération sociale"));

            wait.until(d -> d.findElement(By.id("art35-rows")).getText().contains("Nettoyage des bâtiments"));
            assertThat(driver.findElement(By.id("art35-kpis")).getText()).contains("2").contains("1");
            wait.until(d -> d.findElement(By.id("candidates")).getText().contains("L2113-12"));
            assertThat(driver.findElement(By.id("candidates")).getText()).contains("Nettoyage des vitres");
            // Buyer A paid an ordinary supplier for cleaning in 2024 while a local ESAT works in that family.
            assertThat(driver.findElement(By.id("segments")).getText()).contains("Aucune donnée");
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("year-to"))).selectByValue("2024");
            wait.until(d -> d.findElement(By.id("segments")).getText().contains("Nettoyage"));
            assertThat(text("segments")).contains("5 000");
            assertThat(driver.findElement(By.id("report-pdf")).getAttribute("href")).contains("/api/spaser/report").contains("format=pdf");
            shot("spaser-dashboard");
        } catch (Throwable t) {
            shot("failed-spaser");
            throw t;
        }
    }
}
