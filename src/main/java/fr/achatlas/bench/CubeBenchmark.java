package fr.achatlas.bench;

import fr.achatlas.query.cube.Cube;
import fr.achatlas.query.cube.CubeQuery;
import fr.achatlas.query.cube.CubeResult;
import fr.achatlas.query.cube.Fact;
import fr.achatlas.query.cube.Scope;
import fr.achatlas.store.Database;
import fr.achatlas.web.WebApp;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cartography's latency: one-axis drill-downs with two filters, run through the HTTP API (loopback) and the same
 * cube queries run directly on DuckDB in-process; then a load test of concurrent users on 127.0.0.1, bounded in
 * requests and time.
 */
public final class CubeBenchmark {

    public record Stats(String what, int n, double p50, double p95, double p99, double max, int errors) {
    }

    private static final String[] AXES = {"buyer", "cpv_division", "procedure", "supplier", "nature", "month", "mutualisation", "has_social"};

    private final Database db;
    private final PrintStream out;
    private final int queries;
    private final int users;
    private final int requestsPerUser;
    private final Duration loadLimit;

    public CubeBenchmark(Database db, PrintStream out, int queries, int users, int requestsPerUser, Duration loadLimit) {
        this.db = db;
        this.out = out;
        this.queries = queries;
        this.users = users;
        this.requestsPerUser = requestsPerUser;
        this.loadLimit = loadLimit;
    }

    /** A drill-down: one axis, two filters taken from real members, top 15 (what a click in the explorer asks). */
    record Drill(String axis, Map<String, List<String>> filters) {
        CubeQuery query() {
            return new CubeQuery(Fact.CONTRACT, List.of(axis), List.of("amount_current", "contracts"), filters, 15);
        }

        String url() {
            StringBuilder b = new StringBuilder("/api/cube?axes=").append(axis).append("&measures=amount_current,contracts&top=15");
            filters.forEach((k, v) -> b.append("&f.").append(k).append('=').append(URLEncoder.encode(v.get(0), StandardCharsets.UTF_8)));
            return b.toString();
        }
    }

    public List<Stats> run() throws Exception {
        List<Drill> drills = drills();
        out.printf("%d requêtes de forage (un axe, deux filtres)…%n", drills.size());
        List<Stats> results = new ArrayList<>();
        try (Connection c = db.duplicate()) {
            Cube cube = new Cube(c);
            for (Drill d : drills.subList(0, Math.min(10, drills.size()))) cube.aggregate(d.query(), Scope.anonymous()); // warm-up
            List<Double> direct = new ArrayList<>();
            for (Drill d : drills) {
                long t = System.nanoTime();
                cube.aggregate(d.query(), Scope.anonymous());
                direct.add((System.nanoTime() - t) / 1e6);
            }
            results.add(stats("DuckDB direct (couche cube, même SQL, sans HTTP)", direct, 0));
        }
        ConfigurableApplicationContext ctx = WebApp.start(db, 0, Map.of("server.address", "127.0.0.1", "logging.level.root", "ERROR"));
        try {
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + port;
            for (Drill d : drills.subList(0, Math.min(10, drills.size()))) get(http, base + d.url());
            List<Double> api = new ArrayList<>();
            int errors = 0;
            for (Drill d : drills) {
                long t = System.nanoTime();
                if (get(http, base + d.url()) != 200) errors++;
                api.add((System.nanoTime() - t) / 1e6);
            }
            results.add(stats("API HTTP (loopback, séquentiel)", api, errors));
            results.add(load(http, base, drills));
        } finally {
            ctx.close();
        }
        return results;
    }

