package fr.achatlas.bench;

import fr.achatlas.generate.BenchFiles;

import java.io.File;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spending import (CSV, or the same lines as XLSX) and SIRENE stock benchmarks: a generated file of N lines imported by
 * Achatlas in a child JVM with a capped heap, side by side with DuckDB's read_csv of the same file (loaded as text: no
 * French numbers, no checks).
 */
public final class ReferentialBenchmark {

    /** SPENDING_XLSX: the same lines as SPENDING in a spreadsheet (DuckDB has no XLSX reader built in: no comparison). */
    public enum Kind { SPENDING, SPENDING_XLSX, SIRENE }

    public record Result(String tool, String what, double seconds, Double linesPerSecond, String memory, String outcome) {
    }

    private final Kind kind;
    private final Path dir;
    private final long lines;
    private final String heap;
    private final PrintStream out;

    public ReferentialBenchmark(Kind kind, Path dir, long lines, String heap, PrintStream out) {
        this.kind = kind;
        this.dir = dir;
        this.lines = lines;
        this.heap = heap;
        this.out = out;
    }

    public List<Result> run(boolean withDuckDb) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve(switch (kind) {
            case SPENDING -> "depenses-" + lines + ".csv";
            case SPENDING_XLSX -> "depenses-" + lines + ".xlsx";
            case SIRENE -> "StockEtablissement-" + lines + ".csv";
        });
        if (!Files.exists(file)) {
            out.printf("Génération de %,d lignes dans %s…%n", lines, file);
            long t = System.nanoTime();
            long size = switch (kind) {
                case SPENDING -> BenchFiles.spending(file, lines, 42);
                case SPENDING_XLSX -> BenchFiles.spendingXlsx(file, lines, 42);
                case SIRENE -> BenchFiles.sireneEstablishments(file, lines, 42);
            };
            out.printf("  généré en %.1f s (%,d octets)%n", (System.nanoTime() - t) / 1e9, size);
        }
        List<Result> results = new ArrayList<>();
        results.add(achatlas(file));
        if (withDuckDb && kind != Kind.SPENDING_XLSX) results.add(duckdb(file));
        return results;
    }

    private Result achatlas(Path file) throws Exception {
        Path db = dir.resolve("bench-" + kind.name().toLowerCase() + ".duckdb");
        Files.deleteIfExists(db);
        Files.deleteIfExists(Path.of(db + ".wal"));
        String java = ProcessHandle.current().info().command().orElse("java");
        // launched by ./achatlas (java -jar): the class path is the executable jar itself
        String cp = System.getProperty("java.class.path");
        String jar = cp.endsWith(".jar") && !cp.contains(File.pathSeparator) ? cp : "";
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx" + heap, "-XX:+UseParallelGC"));
        if (jar.endsWith(".jar")) cmd.addAll(List.of("-jar", jar));
        else cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "fr.achatlas.cli.Achatlas"));
        cmd.addAll(List.of("--db", db.toString()));
        if (kind != Kind.SIRENE) cmd.addAll(List.of("spending", "import", "--no-link", "--no-classify", "--profile", "mandats-cp1252", file.toString()));
        else cmd.addAll(List.of("suppliers", "sirene", "--departements", "35", file.toString()));
        out.printf("Achatlas (tas limité à %s) : %s…%n", heap, String.join(" ", cmd.subList(cmd.indexOf("--db"), cmd.size())));
        Path log = dir.resolve(kind.name().toLowerCase() + ".log");
        long t = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int code = p.waitFor();
        double s = (System.nanoTime() - t) / 1e9;
        String text = Files.readString(log);
        if (code != 0 && code != 2) return new Result("Achatlas", "échec", s, null, "-Xmx" + heap, "code " + code + ", voir " + log);
        if (kind != Kind.SIRENE) {
            Matcher m = Pattern.compile("lues ([\\d\\u00A0\\u202F ]+) = chargées ([\\d\\u00A0\\u202F ]+) \\+ doublons ([\\d\\u00A0\\u202F ]+) \\+ rejetées ([\\d\\u00A0\\u202F ]+)").matcher(text);
            String outcome = m.find() ? "lues " + m.group(1) + " = chargées " + m.group(2) + " + doublons " + m.group(3) + " + rejetées " + m.group(4)
                    : text.lines().findFirst().orElse("");
            return new Result("Achatlas spending import" + (kind == Kind.SPENDING_XLSX ? " (XLSX)" : ""),
                    "détection, profil, nombres français, dédoublonnage, stockage DuckDB (1 transaction)",
                    s, lines / s, "tas ≤ " + heap, outcome + " ; JVM comprise");
        }
        Matcher m = Pattern.compile("([\\d\\s\\u00A0\\u202F]+) lignes lues, ([\\d\\s\\u00A0\\u202F]+) gardées").matcher(text);
        String outcome = m.find() ? m.group(1) + " lues, " + m.group(2) + " gardées (département 35)" : text.lines().findFirst().orElse("");
        return new Result("Achatlas suppliers sirene", "lecture en flux, filtre SIREN/département, stockage des lignes gardées",
                s, lines / s, "tas ≤ " + heap, outcome + " ; JVM comprise");
    }

    private Result duckdb(Path file) throws Exception {
        out.println("DuckDB read_csv du même fichier…");
        Properties props = new Properties();
        props.setProperty("autoinstall_known_extensions", "false");
        long t = System.nanoTime();
        String f = file.toString().replace("'", "''");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("duckdb-readcsv.duckdb"), props);
             Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS t");
            String sql = kind == Kind.SPENDING
                    ? "CREATE TABLE t AS SELECT * FROM read_csv('" + f + "', delim = ';', header = true, all_varchar = true)"
                    : "CREATE TABLE t AS SELECT * FROM read_csv('" + f + "', delim = ',', quote = '\"', header = true, "
                    + "all_varchar = true) WHERE codeCommuneEtablissement LIKE '35%'";
            st.execute(sql);
            double s = (System.nanoTime() - t) / 1e9;
            long n;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
                rs.next();
                n = rs.getLong(1);
            }
            return new Result("DuckDB read_csv", kind == Kind.SPENDING ? "chargement en texte (sans conversion ni contrôle)"
                    : "lecture + filtre département 35, chargement en texte", s, lines / s, "défaut (80 % RAM)",
                    String.format("%,d lignes en table", n));
        } catch (Exception e) {
            return new Result("DuckDB read_csv", "échec", (System.nanoTime() - t) / 1e9, null, "", e.getMessage());
        }
    }

    public String markdown(List<Result> results, String command) {
        StringBuilder b = new StringBuilder();
        var os = ManagementFactory.getOperatingSystemMXBean();
        b.append("### ").append(switch (kind) {
            case SPENDING -> "Import de dépenses";
            case SPENDING_XLSX -> "Import de dépenses XLSX";
            case SIRENE -> "Stock SIRENE (établissements)";
        }).append(", ")
                .append(String.format("%,d", lines)).append(" lignes — ").append(LocalDate.now()).append("\n\n");
        b.append("Machine : ").append(os.getAvailableProcessors()).append(" cœurs, ").append(os.getName()).append(' ')
                .append(os.getArch()).append(", Java ").append(Runtime.version()).append(". Commande : `").append(command).append("`\n\n");
        b.append("| outil | ce qui est fait | secondes | lignes/s | mémoire | résultat |\n|---|---|---:|---:|---|---|\n");
        for (Result r : results) {
            b.append("| ").append(r.tool()).append(" | ").append(r.what()).append(" | ").append(String.format("%.1f", r.seconds()))
                    .append(" | ").append(r.linesPerSecond() == null ? "—" : String.format("%,.0f", r.linesPerSecond()))
                    .append(" | ").append(r.memory()).append(" | ").append(r.outcome()).append(" |\n");
        }
        if (kind == Kind.SPENDING_XLSX) {
            b.append("\nDuckDB n'a pas de lecteur XLSX intégré (extension `excel` non fournie hors ligne) : la comparaison est le banc "
                    + "CSV des mêmes lignes (`bench spending`).\n");
        }
        return b.toString();
    }
}
