package fr.achatlas.web.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A test class whose every test drives a fresh {@link Browser} on the application its class started. */
abstract class BrowserTest {

    Browser browser;
    ChromeDriver driver;
    WebDriverWait wait;

    /** The address of the application the class started (in its {@code @BeforeAll}). */
    abstract String base();

    /** The window's height in pixels: long pages are screenshot whole. */
    int windowHeight() {
        return 2000;
    }

    @BeforeEach
    void openBrowser() {
        browser = new Browser(base(), windowHeight());
        driver = browser.driver;
        wait = browser.wait;
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.close();
    }

    void shot(String name) throws Exception {
        browser.shot(name);
    }

    void login(String user, String password) {
        browser.login(user, password);
    }
}
