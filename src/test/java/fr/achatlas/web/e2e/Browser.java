package fr.achatlas.web.e2e;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Headless Chromium (Debian's chromium + chromium-driver) driving the application at {@code base}: login and
 * screenshots under target/e2e/. The flags keep Chromium off the network this machine does not have.
 */
final class Browser implements AutoCloseable {

    static final Path SHOTS = Path.of("target/e2e");

    final ChromeDriver driver;
    final WebDriverWait wait;
    final String base;

    /** Skips the calling test class, visibly, where Chromium is not installed. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(new File("/usr/bin/chromium").canExecute() && new File("/usr/bin/chromedriver").canExecute(),
                "Chromium et chromedriver absents : apt-get install chromium chromium-driver (.ci/install-deps)");
    }

    Browser(String base) {
        this.base = base;
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1366,2000", "--lang=fr-FR");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        driver = new ChromeDriver(service, o);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // Pages re-render tables after each action: an element read mid-render is simply read again.
        wait.ignoring(StaleElementReferenceException.class);
    }

    void shot(String name) throws IOException {
        Files.createDirectories(SHOTS);
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    void login(String user, String password) {
        driver.get(base + "/login.html");
        wait.until(d -> !d.findElement(By.id("csrf")).getAttribute("value").isEmpty());
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("whoami")));
        } catch (RuntimeException e) {
            try {
                shot("failed-login-" + user);
            } catch (IOException | RuntimeException ignored) {
                // the assertion below matters more
            }
            throw new AssertionError("login of " + user + " failed; page: " + driver.getCurrentUrl() + "\n" + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
