package fr.achatlas.supplier;

import fr.achatlas.model.SupplierRecords;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The public API "Recherche d'entreprises" (https://recherche-entreprises.api.gouv.fr, no key): search by SIREN,
 * SIRET or name. It carries SIRENE's unit and head-office data plus complements (ESS, SIAE and its type).
 *
 * <p>Polite by construction: responses are cached on disk (one file per query, kept {@code cacheTtl}); requests are
 * spaced by {@code minInterval} (the API allows 7 per second per address); 429 and 5xx answers and network errors are
 * retried with exponential back-off, honouring Retry-After. Non-diffusible units (statut_diffusion ≠ "O") come back
 * without a name or address: the API masks them and so do we.
 */
public final class RechercheEntreprisesClient {

    public static final URI PUBLIC_API = URI.create("https://recherche-entreprises.api.gouv.fr");

    /** One company as the referential keeps it, with its SIAE type when the API flags one. */
    public record Company(SupplierRecords.Unit unit, List<SupplierRecords.Establishment> establishments, String inclusionType) {
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final URI base;
    private final Path cacheDir;
    private final Duration cacheTtl;
    private final Duration minInterval;
    private final int maxRetries;
    private final HttpClient http;
    private long lastRequestNanos;
    private int requests;
    private int cacheHits;

    public RechercheEntreprisesClient(URI base, Path cacheDir, Duration cacheTtl, Duration minInterval, int maxRetries) {
        this.base = base;
        this.cacheDir = cacheDir;
        this.cacheTtl = cacheTtl;
        this.minInterval = minInterval;
        this.maxRetries = maxRetries;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static RechercheEntreprisesClient defaults(Path cacheDir) {
        return new RechercheEntreprisesClient(PUBLIC_API, cacheDir, Duration.ofDays(30), Duration.ofMillis(150), 4);
    }

    public int requests() {
        return requests;
    }

    public int cacheHits() {
        return cacheHits;
    }

    /** The company of a SIREN (or SIRET), if the API knows it. */
    public Optional<Company> bySiren(String sirenOrSiret) throws IOException, InterruptedException {
        String q = sirenOrSiret.replace(" ", "");
        List<Company> found = search(q, 1);
        String siren = q.length() >= 9 ? q.substring(0, 9) : q;
        return found.stream().filter(c -> siren.equals(c.unit().siren())).findFirst();
    }

    public List<Company> search(String query, int perPage) throws IOException, InterruptedException {
        String path = "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&page=1&per_page=" + perPage;
        JsonNode root = MAPPER.readTree(get(path));
        List<Company> out = new ArrayList<>();
        for (JsonNode r : root.path("results")) out.add(company(r));
        return out;
    }

    static Company company(JsonNode r) {
        String siren = text(r, "siren");
        String statut = text(r, "statut_diffusion");
        boolean diffusible = statut == null || "O".equals(statut);
        String name = diffusible ? text(r, "nom_raison_sociale") : null;
        if (diffusible && name == null) name = text(r, "nom_complet");
        if (name != null && name.toUpperCase(Locale.ROOT).contains("NON-DIFFUSIBLE")) name = null;
        String year = text(r, "annee_categorie_entreprise");
        JsonNode comp = r.path("complements");
        Boolean ess = comp.has("est_ess") && !comp.get("est_ess").isNull() ? comp.get("est_ess").asBoolean() : null;
        String naf = text(r, "activite_principale");
        SupplierRecords.Unit unit = new SupplierRecords.Unit(siren, name, diffusible, text(r, "nature_juridique"),
                text(r, "categorie_entreprise"), year == null ? null : Integer.valueOf(year), text(r, "tranche_effectif_salarie"),
                naf == null ? null : naf.replace(".", ""), ess, "A".equals(text(r, "etat_administratif")), "API",
                Names.normalise(name));
        List<SupplierRecords.Establishment> est = new ArrayList<>();
        JsonNode siege = r.path("siege");
        if (siege.has("siret")) est.add(establishment(siren, siege, diffusible, true));
        for (JsonNode e : r.path("matching_etablissements")) {
            if (!e.has("siret") || (siege.has("siret") && text(e, "siret").equals(text(siege, "siret")))) continue;
            est.add(establishment(siren, e, diffusible, false));
        }
        String inclusion = null;
        if (comp.path("est_siae").asBoolean(false)) {
            String t = text(comp, "type_siae");
            inclusion = t == null ? "SIAE" : t.toUpperCase(Locale.ROOT);
        }
        return new Company(unit, est, inclusion);
    }

    private static SupplierRecords.Establishment establishment(String siren, JsonNode e, boolean diffusible, boolean hq) {
        String state = text(e, "etat_administratif");
        String country = text(e, "code_pays_etranger");
        return new SupplierRecords.Establishment(text(e, "siret"), siren, text(e, "commune"), text(e, "code_postal"),
                diffusible ? text(e, "adresse") : null, country == null ? "FR" : country,
                state == null ? null : "A".equals(state), e.has("est_siege") ? e.get("est_siege").asBoolean() : hq, "API");
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        String s = v.asString();
        return s.isBlank() ? null : s;
    }

    private String get(String path) throws IOException, InterruptedException {
        Path cached = cacheDir == null ? null : cacheDir.resolve(cacheName(path));
        if (cached != null && Files.exists(cached)
                && Files.getLastModifiedTime(cached).toInstant().isAfter(Instant.now().minus(cacheTtl))) {
            cacheHits++;
            return Files.readString(cached);
        }
        IOException last = null;
        for (int attempt = 0; attempt <= maxRetries; attempt++) {
            pace();
            HttpResponse<String> resp;
            try {
                requests++;
                resp = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                        .header("Accept", "application/json").header("User-Agent", "achatlas").GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                last = e;
                backoff(attempt, null);
                continue;
            }
            int s = resp.statusCode();
            if (s == 200) {
                if (cached != null) {
                    Files.createDirectories(cacheDir);
                    Path tmp = Files.createTempFile(cacheDir, "q", ".tmp");
                    Files.writeString(tmp, resp.body());
                    Files.move(tmp, cached, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.setLastModifiedTime(cached, FileTime.from(Instant.now()));
                }
                return resp.body();
            }
            last = new IOException("API Recherche d'entreprises : HTTP " + s + " pour " + path);
            if (s != 429 && s < 500) throw last; // a 4xx other than 429 will not get better
            backoff(attempt, resp.headers().firstValue("Retry-After").orElse(null));
        }
        throw last;
    }

    private void pace() throws InterruptedException {
        long wait = lastRequestNanos + minInterval.toNanos() - System.nanoTime();
        if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        lastRequestNanos = System.nanoTime();
    }

    private void backoff(int attempt, String retryAfter) throws InterruptedException {
        long ms = Math.min(10_000, 200L << attempt);
        if (retryAfter != null) {
            try {
                ms = Math.min(30_000, Long.parseLong(retryAfter.strip()) * 1000);
            } catch (NumberFormatException ignored) {
                // an HTTP date: keep the exponential delay
            }
        }
        Thread.sleep(ms);
    }

    private static String cacheName(String path) {
        StringBuilder sb = new StringBuilder();
        for (char c : path.toCharArray()) sb.append(Character.isLetterOrDigit(c) ? c : '_');
        String s = sb.toString();
        if (s.length() > 120) s = s.substring(0, 80) + Integer.toHexString(path.hashCode());
        return s + ".json";
    }
}
