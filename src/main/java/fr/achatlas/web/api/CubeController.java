package fr.achatlas.web.api;

import fr.achatlas.export.ExportFormat;
import fr.achatlas.export.TableExport;
import fr.achatlas.query.Column;
import fr.achatlas.query.cube.Cube;
import fr.achatlas.query.cube.CubeQuery;
import fr.achatlas.query.cube.CubeResult;
import fr.achatlas.query.cube.Dimension;
import fr.achatlas.query.cube.Fact;
import fr.achatlas.query.cube.LinesQuery;
import fr.achatlas.query.cube.Measure;
import fr.achatlas.query.cube.Registry;
import fr.achatlas.query.cube.Scope;
import fr.achatlas.web.Connections;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The cartography over HTTP: aggregates, pivots, rows under a cell, and their exports — all through the cube. */
@RestController
@RequestMapping("/api/cube")
@Tag(name = "Cartographie", description = "Agrégats, tableaux croisés, lignes sous une cellule, exports. Filtres : paramètres f.<axe>=valeur (répétables) ; "
        + "périmètre : buyers=SIRET,SIRET ; valeur « non renseigné » : _null.")
public class CubeController {

    public record AxisInfo(String name, String label, String parent, String child) {
    }

    public record MeasureInfo(String name, String label, String fact, String kind, boolean additive) {
    }

    public record Meta(List<AxisInfo> contractAxes, List<AxisInfo> spendingAxes, List<MeasureInfo> measures, boolean spendingVisible) {
    }

    public record View(String fact, List<AxisInfo> axes, List<Column> columns, List<Map<String, Object>> rows,
                       Map<String, Object> totals, boolean truncated) {
    }

    public record Lines(String fact, long total, int offset, int limit, List<Column> columns, List<Map<String, Object>> rows) {
    }

    private final Connections connections;
    private final CurrentScope scopes;

    public CubeController(Connections connections, CurrentScope scopes) {
        this.connections = connections;
        this.scopes = scopes;
    }

    @GetMapping("/meta")
    @Operation(summary = "Axes et mesures disponibles (le registre du cube)")
    public Meta meta() {
        List<MeasureInfo> measures = Registry.measures().stream()
                .map(m -> new MeasureInfo(m.name(), m.label(), m.fact().name().toLowerCase(Locale.ROOT), m.kind().name(), m.additive())).toList();
        return new Meta(axes(Fact.CONTRACT), axes(Fact.SPENDING), measures, scopes.get(null).canSeeSpending());
    }

    private static List<AxisInfo> axes(Fact fact) {
        return Registry.dimensions().stream().filter(d -> d.on(fact)).map(d -> info(d, fact)).toList();
    }

    private static AxisInfo info(Dimension d, Fact fact) {
        return new AxisInfo(d.name(), d.label(), d.parent(), Registry.childOn(d, fact));
    }

    @GetMapping
    @Operation(summary = "Agrégat selon 0, 1 ou 2 axes (tableau croisé), avec top N et « Autres »",
            parameters = {
                    @Parameter(name = "fact", description = "contract (défaut) ou spending"),
                    @Parameter(name = "axes", description = "un ou deux axes séparés par une virgule (voir /api/cube/meta)"),
                    @Parameter(name = "measures", description = "mesures séparées par une virgule ; la première ordonne"),
                    @Parameter(name = "top", description = "garder les N premiers membres par axe, le reste dans « Autres »"),
                    @Parameter(name = "buyers", description = "périmètre : SIRET d'acheteurs séparés par une virgule (vide = territoire)")})
    public View view(HttpServletRequest request) throws SQLException {
        CubeQuery q = CubeParams.query(request);
        CubeResult r;
        try (Connection c = connections.open()) {
            r = new Cube(c).aggregate(q, scope(request));
        }
        List<Map<String, Object>> rows = new ArrayList<>(r.rows().size());
        for (Object[] row : r.rows()) rows.add(asMap(r.columns(), row));
        Map<String, Object> totals = new LinkedHashMap<>();
        for (int i = 0; i < q.measures().size(); i++) totals.put(q.measures().get(i), r.totals()[i]);
        return new View(q.fact().name().toLowerCase(Locale.ROOT), q.axes().stream().map(Registry::dimension).map(d -> info(d, q.fact())).toList(),
                r.columns(), rows, totals, r.truncated());
    }

    @GetMapping("/lines")
    @Operation(summary = "Les lignes sous une cellule (marchés ou lignes de dépense), triées et paginées")
    public Lines lines(HttpServletRequest request, @RequestParam(defaultValue = "50") int limit) throws SQLException, IOException {
        int pageSize = Math.max(1, Math.min(limit, 1000));
        LinesQuery q = CubeParams.lines(request, pageSize);
        List<Column> columns = Cube.lineColumns(q.fact());
        List<Map<String, Object>> rows = new ArrayList<>();
        long total;
        try (Connection c = connections.open()) {
            Cube cube = new Cube(c);
            Scope scope = scope(request);
            total = cube.countLines(q, scope);
            cube.lines(q, scope, values -> rows.add(asMap(columns, values)));
        }
        return new Lines(q.fact().name().toLowerCase(Locale.ROOT), total, q.offset(), pageSize, columns, rows);
    }

    @GetMapping("/export")
    @Operation(summary = "Exporte la vue (mêmes paramètres que /api/cube) : csv (Excel-FR), xlsx, parquet, json")
    public void export(HttpServletRequest request, HttpServletResponse response, @RequestParam(defaultValue = "csv") String format)
            throws SQLException, IOException {
        ExportFormat f = format(format);
        CubeQuery q = CubeParams.query(request);
        try (Connection c = connections.open()) {
            CubeResult r = new Cube(c).aggregate(q, scope(request));
            start(response, f, "cartographie");
            TableExport.write(f, "Cartographie", r.columns(), h -> {
                for (Object[] row : r.rows()) h.row(row);
            }, response.getOutputStream(), c);
        }
    }

    @GetMapping("/lines/export")
    @Operation(summary = "Exporte toutes les lignes sous une cellule (mêmes filtres que /api/cube/lines)")
    public void exportLines(HttpServletRequest request, HttpServletResponse response, @RequestParam(defaultValue = "csv") String format)
            throws SQLException, IOException {
        ExportFormat f = format(format);
        LinesQuery q = CubeParams.lines(request, null);
        try (Connection c = connections.open()) {
            Cube cube = new Cube(c);
            Scope scope = scope(request);
            cube.countLines(q, scope); // refuses before any byte is sent when the scope does not allow these lines
            start(response, f, q.fact() == Fact.CONTRACT ? "marches" : "depenses");
            TableExport.write(f, q.fact().label(), Cube.lineColumns(q.fact()), h -> cube.lines(q, scope, h), response.getOutputStream(), c);
        }
    }

    private Scope scope(HttpServletRequest request) {
        return scopes.get(request.getParameter("buyers"));
    }

    private static ExportFormat format(String format) {
        return Downloads.format(format);
    }

    private static void start(HttpServletResponse response, ExportFormat f, String name) {
        Downloads.start(response, f, name);
    }

    static Map<String, Object> asMap(List<Column> columns, Object[] row) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) m.put(columns.get(i).name(), row[i] instanceof java.sql.Date d ? d.toString() : row[i]);
        return m;
    }
}
