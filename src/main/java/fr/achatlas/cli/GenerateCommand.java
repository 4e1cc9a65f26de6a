package fr.achatlas.cli;

import fr.achatlas.generate.GenerationSummary;
import fr.achatlas.generate.NationalGenerator;
import fr.achatlas.generate.TerritoryGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Génère des données synthétiques réalistes, déterministes pour une graine donnée.",
                "territory (défaut) : un territoire de 15 acheteurs (≈ 700 M€ d'achats par an sur 3 ans) — fichiers DECP "
                        + "aux formats mêlés et défauts réels, territory.json, suppliers.json — dans le dossier --out.",
                "national : un seul fichier DECP v2 JSON de --records enregistrements (--out est alors un fichier)."})
final class GenerateCommand implements Callable<Integer> {

    enum Scale { territory, national }

    @Option(names = "--out", required = true, paramLabel = "CHEMIN", description = "Dossier (territory) ou fichier (national) à écrire.")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Graine (défaut : 42).")
    long seed;

    @Option(names = "--scale", defaultValue = "territory", description = "territory (défaut) ou national.")
    Scale scale;

    @Option(names = "--records", defaultValue = "1500000", description = "Nombre d'enregistrements en échelle nationale (défaut : 1 500 000).")
    long records;

    @Override
    public Integer call() throws Exception {
        long t = System.nanoTime();
        if (scale == Scale.national) {
            NationalGenerator.Summary s = new NationalGenerator().write(out, seed, records);
            System.out.printf("%s enregistrements (%s marchés, %s concessions, %s doublons, %s rejets prévus) écrits dans %s "
                            + "(%s octets) en %.1f s%n", Reports.n(s.records()), Reports.n(s.marches()), Reports.n(s.concessions()),
                    Reports.n(s.duplicates()), Reports.n(s.rejectedByDesign()), out, Reports.n(s.bytes()), (System.nanoTime() - t) / 1e9);
            return 0;
        }
        GenerationSummary s = new TerritoryGenerator().generate(out, seed);
        printSummary(s, out);
        return 0;
    }

    static void printSummary(GenerationSummary s, Path out) {
        System.out.printf("Territoire « %s » (%d–%d) généré dans %s : %d acheteurs, %s fournisseurs, %s marchés distincts, "
                        + "%s enregistrements publiés dans %d fichiers (%s doublons entre plateformes, %s rejets prévus).%n",
                s.territory(), s.firstYear(), s.lastYear(), out, s.buyers(), Reports.n(s.suppliers()), Reports.n(s.contracts()),
                Reports.n(s.publishedRecords()), s.files().size(), Reports.n(s.duplicatesPlanted()), Reports.n(s.rejectedByDesign()));
        s.purchasesByYear().forEach((y, v) -> System.out.printf("  %d : %s d'achats, dont %s en marchés DECP%n", y,
                Reports.euros(v), Reports.euros(s.contractAmountByYear().get(y))));
    }
}
