package fr.achatlas.web.api;

import fr.achatlas.model.ProgrammeEntryDraft;
import fr.achatlas.model.ProgrammeState;
import fr.achatlas.query.cube.AccessDenied;
import fr.achatlas.query.cube.Role;
import fr.achatlas.query.cube.Scope;
import fr.achatlas.query.programme.ProgrammeQueries;
import fr.achatlas.store.ProgrammeStore;
import fr.achatlas.web.Connections;
import fr.achatlas.web.Today;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Managing the purchase programme (signed-in users): entries, history, derived proposals, creation, state changes. */
@RestController
@RequestMapping("/api/programme")
@Tag(name = "Programmation", description = "Programmation des achats : entrées, historique, propositions (échéances, accords-cadres, dépenses récurrentes), états")
public class ProgrammeController {

    public record EntryRequest(String source, String sourceRef, String object, String familyCode, List<String> buyerIds,
                               BigDecimal estimatedAmount, Boolean hideAmount, LocalDate plannedLaunch, String procedure,
                               Integer lots, Boolean reserved, Boolean socialClause, Boolean environmentalClause,
                               String internalNote) {
        ProgrammeEntryDraft draft() {
            return new ProgrammeEntryDraft(source == null ? "MANUAL" : source, sourceRef, object, familyCode, buyerIds,
                    estimatedAmount, Boolean.TRUE.equals(hideAmount), plannedLaunch, procedure, lots, Boolean.TRUE.equals(reserved),
                    Boolean.TRUE.equals(socialClause), Boolean.TRUE.equals(environmentalClause), internalNote);
        }
    }

    public record StateRequest(String to, String comment) {
    }

    public record EntryDetail(ProgrammeQueries.Entry entry, List<ProgrammeQueries.StateChange> history, List<String> next) {
    }

    public record Created(long id) {
    }

    private final Connections connections;
    private final CurrentScope scopes;
    private final Today today;

    public ProgrammeController(Connections connections, CurrentScope scopes, Today today) {
        this.connections = connections;
        this.scopes = scopes;
        this.today = today;
    }

    @GetMapping("/entries")
    @Operation(summary = "Les entrées du programme visibles par l'utilisateur (brouillons compris), par date de lancement")
    public List<ProgrammeQueries.Entry> entries(HttpServletRequest request) throws SQLException {
        try (Connection c = connections.open()) {
            return new ProgrammeQueries(c).entries(scopes.get(request.getParameter("buyers")));
        }
    }

    @GetMapping("/entries/export")
    @Operation(summary = "Exporte les entrées visibles (usage interne : notes et montants masqués compris) : csv (Excel-FR), xlsx, json")
    public void export(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                       @RequestParam(defaultValue = "csv") String format) throws SQLException, java.io.IOException {
        fr.achatlas.export.ExportFormat f = Downloads.format(format);
        try (Connection c = connections.open()) {
            List<ProgrammeQueries.Entry> list = new ProgrammeQueries(c).entries(scopes.get(request.getParameter("buyers")));
            Downloads.start(response, f, "programmation-interne");
            fr.achatlas.export.TableExport.write(f, "Programmation", ProgrammeQueries.entryColumns(), h -> {
                for (ProgrammeQueries.Entry e : list) h.row(ProgrammeQueries.entryRow(e));
            }, response.getOutputStream(), c);
        }
    }

    @GetMapping("/entries/{id}")
    @Operation(summary = "Une entrée, son historique d'états et les passages possibles")
    public ResponseEntity<EntryDetail> entry(@PathVariable long id) throws SQLException {
        try (Connection c = connections.open()) {
            ProgrammeQueries q = new ProgrammeQueries(c);
            return ResponseEntity.of(q.entry(id, scopes.get(null)).map(e -> {
                try {
                    return new EntryDetail(e, q.history(id), ProgrammeState.valueOf(e.state()).next().stream().map(Enum::name).toList());
                } catch (SQLException ex) {
                    throw new IllegalStateException(ex);
                }
            }));
        }
    }

    @GetMapping("/proposals")
    @Operation(summary = "Propositions non encore adoptées : marchés et accords-cadres arrivant à échéance, dépenses récurrentes hors marché")
    public List<ProgrammeQueries.Proposal> proposals(HttpServletRequest request, @RequestParam(defaultValue = "24") int horizon,
                                                     @RequestParam(defaultValue = "4") int minMonths) throws SQLException {
        if (horizon < 1 || horizon > 120) throw new IllegalArgumentException("Horizon hors de 1 à 120 mois.");
        try (Connection c = connections.open()) {
            return new ProgrammeQueries(c).proposals(scopes.get(request.getParameter("buyers")), today.date(), horizon, minMonths);
        }
    }

    @PostMapping("/entries")
    @Operation(summary = "Crée une entrée (brouillon) : saisie manuelle ou proposition adoptée ; plusieurs acheteurs = achat groupé")
    public Created create(@RequestBody EntryRequest body) throws SQLException {
        Scope s = scopes.get(null);
        try (Connection c = connections.open()) {
            return new Created(new ProgrammeStore(c).create(body.draft(), s.user(), allowedBuyers(s), today.now()));
        }
    }

    @PostMapping("/entries/{id}/state")
    @Operation(summary = "Change l'état d'une entrée (brouillon → validé → publié → lancé → attribué), historisé")
    public ResponseEntity<Void> state(@PathVariable long id, @RequestBody StateRequest body) throws SQLException {
        Scope s = scopes.get(null);
        if (body == null || body.to() == null) throw new IllegalArgumentException("État cible manquant (to).");
        try (Connection c = connections.open()) {
            new ProgrammeStore(c).transition(id, ProgrammeState.parse(body.to()), s.user(), allowedBuyers(s), body.comment(), today.now());
        }
        return ResponseEntity.noContent().build();
    }

    /** Administrators act for every buyer, analysts for theirs; viewers and visitors only read. */
    private static Set<String> allowedBuyers(Scope s) {
        if (s.role() == Role.ADMIN) return null;
        if (s.role() == Role.ANALYST) return s.ownBuyers();
        throw new AccessDenied("Seuls les analystes et administrateurs modifient le programme.");
    }
}
