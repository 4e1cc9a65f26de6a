package fr.achatlas.cli;

import fr.achatlas.bench.ImportBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Mesures de performance documentées dans docs/benchmarks.md.",
                "import : génère (une fois) un fichier DECP v2 national, l'importe dans une JVM au tas limité, "
                        + "et le compare à read_json de DuckDB et à jq.",
                "cube : sur une base existante (--db), latence des forages (un axe, deux filtres) par l'API HTTP et "
                        + "directement dans DuckDB, puis charge de N utilisateurs simultanés en boucle locale."})
final class BenchCommand implements Callable<Integer> {

    @picocli.CommandLine.Parameters(index = "0", defaultValue = "import",
            description = "Banc à lancer : import (défaut), classify, spending (dépenses CSV, --records lignes), spending-xlsx "
                    + "(les mêmes lignes en XLSX, 1 048 575 au plus), sirene (stock établissements), cube.")
    String which;

    @Option(names = "--records", defaultValue = "1500000", description = "Nombre d'enregistrements (défaut : 1 500 000).")
    long records;

    @Option(names = "--dir", defaultValue = "target/bench", description = "Dossier de travail (défaut : target/bench).")
    Path dir;

    @Option(names = "--heap", defaultValue = "1g", description = "Tas maximal de la JVM d'import (défaut : 1g).")
    String heap;

    @Option(names = "--no-duckdb", description = "Sans la comparaison read_json de DuckDB (longue sur ce format).")
    boolean noDuckdb;

    @Option(names = "--shared", defaultValue = "../shared/data", description = "Données réelles pour le banc classify (défaut : ../shared/data).")
    Path shared;

    @Option(names = "--no-jq", description = "Sans la comparaison jq.")
    boolean noJq;

    @picocli.CommandLine.ParentCommand
    Achatlas root;

    @Option(names = "--queries", defaultValue = "200", description = "cube : nombre de requêtes de forage mesurées (défaut : 200).")
    int queries;

    @Option(names = "--users", defaultValue = "50", description = "cube : utilisateurs simultanés du test de charge (défaut : 50).")
    int users;

    @Option(names = "--requests", defaultValue = "20", description = "cube : requêtes par utilisateur (défaut : 20).")
    int requests;

    @Option(names = "--max-seconds", defaultValue = "120", description = "cube : durée maximale du test de charge (défaut : 120).")
    int maxSeconds;

    @Option(names = "--tune", description = "classify : réglage du modèle de texte sur une partie de validation tirée de l'apprentissage (la partie test n'est pas lue).")
    boolean tune;

    @Option(names = "--accuracy-only", description = "classify : précision seulement, sans le débit.")
    boolean accuracyOnly;

    @Override
    public Integer call() throws Exception {
        if ("cube".equals(which)) return cube();
        if ("classify".equals(which)) return ClassifyBench.run(dir, records, shared, tune, accuracyOnly);
        if ("spending".equals(which) || "spending-xlsx".equals(which) || "sirene".equals(which)) {
            var kind = switch (which) {
                case "spending" -> fr.achatlas.bench.ReferentialBenchmark.Kind.SPENDING;
                case "spending-xlsx" -> fr.achatlas.bench.ReferentialBenchmark.Kind.SPENDING_XLSX;
                default -> fr.achatlas.bench.ReferentialBenchmark.Kind.SIRENE;
            };
            var bench = new fr.achatlas.bench.ReferentialBenchmark(kind, dir, records, heap, System.out);
            var results = bench.run(!noDuckdb);
            String md = bench.markdown(results, "./achatlas bench " + which + " --records " + records + " --heap " + heap);
            Files.writeString(dir.resolve("results-" + which + ".md"), md);
            System.out.println();
            System.out.println(md);
            return 0;
        }
        if (!"import".equals(which)) throw new IllegalArgumentException("banc inconnu : " + which);
        ImportBenchmark bench = new ImportBenchmark(dir, records, heap, System.out);
        List<ImportBenchmark.Result> results = bench.run(!noDuckdb, !noJq);
        String md = bench.markdown(results, "./achatlas bench import --records " + records + " --heap " + heap);
        Files.writeString(dir.resolve("results.md"), md);
        System.out.println();
        System.out.println(md);
        return 0;
    }

    private int cube() throws Exception {
        try (fr.achatlas.store.Database db = fr.achatlas.store.Database.open(root.dbPath())) {
            long contracts = new fr.achatlas.query.StatusQueries(db.connection()).totals().contracts();
            fr.achatlas.bench.CubeBenchmark bench = new fr.achatlas.bench.CubeBenchmark(db, System.out, queries, users, requests,
                    java.time.Duration.ofSeconds(maxSeconds));
            String md = bench.markdown(bench.run(), contracts, bench.spendingLines(), "./achatlas --db " + root.dbPath() + " bench cube --queries " + queries
                    + " --users " + users + " --requests " + requests);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("cube-results.md"), md);
            System.out.println();
            System.out.println(md);
            return 0;
        }
    }
}
