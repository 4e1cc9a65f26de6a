package fr.achatlas.bench;

import fr.achatlas.query.cube.Cube;
import fr.achatlas.query.cube.CubeQuery;
import fr.achatlas.query.cube.CubeResult;
import fr.achatlas.query.cube.Fact;
import fr.achatlas.query.cube.Role;
import fr.achatlas.query.cube.Scope;
import fr.achatlas.store.Database;
import fr.achatlas.store.UserStore;
import fr.achatlas.web.WebApp;
import fr.achatlas.web.security.Accounts;
import fr.achatlas.web.security.ApiTokens;
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
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cartography's latency: one-axis drill-downs with two filters, run through the HTTP API (loopback) and the same
 * cube queries run directly on DuckDB in-process; then a load test of concurrent users on 127.0.0.1, bounded in
 * requests and time. When the store has spending lines, half the drill-downs are on spending; the benchmark then runs
 * as an administrator (an account and an API token created in the store for it), who sees both facts.
 */
public final class CubeBenchmark {

    public record Stats(String what, int n, double p50, double p95, double p99, double max, int errors) {
    }

    private static final String[] AXES = {"buyer", "cpv_division", "procedure", "supplier", "nature", "month", "mutualisation", "has_social"};
    private static final String[] SPENDING_AXES = {"buyer", "direction", "supplier", "account", "month", "supplier_departement", "family"};
    private static final Scope ADMIN = new Scope("bench", Role.ADMIN, Set.of(), Set.of());

    private final Database db;
    private final PrintStream out;
    private final int queries;
    private final int users;
    private final int requestsPerUser;
    private final Duration loadLimit;
    private String tokenId;
    private final List<Stats> details = new ArrayList<>();

    public CubeBenchmark(Database db, PrintStream out, int queries, int users, int requestsPerUser, Duration loadLimit) {
        this.db = db;
        this.out = out;
        this.queries = queries;
        this.users = users;
        this.requestsPerUser = requestsPerUser;
        this.loadLimit = loadLimit;
    }

    /** A drill-down: one axis, two filters taken from real members, top 15 (what a click in the explorer asks). */
    record Drill(Fact fact, String axis, Map<String, List<String>> filters) {
        List<String> measures() {
            return fact == Fact.CONTRACT ? List.of("amount_current", "contracts") : List.of("amount_spent", "lines");
        }

        CubeQuery query() {
            return new CubeQuery(fact, List.of(axis), measures(), filters, 15);
        }

        String url() {
            StringBuilder b = new StringBuilder("/api/cube?fact=").append(fact == Fact.CONTRACT ? "contract" : "spending")
                    .append("&axes=").append(axis).append("&measures=").append(String.join(",", measures())).append("&top=15");
            filters.forEach((k, v) -> b.append("&f.").append(k).append('=').append(URLEncoder.encode(v.get(0), StandardCharsets.UTF_8)));
            return b.toString();
        }
    }

    public List<Stats> run() throws Exception {
        List<Drill> drills = drills();
        long spending = drills.stream().filter(d -> d.fact() == Fact.SPENDING).count();
        out.printf("%d requêtes de forage (un axe, deux filtres ; %d sur les dépenses)…%n", drills.size(), spending);
        String token = benchToken();
        List<Stats> results = new ArrayList<>();
        // The server first: the direct queries then run under the same store settings as the API's (DuckDB threads
        // shared between concurrent queries, snapshot signature kept while nothing is written), so that the ratio
        // measures HTTP, security and JSON only.
        ConfigurableApplicationContext ctx = WebApp.start(db, 0, Map.of("server.address", "127.0.0.1", "logging.level.root", "ERROR"));
        try {
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + port;
            List<Double> api = new ArrayList<>();
            int errors = 0;
            try (Connection c = db.duplicate()) {
                Cube cube = new Cube(c);
                for (Drill d : drills.subList(0, Math.min(10, drills.size()))) { // warm-up
                    cube.aggregate(d.query(), ADMIN);
                    get(http, base + d.url(), token);
                }
                List<Double> direct = new ArrayList<>();
                Map<Fact, List<Double>> byFact = new LinkedHashMap<>();
                List<Map.Entry<Double, Drill>> timed = new ArrayList<>();
                // Each drill-down directly then through the API, one after the other: both see the machine in the same
                // state (JIT, garbage collector, DuckDB's caches), so the ratio is HTTP, security and JSON, not noise.
                for (Drill d : drills) {
                    long t = System.nanoTime();
                    cube.aggregate(d.query(), ADMIN);
                    double ms = (System.nanoTime() - t) / 1e6;
                    direct.add(ms);
                    byFact.computeIfAbsent(d.fact(), f -> new ArrayList<>()).add(ms);
                    timed.add(Map.entry(ms, d));
                    t = System.nanoTime();
                    if (get(http, base + d.url(), token) != 200) errors++;
                    api.add((System.nanoTime() - t) / 1e6);
                }
                timed.sort(Map.Entry.<Double, Drill>comparingByKey().reversed());
                out.println("Forages les plus lents (direct) :");
                timed.stream().limit(8).forEach(e -> out.printf("  %7.1f ms  %s%n", e.getKey(), e.getValue().url()));
                results.add(stats("DuckDB direct (couche cube, même SQL, sans HTTP)", direct, 0));
                if (byFact.size() > 1) {
                    byFact.forEach((fact, ms) -> details.add(stats("  dont " + (fact == Fact.CONTRACT ? "marchés" : "dépenses") + " (direct)", ms, 0)));
                }
            }
            results.add(stats("API HTTP (loopback, séquentiel)", api, errors));
            results.add(load(http, base, drills, token));
        } finally {
            ctx.close();
            try (Connection c = db.duplicate()) {
                new UserStore(c).deleteToken("bench", tokenId);
            }
        }
        return results;
    }

