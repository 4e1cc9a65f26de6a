package fr.achatlas.web.e2e;

import fr.achatlas.store.Database;
import fr.achatlas.testing.ClassificationFixture;
import fr.achatlas.web.WebApp;
import fr.achatlas.web.security.Accounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The validation loop as an analyst drives it: open the queue, examine a record, correct it, make it a rule. */
@Tag("slow")
class ClassificationQueueE2ETest {

    static final String ADMIN_PW = "e2e-admin-password";

    @TempDir
    static Path dir;
    static Database db;
    static ConfigurableApplicationContext ctx;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        db = Database.open(dir.resolve("e2e.duckdb"));
        ClassificationFixture.load(db, dir);
        Accounts.save(db, new Accounts.Account("admin", ADMIN_PW, "ADMIN", "Admin", Set.of()));
        ctx = WebApp.start(db, 0, Map.of());
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        if (ctx != null) ctx.close();
        if (db != null) db.close();
    }

    @Test
    void correctARecordThenTurnTheCorrectionIntoARule() throws Exception {
        try (Browser b = new Browser(base)) {
            b.login("admin", ADMIN_PW);
            b.driver.findElement(By.linkText("Classement")).click();
            b.wait.until(d -> "ALL".equals(d.findElement(By.id("queue")).getAttribute("data-ready")));
            long total = Long.parseLong(b.driver.findElement(By.id("queue")).getAttribute("data-total"));
            assertThat(total).isPositive();
            b.shot("10-classification-queue");

            // Only spending lines, then examine the vague one.
            new Select(b.driver.findElement(By.id("kind"))).selectByValue("SPENDING_LINE");
            b.wait.until(d -> "SPENDING_LINE".equals(d.findElement(By.id("queue")).getAttribute("data-ready")));
            WebElement row = b.wait.until(d -> d.findElements(By.cssSelector("#queue tbody tr")).stream()
                    .filter(r -> r.getText().contains("Frais divers de fonctionnement")).findFirst().orElse(null));
            row.findElement(By.cssSelector("button[data-row]")).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-title"), "Frais divers de fonctionnement"));

            new Select(b.driver.findElement(By.id("family"))).selectByValue("GEN06");
            b.driver.findElement(By.id("comment")).sendKeys("frais généraux");
            b.driver.findElement(By.id("override")).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts"), "Famille corrigée : GEN06"));
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "frais généraux"));
            assertThat(b.driver.findElement(By.id("detail-family")).getText()).startsWith("GEN06");

            b.driver.findElement(By.id("make-rule")).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alerts"), "Règle créée (compte 6718 → GEN06, pour cet acheteur)"));
            // The other vague line of the same buyer and account now follows the rule and leaves the queue.
            b.wait.until(d -> d.findElements(By.cssSelector("#queue tbody tr")).stream()
                    .noneMatch(r -> r.getText().contains("Prestation diverse") || r.getText().contains("Frais divers")));
            b.shot("11-classification-rule");
        }
    }
}
