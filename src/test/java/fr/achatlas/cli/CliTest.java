package fr.achatlas.cli;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The `achatlas` command as a user runs it: import with a JSON report, quality, exports in every format, help. */
class CliTest {

    @TempDir
    static Path dir;
    static Path db;

    static int run(String... args) {
        return Achatlas.commandLine().execute(args);
    }

    static String out(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertThat(run(args)).as(String.join(" ", args)).isZero();
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @BeforeAll
    static void importTheGeneratedTerritory() {
        db = dir.resolve("cli.duckdb");
        assertThat(run("generate", "--out", dir.resolve("territory").toString(), "--seed", "7")).isZero();
        assertThat(run("--db", db.toString(), "territory", dir.resolve("territory/territory.json").toString())).isZero();
        assertThat(run("--db", db.toString(), "import", "--no-progress", "--report", dir.resolve("report.json").toString(),
                dir.resolve("territory").toString())).isZero();
    }

    @Test
    void importReportHasTheDocumentedKeysAndCountsAddUp() throws Exception {
        JsonNode r = JsonMapper.builder().build().readTree(dir.resolve("report.json").toFile());
        for (String key : List.of("read", "loaded", "duplicates", "rejected", "rejectedByRule", "warningsByRule", "files")) {
            assertThat(r.has(key)).as(key).isTrue();
        }
        assertThat(r.get("read").asLong()).isEqualTo(r.get("loaded").asLong() + r.get("duplicates").asLong() + r.get("rejected").asLong());
        JsonNode summary = JsonMapper.builder().build().readTree(dir.resolve("territory/generation-summary.json").toFile());
        assertThat(r.get("read").asLong()).isEqualTo(summary.get("publishedRecords").asLong());
        assertThat(r.get("rejected").asLong()).isEqualTo(summary.get("rejectedByDesign").asLong());
        assertThat(r.get("rejectedByRule").properties()).isNotEmpty();
        assertThat(r.get("duplicates").asLong()).isPositive();
        // every file of the folder is either read or listed as not read, with a reason
        long inFolder;
        try (Stream<Path> s = Files.walk(dir.resolve("territory"))) {
            inFolder = s.filter(Files::isRegularFile).count();
        }
        assertThat(r.get("files").size() + r.get("skipped").size()).isEqualTo(inFolder);
        List<String> skippedNames = new ArrayList<>();
        r.get("skipped").forEach(f -> skippedNames.add(Path.of(f.get("file").asString()).getFileName() + " — " + f.get("reason").asString()));
        assertThat(skippedNames).contains("territory.json — description du territoire ou de la génération, pas des DECP")
                .anySatisfy(n -> assertThat(n).startsWith("depenses_").endsWith("pas un fichier DECP (.json ou .xml)"));
    }

    @Test
    void spendingPreviewShowsTheProfileMappingAndFirstLinesWithoutTouchingTheStore() throws Exception {
        Path export;
        try (Stream<Path> s = Files.list(dir.resolve("territory"))) {
            export = s.filter(p -> p.getFileName().toString().startsWith("depenses_")).sorted().findFirst().orElseThrow();
        }
        Path untouched = dir.resolve("never-created.duckdb");
        String text = out("--db", untouched.toString(), "spending", "preview", "--lines", "4", export.toString());
        assertThat(text).contains("profil ").contains("date").contains("← « ").contains("premières lignes (4)");
        assertThat(text.lines().filter(l -> l.startsWith("  ligne "))).hasSize(4);
        JsonNode json = JsonMapper.builder().build().readTree(out("spending", "preview", "--format", "json", "--lines", "2", export.toString()));
        assertThat(json.get("lines")).hasSize(2);
        assertThat(json.get("lines").get(0).get("mapped").get("buyerId").asString()).isNotBlank();
        assertThat(json.get("mappings")).isNotEmpty();
        assertThat(untouched).doesNotExist();
    }

    @Test
    void spendingImportsAreListedWithTheirRejectsAndFindings() throws Exception {
        Path xlsx;
        try (Stream<Path> s = Files.list(dir.resolve("territory"))) {
            xlsx = s.filter(p -> p.getFileName().toString().endsWith(".xlsx")).sorted().findFirst().orElseThrow();
        }
        out("--db", db.toString(), "spending", "import", "--no-link", "--no-classify", xlsx.toString());
        JsonNode batches = JsonMapper.builder().build().readTree(out("--db", db.toString(), "spending", "batches", "--format", "json"));
        JsonNode b = batches.get(0);
        assertThat(b.get("fileName").asString()).isEqualTo(xlsx.getFileName().toString());
        assertThat(b.get("read").asLong()).isEqualTo(b.get("loaded").asLong() + b.get("duplicates").asLong() + b.get("rejected").asLong());
        assertThat(b.get("rejected").asLong()).isEqualTo(1);
        String issues = out("--db", db.toString(), "spending", "issues", b.get("batchId").asString());
        assertThat(issues.lines().filter(l -> l.contains("SPENDING_ABOVE_HEADER"))).hasSize(2);
        assertThat(issues).contains("FATAL").contains("SPENDING_DATE_MISSING");
    }

    @Test
    void csvExportIsExcelFrenchByDefaultAndStandardOnRequest() throws Exception {
        Path fr = dir.resolve("marches.csv");
        Path std = dir.resolve("marches-std.csv");
        out("--db", db.toString(), "export", "contracts", "--out", fr.toString());
        out("--db", db.toString(), "export", "contracts", "--format", "csv", "--csv-standard", "--out", std.toString());

        byte[] bytes = Files.readAllBytes(fr);
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        assertThat(bytes[1]).isEqualTo((byte) 0xBB);
        assertThat(bytes[2]).isEqualTo((byte) 0xBF);
        List<String> lines = Files.readAllLines(fr, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFFIdentifiant acheteur;Acheteur;Identifiant marché;");
        assertThat(lines.get(1)).matches(".*;\\d{2}/\\d{2}/\\d{4};.*").contains(",");
        List<String> stdLines = Files.readAllLines(std, StandardCharsets.UTF_8);
        assertThat(stdLines.get(0)).startsWith("buyer_id,buyer_name,contract_id,");
        assertThat(stdLines.get(1)).matches(".*,\\d{4}-\\d{2}-\\d{2},.*");
        long contracts = contracts();
        assertThat(lines).hasSize((int) contracts + 1);
        assertThat(stdLines.size()).isGreaterThanOrEqualTo((int) contracts + 1); // RFC 4180 allows line breaks in quoted fields
    }

    @Test
    void xlsxParquetAndJsonExportsCarryTheSameRows() throws Exception {
        Path xlsx = dir.resolve("marches.xlsx");
        Path parquet = dir.resolve("marches.parquet");
        Path json = dir.resolve("marches.json");
        out("--db", db.toString(), "export", "contracts", "--format", "xlsx", "--out", xlsx.toString());
        out("--db", db.toString(), "export", "contracts", "--format", "parquet", "--out", parquet.toString());
        out("--db", db.toString(), "export", "contracts", "--format", "json", "--out", json.toString());
        long contracts = contracts();

        try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile())) {
            Sheet sheet = wb.getFirstSheet();
            List<Row> rows;
            try (Stream<Row> s = sheet.openStream()) {
                rows = s.toList();
            }
            assertThat(rows).hasSize((int) contracts + 1);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Identifiant acheteur");
            assertThat(rows.get(1).getCell(12).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*), sum(current_amount) FROM read_parquet('" + parquet + "')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(contracts);
            assertThat(rs.getBigDecimal(2)).isPositive();
        }
        JsonNode array = JsonMapper.builder().build().readTree(json.toFile());
        assertThat(array.size()).isEqualTo((int) contracts);
        assertThat(array.get(0).has("holder_ids")).isTrue();
    }

