package fr.achatlas.web.api;

import fr.achatlas.export.ExportFormat;
import fr.achatlas.export.ProgrammeFeeds;
import fr.achatlas.export.TableExport;
import fr.achatlas.query.programme.ProgrammeQueries;
import fr.achatlas.query.programme.PublicEntry;
import fr.achatlas.web.Connections;
import fr.achatlas.web.Today;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * The published purchase programme for local businesses, without sign-in: list, one entry, Atom and iCalendar feeds,
 * open-data exports. Everything here is built from {@link PublicEntry}, which has no internal field.
 */
@RestController
@RequestMapping("/api/public/programme")
@Tag(name = "Programme publié", description = "Programmation publiée des acheteurs du territoire (sans connexion) : liste filtrable, fiche, flux Atom et iCalendar, "
        + "données ouvertes JSON et CSV. Filtres : family, buyer, from, to (date de lancement prévue), reserved=true|false")
public class PublicProgrammeController {

    private static final String TITLE = "Programmation des achats publics du territoire";

    private final Connections connections;
    private final Today today;

    public PublicProgrammeController(Connections connections, Today today) {
        this.connections = connections;
        this.today = today;
    }

    private List<PublicEntry> published(String family, String buyer, String from, String to, Boolean reserved) throws SQLException {
        ProgrammeQueries.PublicFilter f = new ProgrammeQueries.PublicFilter(blank(family), blank(buyer), date(from), date(to), reserved);
        try (Connection c = connections.open()) {
            return new ProgrammeQueries(c).published(f);
        }
    }

    @GetMapping
    @Operation(summary = "Les entrées publiées, filtrables", parameters = {
            @Parameter(name = "family", description = "code de famille"), @Parameter(name = "buyer", description = "SIRET d'un acheteur"),
            @Parameter(name = "from", description = "lancement prévu à partir du (AAAA-MM-JJ)"), @Parameter(name = "to", description = "lancement prévu jusqu'au"),
            @Parameter(name = "reserved", description = "marchés réservés seulement (true) ou non réservés (false)")})
    public List<PublicEntry> list(@RequestParam(required = false) String family, @RequestParam(required = false) String buyer,
                                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                  @RequestParam(required = false) Boolean reserved) throws SQLException {
        return published(family, buyer, from, to, reserved);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Une entrée publiée (404 si elle n'existe pas ou n'est pas publiée)")
    public ResponseEntity<PublicEntry> entry(@PathVariable long id) throws SQLException {
        try (Connection c = connections.open()) {
            return ResponseEntity.of(new ProgrammeQueries(c).publishedEntry(id));
        }
    }

    @GetMapping("/feed.atom")
    @Operation(summary = "Flux Atom des entrées publiées (mêmes filtres)")
    public void atom(HttpServletRequest request, HttpServletResponse response, @RequestParam(required = false) String family,
                     @RequestParam(required = false) String buyer, @RequestParam(required = false) Boolean reserved)
            throws SQLException, IOException {
        List<PublicEntry> list = published(family, buyer, null, null, reserved);
        response.setContentType("application/atom+xml; charset=UTF-8");
        ProgrammeFeeds.atom(list, TITLE, base(), today.now(), response.getOutputStream());
    }

    @GetMapping("/calendar.ics")
    @Operation(summary = "Calendrier iCalendar des lancements prévus (mêmes filtres)")
    public void ics(HttpServletRequest request, HttpServletResponse response, @RequestParam(required = false) String family,
                    @RequestParam(required = false) String buyer, @RequestParam(required = false) Boolean reserved)
            throws SQLException, IOException {
        List<PublicEntry> list = published(family, buyer, null, null, reserved);
        response.setContentType("text/calendar; charset=UTF-8");
        ProgrammeFeeds.icalendar(list, TITLE, base(), request.getServerName(), today.now(), response.getOutputStream());
    }

    @GetMapping("/export")
    @Operation(summary = "Données ouvertes des entrées publiées : json ou csv (mêmes filtres)")
    public void export(HttpServletResponse response, @RequestParam(defaultValue = "json") String format,
                       @RequestParam(required = false) String family, @RequestParam(required = false) String buyer,
                       @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                       @RequestParam(required = false) Boolean reserved) throws SQLException, IOException {
        ExportFormat f = Downloads.format(format);
        if (f != ExportFormat.JSON && f != ExportFormat.CSV) throw new IllegalArgumentException("Formats ouverts : json ou csv.");
        List<PublicEntry> list = published(family, buyer, from, to, reserved);
        Downloads.start(response, f, "programmation");
        TableExport.write(f, "Programmation", ProgrammeQueries.publicColumns(), h -> {
            for (PublicEntry e : list) h.row(ProgrammeQueries.publicRow(e));
        }, response.getOutputStream(), null);
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("Date attendue au format AAAA-MM-JJ : " + s);
        }
    }
}
