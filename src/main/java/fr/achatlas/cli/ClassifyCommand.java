package fr.achatlas.cli;

import fr.achatlas.classify.Classification;
import fr.achatlas.classify.ConfidenceBand;
import fr.achatlas.classify.Method;
import fr.achatlas.classify.SubjectKind;
import fr.achatlas.classify.SubjectRef;
import fr.achatlas.classify.nomenclature.CrosswalkRule;
import fr.achatlas.classify.run.Reclassifier;
import fr.achatlas.query.ClassificationQueries;
import fr.achatlas.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classe chaque marché dans la nomenclature pivot (famille, confiance, justification) et affiche la couverture.",
                "Sans sous-commande : reclasse tout depuis les règles et la nomenclature en vigueur (sans réimport).",
                "Boucle de validation : queue, accept, override, rule."},
        subcommands = {ClassifyCommand.Coverage.class, ClassifyCommand.Queue.class, ClassifyCommand.Accept.class,
                ClassifyCommand.OverrideFamily.class, ClassifyCommand.Rule.class})
final class ClassifyCommand implements Callable<Integer> {

    @ParentCommand
    Achatlas root;

    @Option(names = "--explain", paramLabel = "ID", description = "Montre la justification du classement d'un marché (clé interne, identifiant DECP ou uid ; « ligne:CLÉ » pour une ligne de dépense).")
    String explain;

    @Option(names = "--user", description = "Auteur des décisions (défaut : l'utilisateur du système).")
    String user;

    @Override
    public Integer call() throws Exception {
        try (Database db = Database.open(root.dbPath())) {
            if (explain != null) return explain(db, explain, System.out);
            run(db, user(user), System.out);
            printCoverage(new ClassificationQueries(db.connection()).coverage(), System.out);
            return 0;
        }
    }

    static String user(String user) {
        return user != null ? user : System.getProperty("user.name", "inconnu");
    }

    /** Classifies the whole store and prints a one-paragraph summary (used by import and demo too). */
    static Reclassifier.Result run(Database db, String user, PrintStream out) throws SQLException {
        Reclassifier.Result r = new Reclassifier(db).run(user);
        out.printf("%nClassement : %s marchés, %s classés, %s conflits, %s à revoir (%.1f s ; texte appris sur %s marchés au CPV précis, %s termes).%n",
                Reports.n(r.contracts()), Reports.n(r.classified()), Reports.n(r.conflicts()), Reports.n(r.toReview()),
                r.seconds(), Reports.n(r.trainingRecords()), Reports.n(r.vocabulary()));
        if (r.spendingLines() > 0) {
            out.printf("Dépenses : %s lignes, %s classées (compte, libellé, fournisseur, marché rattaché).%n",
                    Reports.n(r.spendingLines()), Reports.n(r.spendingClassified()));
        }
        return r;
    }

    static SubjectRef resolve(Database db, String id) throws SQLException {
        if (id.startsWith("ligne:")) return new SubjectRef(SubjectKind.SPENDING_LINE, Long.parseLong(id.substring(6)));
        ClassificationQueries q = new ClassificationQueries(db.connection());
        if (id.matches("-?[0-9]+")) {
            SubjectRef ref = new SubjectRef(SubjectKind.CONTRACT, Long.parseLong(id));
            if (q.classification(ref).isPresent()) return ref;
        }
        List<Long> keys = q.contractKeysById(id);
        if (keys.isEmpty()) throw new IllegalArgumentException("aucun marché classé de clé ou d'identifiant « " + id + " »");
        if (keys.size() > 1) throw new IllegalArgumentException("identifiant « " + id + " » ambigu (" + keys.size() + " marchés) ; utilisez la clé interne : " + keys);
        return new SubjectRef(SubjectKind.CONTRACT, keys.getFirst());
    }

