package fr.achatlas.cli;

import fr.achatlas.model.Thresholds;
import fr.achatlas.query.cube.Role;
import fr.achatlas.query.cube.Scope;
import fr.achatlas.query.spaser.Art35Queries;
import fr.achatlas.query.spaser.Indicator;
import fr.achatlas.query.spaser.InclusiveQueries;
import fr.achatlas.query.spaser.IndicatorValue;
import fr.achatlas.query.spaser.Metric;
import fr.achatlas.query.spaser.SpaserQueries;
import fr.achatlas.query.spaser.Target;
import fr.achatlas.report.SpaserPdf;
import fr.achatlas.report.SpaserReport;
import fr.achatlas.report.SpaserXlsx;
import fr.achatlas.store.Database;
import fr.achatlas.store.SpaserTargetStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "spaser", mixinStandardHelpOptions = true,
        description = "Pilotage des achats responsables (SPASER) : indicateurs, cibles, art. 35 loi Climat, secteur protégé, rapport annuel.",
        subcommands = {SpaserCommand.Indicators.class, SpaserCommand.SetTarget.class, SpaserCommand.Art35.class,
                SpaserCommand.Candidates.class, SpaserCommand.Report.class})
final class SpaserCommand {

    @ParentCommand
    Achatlas root;

    /** Whoever holds the database file sees everything: the command line works as an administrator. */
    static Scope scope(String buyer) {
        return new Scope("cli", Role.ADMIN, Set.of(), buyer == null ? Set.of() : Set.of(buyer));
    }

    @Command(name = "indicators", mixinStandardHelpOptions = true, description = "Les indicateurs d'un acheteur ou du territoire, par année, avec leurs cibles.")
    static final class Indicators implements Callable<Integer> {
        @ParentCommand
        SpaserCommand parent;
        @Option(names = "--buyer", paramLabel = "SIRET", description = "Acheteur (défaut : le territoire).")
        String buyer;
        @Option(names = "--from", description = "Première année (défaut : deux ans avant --to).")
        Integer from;
        @Option(names = "--to", description = "Dernière année (défaut : l'an dernier).")
        Integer to;

        @Override
        public Integer call() throws Exception {
            int last = to == null ? LocalDate.now().getYear() - 1 : to;
            int first = from == null ? last - 2 : from;
            try (Database db = Database.open(parent.root.dbPath())) {
                SpaserQueries q = new SpaserQueries(db.connection());
                Scope s = scope(buyer);
                List<Target> targets = q.targets(SpaserQueries.targetKey(s));
                System.out.println("SPASER — " + q.perimeterLabel(s) + " — " + first + "–" + last);
                for (SpaserQueries.Series series : q.all(s, first, last)) {
                    Metric m = series.indicator().headline();
                    StringBuilder line = new StringBuilder(String.format("  %-58s %-16s", series.indicator().label(), m.label()));
                    for (IndicatorValue v : series.years()) {
                        line.append(String.format("  %d: %-14s", v.year(), format(m, v.get(m))));
                        targets.stream().filter(t -> t.indicator().equals(series.indicator().code()) && t.year() == v.year()
                                && t.metric().equals(m.name())).findFirst()
                                .ifPresent(t -> line.append("(cible ").append(format(m, t.value().doubleValue())).append(") "));
                    }
                    System.out.println(line.toString().stripTrailing());
                }
                return 0;
            }
        }
    }

    static String format(Metric m, Double v) {
        if (v == null) return "—";
        return switch (m) {
            case SHARE_COUNT, SHARE_VALUE -> String.format(Locale.FRANCE, "%.1f %%", v * 100);
            case VALUE -> Reports.n(Math.round(v)) + " €";
            case COUNT -> Reports.n(Math.round(v));
            case AVERAGE -> String.format(Locale.FRANCE, "%.1f", v);
        };
    }

    @Command(name = "target", mixinStandardHelpOptions = true,
            description = "Fixe une cible : --indicator SPENDING_ESAT_EA --buyer SIRET --year 2025 --value 150000 (parts en %).")
    static final class SetTarget implements Callable<Integer> {
        @ParentCommand
        SpaserCommand parent;
        @Option(names = "--indicator", required = true, description = "Code de l'indicateur (voir docs/spaser.md).")
        String indicator;
        @Option(names = "--buyer", defaultValue = Target.TERRITORY, paramLabel = "SIRET", description = "Acheteur, ou * pour le territoire (défaut).")
        String buyer;
        @Option(names = "--year", required = true)
        int year;
        @Option(names = "--metric", description = "SHARE_VALUE, SHARE_COUNT, VALUE, COUNT, AVERAGE (défaut : mesure suivie).")
        String metric;
        @Option(names = "--value", required = true, description = "Part en % (30 pour 30 %), montant en € HT, nombre ou moyenne.")
        BigDecimal value;
        @Option(names = "--comment")
        String comment;

