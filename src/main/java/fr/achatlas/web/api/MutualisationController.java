package fr.achatlas.web.api;

import fr.achatlas.export.ExportFormat;
import fr.achatlas.export.TableExport;
import fr.achatlas.query.mutualisation.MutualisationQueries;
import fr.achatlas.query.mutualisation.SavingsRates;
import fr.achatlas.report.MutualisationStudyPdf;
import fr.achatlas.web.Connections;
import fr.achatlas.web.Today;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Mutualisation opportunities: ranked list, buyers of a family, export, PDF study for elected officials. */
@RestController
@RequestMapping("/api/mutualisation")
@Tag(name = "Mutualisation", description = "Familles achetées par plusieurs acheteurs du territoire, fourchette de gains (hypothèses), étude PDF")
public class MutualisationController {

    public record Result(MutualisationQueries.Params params, List<MutualisationQueries.Opportunity> opportunities,
                         Map<String, SavingsRates.Rate> rates) {
    }

    private final Connections connections;
    private final CurrentScope scopes;
    private final Today today;

    public MutualisationController(Connections connections, CurrentScope scopes, Today today) {
        this.connections = connections;
        this.scopes = scopes;
        this.today = today;
    }

    private MutualisationQueries.Params params(int years, int horizon) {
        return new MutualisationQueries.Params(today.date(), years, horizon);
    }

    @GetMapping
    @Operation(summary = "Opportunités classées (montants, fournisseurs, échéances, marchés conjoints, niveau de mutualisation, gains)",
            parameters = {@Parameter(name = "years", description = "fenêtre d'analyse en années (défaut 3)"),
                    @Parameter(name = "horizon", description = "horizon des échéances en mois (défaut 36)"),
                    @Parameter(name = "buyers", description = "périmètre : SIRET d'acheteurs séparés par une virgule — seules les familles "
                            + "où ils achètent (marchés de la fenêtre ou dépenses hors marché), avec leur part (vide = territoire)")})
    public Result list(@RequestParam(defaultValue = "3") int years, @RequestParam(defaultValue = "36") int horizon,
                       @RequestParam(required = false) String buyers) throws SQLException {
        MutualisationQueries.Params p = params(years, horizon);
        try (Connection c = connections.open()) {
            return new Result(p, new MutualisationQueries(c).opportunities(p, scopes.get(buyers)), SavingsRates.defaults().rates());
        }
    }

    @GetMapping("/{family}/buyers")
    @Operation(summary = "Les acheteurs d'une famille : montants, marchés, fournisseurs, prochaine échéance")
    public List<MutualisationQueries.BuyerShare> buyers(@PathVariable String family, @RequestParam(defaultValue = "3") int years,
                                                        @RequestParam(defaultValue = "36") int horizon) throws SQLException {
        try (Connection c = connections.open()) {
            return new MutualisationQueries(c).buyers(family, params(years, horizon));
        }
    }

    @GetMapping("/export")
    @Operation(summary = "Exporte les opportunités : csv (Excel-FR), xlsx, json, parquet")
    public void export(HttpServletResponse response, @RequestParam(defaultValue = "csv") String format,
                       @RequestParam(defaultValue = "3") int years, @RequestParam(defaultValue = "36") int horizon,
                       @RequestParam(required = false) String buyers) throws SQLException, IOException {
        ExportFormat f = Downloads.format(format);
        try (Connection c = connections.open()) {
            List<MutualisationQueries.Opportunity> list = new MutualisationQueries(c).opportunities(params(years, horizon), scopes.get(buyers));
            Downloads.start(response, f, "mutualisation");
            TableExport.write(f, "Mutualisation", MutualisationQueries.columns(), h -> {
                for (MutualisationQueries.Opportunity o : list) h.row(MutualisationQueries.row(o));
            }, response.getOutputStream(), c);
        }
    }

    @GetMapping("/study.pdf")
    @Operation(summary = "Étude PDF des premières opportunités, pour les élus", parameters = @Parameter(name = "top", description = "nombre d'opportunités (défaut 5)"))
    public void study(HttpServletResponse response, @RequestParam(defaultValue = "5") int top,
                      @RequestParam(defaultValue = "3") int years, @RequestParam(defaultValue = "36") int horizon,
                      @RequestParam(required = false) String buyers) throws SQLException, IOException {
        if (top < 1 || top > 30) throw new IllegalArgumentException("top hors de 1 à 30");
        MutualisationQueries.Params p = params(years, horizon);
        try (Connection c = connections.open()) {
            MutualisationStudyPdf.Study study = MutualisationStudyPdf.build(c, p, top, scopes.get(buyers));
            Downloads.start(response, "application/pdf", "achatlas-etude-mutualisation.pdf");
            MutualisationStudyPdf.write(study, response.getOutputStream());
        }
    }
}
