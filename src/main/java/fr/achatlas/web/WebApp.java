package fr.achatlas.web;

import fr.achatlas.store.Database;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.HashMap;
import java.util.Map;

/** The web server: started by {@code achatlas serve} (and {@code demo}) on an already opened store. */
@SpringBootApplication
public class WebApp {

    public static ConfigurableApplicationContext start(Database db, int port) {
        return start(db, port, Map.of());
    }

    /** @param overrides extra Spring properties (tests: a random port, a short login lock…) */
    public static ConfigurableApplicationContext start(Database db, int port, Map<String, Object> overrides) {
        SpringApplication app = new SpringApplication(WebApp.class);
        app.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("database", db));
        app.setDefaultProperties(defaults(port, overrides));
        return app.run();
    }

    public static Map<String, Object> defaults(int port, Map<String, Object> overrides) {
        Map<String, Object> p = new HashMap<>();
        p.put("server.port", port);
        p.put("spring.main.banner-mode", "off");
        p.put("logging.level.root", "WARN");
        p.put("logging.level.fr.achatlas", "INFO");
        p.put("server.servlet.encoding.force", "true");
        p.put("spring.jackson.default-property-inclusion", "non_null");
        // Session cookie: not readable by scripts, not sent cross-site; Secure when served over HTTPS (--secure-cookie).
        p.put("server.servlet.session.cookie.http-only", "true");
        p.put("server.servlet.session.cookie.same-site", "strict");
        p.put("server.servlet.session.cookie.secure", "${achatlas.secure-cookie:false}");
        p.put("spring.servlet.multipart.max-file-size", "512MB");
        p.put("spring.servlet.multipart.max-request-size", "512MB");
        p.put("springdoc.swagger-ui.path", "/api/docs.html");
        p.put("springdoc.api-docs.path", "/api/openapi.json");
        p.put("springdoc.paths-to-match", "/api/**");
        p.put("server.tomcat.threads.max", 64);
        p.putAll(overrides);
        return p;
    }
}
