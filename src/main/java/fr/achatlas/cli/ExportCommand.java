package fr.achatlas.cli;

import fr.achatlas.export.ContractExport;
import fr.achatlas.export.ExportFormat;
import fr.achatlas.query.ContractRows;
import fr.achatlas.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true, description = "Exporte des données de la base.",
        subcommands = ExportCommand.Contracts.class)
final class ExportCommand {

    @ParentCommand
    Achatlas root;

    @Command(name = "contracts", mixinStandardHelpOptions = true,
            description = {"Un marché par ligne, dans son état actuel (après modifications) : acheteur, identifiant, objet, "
                    + "CPV, procédure, date de notification, durée, montants initial et actuel, titulaires.",
                    "CSV par défaut pour Excel en français (UTF-8 avec BOM, ';', virgule décimale)."})
    static final class Contracts implements Callable<Integer> {

        @ParentCommand
        ExportCommand parent;

        @Option(names = "--format", defaultValue = "csv", description = "csv (défaut), xlsx, parquet ou json.")
        String format;

        @Option(names = "--out", required = true, paramLabel = "FICHIER", description = "Fichier à écrire.")
        Path out;

        @Option(names = "--csv-standard", description = "CSV RFC 4180 : séparateur ',', point décimal, dates ISO, sans BOM.")
        boolean csvStandard;

        @Override
        public Integer call() throws Exception {
            ExportFormat f = ExportFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
            try (Database db = Database.open(parent.root.dbPath())) {
                long rows = new ContractExport(new ContractRows(db.connection())).write(f, out, csvStandard);
                System.out.printf("%s marchés exportés dans %s%n", Reports.n(rows), out);
                return 0;
            }
        }
    }
}
