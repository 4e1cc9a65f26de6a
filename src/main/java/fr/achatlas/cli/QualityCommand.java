package fr.achatlas.cli;

import fr.achatlas.query.QualityQueries;
import fr.achatlas.query.QualityReport;
import fr.achatlas.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "quality", mixinStandardHelpOptions = true,
        description = "Rapport de qualité des données : par acheteur, par source et par règle.")
final class QualityCommand implements Callable<Integer> {

    enum Format { table, json }

    @ParentCommand
    Achatlas root;

    @Option(names = "--format", defaultValue = "table", description = "table (défaut) ou json.")
    Format format;

    @Override
    public Integer call() throws Exception {
        try (Database db = Database.open(root.dbPath())) {
            QualityReport q = new QualityQueries(db.connection()).report();
            if (format == Format.json) System.out.println(Reports.json(q));
            else Reports.printQuality(q, System.out);
            return 0;
        }
    }
}
