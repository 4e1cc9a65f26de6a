package fr.achatlas.cli;

import fr.achatlas.importer.ImportReport;
import fr.achatlas.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Importe des fichiers DECP (JSON ou XML, formats 2019 et v2, détectés automatiquement).",
                "Chaque fichier est importé en une transaction : une interruption laisse la base intacte ; "
                        + "réimporter un fichier ne change rien."})
final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    Achatlas root;

    @Parameters(arity = "1..*", paramLabel = "FICHIER|DOSSIER", description = "Fichiers, ou dossiers parcourus récursivement (*.json, *.xml).")
    List<Path> paths;

    @Option(names = "--report", paramLabel = "FICHIER", description = "Écrit aussi le bilan en JSON (read, loaded, duplicates, rejected, rejectedByRule, warningsByRule, files).")
    Path report;

    @Option(names = "--no-progress", description = "Sans barre de progression.")
    boolean noProgress;

    @Option(names = "--no-classify", description = "Sans le classement qui suit l'import (à lancer ensuite : achatlas classify).")
    boolean noClassify;

    @Override
    public Integer call() throws Exception {
        for (Path p : paths) {
            if (!java.nio.file.Files.exists(p)) throw new IllegalArgumentException("fichier introuvable : " + p);
        }
        try (Database db = Database.open(root.dbPath())) {
            ImportReport r = Imports.run(db, paths, !noProgress);
            Reports.printImport(r, System.out);
            if (report != null) Reports.writeJson(r, report);
            // New contracts are classified at once (the whole store is reclassified: rules may use new evidence).
            if (!noClassify) ClassifyCommand.run(db, ClassifyCommand.user(null), System.out);
            return 0;
        }
    }
}
