package fr.achatlas.web.api;

import fr.achatlas.classify.run.Reclassifier;
import fr.achatlas.importer.SpendingImporter;
import fr.achatlas.query.SpendingQueries;
import fr.achatlas.spending.MappingProfile;
import fr.achatlas.spending.SpendingPreview;
import fr.achatlas.store.Database;
import fr.achatlas.store.SpendingLinker;
import fr.achatlas.store.SupplierStore;
import fr.achatlas.web.Connections;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Upload of a spending export by the territory administrator: first a preview (what would be read, nothing written),
 * then the import — the same importer as the command line, followed like it by the linking of lines to contracts and
 * the classification, so that the cartography shows the new lines at once.
 */
@RestController
@Tag(name = "Import", description = "Import d'un fichier DECP ou d'un export de dépenses (administrateur)")
public class SpendingImportController {

    /**
     * Each file's report (or why it could not be read: nothing of it was written), then what the lines were linked to
     * and how the store was classified, once for all the files.
     */
    public record Result(List<SpendingImporter.Report> reports, List<Failure> failed, SpendingLinker.Counts link,
                         Reclassifier.Result classification) {
    }

    /** A file that could not be read as a spending export, and why. */
    public record Failure(String file, String reason) {
    }

    /** A bundled column-mapping profile, for the page's list. */
    public record Profile(String name, String description) {
    }

    private final Database db;
    private final CurrentScope scopes;
    private final Connections connections;

    public SpendingImportController(Database db, CurrentScope scopes, Connections connections) {
        this.db = db;
        this.scopes = scopes;
        this.connections = connections;
    }

    @GetMapping("/api/import/spending/batches")
    @Operation(summary = "Les imports de dépenses présents dans la base, les plus récents d'abord, avec le sort de leurs lignes")
    public List<SpendingQueries.Batch> batches(@RequestParam(value = "limit", defaultValue = "50") int limit) throws SQLException {
        try (Connection c = connections.open()) {
            return new SpendingQueries(c).batches(Math.clamp(limit, 1, 1000));
        }
    }

    @GetMapping("/api/import/spending/batches/{batchId}/issues")
    @Operation(summary = "Les lignes rejetées (avec la raison) et les constats d'un import de dépenses, dans l'ordre du fichier")
    public List<SpendingQueries.Issue> issues(@PathVariable int batchId,
                                              @RequestParam(value = "limit", defaultValue = "500") int limit) throws SQLException {
        try (Connection c = connections.open()) {
            return new SpendingQueries(c).issues(batchId, Math.clamp(limit, 1, 10_000));
        }
    }

    @GetMapping("/api/import/spending/profiles")
    @Operation(summary = "Les profils de colonnes fournis")
    public List<Profile> profiles() {
        return MappingProfile.bundled().stream().map(p -> new Profile(p.name(), p.description())).toList();
    }

    @PostMapping(value = "/api/import/spending/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Aperçu d'un export de dépenses, sans rien écrire : format, profil, colonnes lues, premières lignes")
    public SpendingPreview.Preview preview(@RequestParam("file") MultipartFile file,
                                           @RequestParam(value = "profile", required = false) String profile,
                                           @RequestParam(value = "lines", defaultValue = "20") int lines)
            throws IOException, SQLException {
        return withUpload(file, path -> SpendingPreview.of(path, profile(profile), Math.clamp(lines, 1, 200)));
    }

    @PostMapping(value = "/api/import/spending", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Importe un ou plusieurs exports de dépenses (CSV ou XLSX), chacun dans sa transaction ; rattache les "
            + "lignes aux marchés et relance le classement une fois pour tous")
    public Result importFiles(@RequestParam("file") List<MultipartFile> files,
                              @RequestParam(value = "profile", required = false) String profile,
                              @RequestParam(value = "amountDivisor", required = false) Integer amountDivisor)
            throws IOException, SQLException {
        MappingProfile p = profile(profile);
        String user = scopes.get(null).user();
        try (Uploads uploads = new Uploads()) {
            List<Path> saved = uploads.saveAll(files, "depenses.csv");
            List<SpendingImporter.Report> reports = new ArrayList<>();
            List<Failure> failed = new ArrayList<>();
            // One writer at a time on the store's main connection.
            synchronized (db) {
                new SpendingImporter(db, p, amountDivisor).importEach(saved, new SpendingImporter.Listener() {
                    public void imported(SpendingImporter.Report r) {
                        reports.add(r.named());
                    }

                    public void failed(Path file, String reason) {
                        failed.add(new Failure(file.getFileName().toString(), reason));
                    }

                    public void skipped(Path file, String reason) {
                        // files are given one by one: nothing is skipped
                    }
                });
                if (reports.isEmpty()) return new Result(reports, failed, null, null);
                new SupplierStore(db).unifyIdentifiers();
                SpendingLinker.Counts link = new SpendingLinker(db).run(null);
                return new Result(reports, failed, link, new Reclassifier(db).run(user));
            }
        }
    }

    /** The lines of a deleted batch, for the page's message. */
    public record Deleted(int batchId, long lines) {
    }

    @DeleteMapping("/api/import/spending/batches/{batchId}")
    @Operation(summary = "Supprime un lot de dépenses (par exemple après un signalement ×100, avant de le réimporter divisé par 100)")
    public Deleted deleteBatch(@PathVariable int batchId) throws SQLException {
        synchronized (db) {
            return new Deleted(batchId, new SpendingLinker(db).deleteBatch(batchId));
        }
    }

    /** Only bundled profiles, by name: a path on the server is not for a browser to choose. */
    private static MappingProfile profile(String name) {
        if (name == null || name.isBlank()) return null;
        return MappingProfile.bundled(name).orElseThrow(() -> new IllegalArgumentException("Profil inconnu : " + name));
    }

    @FunctionalInterface
    private interface OnFile<T> {
        T apply(Path file) throws IOException, SQLException;
    }

    /** A file that cannot be read as a spending export is the sender's to fix: a 400 with the reason, as the CLI prints it. */
    private static <T> T withUpload(MultipartFile file, OnFile<T> action) throws IOException, SQLException {
        try (Uploads uploads = new Uploads()) {
            Path saved = uploads.save(file, "depenses.csv");
            try {
                return action.apply(saved);
            } catch (IOException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }
}