    private static int explain(Database db, String id, PrintStream out) throws SQLException {
        SubjectRef ref = resolve(db, id);
        ClassificationQueries.Explanation e = new ClassificationQueries(db.connection()).explain(ref)
                .orElseThrow(() -> new IllegalArgumentException("pas de classement pour " + id + " : lancez « achatlas classify »"));
        out.printf("%s %d%s%n", e.kind() == SubjectKind.CONTRACT ? "Marché" : "Ligne de dépense", e.key(),
                e.reference() == null ? "" : " (" + e.reference() + ")");
        if (e.buyerName() != null || e.buyerId() != null) out.printf("  Acheteur    : %s %s%n", e.buyerId(), e.buyerName() == null ? "" : e.buyerName());
        if (e.text() != null) out.printf("  Objet       : %s%n", e.text());
        out.printf("  CPV         : %s%n", e.cpv() == null ? "—" : e.cpv());
        if (e.amount() != null) out.printf("  Montant     : %s%n", Reports.euros(e.amount()));
        out.printf("  Famille     : %s%n", e.familyCode() == null ? "non classé" : e.familyCode() + " " + e.familyLabel());
        if (e.segmentCode() != null) out.printf("  Segment     : %s %s%n", e.segmentCode(), e.segmentLabel());
        out.printf("  Confiance   : %.2f (%s)%n", e.confidence(), ConfidenceBand.of(e.confidence()).label());
        out.printf("  Méthode     : %s%n", Method.valueOf(e.method()).label());
        out.printf("  Statut      : %s%n", e.status());
        if (e.conflict()) out.printf("  Conflit     : autre famille possible %s%n", e.alternativeFamilyCode());
        out.printf("  Justification : %s%n", e.evidence());
        out.printf("  Classé le   : %s%n", e.classifiedAt());
        if (!e.history().isEmpty()) {
            out.println("  Historique :");
            for (ClassificationQueries.HistoryRow h : e.history()) {
                out.printf("    %s %-10s %-11s %s → %s%s%n", h.at(), h.user(), h.action(), h.oldFamily() == null ? "—" : h.oldFamily(),
                        h.newFamily() == null ? "—" : h.newFamily(), h.comment() == null ? "" : " (" + h.comment() + ")");
            }
        }
        return 0;
    }

    static void printCoverage(ClassificationQueries.Coverage c, PrintStream out) {
        out.printf("%nCouverture : %s enregistrements classés sur %s (%s) ; montant classé %s sur %s (%s)%n",
                Reports.n(c.classified()), Reports.n(c.records()), share(c.classified(), c.records()),
                Reports.euros(c.classifiedAmount()), Reports.euros(c.amount()), share(c.classifiedAmount(), c.amount()));
        out.printf("%n%-26s %12s %8s %20s %8s%n", "Bande de confiance", "enreg.", "part", "montant", "part");
        for (ClassificationQueries.CoverageRow r : c.byBand()) {
            out.printf("%-26s %12s %8s %20s %8s%n", r.label(), Reports.n(r.records()), share(r.records(), c.records()),
                    Reports.euros(r.amount()), share(r.amount(), c.amount()));
        }
        out.printf("%n%-34s %12s %8s %20s %8s%n", "Méthode", "enreg.", "part", "montant", "part");
        for (ClassificationQueries.CoverageRow r : c.byMethod()) {
            out.printf("%-34s %12s %8s %20s %8s%n", r.label(), Reports.n(r.records()),
                    share(r.records(), c.records()), Reports.euros(r.amount()), share(r.amount(), c.amount()));
        }
        out.printf("%nConflits : %s ; file de validation (confiance faible ou conflit, non validés) : %s — « achatlas classify queue »%n",
                Reports.n(c.conflicts()), Reports.n(c.queue()));
    }

    private static String share(long part, long total) {
        return total == 0 ? "—" : String.format("%.1f %%", 100.0 * part / total);
    }

