package fr.achatlas.web;

import fr.achatlas.store.Database;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

/** The web server: started by {@code achatlas serve} (and {@code demo}) on an already opened store. */
@SpringBootApplication
public class WebApp {

    public static ConfigurableApplicationContext start(Database db, int port) {
        SpringApplication app = new SpringApplication(WebApp.class);
        app.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("database", db));
        app.setDefaultProperties(Map.of(
                "server.port", port,
                "spring.main.banner-mode", "off",
                "logging.level.root", "WARN",
                "logging.level.fr.achatlas", "INFO",
                "server.servlet.encoding.force", "true",
                "spring.jackson.default-property-inclusion", "non_null"));
        return app.run();
    }
}
