package fr.achatlas.web.api;

import fr.achatlas.check.ContractChecks;
import fr.achatlas.classify.run.Reclassifier;
import fr.achatlas.importer.DecpImporter;
import fr.achatlas.importer.ImportReport;
import fr.achatlas.store.Database;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Upload of a DECP file by the territory administrator: the same importer as the command line, the same report, and,
 * as on the command line, the classification right after.
 */
@RestController
@Tag(name = "Import", description = "Import d'un fichier DECP ou d'un export de dépenses (administrateur)")
public class ImportController {

    private final Database db;
    private final CurrentScope scopes;

    public ImportController(Database db, CurrentScope scopes) {
        this.db = db;
        this.scopes = scopes;
    }

    @PostMapping(value = "/api/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Importe un ou plusieurs fichiers DECP (JSON ou XML, 2019 ou v2), relance le classement et rend le bilan")
    public ImportReport importFiles(@RequestParam("file") List<MultipartFile> files) throws IOException, SQLException {
        if (files.isEmpty()) throw new IllegalArgumentException("Aucun fichier.");
        Path dir = Files.createTempDirectory("achatlas-upload");
        List<Path> saved = new ArrayList<>();
        try {
            for (MultipartFile f : files) saved.add(save(f, dir, saved.size()));
            // One writer at a time on the store's main connection.
            synchronized (db) {
                ImportReport r = new DecpImporter(db, new ContractChecks(LocalDate.now())::check, DecpImporter.ProgressListener.NONE)
                        .importAll(saved);
                // as the command line: new contracts are classified at once, so the cartography shows them in a family
                new Reclassifier(db).run(scopes.get(null).user());
                return r;
            }
        } finally {
            for (Path f : saved) {
                Files.deleteIfExists(f);
                Files.deleteIfExists(f.getParent());
            }
            Files.deleteIfExists(dir);
        }
    }

    /** An upload in its own numbered folder under its sanitised name: the name is what the store keeps as the file's. */
    private static Path save(MultipartFile file, Path dir, int n) throws IOException {
        if (file.isEmpty()) throw new IllegalArgumentException("Fichier vide : " + file.getOriginalFilename());
        String name = Path.of(file.getOriginalFilename() == null ? "import.json" : file.getOriginalFilename()).getFileName().toString()
                .replaceAll("[^A-Za-z0-9._-]", "_");
        Path target = Files.createDirectory(dir.resolve(String.valueOf(n))).resolve(name.isBlank() || name.startsWith(".") ? "import.json" : name);
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, target);
        }
        return target;
    }
}