    private static String share(BigDecimal part, BigDecimal total) {
        if (part == null || total == null || total.signum() == 0) return "—";
        return part.multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP) + " %";
    }

    @Command(name = "coverage", mixinStandardHelpOptions = true, description = "Part des enregistrements et des montants classés, par bande de confiance et par méthode.")
    static final class Coverage implements Callable<Integer> {
        @ParentCommand
        ClassifyCommand parent;

        @Option(names = "--format", defaultValue = "text", description = "text (défaut) ou json.")
        String format;

        @Option(names = "--depenses", description = "Couverture des lignes de dépense (montants payés) plutôt que des marchés.")
        boolean spending;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dbPath())) {
                ClassificationQueries.Coverage c = new ClassificationQueries(db.connection())
                        .coverage(spending ? SubjectKind.SPENDING_LINE : SubjectKind.CONTRACT);
                if ("json".equals(format)) System.out.println(Reports.json(c));
                else printCoverage(c, System.out);
                return 0;
            }
        }
    }

    @Command(name = "queue", mixinStandardHelpOptions = true, description = "File de validation : classements en conflit ou de confiance faible, plus gros montants d'abord.")
    static final class Queue implements Callable<Integer> {
        @ParentCommand
        ClassifyCommand parent;

        @Option(names = "--limit", defaultValue = "30", description = "Nombre de lignes (défaut : 30).")
        int limit;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dbPath())) {
                List<ClassificationQueries.QueueRow> rows = new ClassificationQueries(db.connection()).queue(limit);
                System.out.printf("%-20s %14s %-6s %5s %-7s %-9s %s%n", "Clé", "montant", "fam.", "conf.", "conflit", "autre", "objet");
                for (ClassificationQueries.QueueRow r : rows) {
                    String text = r.text() == null ? "" : r.text().length() > 70 ? r.text().substring(0, 69) + "…" : r.text();
                    System.out.printf("%-20d %14s %-6s %5.2f %-7s %-9s %s%n", r.key(), Reports.euros(r.amount()),
                            r.familyCode() == null ? "—" : r.familyCode(), r.confidence(), r.conflict() ? "oui" : "",
                            r.alternativeFamilyCode() == null ? "" : r.alternativeFamilyCode(), text);
                }
                System.out.println("\nActions : achatlas classify accept CLÉ | override CLÉ FAMILLE | rule CLÉ [--territoire] ; détail : classify --explain CLÉ");
                return 0;
            }
        }
    }

    @Command(name = "accept", mixinStandardHelpOptions = true, description = "Valide le classement automatique d'un enregistrement (il ne changera plus).")
    static final class Accept implements Callable<Integer> {
        @ParentCommand
        ClassifyCommand parent;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Option(names = "--comment")
        String comment;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dbPath())) {
                Classification c = new Reclassifier(db).accept(resolve(db, id), user(parent.user), comment);
                System.out.println("Validé : " + c.evidence());
                return 0;
            }
        }
    }

    @Command(name = "override", mixinStandardHelpOptions = true, description = "Corrige la famille d'un seul enregistrement.")
    static final class OverrideFamily implements Callable<Integer> {
        @ParentCommand
        ClassifyCommand parent;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Parameters(index = "1", paramLabel = "FAMILLE", description = "Code de famille (voir « achatlas nomenclature show »).")
        String family;

        @Option(names = "--comment")
        String comment;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dbPath())) {
                Classification c = new Reclassifier(db).override(resolve(db, id), family, user(parent.user), comment);
                System.out.println("Corrigé : " + c.evidence());
                System.out.println("Pour l'appliquer aux marchés semblables : achatlas classify rule " + id);
                return 0;
            }
        }
    }

    @Command(name = "rule", mixinStandardHelpOptions = true,
            description = "Transforme la correction d'un marché en règle (son code CPV → sa famille), pour son acheteur ou tout le territoire, puis reclasse tout.")
    static final class Rule implements Callable<Integer> {
        @ParentCommand
        ClassifyCommand parent;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Option(names = {"--territoire", "--territory"}, description = "Règle pour tout le territoire (défaut : pour l'acheteur du marché seulement).")
        boolean territory;

        @Option(names = "--comment")
        String comment;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dbPath())) {
                CrosswalkRule r = new Reclassifier(db).ruleFromCorrection(resolve(db, id), territory, user(parent.user), comment);
                System.out.println("Règle créée : " + r.reference() + " → " + r.familyCode() + " ; tout a été reclassé.");
                printCoverage(new ClassificationQueries(db.connection()).coverage(), System.out);
                return 0;
            }
        }
    }
}
