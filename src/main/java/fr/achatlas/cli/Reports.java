package fr.achatlas.cli;

import fr.achatlas.importer.FileReport;
import fr.achatlas.importer.ImportReport;
import fr.achatlas.query.QualityReport;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Renders reports for people (French, aligned tables) and for machines (JSON). */
final class Reports {

    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Reports() {
    }

    static void writeJson(Object report, Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), report);
    }

    static String json(Object report) {
        return JSON.writeValueAsString(report);
    }

    static String n(long v) {
        return NumberFormat.getIntegerInstance(Locale.FRANCE).format(v);
    }

    static String euros(BigDecimal v) {
        if (v == null) return "—";
        NumberFormat f = NumberFormat.getCurrencyInstance(Locale.FRANCE);
        f.setMaximumFractionDigits(0);
        return f.format(v);
    }

    static void printImport(ImportReport r, PrintStream out) {
        out.printf("%n%-48s %9s %9s %9s %9s%n", "Fichier", "lus", "chargés", "doublons", "rejetés");
        for (FileReport f : r.files()) {
            String name = Path.of(f.file()).getFileName().toString();
            if (name.length() > 48) name = "…" + name.substring(name.length() - 47);
            out.printf("%-48s %9s %9s %9s %9s%s%n", name, n(f.read()), n(f.loaded()), n(f.duplicates()), n(f.rejected()),
                    f.sameContentAs() != null ? "  (contenu identique au lot " + f.sameContentAs() + ")" : "");
        }
        out.printf("%-48s %9s %9s %9s %9s%n", "TOTAL", n(r.read()), n(r.loaded()), n(r.duplicates()), n(r.rejected()));
        out.printf("%n%s enregistrements en %.1f s (%s enregistrements/s).%n", n(r.read()), r.millis() / 1000.0,
                n(Math.round(r.recordsPerSecond())));
        printRules("Rejets par règle", r.rejectedByRule(), out);
        printRules("Avertissements par règle", r.warningsByRule(), out);
        printSkipped(r.skipped(), out);
    }

    /** The files of the folders that were not read: counted by reason, a few named (all in the JSON report). */
    private static void printSkipped(List<ImportReport.SkippedFile> skipped, PrintStream out) {
        if (skipped.isEmpty()) return;
        out.printf("%nFichiers des dossiers non lus : %s%n", n(skipped.size()));
        Map<String, List<String>> byReason = new TreeMap<>();
        for (ImportReport.SkippedFile f : skipped) {
            byReason.computeIfAbsent(f.reason(), k -> new ArrayList<>()).add(Path.of(f.file()).getFileName().toString());
        }
        byReason.forEach((reason, names) -> out.printf("  %s (%s) : %s%s%n", reason, n(names.size()),
                String.join(", ", names.subList(0, Math.min(5, names.size()))), names.size() > 5 ? ", …" : ""));
    }

    private static void printRules(String title, Map<String, Long> byRule, PrintStream out) {
        if (byRule.isEmpty()) return;
        out.printf("%n%s :%n", title);
        byRule.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.printf("  %-36s %9s%n", e.getKey(), n(e.getValue())));
    }

    static void printQuality(QualityReport q, PrintStream out) {
        out.println("Qualité par acheteur");
        out.printf("%-15s %-34s %8s %16s %8s %7s %7s %7s  %s%n", "Acheteur", "Nom", "marchés", "montant", "avert.",
                "rejets", "ss CPV", "aberr.", "règles les plus fréquentes");
        for (QualityReport.BuyerQuality b : q.buyers()) {
            String name = b.name() == null ? "" : b.name();
            if (name.length() > 34) name = name.substring(0, 33) + "…";
            out.printf("%-15s %-34s %8s %16s %8s %7s %7s %7s  %s%n", b.buyerId(), name, n(b.contracts()),
                    euros(b.currentAmount()), n(b.contractsWithWarning()), n(b.rejected()), n(b.missingCpv()),
                    n(b.suspectAmounts()), b.topRules());
        }
        out.println();
        out.println("Qualité par source");
        out.printf("%-48s %-15s %9s %9s %9s %9s %9s%n", "Fichier", "format", "lus", "chargés", "doublons", "rejetés", "avert.");
        for (QualityReport.SourceQuality s : q.sources()) {
            String name = s.fileName().length() > 48 ? "…" + s.fileName().substring(s.fileName().length() - 47) : s.fileName();
            out.printf("%-48s %-15s %9s %9s %9s %9s %9s%n", name, s.format(), n(s.read()), n(s.loaded()),
                    n(s.duplicates()), n(s.rejected()), n(s.warnings()));
        }
        out.println();
        out.println("Constats par règle");
        for (QualityReport.RuleCount rc : q.rules()) {
            out.printf("  %-36s %-8s %9s constats %9s rejets%n", rc.rule(), rc.severity(), n(rc.findings()), n(rc.rejects()));
        }
    }
}
