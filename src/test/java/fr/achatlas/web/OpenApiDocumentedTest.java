package fr.achatlas.web;

import fr.achatlas.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every route under /api is in the OpenAPI document, and the interactive viewer is served. */
class OpenApiDocumentedTest {

    @TempDir
    static Path dir;
    static Database db;
    static ConfigurableApplicationContext ctx;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        db = Database.open(dir.resolve("t.duckdb"));
        ctx = WebApp.start(db, 0, Map.of());
        port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        ctx.close();
        db.close();
    }

    @Test
    void everyApiRouteIsDocumented() throws Exception {
        HttpResponse<String> r = new WebClient(port).get("/api/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode paths = new ObjectMapper().readTree(r.body()).get("paths");
        Set<String> documented = new TreeSet<>();
        for (var e : paths.properties()) {
            for (var op : e.getValue().properties()) documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + e.getKey());
        }
        Set<String> routes = new TreeSet<>();
        RequestMappingHandlerMapping mapping = ctx.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/") || path.startsWith("/api/openapi") || path.startsWith("/api/docs")) continue;
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) routes.add(m.name() + " " + path);
            }
        }
        assertThat(routes).contains("GET /api/cube", "GET /api/cube/lines", "GET /api/cube/export", "POST /api/import", "POST /api/tokens");
        assertThat(documented).containsAll(routes);
    }

    @Test
    void interactiveViewerIsServed() throws Exception {
        HttpResponse<String> r = new WebClient(port).get("/api/swagger-ui/index.html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("swagger-ui");
        assertThat(new WebClient(port).get("/api/docs.html").statusCode()).isIn(200, 302);
    }
}
