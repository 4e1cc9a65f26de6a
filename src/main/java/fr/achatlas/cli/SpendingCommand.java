package fr.achatlas.cli;

import fr.achatlas.importer.SpendingImporter;
import fr.achatlas.query.SpendingQueries;
import fr.achatlas.model.LineIssue;
import fr.achatlas.model.SpendingLine;
import fr.achatlas.spending.MappingProfile;
import fr.achatlas.spending.SpendingPreview;
import fr.achatlas.spending.SpendingReader;
import fr.achatlas.store.Database;
import fr.achatlas.store.SpendingLinker;
import fr.achatlas.store.SupplierStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "spending", mixinStandardHelpOptions = true,
        description = "Dépenses (exports comptables des acheteurs) : import, rattachement aux marchés, dépense sous marché, revue.",
        subcommands = {SpendingCommand.Import.class, SpendingCommand.Link.class, SpendingCommand.UnderContract.class,
                SpendingCommand.Review.class, SpendingCommand.DeleteBatch.class, SpendingCommand.Profiles.class,
                SpendingCommand.Preview.class, SpendingCommand.Batches.class, SpendingCommand.Issues.class})
final class SpendingCommand {

    @ParentCommand
    Achatlas root;

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Importe des exports de dépenses CSV ou XLSX (fichiers ou dossiers) ; chaque ligne est chargée, "
                    + "fusionnée comme doublon ou rejetée avec sa raison.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        SpendingCommand parent;

        @Parameters(arity = "1..*", description = "Fichiers ou dossiers.")
        List<Path> paths;

        @Option(names = "--profile", description = "Profil de colonnes : nom fourni (voir « spending profiles ») ou fichier JSON. "
                + "Par défaut, détecté d'après l'en-tête.")
        String profile;

        @Option(names = "--amount-divisor", description = "Divise les montants (100 pour un export en centimes sans séparateur).")
        Integer divisor;

        @Option(names = "--no-link", description = "Sans rattachement aux marchés ni rapprochement des noms après l'import.")
        boolean noLink;

