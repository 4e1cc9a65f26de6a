package fr.achatlas.web;

import fr.achatlas.store.Database;
import fr.achatlas.testing.CubeFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QueryThreadsTest {

    @TempDir
    Path dir;

    @Test
    void theServerSharesDuckDbThreadsBetweenConcurrentQueriesAndGivesThemBackWhenItStops() throws Exception {
        try (Database db = Database.open(dir.resolve("t.duckdb"))) {
            CubeFixture.load(db);
            db.setThreads(4);
            ConfigurableApplicationContext ctx = WebApp.start(db, 0, Map.of("achatlas.web.query-concurrency", 4,
                    "achatlas.web.query-threads", 1));
            try {
                assertThat(db.threads()).isEqualTo(1);
                int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
                // A change of the store makes the next query rebuild the snapshot, on every thread, then hand them back.
                try (var st = db.connection().createStatement()) {
                    st.execute("UPDATE buyer SET name = name || ' (bis)' WHERE buyer_id = '" + CubeFixture.BUYER_A + "'");
                }
                fr.achatlas.store.StoreChanges.changed(db.connection());
                var r = new WebClient(port).get("/api/cube?axes=buyer&measures=contracts");
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("(bis)");
                assertThat(db.threads()).isEqualTo(1);
            } finally {
                ctx.close();
            }
            assertThat(db.threads()).isEqualTo(4);
        }
    }
}