    private Stats load(HttpClient http, String base, List<Drill> drills, String token) throws InterruptedException {
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
                        int status = get(http, base + d.url(), token);
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

    /**
     * An administrator's API token for this run: account "bench" (random password, never shown) and a token revoked
     * at the end of the run.
     */
    private String benchToken() throws SQLException {
        String token = ApiTokens.newToken();
        tokenId = ApiTokens.newId();
        Accounts.save(db, new Accounts.Account("bench", Accounts.randomPassword(), "ADMIN", "Banc de mesure", Set.of()));
        try (Connection c = db.duplicate()) {
            new UserStore(c).addToken(tokenId, "bench", ApiTokens.sha256(token), "bench cube " + LocalDate.now());
        }
        return token;
    }

    /** Spending lines in the store (0 when it has none). */
    public long spendingLines() throws SQLException {
        try (Connection c = db.duplicate()) {
            Object n = new Cube(c).aggregate(new CubeQuery(Fact.SPENDING, List.of(), List.of("lines"), Map.of(), null), ADMIN).totals()[0];
            return ((Number) n).longValue();
        }
    }

    private static int get(HttpClient http, String url, String token) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).GET().build();
            return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /**
     * Drill-downs over real members: contracts filtered by pairs among year, buyer, CPV division and procedure; when
     * there are spending lines, every other drill-down is on spending, filtered by pairs among year, buyer and account.
     */
    private List<Drill> drills() throws Exception {
        Map<String, List<String>> contractMembers = members(Fact.CONTRACT, List.of("year", "buyer", "cpv_division", "procedure"));
        Map<String, List<String>> spendingMembers = members(Fact.SPENDING, List.of("year", "buyer", "account"));
        boolean withSpending = spendingMembers.values().stream().noneMatch(List::isEmpty);
        Random r = new Random(42);
        List<Drill> out = new ArrayList<>();
        while (out.size() < queries) {
            boolean onSpending = withSpending && out.size() % 2 == 1;
            Map<String, List<String>> members = onSpending ? spendingMembers : contractMembers;
            String[] axes = onSpending ? SPENDING_AXES : AXES;
            List<String> dims = new ArrayList<>(members.keySet());
            Collections.shuffle(dims, r);
            String f1 = dims.get(0);
            String f2 = dims.get(1);
            String axis = axes[r.nextInt(axes.length)];
            if (axis.equals(f1) || axis.equals(f2) || members.get(f1).isEmpty() || members.get(f2).isEmpty()) continue;
            Map<String, List<String>> filters = new LinkedHashMap<>();
            filters.put(f1, List.of(members.get(f1).get(r.nextInt(members.get(f1).size()))));
            filters.put(f2, List.of(members.get(f2).get(r.nextInt(members.get(f2).size()))));
            out.add(new Drill(onSpending ? Fact.SPENDING : Fact.CONTRACT, axis, filters));
        }
        return out;
    }

    /** Up to 20 real values of each dimension (the largest), to filter on. */
    private Map<String, List<String>> members(Fact fact, List<String> dims) throws SQLException {
        Map<String, List<String>> members = new LinkedHashMap<>();
        String measure = fact == Fact.CONTRACT ? "contracts" : "lines";
        try (Connection c = db.duplicate()) {
            Cube cube = new Cube(c);
            for (String dim : dims) {
                CubeResult r = cube.aggregate(new CubeQuery(fact, List.of(dim), List.of(measure), Map.of(), 20), ADMIN);
                List<String> keys = new ArrayList<>();
                for (Object[] row : r.rows()) {
                    String k = (String) row[0];
                    if (!CubeQuery.OTHERS_KEY.equals(k) && !CubeQuery.NULL_KEY.equals(k)) keys.add(k);
                }
                members.put(dim, keys);
            }
        }
        return members;
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

    public String markdown(List<Stats> results, long contracts, long spendingLines, String command) {
        StringBuilder b = new StringBuilder();
        b.append("### Cartographie (cube), ").append(String.format("%,d", contracts)).append(" marchés")
                .append(spendingLines > 0 ? String.format(" et %,d lignes de dépense", spendingLines) : "").append(" — ").append(LocalDate.now()).append("\n\n");
        b.append("Commande : `").append(command).append("`\n\n");
        b.append("| mesure | requêtes | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | erreurs |\n|---|---:|---:|---:|---:|---:|---:|\n");
        List<Stats> rows = new ArrayList<>(results);
        rows.addAll(details);
        for (Stats s : rows) {
            b.append(String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f | %d |%n", s.what(), s.n(), s.p50(), s.p95(), s.p99(), s.max(), s.errors()));
        }
        if (results.size() >= 2 && results.get(0).p95() > 0) {
            b.append(String.format("%nRapport p95 API / DuckDB direct : **%.2f**%n", results.get(1).p95() / results.get(0).p95()));
        }
        return b.toString();
    }
}
