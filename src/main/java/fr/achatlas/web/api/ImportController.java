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
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
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
        try (Uploads uploads = new Uploads()) {
            List<Path> saved = uploads.saveAll(files, "import.json");
            // One writer at a time on the store's main connection.
            synchronized (db) {
                ImportReport r = new DecpImporter(db, new ContractChecks(LocalDate.now())::check, DecpImporter.ProgressListener.NONE)
                        .importAll(saved);
                // as the command line: new contracts are classified at once, so the cartography shows them in a family
                new Reclassifier(db).run(scopes.get(null).user());
                return r.named();
            }
        }
    }
}