    @Test
    void qualityReportsPerBuyerAndPerSourceInJson() throws Exception {
        JsonNode q = JsonMapper.builder().build().readTree(out("--db", db.toString(), "quality", "--format", "json"));
        assertThat(q.get("buyers").size()).isGreaterThanOrEqualTo(15);
        assertThat(q.get("sources").size()).isGreaterThanOrEqualTo(20);
        assertThat(q.get("rules").size()).isPositive();
        String table = out("--db", db.toString(), "quality");
        assertThat(table).contains("Qualité par acheteur").contains("Qualité par source").contains("HOLDER_SIRET_INVALID");
    }

    @Test
    void everyCommandHasHelp() {
        List<CommandLine> all = new ArrayList<>();
        collect(Achatlas.commandLine(), all);
        assertThat(all).hasSizeGreaterThan(8);
        for (CommandLine cl : all) {
            if (cl.getCommandName().equals("help")) continue;
            StringWriter sw = new StringWriter();
            cl.setOut(new PrintWriter(sw));
            assertThat(cl.execute("--help")).as(cl.getCommandName()).isZero();
            assertThat(sw.toString()).as(cl.getCommandName()).contains("Usage:").contains("--help");
            assertThat(cl.getCommandSpec().usageMessage().description()).as(cl.getCommandName()).isNotEmpty();
        }
    }

    @Test
    void aMissingFileIsAnErrorNotACrash() {
        assertThat(run("--db", dir.resolve("other.duckdb").toString(), "import", dir.resolve("nope.json").toString())).isEqualTo(1);
    }

    private static void collect(CommandLine cl, List<CommandLine> all) {
        all.add(cl);
        cl.getSubcommands().values().forEach(sub -> collect(sub, all));
    }

    private static long contracts() throws Exception {
        String status = out("--db", db.toString(), "status");
        String n = status.lines().filter(l -> l.contains(" marchés, ")).findFirst().orElseThrow()
                .replaceAll("^([\\d\\s\u00a0\u202f]+) marchés.*$", "$1").replaceAll("\\D", "");
        return Long.parseLong(n);
    }
}
