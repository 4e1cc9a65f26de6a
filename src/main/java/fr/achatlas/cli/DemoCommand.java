package fr.achatlas.cli;

import fr.achatlas.generate.TerritoryGenerator;
import fr.achatlas.importer.ImportReport;
import fr.achatlas.parse.TerritoryFileReader;
import fr.achatlas.query.StatusQueries;
import fr.achatlas.store.Database;
import fr.achatlas.store.TerritoryStore;
import fr.achatlas.web.security.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Démonstration en une commande, hors ligne : génère le territoire de démonstration (s'il est absent), "
                + "l'importe, puis sert l'interface sur http://localhost:8080."})
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    Achatlas root;

    @Option(names = "--dir", defaultValue = "data/demo", description = "Dossier de la démonstration (défaut : data/demo).")
    Path dir;

    @Option(names = "--seed", defaultValue = "42", description = "Graine du territoire généré (défaut : 42).")
    long seed;

    @Option(names = "--port", defaultValue = "8080", description = "Port HTTP (défaut : 8080).")
    int port;

    @Option(names = "--no-serve", description = "Prépare la base sans lancer le serveur.")
    boolean noServe;

    /** Fresh passwords on every run: they are printed here and nowhere else. */
    private static void printAccounts(Database db) throws Exception {
        List<String[]> twoBuyers = new StatusQueries(db.connection()).buyers(2).stream()
                .map(b -> new String[] {b.buyerId(), b.name()}).toList();
        List<Accounts.Account> accounts = Accounts.demo(db, twoBuyers);
        System.out.println();
        System.out.println("Comptes de démonstration (mots de passe renouvelés à chaque lancement de la démo) :");
        for (Accounts.Account a : accounts) {
            System.out.printf("  %-10s %-18s %-8s %s%n", a.username(), a.password(), a.role(), a.displayName());
        }
        System.out.println("  (sans connexion : accès public, données ouvertes seulement)");
        System.out.println();
    }

    /**
     * The three last full years, plus the current year's contracts notified until a week ago: the SPASER's art. 35
     * page needs contracts notified since 21 August 2026 (docs/generator.md).
     */
    static TerritoryGenerator.Settings demoSettings() {
        return TerritoryGenerator.Settings.defaults().withNotificationsUntil(java.time.LocalDate.now().minusDays(7));
    }

    @Override
    public Integer call() throws Exception {
        Path files = dir.resolve("files");
        if (!Files.exists(files.resolve("generation-summary.json"))) {
            System.out.println("Génération du territoire de démonstration…");
            GenerateCommand.printSummary(new TerritoryGenerator().generate(files, seed, demoSettings()), files);
        }
        Path dbPath = root.db != null ? root.db : dir.resolve("achatlas.duckdb");
        Database db = Database.open(dbPath);
        try {
            if (new StatusQueries(db.connection()).lastImports(1).isEmpty()) {
                new TerritoryStore(db).save(TerritoryFileReader.read(files.resolve("territory.json")));
                System.out.println("Import des fichiers DECP du territoire…");
                ImportReport r = Imports.run(db, List.of(files), System.console() != null);
                Reports.printImport(r, System.out);
                DemoSpending.load(db, files);
                // Classification (issue 3): the demo territory ends fully classified.
                ClassifyCommand.run(db, "demo", System.out);
                DemoSpaser.seed(db, files, demoSettings().lastFullYear());
                // Purchase programme (issue 7): a few adopted proposals, most published, and one joint entry.
                System.out.println("Programmation des achats : " + DemoProgramme.seed(db, java.time.LocalDate.now()) + " entrées de démonstration.");
            } else {
                System.out.println("Base de démonstration déjà prête : " + dbPath);
            }
            printAccounts(db);
            if (noServe) {
                db.close();
                return 0;
            }
            ServeCommand.serve(db, port);
            return 0;
        } catch (Exception e) {
            db.close();
            throw e;
        }
    }
}
