package fr.achatlas.web.api;

import fr.achatlas.export.ExportFormat;
import fr.achatlas.export.TableExport;
import fr.achatlas.model.Thresholds;
import fr.achatlas.query.thresholds.Period;
import fr.achatlas.query.thresholds.ThresholdQueries;
import fr.achatlas.web.Connections;
import fr.achatlas.web.Today;
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
import java.time.LocalDate;
import java.util.List;

/** Homogeneous-family thresholds: cumulative purchases per buyer × family, flags, drill to lines, export. */
@RestController
@RequestMapping("/api/thresholds")
@Tag(name = "Seuils", description = "Cumul par acheteur et famille homogène (marchés + dépenses hors marché) face aux seuils en vigueur ; "
        + "période : year=AAAA (année civile = exercice budgétaire) ou end=AAAA-MM-JJ (12 mois glissants). Périmètre : buyers=SIRET,…")
public class ThresholdController {

    public record Summary(String period, LocalDate from, LocalDate to, List<ThresholdQueries.Row> rows) {
    }

    private final Connections connections;
    private final CurrentScope scopes;
    private final Today today;

    public ThresholdController(Connections connections, CurrentScope scopes, Today today) {
        this.connections = connections;
        this.scopes = scopes;
        this.today = today;
    }

    private Period period(Integer year, String end) {
        if (year != null) return Period.year(year);
        return Period.rolling(end == null || end.isBlank() ? today.date() : LocalDate.parse(end));
    }

    @GetMapping
    @Operation(summary = "Cumuls et alertes (risque de fractionnement, seuil approché) par acheteur et famille homogène",
            parameters = {@Parameter(name = "year", description = "année civile"), @Parameter(name = "end", description = "fin des 12 mois glissants (défaut : aujourd'hui)"),
                    @Parameter(name = "buyers", description = "périmètre : SIRET séparés par une virgule")})
    public Summary summary(HttpServletRequest request, @RequestParam(required = false) Integer year,
                           @RequestParam(required = false) String end) throws SQLException {
        Period p = period(year, end);
        try (Connection c = connections.open()) {
            return new Summary(p.label(), p.from(), p.to(), new ThresholdQueries(c).summary(p, scopes.get(request.getParameter("buyers"))));
        }
    }

    @GetMapping("/lines")
    @Operation(summary = "Les achats d'un acheteur dans une famille (marchés et lignes de dépense hors marché), cumul et marque de risque")
    public List<ThresholdQueries.Line> lines(@RequestParam String buyer, @RequestParam String family,
                                             @RequestParam(required = false) Integer year, @RequestParam(required = false) String end)
            throws SQLException {
        try (Connection c = connections.open()) {
            return new ThresholdQueries(c).lines(buyer, family, period(year, end), scopes.get(null));
        }
    }

    @GetMapping("/table")
    @Operation(summary = "La table des seuils datée, avec ses sources (reference/seuils.csv)")
    public List<Thresholds.Threshold> table() {
        return Thresholds.defaults().rows();
    }

    @GetMapping("/export")
    @Operation(summary = "Exporte les cumuls et alertes : csv (Excel-FR), xlsx, json, parquet")
    public void export(HttpServletRequest request, HttpServletResponse response, @RequestParam(defaultValue = "csv") String format,
                       @RequestParam(required = false) Integer year, @RequestParam(required = false) String end)
            throws SQLException, IOException {
        ExportFormat f = Downloads.format(format);
        Period p = period(year, end);
        try (Connection c = connections.open()) {
            List<ThresholdQueries.Row> rows = new ThresholdQueries(c).summary(p, scopes.get(request.getParameter("buyers")));
            Downloads.start(response, f, "seuils");
            TableExport.write(f, "Seuils", ThresholdQueries.columns(), h -> {
                for (ThresholdQueries.Row r : rows) h.row(ThresholdQueries.row(r));
            }, response.getOutputStream(), c);
        }
    }
}