        @Override
        public Integer call() throws Exception {
            Indicator ind = Indicator.of(indicator);
            Metric m = metric == null ? ind.headline() : Metric.valueOf(metric.toUpperCase(Locale.ROOT));
            BigDecimal v = m.isShare() ? value.movePointLeft(2) : value;
            try (Database db = Database.open(parent.root.dbPath())) {
                new SpaserTargetStore(db.connection()).save(ind.code(), buyer, year, m.name(), v, comment, "cli");
            }
            System.out.printf("Cible %s %d (%s, %s) : %s%n", ind.code(), year, buyer, m.label(), format(m, v.doubleValue()));
            return 0;
        }
    }

    @Command(name = "art35", mixinStandardHelpOptions = true, description = "Conformité à l'art. 35 de la loi Climat et Résilience.")
    static final class Art35 implements Callable<Integer> {
        @ParentCommand
        SpaserCommand parent;
        @Option(names = "--buyer", paramLabel = "SIRET")
        String buyer;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dbPath())) {
                Art35Queries.Report r = new Art35Queries(db.connection(), Thresholds.defaults()).report(scope(buyer));
                System.out.printf("Marchés notifiés depuis le %s : %d ; sans considération environnementale : %d ; "
                        + "au-dessus des seuils UE : %d dont sans considération sociale : %d%n", r.since(), r.notified(),
                        r.withoutEnvironmental(), r.aboveEuThreshold(), r.aboveWithoutSocial());
                for (Art35Queries.Month m : r.months()) {
                    System.out.printf("  %s  %4d notifiés  %4d sans env.  %4d ≥ seuil UE  %4d sans social%n", m.month(), m.notified(),
                            m.withoutEnvironmental(), m.aboveEuThreshold(), m.aboveWithoutSocial());
                }
                return 0;
            }
        }
    }

    @Command(name = "candidates", mixinStandardHelpOptions = true,
            description = "Marchés à réserver au renouvellement (ESAT/EA : art. L2113-12 ; SIAE : art. L2113-13), échéance d'ici 24 mois.")
    static final class Candidates implements Callable<Integer> {
        @ParentCommand
        SpaserCommand parent;
        @Option(names = "--buyer", paramLabel = "SIRET")
        String buyer;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dbPath())) {
                List<InclusiveQueries.Candidate> list = new InclusiveQueries(db.connection()).candidates(scope(buyer), LocalDate.now());
                System.out.println(list.size() + " marché(s) candidat(s) à la réservation");
                for (InclusiveQueries.Candidate c : list) {
                    System.out.printf("  %s  %-19s %-30.30s %-40.40s %14s €%n", c.endDate(), c.articles(), c.buyerName(), c.object(),
                            Reports.n(c.amount() == null ? 0 : c.amount().longValue()));
                }
                return 0;
            }
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, description = "Rapport annuel SPASER en PDF (graphiques) ou XLSX, selon l'extension de --out.")
    static final class Report implements Callable<Integer> {
        @ParentCommand
        SpaserCommand parent;
        @Option(names = "--buyer", paramLabel = "SIRET", description = "Acheteur (défaut : le territoire).")
        String buyer;
        @Option(names = "--year", description = "Année (défaut : l'an dernier).")
        Integer year;
        @Option(names = "--out", required = true, paramLabel = "FICHIER", description = "rapport.pdf ou rapport.xlsx")
        Path out;

        @Override
        public Integer call() throws Exception {
            LocalDate today = LocalDate.now();
            try (Database db = Database.open(parent.root.dbPath());
                 OutputStream os = Files.newOutputStream(out)) {
                SpaserReport r = SpaserReport.build(db.connection(), scope(buyer), year == null ? today.getYear() - 1 : year, today);
                if (out.toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) SpaserXlsx.write(r, os);
                else SpaserPdf.write(r, os);
            }
            System.out.println("Rapport écrit : " + out);
            return 0;
        }
    }
}
