package fr.achatlas.web.api;

import fr.achatlas.export.ExportFormat;
import fr.achatlas.export.TableExport;
import fr.achatlas.model.Thresholds;
import fr.achatlas.query.Column;
import fr.achatlas.query.cube.AccessDenied;
import fr.achatlas.query.cube.Role;
import fr.achatlas.query.cube.Scope;
import fr.achatlas.query.spaser.Art35Queries;
import fr.achatlas.query.spaser.Indicator;
import fr.achatlas.query.spaser.IndicatorValue;
import fr.achatlas.query.spaser.InclusiveQueries;
import fr.achatlas.query.spaser.Metric;
import fr.achatlas.query.spaser.SpaserQueries;
import fr.achatlas.query.spaser.Target;
import fr.achatlas.report.SpaserPdf;
import fr.achatlas.report.SpaserReport;
import fr.achatlas.report.SpaserXlsx;
import fr.achatlas.store.SpaserTargetStore;
import fr.achatlas.web.Connections;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** SPASER steering over HTTP: indicators against targets, their rows, art. 35, the inclusive sector, the yearly report. */
@RestController
@RequestMapping("/api/spaser")
@Tag(name = "SPASER", description = "Indicateurs d'achats responsables, cibles, conformité à l'art. 35 de la loi Climat et Résilience, "
        + "secteur protégé et adapté, rapport annuel. Périmètre : buyers=SIRET,SIRET (vide = territoire).")
public class SpaserController {

    public record Definition(String code, String label, String theme, String fact, String headline, String formula, String scope,
                             String data, String caveats) {
    }

    public record YearValue(Integer year, long count, long baseCount, BigDecimal value, BigDecimal baseValue, Double shareCount,
                            Double shareValue, Double average, Double headline, BigDecimal target) {
    }

    public record IndicatorSeries(Definition indicator, List<YearValue> years, YearValue period) {
    }

    public record Dashboard(String perimeter, String targetKey, int from, int to, boolean canEditTargets, List<IndicatorSeries> indicators,
                            List<Target> targets) {
    }

    public record Lines(String indicator, List<Column> columns, List<Map<String, Object>> rows) {
    }

    private final Connections connections;
    private final CurrentScope scopes;
    private volatile Clock clock = Clock.systemDefaultZone();

    public SpaserController(Connections connections, CurrentScope scopes) {
        this.connections = connections;
        this.scopes = scopes;
    }

    /** Tests pin "today" (reservation candidates depend on it). */
    public void useClock(Clock clock) {
        this.clock = clock;
    }

    @GetMapping("/indicators")
    @Operation(summary = "Catalogue des indicateurs : définition, formule, données, limites")
    public List<Definition> indicators() {
        return Arrays.stream(Indicator.values()).map(SpaserController::definition).toList();
    }

    @GetMapping("/dashboard")
    @Operation(summary = "Tous les indicateurs visibles, par année et sur la période, avec les cibles du périmètre",
            parameters = {@Parameter(name = "buyers", description = "périmètre : SIRET séparés par une virgule (vide = territoire)"),
                    @Parameter(name = "from", description = "première année (défaut : trois ans avant l'an dernier)"),
                    @Parameter(name = "to", description = "dernière année (défaut : l'an dernier)")})
    public Dashboard dashboard(@RequestParam(required = false) String buyers, @RequestParam(required = false) Integer from,
                               @RequestParam(required = false) Integer to) throws SQLException {
        int last = to == null ? LocalDate.now(clock).getYear() - 1 : to;
        int first = from == null ? last - 2 : from;
        if (last - first > 20) throw new IllegalArgumentException("Période de 20 ans au plus.");
        Scope scope = scopes.get(buyers);
        try (Connection c = connections.open()) {
            SpaserQueries q = new SpaserQueries(c);
            String key = SpaserQueries.targetKey(scope);
            List<Target> targets = key == null ? List.of() : q.targets(key);
            List<IndicatorSeries> out = new ArrayList<>();
            for (SpaserQueries.Series s : q.all(scope, first, last)) {
                List<YearValue> years = s.years().stream().map(v -> year(v, targets)).toList();
                out.add(new IndicatorSeries(definition(s.indicator()), years, year(s.period(), List.of())));
            }
            return new Dashboard(q.perimeterLabel(scope), key, first, last, scope.role() == Role.ADMIN && key != null, out, targets);
        }
    }