        @Option(names = "--no-classify", description = "Sans le classement qui suit l'import (à lancer ensuite : achatlas classify).")
        boolean noClassify;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dbPath())) {
                MappingProfile p = profile == null ? null : MappingProfile.named(profile);
                List<SpendingImporter.Report> reports = new ArrayList<>();
                List<Path> failed = new ArrayList<>();
                // each file is its own transaction: one that cannot be read is reported and the others still go in
                new SpendingImporter(db, p, divisor).importEach(paths, new SpendingImporter.Listener() {
                    public void imported(SpendingImporter.Report r) {
                        print(r, System.out);
                        reports.add(r);
                    }

                    public void failed(Path file, String reason) {
                        System.out.printf("%s — ÉCHEC, rien n'est écrit pour ce fichier : %s%n", file, reason);
                        failed.add(file);
                    }

                    public void skipped(Path file, String reason) {
                        System.out.printf("%s — ignoré : %s%n", file, reason);
                    }
                });
                if (reports.size() + failed.size() > 1) {
                    System.out.printf("%d fichier(s) importé(s), %d en échec%n", reports.size(), failed.size());
                }
                if (!noLink && !reports.isEmpty()) {
                    new SupplierStore(db).unifyIdentifiers();
                    printLink(new SpendingLinker(db).run(null), System.out);
                }
                // as after a DECP import: the new lines get their family at once (after the links, which are evidence)
                if (!noClassify && !reports.isEmpty()) ClassifyCommand.run(db, ClassifyCommand.user(null), System.out);
                if (!failed.isEmpty()) return 1;
                return reports.stream().anyMatch(r -> !r.x100Evidence().isEmpty()) ? 2 : 0;
            }
        }
    }

    static void print(SpendingImporter.Report r, PrintStream out) {
        out.printf("%s — %s, profil %s, lot %d%n  lues %s = chargées %s + doublons %s + rejetées %s ; avertissements %s ; %s lignes/s%n",
                r.file(), r.format(), r.profile(), r.batchId(), Reports.n(r.read()), Reports.n(r.loaded()),
                Reports.n(r.duplicates()), Reports.n(r.rejected()), Reports.n(r.warnings()), Reports.n((long) r.linesPerSecond()));
        if (!r.aboveHeader().isEmpty()) {
            out.printf("  %d ligne(s) au-dessus de l'en-tête ignorée(s) (lignes %d à %d ; « %s »)%n", r.aboveHeader().size(),
                    r.aboveHeader().getFirst().line(), r.aboveHeader().getLast().line(), r.aboveHeader().getFirst().text());
        }
        r.rejectedByRule().forEach((k, v) -> out.printf("    rejet %-32s %s%n", k, Reports.n(v)));
        for (String e : r.x100Evidence()) {
            out.printf("  ATTENTION montants ×100 probables (%s lignes exclues des totaux) — %s%n"
                    + "    vérifiez, puis : achatlas spending delete-batch %d && achatlas spending import --amount-divisor 100 %s%n",
                    Reports.n(r.suspectLines()), e, r.batchId(), r.file());
        }
    }

    static void printLink(SpendingLinker.Counts k, PrintStream out) {
        out.printf("Rattachement : %s lignes par référence de marché, %s par fournisseur et période (dont %s ambiguës) ; "
                        + "noms rapprochés : %s par l'historique de l'acheteur, %s par le référentiel%n",
                Reports.n(k.byReference()), Reports.n(k.bySupplierPeriod()), Reports.n(k.ambiguous()),
                Reports.n(k.namesByHistory()), Reports.n(k.namesByReferential()));
    }

    @Command(name = "link", mixinStandardHelpOptions = true, description = "Recalcule le rattachement des dépenses aux marchés et le rapprochement des noms.")
    static final class Link implements Callable<Integer> {
        @ParentCommand
        SpendingCommand parent;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dbPath())) {
                new SupplierStore(db).unifyIdentifiers();
                printLink(new SpendingLinker(db).run(null), System.out);
                return 0;
            }
        }
    }

    @Command(name = "under-contract", mixinStandardHelpOptions = true,
            description = "Dépense sous marché et hors marché par acheteur (et par division CPV du marché avec --by-cpv).")
    static final class UnderContract implements Callable<Integer> {
        @ParentCommand
        SpendingCommand parent;

        @Option(names = "--by-cpv", description = "Ventile la dépense sous marché par division CPV (en attendant les familles d'achat).")
        boolean byCpv;

        @Option(names = "--format", defaultValue = "text", description = "text ou json.")
        String format;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dbPath())) {
                List<SpendingQueries.UnderContract> rows = new SpendingQueries(db.connection()).underContract(byCpv);
                if (printedAsJson(format, rows)) return 0;
                System.out.printf("%-15s %-44s %-6s %18s %18s %9s%n", "acheteur", "nom", "CPV", "sous marché", "hors marché", "part");
                for (SpendingQueries.UnderContract r : rows) {
                    double total = r.underContract().doubleValue() + r.offContract().doubleValue();
                    System.out.printf("%-15s %-44.44s %-6s %18s %18s %8.1f %%%n", r.buyerId(), r.buyerName() == null ? "" : r.buyerName(),
                            byCpv ? (r.cpvDivision() == null ? "—" : r.cpvDivision()) : "", Reports.euros(r.underContract()),
                            Reports.euros(r.offContract()), total == 0 ? 0 : 100 * r.underContract().doubleValue() / total);
                }
                return 0;
            }
        }
    }

    @Command(name = "review", mixinStandardHelpOptions = true,
            description = "Liste de revue : fournisseurs connus par leur nom seul, non rapprochés ou rapprochés avec une confiance < 0,8.")
    static final class Review implements Callable<Integer> {
        @ParentCommand
        SpendingCommand parent;

        @Option(names = "--limit", defaultValue = "50")
        int limit;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dbPath())) {
                for (SpendingQueries.ReviewItem i : new SpendingQueries(db.connection()).reviewList(limit)) {
                    System.out.printf("%-15s %-40.40s %-15s %-17s %5s %6s lignes %16s%n", i.buyerId(), i.supplierName(),
                            i.proposedSiret() == null ? "—" : i.proposedSiret(), i.method() == null ? "non rapproché" : i.method(),
                            i.confidence() == null ? "" : String.format("%.2f", i.confidence()), Reports.n(i.lines()), Reports.euros(i.amount()));
                }
                return 0;
            }
        }
    }

    @Command(name = "delete-batch", mixinStandardHelpOptions = true, description = "Supprime un lot de dépenses (par exemple après un signalement ×100).")
    static final class DeleteBatch implements Callable<Integer> {
        @ParentCommand
        SpendingCommand parent;

        @Parameters(index = "0", description = "Numéro de lot.")
        int batch;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dbPath())) {
                System.out.println(Reports.n(new SpendingLinker(db).deleteBatch(batch)) + " lignes supprimées (lot " + batch + ").");
                return 0;
            }
        }
    }

    @Command(name = "profiles", mixinStandardHelpOptions = true, description = "Les profils de colonnes fournis.")
    static final class Profiles implements Callable<Integer> {
        @Override
        public Integer call() {
            for (MappingProfile p : MappingProfile.bundled()) System.out.printf("%-30s %s%n", p.name(), p.description());
            return 0;
        }
    }

    @Command(name = "preview", mixinStandardHelpOptions = true,
            description = "Aperçu d'un export avant import, sans rien écrire : format détecté, lignes de titre sautées, profil, "
                    + "colonne lue pour chaque champ, colonnes non lues, et premières lignes telles que l'import les lirait "
                    + "(ou les rejetterait, avec la raison). Pour vérifier un profil sur un nouvel export.")
    static final class Preview implements Callable<Integer> {
        @Parameters(index = "0", description = "Fichier CSV ou XLSX.")
        Path file;

        @Option(names = "--profile", description = "Profil de colonnes : nom fourni ou fichier JSON. Par défaut, détecté.")
        String profile;

        @Option(names = "--lines", defaultValue = "10", description = "Nombre de lignes de données montrées (défaut : 10).")
        int lines;

        @Option(names = "--format", defaultValue = "text", description = "text ou json.")
        String format;

        @Override
        public Integer call() throws Exception {
            MappingProfile p = profile == null ? null : MappingProfile.named(profile);
            SpendingPreview.Preview v = SpendingPreview.of(file, p, Math.max(0, lines));
            if (!printedAsJson(format, v)) printPreview(v, System.out);
            return 0;
        }
    }

    private static final Map<String, String> FIELD_LABELS = Map.ofEntries(Map.entry("buyer", "acheteur"),
            Map.entry("date", "date"), Map.entry("amount_ht", "montant HT"), Map.entry("amount_ttc", "montant TTC"),
            Map.entry("supplier_id", "identifiant fournisseur"), Map.entry("supplier_name", "nom du fournisseur"),
            Map.entry("account", "compte (nature)"), Map.entry("function", "fonction"), Map.entry("budget", "budget"),
            Map.entry("direction", "direction"), Map.entry("service", "service"), Map.entry("contract_ref", "référence de marché"),
            Map.entry("invoice_ref", "n° de mandat ou facture"), Map.entry("label", "libellé"));

    static void printPreview(SpendingPreview.Preview v, PrintStream out) {
        out.printf("%s — %s%nprofil %s : %s%n", v.file(), v.format(), v.profile(), v.profileDescription());
        for (SpendingReader.PreambleRow r : v.aboveHeader()) {
            out.printf("  ligne %d au-dessus de l'en-tête, sautée : « %s »%n", r.line(), r.text());
        }
        out.printf("en-tête : %d colonnes%n", v.header().size());
        for (SpendingPreview.Mapping m : v.mappings()) {
            out.printf("  %-26s ← %s%n", FIELD_LABELS.getOrDefault(m.field(), m.field()),
                    m.columns().stream().map(c -> "« " + c + " »").collect(Collectors.joining(" sinon ")));
        }
        if (!v.unreadColumns().isEmpty()) {
            out.printf("  colonnes non lues : %s%n", v.unreadColumns().stream().map(c -> "« " + c + " »").collect(Collectors.joining(", ")));
        }
        out.printf("premières lignes (%d) :%n", v.lines().size());
        for (SpendingPreview.Line l : v.lines()) {
            SpendingLine x = l.mapped();
            if (x == null) {
                out.printf("  ligne %d : REJETÉE%n", l.line());
            } else {
                out.printf("  ligne %d : %s | %s | HT %s | TTC %s | %s %s « %s » | compte %s | marché %s | %s%n", l.line(),
                        x.buyerId(), x.paymentDate(), cents(x.amountHtCents()), cents(x.amountTtcCents()), x.supplierIdType(),
                        x.supplierId() == null ? "" : x.supplierId(), x.supplierName() == null ? "" : x.supplierName(),
                        dash(x.account()), dash(x.contractRef()), dash(x.label()));
            }
            for (LineIssue i : l.issues()) {
                out.printf("      %s %s (%s%s) : %s%n", i.severity(), i.rule(), i.field(),
                        i.value() == null ? "" : " = « " + i.value() + " »", i.message());
            }
        }
    }

    /** To the cent: a preview is where a wrong decimal convention (the ×100 trap) shows. */
    private static String cents(Long c) {
        return c == null ? "—" : String.format(Locale.FRANCE, "%,.2f €", BigDecimal.valueOf(c, 2));
    }

    /** Prints the rows as JSON when {@code --format json} was asked; false when the caller prints its text table. */
    private static boolean printedAsJson(String format, Object rows) {
        if (!"json".equals(format)) return false;
        System.out.println(Reports.json(rows));
        return true;
    }

    private static String dash(String s) {
        return s == null ? "—" : s;
    }

    @Command(name = "batches", mixinStandardHelpOptions = true,
            description = "Les imports de dépenses de la base, les plus récents d'abord : fichier, lues = chargées + doublons + rejetées.")
    static final class Batches implements Callable<Integer> {
        @ParentCommand
        SpendingCommand parent;

        @Option(names = "--limit", defaultValue = "50")
        int limit;

        @Option(names = "--format", defaultValue = "text", description = "text ou json.")
        String format;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dbPath())) {
                List<SpendingQueries.Batch> batches = new SpendingQueries(db.connection()).batches(limit);
                if (printedAsJson(format, batches)) return 0;
                System.out.printf("%5s %-44s %10s %10s %9s %9s %9s  %s%n", "lot", "fichier", "lues", "chargées", "doublons", "rejetées", "avert.", "importé le");
                for (SpendingQueries.Batch b : batches) {
                    System.out.printf("%5d %-44.44s %10s %10s %9s %9s %9s  %s%s%n", b.batchId(), b.fileName(), Reports.n(b.read()),
                            Reports.n(b.loaded()), Reports.n(b.duplicates()), Reports.n(b.rejected()), Reports.n(b.warnings()),
                            b.startedAt().withNano(0), b.suspectLines() > 0 ? "  ×100 soupçonné" : "");
                }
                return 0;
            }
        }
    }

    @Command(name = "issues", mixinStandardHelpOptions = true,
            description = "Les lignes rejetées (fichier, ligne, champ, valeur, règle, message) et les constats d'un import de dépenses.")
    static final class Issues implements Callable<Integer> {
        @ParentCommand
        SpendingCommand parent;

        @Parameters(index = "0", description = "Numéro de lot (voir « spending batches »).")
        int batch;

        @Option(names = "--limit", defaultValue = "500")
        int limit;

        @Option(names = "--format", defaultValue = "text", description = "text ou json.")
        String format;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dbPath())) {
                List<SpendingQueries.Issue> issues = new SpendingQueries(db.connection()).issues(batch, limit);
                if (printedAsJson(format, issues)) return 0;
                for (SpendingQueries.Issue i : issues) {
                    System.out.printf("ligne %-7d %-8s %-32s %s%s : %s%n", i.lineNumber(), i.severity(), i.rule(), i.field() == null ? "" : i.field(),
                            i.value() == null ? "" : " = « " + i.value() + " »", i.message());
                }
                return 0;
            }
        }
    }
}