    private Stats load(HttpClient http, String base, List<Drill> drills) throws InterruptedException {
        out.printf("Charge : %d utilisateurs simultanés × %d requêtes (au plus %d s)…%n", users, requestsPerUser, loadLimit.toSeconds());
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long deadline = System.nanoTime() + loadLimit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(users);
        CountDownLatch start = new CountDownLatch(1);
        for (int u = 0; u < users; u++) {
            int user = u;
            pool.submit(() -> {
                Random r = new Random(user);
                try {
                    start.await();
                    for (int i = 0; i < requestsPerUser && System.nanoTime() < deadline; i++) {
                        Drill d = drills.get(r.nextInt(drills.size()));
                        long t = System.nanoTime();
                        int status = get(http, base + d.url());
                        latencies.add((System.nanoTime() - t) / 1e6);
                        if (status != 200) errors.incrementAndGet();
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            });
        }
        long t0 = System.nanoTime();
        start.countDown();
        pool.shutdown();
        if (!pool.awaitTermination(loadLimit.toSeconds() + 60, TimeUnit.SECONDS)) pool.shutdownNow();
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.printf("  %d requêtes en %.1f s (%.1f req/s)%n", latencies.size(), seconds, latencies.size() / seconds);
        return stats(users + " utilisateurs simultanés (HTTP, loopback)", new ArrayList<>(latencies), errors.get());
    }

    private static int get(HttpClient http, String url) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
            return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Drill-downs over real members: filters pairs among year, buyer, CPV division and procedure. */
    private List<Drill> drills() throws Exception {
        Map<String, List<String>> members = new LinkedHashMap<>();
        try (Connection c = db.duplicate()) {
            Cube cube = new Cube(c);
            for (String dim : List.of("year", "buyer", "cpv_division", "procedure")) {
                CubeResult r = cube.aggregate(new CubeQuery(Fact.CONTRACT, List.of(dim), List.of("contracts"), Map.of(), 20), Scope.anonymous());
                List<String> keys = new ArrayList<>();
                for (Object[] row : r.rows()) {
                    String k = (String) row[0];
                    if (!CubeQuery.OTHERS_KEY.equals(k) && !CubeQuery.NULL_KEY.equals(k)) keys.add(k);
                }
                members.put(dim, keys);
            }
        }
        Random r = new Random(42);
        List<String> dims = new ArrayList<>(members.keySet());
        List<Drill> out = new ArrayList<>();
        while (out.size() < queries) {
            Collections.shuffle(dims, r);
            String f1 = dims.get(0);
            String f2 = dims.get(1);
            String axis = AXES[r.nextInt(AXES.length)];
            if (axis.equals(f1) || axis.equals(f2) || members.get(f1).isEmpty() || members.get(f2).isEmpty()) continue;
            Map<String, List<String>> filters = new LinkedHashMap<>();
            filters.put(f1, List.of(members.get(f1).get(r.nextInt(members.get(f1).size()))));
            filters.put(f2, List.of(members.get(f2).get(r.nextInt(members.get(f2).size()))));
            out.add(new Drill(axis, filters));
        }
        return out;
    }

    static Stats stats(String what, List<Double> ms, int errors) {
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        return new Stats(what, s.size(), pct(s, 50), pct(s, 95), pct(s, 99), s.isEmpty() ? 0 : s.get(s.size() - 1), errors);
    }

    private static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) return 0;
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    public String markdown(List<Stats> results, long contracts, String command) {
        StringBuilder b = new StringBuilder();
        b.append("### Cartographie (cube), ").append(String.format("%,d", contracts)).append(" marchés — ").append(LocalDate.now()).append("\n\n");
        b.append("Commande : `").append(command).append("`\n\n");
        b.append("| mesure | requêtes | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | erreurs |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (Stats s : results) {
            b.append(String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f | %d |%n", s.what(), s.n(), s.p50(), s.p95(), s.p99(), s.max(), s.errors()));
        }
        if (results.size() >= 2 && results.get(0).p95() > 0) {
            b.append(String.format("%nRapport p95 API / DuckDB direct : **%.2f**%n", results.get(1).p95() / results.get(0).p95()));
        }
        return b.toString();
    }
}