    @GetMapping("/indicators/{code}/lines")
    @Operation(summary = "Les marchés ou lignes de dépense comptés par un indicateur (une année, ou toute la base)",
            parameters = {@Parameter(name = "year", description = "année ; absente : toutes"),
                    @Parameter(name = "limit", description = "nombre de lignes (défaut 200, au plus 5000)")})
    public Lines lines(@PathVariable String code, @RequestParam(required = false) String buyers,
                       @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "200") int limit) throws SQLException, IOException {
        Indicator ind = Indicator.of(code);
        List<Column> cols = SpaserQueries.lineColumns(ind);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = connections.open()) {
            new SpaserQueries(c).lines(ind, scopes.get(buyers), year, Math.max(1, Math.min(limit, 5000)),
                    v -> rows.add(CubeController.asMap(cols, v)));
        }
        return new Lines(ind.code(), cols, rows);
    }

    @GetMapping("/indicators/{code}/lines/export")
    @Operation(summary = "Exporte toutes les lignes comptées par un indicateur : csv (Excel-FR), xlsx, parquet, json")
    public void exportLines(@PathVariable String code, @RequestParam(required = false) String buyers, @RequestParam(required = false) Integer year,
                            @RequestParam(defaultValue = "csv") String format, HttpServletResponse response) throws SQLException, IOException {
        Indicator ind = Indicator.of(code);
        ExportFormat f = ExportFormat.valueOf(format.toUpperCase(Locale.ROOT));
        Scope scope = scopes.get(buyers);
        if (ind.fact() == fr.achatlas.query.cube.Fact.SPENDING && !scope.canSeeSpending()) {
            throw new AccessDenied("Les dépenses ne sont pas des données publiques : connectez-vous.");
        }
        try (Connection c = connections.open()) {
            response.setContentType(TableExport.contentType(f));
            response.setHeader("Content-Disposition", "attachment; filename=\"achatlas-spaser-" + ind.code().toLowerCase(Locale.ROOT)
                    + "." + TableExport.extension(f) + "\"");
            SpaserQueries q = new SpaserQueries(c);
            TableExport.write(f, "SPASER", SpaserQueries.lineColumns(ind), h -> q.lines(ind, scope, year, null, h), response.getOutputStream(), c);
        }
    }

    @GetMapping("/targets")
    @Operation(summary = "Les cibles d'un acheteur (SIRET) ou du territoire (*)")
    public List<Target> targets(@RequestParam(defaultValue = Target.TERRITORY) String buyer) throws SQLException {
        try (Connection c = connections.open()) {
            return new SpaserQueries(c).targets(buyer);
        }
    }

    @PostMapping("/targets")
    @Operation(summary = "Fixe (ou remplace) une cible : administrateurs seulement",
            parameters = {@Parameter(name = "indicator", description = "code de l'indicateur (voir /api/spaser/indicators)"),
                    @Parameter(name = "buyer", description = "SIRET de l'acheteur, ou * pour le territoire"),
                    @Parameter(name = "metric", description = "SHARE_VALUE, SHARE_COUNT, VALUE, COUNT ou AVERAGE (défaut : mesure suivie de l'indicateur)"),
                    @Parameter(name = "value", description = "part en pourcentage (ex. 30 pour 30 %), montant en euros HT, nombre ou moyenne")})
    public Target saveTarget(@RequestParam String indicator, @RequestParam(defaultValue = Target.TERRITORY) String buyer,
                             @RequestParam int year, @RequestParam(required = false) String metric, @RequestParam String value,
                             @RequestParam(required = false) String comment) throws SQLException {
        Scope scope = admin();
        Indicator ind = Indicator.of(indicator);
        Metric m = metric == null || metric.isBlank() ? ind.headline() : Metric.valueOf(metric.trim().toUpperCase(Locale.ROOT));
        if (year < 2000 || year > 2100) throw new IllegalArgumentException("Année hors limites : " + year);
        BigDecimal v = new BigDecimal(value.trim().replace(',', '.').replace(" ", ""));
        if (v.signum() < 0) throw new IllegalArgumentException("Une cible est positive.");
        if (m.isShare()) {
            if (v.compareTo(BigDecimal.valueOf(100)) > 0) throw new IllegalArgumentException("Une part est comprise entre 0 et 100 %.");
            v = v.movePointLeft(2);
        }
        String key = buyer == null || buyer.isBlank() ? Target.TERRITORY : buyer.trim();
        try (Connection c = connections.open()) {
            new SpaserTargetStore(c).save(ind.code(), key, year, m.name(), v, comment, scope.user());
            return new SpaserQueries(c).targets(key).stream()
                    .filter(t -> t.indicator().equals(ind.code()) && t.year() == year && t.metric().equals(m.name())).findFirst().orElseThrow();
        }
    }

    @PostMapping("/targets/delete")
    @Operation(summary = "Supprime une cible : administrateurs seulement")
    public Map<String, Boolean> deleteTarget(@RequestParam String indicator, @RequestParam(defaultValue = Target.TERRITORY) String buyer,
                                             @RequestParam int year, @RequestParam String metric) throws SQLException {
        admin();
        try (Connection c = connections.open()) {
            return Map.of("deleted", new SpaserTargetStore(c).delete(Indicator.of(indicator).code(), buyer, year,
                    Metric.valueOf(metric.trim().toUpperCase(Locale.ROOT)).name()));
        }
    }

    @GetMapping("/art35")
    @Operation(summary = "Loi Climat et Résilience, art. 35 : marchés notifiés depuis le 21/08/2026 sans considération "
            + "environnementale, ou au-dessus des seuils européens sans considération sociale ; par mois")
    public Art35Queries.Report art35(@RequestParam(required = false) String buyers) throws SQLException {
        try (Connection c = connections.open()) {
            return new Art35Queries(c, Thresholds.defaults()).report(scopes.get(buyers));
        }
    }

    @GetMapping("/inclusive/segments")
    @Operation(summary = "Segments transférables vers les ESAT/EA et les SIAE (dépenses : utilisateurs connectés)")
    public List<InclusiveQueries.Segment> segments(@RequestParam(required = false) String buyers, @RequestParam(required = false) Integer from,
                                                   @RequestParam(required = false) Integer to) throws SQLException {
        int last = to == null ? LocalDate.now(clock).getYear() - 1 : to;
        try (Connection c = connections.open()) {
            return new InclusiveQueries(c).segments(scopes.get(buyers), from == null ? last : from, last);
        }
    }

    @GetMapping("/inclusive/candidates")
    @Operation(summary = "Marchés candidats à la réservation (art. L2113-12 / L2113-13 CCP), échéance d'ici 24 mois")
    public List<InclusiveQueries.Candidate> candidates(@RequestParam(required = false) String buyers) throws SQLException {
        try (Connection c = connections.open()) {
            return new InclusiveQueries(c).candidates(scopes.get(buyers), LocalDate.now(clock));
        }
    }

    @GetMapping("/report")
    @Operation(summary = "Rapport annuel SPASER d'un acheteur ou du territoire : pdf (graphiques inclus) ou xlsx",
            parameters = {@Parameter(name = "year", description = "année du rapport (défaut : l'an dernier)"),
                    @Parameter(name = "format", description = "pdf (défaut) ou xlsx")})
    public void report(@RequestParam(required = false) String buyers, @RequestParam(required = false) Integer year,
                       @RequestParam(defaultValue = "pdf") String format, HttpServletResponse response) throws SQLException, IOException {
        LocalDate today = LocalDate.now(clock);
        int y = year == null ? today.getYear() - 1 : year;
        String fmt = format.trim().toLowerCase(Locale.ROOT);
        if (!fmt.equals("pdf") && !fmt.equals("xlsx")) throw new IllegalArgumentException("Format inconnu : " + format + " (pdf, xlsx)");
        boolean pdf = fmt.equals("pdf");
        try (Connection c = connections.open()) {
            SpaserReport r = SpaserReport.build(c, scopes.get(buyers), y, today);
            response.setContentType(pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            response.setHeader("Content-Disposition", "attachment; filename=\"rapport-spaser-" + y + (pdf ? ".pdf" : ".xlsx") + "\"");
            if (pdf) SpaserPdf.write(r, response.getOutputStream());
            else SpaserXlsx.write(r, response.getOutputStream());
        }
    }

    private Scope admin() {
        Scope scope = scopes.get(null);
        if (scope.role() != Role.ADMIN) throw new AccessDenied("Les cibles du SPASER sont fixées par les administrateurs.");
        return scope;
    }

    private static Definition definition(Indicator i) {
        return new Definition(i.code(), i.label(), i.theme(), i.fact().name().toLowerCase(Locale.ROOT), i.headline().name(), i.formula(),
                i.scope(), i.data(), i.caveats());
    }

    private static YearValue year(IndicatorValue v, List<Target> targets) {
        Metric m = v.indicator().headline();
        BigDecimal target = targets.stream().filter(t -> t.indicator().equals(v.indicator().code()) && v.year() != null
                && t.year() == v.year() && t.metric().equals(m.name())).map(Target::value).findFirst().orElse(null);
        return new YearValue(v.year(), v.count(), v.baseCount(), v.value(), v.baseValue(), v.shareCount(), v.shareValue(), v.average(),
                v.get(m), target);
    }
}
