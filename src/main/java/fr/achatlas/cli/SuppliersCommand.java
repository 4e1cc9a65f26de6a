package fr.achatlas.cli;

import fr.achatlas.importer.ReferentialImports;
import fr.achatlas.query.SpendingQueries;
import fr.achatlas.query.SupplierQueries;
import fr.achatlas.store.Database;
import fr.achatlas.store.SpendingLinker;
import fr.achatlas.store.SupplierStore;
import fr.achatlas.supplier.RechercheEntreprisesClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "suppliers", mixinStandardHelpOptions = true,
        description = "Référentiel des fournisseurs : SIRENE (fichiers stock ou API), listes ESAT/EA/SIAE, synthèse.",
        subcommands = {SuppliersCommand.Sirene.class, SuppliersCommand.Inclusion.class, SuppliersCommand.Api.class,
                SuppliersCommand.Summary.class})
final class SuppliersCommand {

    @ParentCommand
    Achatlas root;

    @Command(name = "sirene", mixinStandardHelpOptions = true,
            description = "Importe StockUniteLegale / StockEtablissement (CSV ou zip), en ne gardant que les SIREN utiles au territoire.")
    static final class Sirene implements Callable<Integer> {
        @ParentCommand
        SuppliersCommand parent;

        @Parameters(arity = "1..*", description = "Fichiers stock (établissements d'abord conseillé, puis unités légales).")
        List<Path> files;

        @Option(names = "--all", description = "Garde toutes les lignes (base complète).")
        boolean all;

        @Option(names = "--departements", split = ",", description = "Garde aussi les établissements situés dans ces départements.")
        List<String> departements;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dbPath())) {
                new SupplierStore(db).unifyIdentifiers();
                ReferentialImports imp = new ReferentialImports(db);
                for (Path f : files) {
                    ReferentialImports.SireneReport r = imp.sirene(f, all, departements == null ? null : new HashSet<>(departements));
                    System.out.printf("%s (%s) : %s lignes lues, %s gardées, %s illisibles%s, %s s%n", f, r.counts().kind(),
                            Reports.n(r.counts().read()), Reports.n(r.counts().kept()), Reports.n(r.counts().malformed()),
                            r.counts().firstMalformed() == null ? "" : " (première : " + r.counts().firstMalformed() + ")",
                            r.millis() / 1000.0);
                }
                new SpendingLinker(db).run(null);
                return 0;
            }
        }
    }

    @Command(name = "inclusion", mixinStandardHelpOptions = true,
            description = "Importe une liste de structures inclusives (CSV : SIRET + type ESAT, EA, EI, AI, ACI, ETTI, GEIQ…).")
    static final class Inclusion implements Callable<Integer> {
        @ParentCommand
        SuppliersCommand parent;

        @Parameters(index = "0")
        Path file;

        @Option(names = "--date", required = true, description = "Date de la liste (AAAA-MM-JJ).")
        LocalDate date;

        @Option(names = "--type", description = "Type unique pour une liste sans colonne de type (ESAT, EA…).")
        String type;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dbPath())) {
                ReferentialImports.InclusionReport r = new ReferentialImports(db).inclusion(file, date, type);
                System.out.printf("%s lignes lues, %s gardées, %s fournisseurs typés, %s écartées%n", Reports.n(r.read()),
                        Reports.n(r.kept()), Reports.n(r.suppliersTagged()), Reports.n(r.skipped().size()));
                r.skipped().stream().limit(10).forEach(s -> System.out.println("  " + s));
                return 0;
            }
        }
    }

    @Command(name = "api", mixinStandardHelpOptions = true,
            description = "Interroge l'API Recherche d'entreprises (sans clé ; cache local, débit limité, reprises) pour des SIREN.")
    static final class Api implements Callable<Integer> {
        @ParentCommand
        SuppliersCommand parent;

        @Parameters(arity = "0..*", description = "SIREN à interroger ; sans argument, ceux du territoire encore sans données SIRENE.")
        List<String> sirens;

        @Option(names = "--cache", defaultValue = "data/cache/recherche-entreprises")
        Path cache;

        @Option(names = "--limit", defaultValue = "500")
        int limit;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dbPath())) {
                List<String> ask = sirens == null || sirens.isEmpty() ? new ArrayList<>() : sirens;
                if (ask.isEmpty()) {
                    new SupplierStore(db).unifyIdentifiers();
                    ask.addAll(new SupplierQueries(db.connection()).unitsWithoutSirene(limit));
                }
                ReferentialImports.ApiReport r = new ReferentialImports(db).api(RechercheEntreprisesClient.defaults(cache), ask);
                System.out.printf("%d demandés, %d trouvés, %d requêtes, %d réponses du cache, %d erreurs%n", r.asked(), r.found(),
                        r.requests(), r.cacheHits(), r.errors().size());
                r.errors().stream().limit(10).forEach(e -> System.out.println("  " + e));
                return 0;
            }
        }
    }

    @Command(name = "summary", mixinStandardHelpOptions = true, description = "Enrichissement des fournisseurs et des dépenses.")
    static final class Summary implements Callable<Integer> {
        @ParentCommand
        SuppliersCommand parent;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dbPath())) {
                printSummary(db);
                return 0;
            }
        }
    }

    static void printSummary(Database db) throws Exception {
        SupplierQueries.Counts c = new SupplierQueries(db.connection()).counts();
        System.out.printf("Fournisseurs : %s unités légales (%s avec catégorie PME/ETI/GE, %s inclusives, %s ESS, %s non diffusibles), "
                        + "%s établissements (%s localisés, %s locaux)%nGéographie : %s communes (%s avec centroïde) ; définition locale : %s%n",
                Reports.n(c.units()), Reports.n(c.withCategory()), Reports.n(c.inclusive()), Reports.n(c.ess()),
                Reports.n(c.nonDiffusible()), Reports.n(c.establishments()), Reports.n(c.withCommune()), Reports.n(c.local()),
                Reports.n(c.communes()), Reports.n(c.communesWithCentroid()), new SupplierQueries(db.connection()).localDefinition());
        SpendingQueries.Enrichment e = new SpendingQueries(db.connection()).enrichment();
        if (e.lines() == 0) return;
        double t = e.total().doubleValue();
        System.out.printf("Dépenses : %s lignes, %s ; taille connue %.1f %% (PME %.1f %%, dont micro %.1f %% ; ETI %.1f %% ; GE %.1f %%), "
                        + "localisée %.1f %%, locale %.1f %%, secteur inclusif %.1f %%, ESS %.1f %%, étranger %.1f %%, sous marché %.1f %%%n",
                Reports.n(e.lines()), Reports.euros(e.total()), pct(e.withSize(), t), pct(e.pme(), t), pct(e.micro(), t),
                pct(e.eti(), t), pct(e.ge(), t), pct(e.withLocation(), t), pct(e.local(), t), pct(e.inclusive(), t),
                pct(e.ess(), t), pct(e.foreign(), t), pct(e.underContract(), t));
    }

    private static double pct(java.math.BigDecimal v, double total) {
        return total == 0 ? 0 : 100 * v.doubleValue() / total;
    }
}
