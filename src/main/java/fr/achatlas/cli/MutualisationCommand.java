package fr.achatlas.cli;

import fr.achatlas.export.ExportFormat;
import fr.achatlas.export.TableExport;
import fr.achatlas.query.cube.Role;
import fr.achatlas.query.cube.Scope;
import fr.achatlas.query.mutualisation.MutualisationQueries;
import fr.achatlas.query.thresholds.Period;
import fr.achatlas.query.thresholds.ThresholdQueries;
import fr.achatlas.report.MutualisationStudyPdf;
import fr.achatlas.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** Mutualisation opportunities and homogeneous-family thresholds from the command line, with the same queries as the UI. */
@Command(name = "mutualisation", mixinStandardHelpOptions = true,
        description = {"Opportunités de mutualisation (familles achetées par plusieurs acheteurs), étude PDF pour les élus, "
                + "et cumuls par famille homogène face aux seuils (--seuils). Vue administrateur."})
final class MutualisationCommand implements Callable<Integer> {

    @ParentCommand
    Achatlas root;

    @Option(names = "--today", description = "Date de référence AAAA-MM-JJ (défaut : aujourd'hui).")
    LocalDate today;

    @Option(names = "--years", defaultValue = "3", description = "Fenêtre d'analyse en années (défaut : 3).")
    int years;

    @Option(names = "--horizon", defaultValue = "36", description = "Horizon des échéances en mois (défaut : 36).")
    int horizon;

    @Option(names = "--top", defaultValue = "10", description = "Nombre d'opportunités affichées et dans l'étude (défaut : 10).")
    int top;

    @Option(names = "--pdf", description = "Écrit l'étude PDF des premières opportunités dans ce fichier.")
    Path pdf;

    @Option(names = "--export", description = "Exporte la liste complète (extension .csv, .xlsx ou .json).")
    Path export;

    @Option(names = "--seuils", description = "Affiche plutôt les cumuls par acheteur et famille homogène pour cette année civile.")
    Integer thresholdsYear;

    @Override
    public Integer call() throws Exception {
        LocalDate day = today != null ? today : LocalDate.now();
        Scope admin = new Scope("cli", Role.ADMIN, Set.of(), Set.of());
        try (Database db = Database.open(root.dbPath())) {
            if (thresholdsYear != null) return thresholds(db, admin);
            MutualisationQueries.Params p = new MutualisationQueries.Params(day, years, horizon);
            List<MutualisationQueries.Opportunity> list = new MutualisationQueries(db.connection()).opportunities(p, admin);
            System.out.printf("%d familles achetées par au moins deux acheteurs (marchés attribués depuis le %s).%n", list.size(), p.from());
            for (MutualisationQueries.Opportunity o : list.subList(0, Math.min(top, list.size()))) {
                System.out.printf("%3d. %-60s %2d acheteurs  %s/an  gain %s à %s  échéances %d%n", o.rank(), cut(o.familyLabel()),
                        o.buyers(), Reports.n(o.yearlyAmount().longValue()), Reports.n(o.savingsLow().longValue()),
                        Reports.n(o.savingsHigh().longValue()), o.endingContracts());
            }
            if (pdf != null) {
                try (OutputStream out = Files.newOutputStream(pdf)) {
                    MutualisationStudyPdf.write(MutualisationStudyPdf.build(db.connection(), p, top, admin), out);
                }
                System.out.println("Étude PDF : " + pdf);
            }
            if (export != null) {
                write(db, MutualisationQueries.columns(), list.stream().map(MutualisationQueries::row).toList(), "Mutualisation");
            }
            return 0;
        }
    }

    private int thresholds(Database db, Scope admin) throws Exception {
        List<ThresholdQueries.Row> rows = new ThresholdQueries(db.connection()).summary(Period.year(thresholdsYear), admin);
        long risks = rows.stream().filter(r -> r.flag() == ThresholdQueries.Flag.RISQUE_FRACTIONNEMENT).count();
        long near = rows.stream().filter(r -> r.flag() == ThresholdQueries.Flag.APPROCHE).count();
        System.out.printf("%d couples acheteur × famille homogène en %d : %d risques de fractionnement, %d seuils approchés.%n",
                rows.size(), thresholdsYear, risks, near);
        for (ThresholdQueries.Row r : rows.subList(0, (int) Math.min(top, risks + near))) {
            System.out.printf("  %-22s %-40s %-7s %s%n", r.flag(), cut(r.buyerName()), r.familyCode(), r.explanation());
        }
        if (export != null) write(db, ThresholdQueries.columns(), rows.stream().map(ThresholdQueries::row).toList(), "Seuils");
        return 0;
    }

    private void write(Database db, List<fr.achatlas.query.Column> columns, List<Object[]> rows, String sheet) throws Exception {
        String name = export.getFileName().toString();
        ExportFormat f = ExportFormat.valueOf(name.substring(name.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT));
        try (OutputStream out = Files.newOutputStream(export)) {
            TableExport.write(f, sheet, columns, h -> {
                for (Object[] r : rows) h.row(r);
            }, out, db.connection());
        }
        System.out.println("Export : " + export + " (" + rows.size() + " lignes)");
    }

    private static String cut(String s) {
        if (s == null) return "";
        return s.length() > 60 ? s.substring(0, 59) + "…" : s;
    }
}
