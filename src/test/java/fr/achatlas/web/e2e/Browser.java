package fr.achatlas.web.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A signed-in user's browser ({@link HeadlessChrome}) driving the application at {@code base}: login, waits that
 * survive re-rendering, screenshots under target/e2e/.
 */
final class Browser implements AutoCloseable {

    static final Path SHOTS = HeadlessChrome.SHOTS;

    final ChromeDriver driver;
    final WebDriverWait wait;
    final String base;

    /** Skips the calling test class, visibly, where Chromium is not installed. */
    static void assumeInstalled() {
        HeadlessChrome.assumeInstalled();
    }

    Browser(String base) {
        this(base, 2000);
    }

    /** A browser whose window is {@code height} pixels tall (long pages screenshot whole). */
    Browser(String base, int height) {
        this.base = base;
        driver = HeadlessChrome.start(1366, height);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // Pages re-render tables after each action: an element read mid-render is simply read again.
        wait.ignoring(StaleElementReferenceException.class);
    }

    void shot(String name) throws Exception {
        HeadlessChrome.shot(driver, name);
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
            } catch (Exception ignored) {
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
