package fr.achatlas.cli;

import fr.achatlas.classify.nomenclature.CrosswalkRule;
import fr.achatlas.classify.nomenclature.Family;
import fr.achatlas.classify.nomenclature.Issue;
import fr.achatlas.classify.nomenclature.Nomenclature;
import fr.achatlas.classify.nomenclature.NomenclatureFiles;
import fr.achatlas.classify.nomenclature.NomenclatureValidator;
import fr.achatlas.classify.nomenclature.Segment;
import fr.achatlas.classify.run.Reclassifier;
import fr.achatlas.query.ClassificationQueries;
import fr.achatlas.store.ClassificationStore;
import fr.achatlas.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "nomenclature", mixinStandardHelpOptions = true,
        description = {"La nomenclature pivot (segments → familles) et ses tables de passage (CPV, comptes M57/M14, NAF, codes acheteurs).",
                "Fichiers CSV lisibles et modifiables : exportez, modifiez, validez, importez (chaque import est une version)."},
        subcommands = {NomenclatureCommand.Show.class, NomenclatureCommand.Export.class, NomenclatureCommand.Import.class,
                NomenclatureCommand.Validate.class})
final class NomenclatureCommand {

    @ParentCommand
    Achatlas root;

    static Nomenclature active(Database db) throws Exception {
        return new Reclassifier(db).nomenclature(ClassifyCommand.user(null));
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Affiche les segments et familles en vigueur (ou les règles d'une famille).")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        NomenclatureCommand parent;

        @Option(names = {"--famille", "--family"}, paramLabel = "CODE", description = "Détail d'une famille : mots-clés et règles qui y mènent.")
        String family;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dbPath())) {
                Nomenclature n = active(db);
                if (family != null) {
                    Family f = n.family(family);
                    if (f == null) throw new IllegalArgumentException("famille inconnue : " + family);
                    System.out.printf("%s %s (segment %s %s)%nnature %s ; homogène %s ; achat durable %s ; ESAT/EA %s ; SIAE %s%nmots-clés : %s%n%nRègles :%n",
                            f.code(), f.label(), f.segmentCode(), n.segment(f.segmentCode()).label(), f.nature(), yes(f.homogeneous()),
                            yes(f.sustainable()), yes(f.esatEa()), yes(f.siae()), String.join(", ", f.keywords()));
                    for (CrosswalkRule r : n.rules()) {
                        if (r.familyCode().equals(f.code())) {
                            System.out.printf("  %-28s %-7s %s%n", r.reference(), r.origin(), r.comment() == null ? "" : r.comment());
                        }
                    }
                    return 0;
                }
                for (ClassificationQueries.VersionRow v : new ClassificationQueries(db.connection()).versions()) {
                    System.out.printf("Version %d (%s), importée le %s par %s : %d segments, %d familles, %d règles%n",
                            v.version(), v.source(), v.importedAt(), v.importedBy(), v.segments(), v.families(), v.rules());
                }
                for (Segment s : n.segments()) {
                    System.out.printf("%n%s  %s%n", s.code(), s.label());
                    for (Family f : n.families()) {
                        if (!f.segmentCode().equals(s.code())) continue;
                        System.out.printf("  %-6s %-70s %-11s %s%n", f.code(), f.label(), f.nature(),
                                (f.homogeneous() ? "homogène " : "") + (f.sustainable() ? "durable " : "")
                                        + (f.esatEa() ? "ESAT/EA " : "") + (f.siae() ? "SIAE" : ""));
                    }
                }
                return 0;
            }
        }

        private static String yes(boolean b) {
            return b ? "oui" : "non";
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Écrit la nomenclature en vigueur (règles des utilisateurs comprises) en fichiers CSV modifiables.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        NomenclatureCommand parent;

        @Option(names = "--out", required = true, paramLabel = "DOSSIER")
        Path out;

        @Override
        public Integer call() throws Exception {
            try (Database db = Database.open(parent.root.dbPath())) {
                NomenclatureFiles.writeDirectory(active(db), out);
                System.out.println("Nomenclature écrite dans " + out + " : " + String.join(", ", NomenclatureFiles.NAMES));
                return 0;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Importe une nomenclature modifiée (dossier de fichiers CSV) comme nouvelle version, après validation, puis reclasse tout.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        NomenclatureCommand parent;

        @Parameters(index = "0", paramLabel = "DOSSIER")
        Path dir;

        @Option(names = "--user")
        String user;

        @Override
        public Integer call() throws Exception {
            NomenclatureFiles.Parsed parsed = NomenclatureFiles.parse(NomenclatureFiles.readDirectory(dir));
            List<Issue> issues = NomenclatureValidator.validate(parsed, null);
            issues.forEach(System.out::println);
            if (issues.stream().anyMatch(i -> i.level() == Issue.Level.ERREUR)) {
                System.out.println("Import refusé : corrigez les erreurs ci-dessus.");
                return 2;
            }
            try (Database db = Database.open(parent.root.dbPath())) {
                String who = ClassifyCommand.user(user);
                int version = new ClassificationStore(db).saveNomenclature(parsed.nomenclature(), parsed.texts(), dir.toAbsolutePath().toString(), who);
                System.out.printf("Version %d importée : %d segments, %d familles, %d règles.%n", version,
                        parsed.nomenclature().segments().size(), parsed.nomenclature().families().size(), parsed.nomenclature().rules().size());
                ClassifyCommand.run(db, who, System.out);
                return 0;
            }
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Vérifie un dossier de nomenclature : codes en double, segment ou famille inconnus, préfixes mal formés, divisions CPV sans règle ; avec --cpv, que chaque code de la liste atteint une famille.")
    static final class Validate implements Callable<Integer> {
        @ParentCommand
        NomenclatureCommand parent;

        @Parameters(index = "0", paramLabel = "DOSSIER", arity = "0..1", description = "Dossier à vérifier (défaut : la nomenclature livrée).")
        Path dir;

        @Option(names = "--cpv", paramLabel = "FICHIER", description = "Liste CPV officielle (CSV avec une colonne code8) pour vérifier la couverture.")
        Path cpv;

        @Override
        public Integer call() throws Exception {
            NomenclatureFiles.Parsed parsed = dir == null ? NomenclatureFiles.defaults() : NomenclatureFiles.parse(NomenclatureFiles.readDirectory(dir));
            List<String> codes = cpv == null ? null : cpvCodes(cpv);
            List<Issue> issues = NomenclatureValidator.validate(parsed, codes);
            issues.forEach(System.out::println);
            Nomenclature n = parsed.nomenclature();
            System.out.printf("%d segments, %d familles, %d règles ; %d erreurs, %d avertissements.%n", n.segments().size(),
                    n.families().size(), n.rules().size(), issues.stream().filter(i -> i.level() == Issue.Level.ERREUR).count(),
                    issues.stream().filter(i -> i.level() == Issue.Level.AVERTISSEMENT).count());
            if (codes != null) {
                Map<String, Integer> coverage = NomenclatureValidator.cpvCoverage(n, codes);
                System.out.printf("Couverture CPV : %d codes répartis sur %d familles%s.%n", codes.size(), coverage.size(),
                        coverage.containsKey("—") ? " (" + coverage.get("—") + " sans famille)" : ", aucun sans famille");
            }
            return issues.stream().anyMatch(i -> i.level() == Issue.Level.ERREUR) ? 2 : 0;
        }
    }

    static List<String> cpvCodes(Path csv) throws Exception {
        List<String> codes = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<String> header = List.of(in.readLine().replace("\uFEFF", "").split(","));
            int index = header.indexOf("code8");
            if (index < 0) throw new IllegalArgumentException("colonne code8 absente de " + csv);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",", index + 2);
                if (cells.length > index && cells[index].matches("[0-9]{8}")) codes.add(cells[index]);
            }
        }
        return codes;
    }
}
