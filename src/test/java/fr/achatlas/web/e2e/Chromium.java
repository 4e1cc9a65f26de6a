package fr.achatlas.web.e2e;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Headless Chromium for the browser tests (Debian's chromium + chromium-driver), and their screenshots in target/e2e/. */
final class Chromium {

    static final Path SHOTS = Path.of("target/e2e");

    private Chromium() {
    }

    static boolean available() {
        return new File("/usr/bin/chromium").canExecute() && new File("/usr/bin/chromedriver").canExecute();
    }

    static ChromeDriver start() {
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1366,2000", "--lang=fr-FR");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        return new ChromeDriver(service, o);
    }

    static void shot(WebDriver driver, String name) throws Exception {
        Files.createDirectories(SHOTS);
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
