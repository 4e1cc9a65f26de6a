package fr.achatlas.bench;

import fr.achatlas.generate.NationalGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.File;
import java.io.IOException;
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
import java.util.concurrent.TimeUnit;

/**
 * The import benchmark: the national-scale generated DECP v2 file imported end to end (parse, check, normalise,
 * deduplicate, store) in a child JVM whose heap is capped, side by side with DuckDB's own read_json of the same file
 * and with jq counting its records (the bare-parse floor).
 */
public final class ImportBenchmark {

    public record Result(String tool, String what, double seconds, Double recordsPerSecond, String memory, String outcome) {
    }

    private final Path dir;
    private final long records;
    private final String heap;
    private final PrintStream out;

    public ImportBenchmark(Path dir, long records, String heap, PrintStream out) {
        this.dir = dir;
        this.records = records;
        this.heap = heap;
        this.out = out;
    }

    public List<Result> run(boolean withDuckDb, boolean withJq) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve("decp-national-" + records + ".json");
        if (!Files.exists(file)) {
            out.printf("Génération de %,d enregistrements dans %s…%n", records, file);
            long t = System.nanoTime();
            new NationalGenerator().write(file, 42L, records);
            out.printf("  généré en %.1f s (%,d octets)%n", (System.nanoTime() - t) / 1e9, Files.size(file));
        }
        List<Result> results = new ArrayList<>();
        results.add(achatlas(file));
        if (withJq) results.add(jq(file));
        if (withDuckDb) results.add(duckdb(file));
        return results;
    }

    private Result achatlas(Path file) throws Exception {
        Path db = dir.resolve("bench.duckdb");
        Files.deleteIfExists(db);
        Files.deleteIfExists(dir.resolve("bench.duckdb.wal"));
        Path report = dir.resolve("import-report.json");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>();
        boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
        Path times = dir.resolve("import.time");
        if (timed) cmd.addAll(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%e %U %S %M"));
        cmd.addAll(List.of(java, "-Xmx" + heap, "--enable-native-access=ALL-UNNAMED"));
        // From the executable jar (./achatlas), run it again; from a class path (tests, IDE), run the main class.
        String cp = System.getProperty("java.class.path");
        if (cp.endsWith(".jar") && !cp.contains(File.pathSeparator)) cmd.addAll(List.of("-jar", cp));
        else cmd.addAll(List.of("-cp", cp, "fr.achatlas.cli.Achatlas"));
        cmd.addAll(List.of("--db", db.toString(), "import", "--no-progress", "--no-classify", "--report", report.toString(), file.toString()));
        out.printf("Import Achatlas (tas limité à %s)…%n", heap);
        long t = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("import.log").toFile()).start();
        int code = p.waitFor();
        double s = (System.nanoTime() - t) / 1e9;
        if (code != 0) return new Result("Achatlas import", "échec", s, null, "-Xmx" + heap, "code " + code + ", voir " + dir.resolve("import.log"));
        JsonNode r = JsonMapper.builder().build().readTree(report.toFile());
        long read = r.get("read").asLong();
        double importSeconds = r.get("millis").asLong() / 1000.0;
        String outcome = String.format("read %,d = loaded %,d + duplicates %,d + rejected %,d ; processus complet %.1f s",
                read, r.get("loaded").asLong(), r.get("duplicates").asLong(), r.get("rejected").asLong(), s);
        String memory = "tas ≤ " + heap;
        if (timed && Files.exists(times)) {
            String[] tm = Files.readString(times).strip().lines().reduce((a, b) -> b).orElse("").split(" ");
            if (tm.length == 4) {
                outcome += String.format(" ; CPU %.1f s (user %s + sys %s)", Double.parseDouble(tm[1]) + Double.parseDouble(tm[2]), tm[1], tm[2]);
                memory += String.format(", RSS max %,d Mo (DuckDB compris)", Long.parseLong(tm[3]) / 1024);
            }
        }
        return new Result("Achatlas import", "parse, contrôle, normalisation, dédoublonnage, stockage DuckDB",
                importSeconds, read / importSeconds, memory, outcome);
    }

    private Result jq(Path file) throws Exception {
        out.println("jq (comptage des enregistrements)…");
        List<String> cmd = new ArrayList<>();
        boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
        if (timed) cmd.addAll(List.of("/usr/bin/time", "-f", "%M"));
        cmd.addAll(List.of("jq", "(.marches.marche | length) + (.marches[\"contrat-concession\"] // [] | length)", file.toString()));
        long t = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            return new Result("jq", "comptage", 0, null, "", "jq absent : " + e.getMessage());
        }
        String stdout = new String(p.getInputStream().readAllBytes()).strip();
        String stderr = new String(p.getErrorStream().readAllBytes()).strip();
        p.waitFor(30, TimeUnit.MINUTES);
        double s = (System.nanoTime() - t) / 1e9;
        String mem = timed && !stderr.isEmpty() ? String.format("RSS max %,d Mo", Long.parseLong(stderr.lines().reduce((a, b) -> b).orElse("0").strip()) / 1024) : "";
        Double rps = stdout.matches("\\d+") ? Long.parseLong(stdout) / s : null;
        return new Result("jq 1.x", "lecture + comptage seulement", s, rps, mem, stdout.matches("\\d+") ? stdout + " enregistrements" : stderr);
    }

    private Result duckdb(Path file) throws Exception {
        out.println("DuckDB read_json du même fichier…");
        Properties props = new Properties();
        props.setProperty("autoinstall_known_extensions", "false");
        long t = System.nanoTime();
        String memLimit = "16GB";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:", props); Statement st = c.createStatement()) {
            st.execute("SET memory_limit = '" + memLimit + "'");
            st.execute("SET temp_directory = '" + dir.resolve("duckdb-tmp").toString().replace("'", "''") + "'");
            long size = Files.size(file);
            try (ResultSet rs = st.executeQuery("SELECT len(marches.marche) + coalesce(len(marches.\"contrat-concession\"), 0) FROM read_json('"
                    + file.toString().replace("'", "''") + "', maximum_object_size = " + (size + 1024) + ")")) {
                rs.next();
                long n = rs.getLong(1);
                double s = (System.nanoTime() - t) / 1e9;
                return new Result("DuckDB read_json", "lecture de l'objet enveloppe + comptage (sans contrôle ni stockage)", s,
                        n / s, "memory_limit " + memLimit, String.format("%,d enregistrements", n));
            }
        } catch (Exception e) {
            double s = (System.nanoTime() - t) / 1e9;
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            return new Result("DuckDB read_json", "lecture de l'objet enveloppe", s, null, "memory_limit " + memLimit, "échec : " + msg);
        }
    }

    /** A Markdown section for docs/benchmarks.md, with the machine and the command that produced it. */
    public String markdown(List<Result> results, String command) {
        StringBuilder b = new StringBuilder();
        var os = ManagementFactory.getOperatingSystemMXBean();
        b.append("### Import DECP, ").append(String.format("%,d", records)).append(" enregistrements — ").append(LocalDate.now()).append("\n\n");
        b.append("Machine : ").append(os.getAvailableProcessors()).append(" cœurs, ")
                .append(String.format("%.0f Gio", totalMemoryGiB())).append(" de mémoire, Java ").append(Runtime.version().feature())
                .append(". Commande : `").append(command).append("`.\n\n");
        b.append("| Outil | Travail | Durée (s) | Enregistrements/s | Mémoire | Résultat |\n|---|---|---:|---:|---|---|\n");
        for (Result r : results) {
            b.append("| ").append(r.tool()).append(" | ").append(r.what()).append(" | ").append(String.format("%.1f", r.seconds()))
                    .append(" | ").append(r.recordsPerSecond() == null ? "—" : String.format("%,.0f", r.recordsPerSecond()))
                    .append(" | ").append(r.memory()).append(" | ").append(r.outcome()).append(" |\n");
        }
        return b.toString();
    }

    private static double totalMemoryGiB() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (1024.0 * 1024 * 1024);
        }
        return 0;
    }
}
