package fr.achatlas.web.api;

import fr.achatlas.classify.Classification;
import fr.achatlas.classify.SubjectKind;
import fr.achatlas.classify.SubjectRef;
import fr.achatlas.classify.nomenclature.CrosswalkRule;
import fr.achatlas.classify.nomenclature.Nomenclature;
import fr.achatlas.classify.run.Reclassifier;
import fr.achatlas.query.ClassificationQueries;
import fr.achatlas.query.cube.AccessDenied;
import fr.achatlas.query.cube.Role;
import fr.achatlas.query.cube.Scope;
import fr.achatlas.store.Database;
import fr.achatlas.web.Connections;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The classification validation loop over HTTP: the queue of unsure or conflicting classifications, the evidence of
 * one record, and the three decisions (accept, override, turn into a rule) followed by a reclassification. Who may see
 * and decide what is decided in the query layer ({@link ClassificationQueries#queue}, {@code requireDecisionRight}).
 */
@RestController
@Tag(name = "Classement", description = "File de validation des classements, justification, décisions")
public class ClassificationController {

    public record Queue(long total, List<ClassificationQueries.QueueRow> rows) {
    }

    public record FamilyItem(String code, String label, String segmentCode, String segmentLabel) {
    }

    public record RuleMade(String kind, String code, String familyCode, String buyerId, Reclassifier.Result reclassification) {
    }

    /** Decisions reclassify through the store's main connection: one at a time. */
    private static final Object DECISIONS = new Object();

    private final Connections connections;
    private final CurrentScope scopes;
    private final Database db;

    public ClassificationController(Connections connections, CurrentScope scopes, Database db) {
        this.connections = connections;
        this.scopes = scopes;
        this.db = db;
    }

    @GetMapping("/api/classification/coverage")
    @Operation(summary = "Couverture du classement des marchés (kind=CONTRACT) ou des lignes de dépense (kind=SPENDING_LINE) : part des enregistrements et du montant classés, par confiance et par méthode")
    public ClassificationQueries.Coverage coverage(@RequestParam(defaultValue = "CONTRACT") String kind) throws SQLException {
        requireSignedIn(scopes.get(null));
        try (Connection c = connections.open()) {
            return new ClassificationQueries(c).coverage(SubjectKind.valueOf(kind.toUpperCase(Locale.ROOT)));
        }
    }

    @GetMapping("/api/classification/queue")
    @Operation(summary = "File de validation (conflits et confiance < 0,5), plus gros montants d'abord ; kind = CONTRACT ou SPENDING_LINE")
    public Queue queue(@RequestParam(required = false) String kind, @RequestParam(required = false) String buyers,
                       @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) throws SQLException {
        Scope scope = scopes.get(buyers);
        SubjectKind k = kind == null || kind.isBlank() ? null : SubjectKind.valueOf(kind.toUpperCase(Locale.ROOT));
        try (Connection c = connections.open()) {
            ClassificationQueries q = new ClassificationQueries(c);
            return new Queue(q.queueSize(scope, k), q.queue(scope, k, Math.clamp(limit, 1, 500), Math.max(0, offset)));
        }
    }

    @GetMapping("/api/classification/{kind}/{key}")
    @Operation(summary = "Classement d'un marché ou d'une ligne de dépense : famille, confiance, justification, conflit, historique")
    public ResponseEntity<ClassificationQueries.Explanation> explain(@PathVariable String kind, @PathVariable long key) throws SQLException {
        SubjectRef ref = ref(kind, key);
        try (Connection c = connections.open()) {
            ClassificationQueries q = new ClassificationQueries(c);
            // A contract is open data; a spending line is shown to those who may decide on it only.
            if (ref.kind() == SubjectKind.SPENDING_LINE) q.requireDecisionRight(scopes.get(null), ref);
            return ResponseEntity.of(q.explain(ref));
        }
    }

    @GetMapping("/api/nomenclature/families")
    @Operation(summary = "Les familles de la nomenclature pivot en vigueur, avec leur segment (pour corriger un classement)")
    public List<FamilyItem> families() throws SQLException {
        try (Connection c = connections.open()) {
            Nomenclature n = new ClassificationQueries(c).activeNomenclature().orElse(null);
            if (n == null) return List.of();
            return n.families().stream().map(f -> new FamilyItem(f.code(), f.label(), f.segmentCode(),
                    n.segment(f.segmentCode()) == null ? null : n.segment(f.segmentCode()).label())).toList();
        }
    }

    @PostMapping("/api/classification/{kind}/{key}/accept")
    @Operation(summary = "Valide le classement automatique d'un enregistrement (il ne changera plus)")
    public Classification accept(@PathVariable String kind, @PathVariable long key,
                                 @RequestParam(required = false) String comment) throws SQLException {
        SubjectRef ref = ref(kind, key);
        Scope scope = decider(ref);
        synchronized (DECISIONS) {
            return new Reclassifier(db).accept(ref, scope.user(), blankToNull(comment));
        }
    }

    @PostMapping("/api/classification/{kind}/{key}/override")
    @Operation(summary = "Corrige la famille d'un enregistrement")
    public Classification override(@PathVariable String kind, @PathVariable long key, @RequestParam String family,
                                   @RequestParam(required = false) String comment) throws SQLException {
        SubjectRef ref = ref(kind, key);
        Scope scope = decider(ref);
        synchronized (DECISIONS) {
            return new Reclassifier(db).override(ref, family, scope.user(), blankToNull(comment));
        }
    }

    @PostMapping("/api/classification/{kind}/{key}/rule")
    @Operation(summary = "Transforme la correction d'un enregistrement en règle (CPV d'un marché, compte d'une ligne), pour son acheteur ou tout le territoire (administrateur), puis reclasse tout")
    public RuleMade rule(@PathVariable String kind, @PathVariable long key,
                         @RequestParam(defaultValue = "false") boolean territoryWide,
                         @RequestParam(required = false) String comment) throws SQLException {
        SubjectRef ref = ref(kind, key);
        Scope scope = decider(ref);
        if (territoryWide && scope.role() != Role.ADMIN) {
            throw new AccessDenied("Seul un administrateur du territoire crée une règle pour tout le territoire.");
        }
        synchronized (DECISIONS) {
            Reclassifier reclassifier = new Reclassifier(db);
            CrosswalkRule r = reclassifier.ruleFromCorrection(ref, territoryWide, scope.user(), blankToNull(comment));
            return new RuleMade(r.kind().name(), r.code(), r.familyCode(), r.buyerId(), reclassifier.lastResult());
        }
    }

    @PostMapping("/api/classification/reclassify")
    @Operation(summary = "Reclasse tout le magasin depuis les règles et la nomenclature en vigueur (administrateur)")
    public Reclassifier.Result reclassify() throws SQLException {
        Scope scope = scopes.get(null);
        if (scope.role() != Role.ADMIN) throw new AccessDenied("Seul un administrateur relance le classement de tout le territoire.");
        synchronized (DECISIONS) {
            return new Reclassifier(db).run(scope.user());
        }
    }

    private Scope decider(SubjectRef ref) throws SQLException {
        Scope scope = scopes.get(null);
        try (Connection c = connections.open()) {
            new ClassificationQueries(c).requireDecisionRight(scope, ref);
        }
        return scope;
    }

    private static void requireSignedIn(Scope scope) {
        if (scope.role() == Role.PUBLIC) throw new AccessDenied("Connectez-vous pour voir la couverture du classement.");
    }

    private static SubjectRef ref(String kind, long key) {
        String k = kind.toUpperCase(Locale.ROOT).replace('-', '_');
        if (k.equals("LINE") || k.equals("LIGNE")) k = "SPENDING_LINE";
        return new SubjectRef(SubjectKind.valueOf(k), key);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
