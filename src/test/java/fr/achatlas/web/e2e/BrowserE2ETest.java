package fr.achatlas.web.e2e;

import fr.achatlas.check.ContractChecks;
import fr.achatlas.generate.TerritoryGenerator;
import fr.achatlas.importer.DecpImporter;
import fr.achatlas.parse.TerritoryFileReader;
import fr.achatlas.store.Database;
import fr.achatlas.store.TerritoryStore;
import fr.achatlas.testing.CubeFixture;
import fr.achatlas.web.WebApp;
import fr.achatlas.web.security.Accounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as a user drives it, in headless Chromium (Debian's chromium + chromium-driver): the generated demo
 * territory plus the cube fixture's spending lines (located suppliers, so the map has data). Screenshots go to
 * target/e2e/.
 */
@Tag("slow")
class BrowserE2ETest extends BrowserTest {

    static final Path SHOTS = Browser.SHOTS;
    static final String ADMIN_PW = "e2e-admin-password";
    static final String ANALYST_PW = "e2e-analyst-password";

    @TempDir
    static Path dir;
    static Database db;
    static ConfigurableApplicationContext ctx;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        Path files = dir.resolve("files");
        new TerritoryGenerator().generate(files, 42);
        db = Database.open(dir.resolve("e2e.duckdb"));
        new TerritoryStore(db).save(TerritoryFileReader.read(files.resolve("territory.json")));
        new DecpImporter(db, new ContractChecks(LocalDate.now())::check, DecpImporter.ProgressListener.NONE).importAll(List.of(files));
        CubeFixture.load(db);
        Accounts.save(db, new Accounts.Account("admin", ADMIN_PW, "ADMIN", "Admin", Set.of()));
        Accounts.save(db, new Accounts.Account("alice", ANALYST_PW, "ANALYST", "Analyste A", Set.of(CubeFixture.BUYER_A)));
        ctx = WebApp.start(db, 0, Map.of());
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) ctx).getWebServer().getPort();
        Files.createDirectories(SHOTS);
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

    /** Waits until the explorer has rendered the view of the current URL. */
    WebElement waitTable() {
        wait.until(d -> {
            Object search = ((JavascriptExecutor) d).executeScript("return location.search");
            return search.equals(d.findElement(By.id("table")).getAttribute("data-ready"));
        });
        return driver.findElement(By.cssSelector("#table table tbody tr"));
    }

    String crumbs() {
        return driver.findElement(By.id("filters")).getText();
    }

    @Test
    void loginDrillDownTwoLevelsPivotExportAndMap() throws Exception {
        try {
            drillPivotExportMap();
        } catch (Throwable t) {
            shot("failed-drilldown");
            throw new AssertionError("at " + driver.getCurrentUrl(), t);
        }
    }

    void drillPivotExportMap() throws Exception {
        login("admin", ADMIN_PW);
        wait.until(d -> d.findElement(By.id("kpi-contracts")).getText().matches("[0-9].*"));
        wait.until(d -> d.findElements(By.cssSelector("#by-year canvas")).size() > 0);
        shot("01-dashboard");

        // Level 0: by buyer; level 1: the first buyer's purchase divisions; level 2: one division's CPV codes.
        driver.get(base + "/explorer.html?axis=buyer");
        waitTable();
        String firstBuyer = driver.findElement(By.cssSelector("#table tbody tr td")).getText();
        driver.findElement(By.cssSelector("#table button[data-row='0']")).click();
        wait.until(d -> d.getCurrentUrl().contains("axis=cpv_division"));
        waitTable();
        assertThat(crumbs()).contains("Acheteur : " + firstBuyer);
        String division = driver.findElement(By.cssSelector("#table tbody tr td")).getText();
        driver.findElement(By.cssSelector("#table button[data-row='0']")).click();
        wait.until(d -> d.getCurrentUrl().contains("axis=cpv&"));
        waitTable();
        assertThat(crumbs()).contains("Acheteur : " + firstBuyer).contains("Division CPV : " + division);
        shot("02-drilldown-two-levels");

        // The back button returns to level 1; the URL alone reproduces the view.
        driver.navigate().back();
        wait.until(d -> d.getCurrentUrl().contains("axis=cpv_division"));
        wait.until(d -> !crumbs().contains("Division CPV"));
        String shared = driver.getCurrentUrl();
        driver.get(shared);
        waitTable();
        assertThat(new Select(driver.findElement(By.id("c-axis"))).getFirstSelectedOption().getText()).isEqualTo("Division CPV");

        // Pivot: divisions crossed with years.
        new Select(driver.findElement(By.id("c-axis2"))).selectByValue("year");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pivot-table")));
        assertThat(driver.findElement(By.cssSelector("#pivot-table thead")).getText()).contains("2024");
        shot("03-pivot");

        // Export what is on screen, with the user's session, as the link does.
        String href = driver.findElement(By.id("export-xlsx")).getAttribute("href");
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(async r => done(r.status + ' ' "
                        + "+ r.headers.get('content-type') + ' ' + (await r.arrayBuffer()).byteLength)).catch(e => done(String(e)));", href);
        assertThat(result.toString()).startsWith("200 application/vnd.openxmlformats");
        String csvHref = driver.findElement(By.id("export-csv")).getAttribute("href");
        Object csv = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
                        + " const u = new Uint8Array(b); done(u[0] + ',' + u[1] + ',' + u[2] + ' ' + new TextDecoder().decode(b)); });", csvHref);
        // UTF-8 BOM, then ';'-separated French headers: what Excel-FR opens with a double click.
        assertThat(csv.toString()).startsWith("239,187,191 Division CPV (code);");

        // Rows under the current view.
        driver.findElement(By.id("show-lines")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#lines-table tbody tr td a")));
        shot("04-lines");

        // The map: spending by supplier département (fixture suppliers located in 35 and 44).
        driver.get(base + "/explorer.html?fact=spending&axis=supplier_departement&view=map&top=");
        wait.until(d -> d.findElements(By.cssSelector("#chart canvas")).size() > 0);
        assertThat(driver.findElement(By.id("chart")).getText()).doesNotContain("non disponibles");
        Thread.sleep(500);
        shot("05-map");

        // Contracts have no supplier location yet: the map says so instead of showing an empty France.
        driver.get(base + "/explorer.html?axis=supplier_departement&view=map&top=");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chart"), "non disponibles"));
    }

    @Test
    void analystOfANeverSeesTheSpendingLinesOfBInTheUi() throws Exception {
        login("alice", ANALYST_PW);
        driver.get(base + "/explorer.html?fact=spending&axis=buyer&lines=1");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#lines-table tbody tr")));
        String lines = driver.findElement(By.id("lines-table")).getText();
        assertThat(lines).contains("Entretien espaces verts").doesNotContain("Secret de Bêta");
        assertThat(driver.findElement(By.id("table")).getText()).contains("Commune d'Alpha").doesNotContain("Commune de Bêta");
        // Asking for B explicitly shows nothing of B.
        driver.get(base + "/explorer.html?fact=spending&axis=buyer&lines=1&f.buyer=" + CubeFixture.BUYER_B);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lines-table"), "Aucune ligne"));
        assertThat(driver.getPageSource()).doesNotContain("Secret de Bêta");
        shot("06-analyst-scope");
    }

    @Test
    void administratorPreviewsThenImportsASpreadsheetOfSpending() throws Exception {
        Path xlsx;
        try (var s = Files.list(dir.resolve("files"))) {
            xlsx = s.filter(f -> f.getFileName().toString().endsWith(".xlsx")).sorted().findFirst().orElseThrow();
        }
        login("admin", ADMIN_PW);
        driver.get(base + "/import.html");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("spending-file")));
        driver.findElement(By.id("spending-file")).sendKeys(xlsx.toAbsolutePath().toString());
        driver.findElement(By.id("spending-preview")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#spending-lines tbody tr")));
        String preview = driver.findElement(By.id("spending-result")).getText();
        assertThat(preview).contains("XLSX").contains("profil generic-fr").contains("au-dessus de l'en-tête")
                .contains("« Montant HT »").contains("Extraction des mandats payés");
        shot("i1-spending-preview");
        driver.findElement(By.id("spending-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("spending-done")));
        assertThat(driver.findElement(By.id("spending-done")).getText()).contains("lues =").contains("+ 1 rejetées");
        shot("i2-spending-imported");
        // the import is listed; its rejected total row and skipped title lines are there with their reasons
        String file = xlsx.getFileName().toString();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("spending-batches"), file));
        driver.findElement(By.cssSelector(".batch-issues[data-file='" + file + "']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#spending-issues-table tbody tr")));
        assertThat(driver.findElement(By.id("spending-issues-table")).getText())
                .contains("SPENDING_ABOVE_HEADER").contains("SPENDING_DATE_MISSING").contains("rejet");
    }

    /** The SDIS's last export has the ×100 trap: flagged after its earlier year, deleted and re-imported from the page. */
    @Test
    void administratorDeletesAHundredfoldBatchAndReimportsItInCents() throws Exception {
        String sdis = TerritoryFileReader.read(dir.resolve("files/territory.json")).buyers().stream()
                .filter(b -> "SDIS".equals(b.kind())).findFirst().orElseThrow().siret();
        List<Path> exports;
        try (var s = Files.list(dir.resolve("files"))) {
            exports = s.filter(f -> f.getFileName().toString().startsWith("depenses_" + sdis + "_")).sorted().toList();
        }
        login("admin", ADMIN_PW);
        driver.get(base + "/import.html");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("spending-file")));
        // two files at once, the earlier year first: it gives the buyer the history the check compares with
        driver.findElement(By.id("spending-file")).sendKeys(exports.getFirst().toAbsolutePath() + "\n" + exports.getLast().toAbsolutePath());
        driver.findElement(By.id("spending-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".spending-delete")));
        assertThat(driver.findElement(By.id("spending-result")).getText()).contains("2 fichier(s)")
                .contains(exports.getLast().getFileName() + " : montants ×100 probables");
        shot("i3-spending-x100");
        driver.findElement(By.cssSelector(".spending-delete")).click();
        driver.switchTo().alert().accept();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("spending-reimport")));
        // only the flagged file goes again, divided by 100: loaded whole, no flag
        driver.findElement(By.id("spending-reimport")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("spending-done")));
        assertThat(driver.findElement(By.id("spending-result")).getText().replaceAll("[\u00A0\u202F]", " "))
                .doesNotContain("×100").contains("1 fichier(s)").contains("5 822 lues = 5 822 chargées + 0 doublons");
        shot("i4-spending-x100-fixed");
    }

    @Test
    void anonymousVisitorSeesOpenDataAndEntityPages() throws Exception {
        driver.get(base + "/explorer.html?axis=supplier&lines=1");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#lines-table tbody tr td a")));
        assertThat(driver.findElements(By.cssSelector("#c-fact option[value='spending']"))).isEmpty();
        driver.findElement(By.cssSelector("#lines-table tbody tr td a")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-title"), "Marché"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("content"), "Historique des modifications"));
        shot("07-contract");
        driver.findElement(By.cssSelector("#content dl a")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-title"), "Acheteur :"));
        wait.until(d -> d.findElements(By.cssSelector("#contracts tbody tr")).size() > 0);
        shot("08-buyer");
        driver.get(base + "/quality.html");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#q-rules table")));
        shot("09-quality");
    }
}
