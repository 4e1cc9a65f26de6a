package fr.achatlas.importer;

import fr.achatlas.generate.NationalGenerator;
import fr.achatlas.store.Database;
import fr.achatlas.store.StoreSnapshot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.achatlas.store.StoreSnapshot.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 in the middle of a large import: the store must be exactly as before, and a re-run must complete.
 * The import runs in a child JVM (the real CLI) so that the kill is a real SIGKILL of the process holding the store.
 */
@Tag("slow")
class KillDuringImportTest {

    private static final long RECORDS = 150_000;

    @TempDir
    Path dir;

    @Test
    void killMinusNineMidImportLeavesTheStoreConsistentAndARerunCompletes() throws Exception {
        Path db = dir.resolve("store.duckdb");
        Path big = dir.resolve("national.json");
        new NationalGenerator().write(big, 11L, RECORDS);

        // a store that already holds something
        assertThat(runCli(db, "import", "--no-progress", "src/test/resources/fixtures/decp/v2-mixed.json").waitFor()).isZero();
        Map<String, List<String>> before;
        long batchesBefore;
        try (Database d = Database.open(db)) {
            before = StoreSnapshot.of(d.connection());
            batchesBefore = count(d.connection(), "SELECT count(*) FROM import_batch");
        }

        Process p = runCli(db, "import", big.toString());
        CountDownLatch midway = new CountDownLatch(1);
        Thread watcher = Thread.ofPlatform().daemon().start(() -> watchProgress(p, midway));
        boolean reached = midway.await(120, TimeUnit.SECONDS);
        assertThat(reached).as("the import reported progress").isTrue();
        assertThat(p.isAlive()).as("still importing when killed").isTrue();
        p.destroyForcibly(); // SIGKILL on Unix
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(137);
        watcher.join(5_000);
        // the killed import's spool is left behind, beside the store…
        Path spool = dir.resolve("store.duckdb.spool");
        assertThat(listing(spool)).isNotEmpty();

        try (Database d = Database.open(db)) {
            assertThat(StoreSnapshot.of(d.connection())).isEqualTo(before);
            assertThat(count(d.connection(), "SELECT count(*) FROM import_batch")).isEqualTo(batchesBefore);
        }
        // …until another process opens the store for writing (below: the re-run)

        Process rerun = runCli(db, "import", "--no-progress", big.toString());
        String output = new String(rerun.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(rerun.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(rerun.exitValue()).as(output).isZero();
        try (Database d = Database.open(db)) {
            assertThat(count(d.connection(), "SELECT records_read FROM import_batch WHERE file_name = 'national.json'")).isEqualTo(RECORDS);
            assertThat(count(d.connection(), """
                    SELECT records_read - loaded - duplicates - rejected FROM import_batch WHERE file_name = 'national.json'""")).isZero();
            assertThat(count(d.connection(), "SELECT count(*) - count(DISTINCT contract_key) FROM contract")).isZero();
            assertThat(count(d.connection(), "SELECT count(*) FROM contract")).isGreaterThan(before.get("contract").size() + RECORDS * 9 / 10);
        }
        assertThat(listing(spool)).isEmpty();
    }

    private static List<Path> listing(Path folder) throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(folder)) return List.of();
        try (var files = java.nio.file.Files.list(folder)) {
            return files.toList();
        }
    }

    /** Reads the child's progress bar (stderr) and releases the latch once a fifth of the file is read. */
    private static void watchProgress(Process p, CountDownLatch midway) {
        Pattern percent = Pattern.compile("(\\d{1,3})%");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            StringBuilder chunk = new StringBuilder();
            int ch;
            while ((ch = r.read()) >= 0) {
                if (ch == '\r' || ch == '\n') {
                    Matcher m = percent.matcher(chunk);
                    while (m.find()) {
                        if (Integer.parseInt(m.group(1)) >= 20 && Integer.parseInt(m.group(1)) < 90) midway.countDown();
                    }
                    chunk.setLength(0);
                } else {
                    chunk.append((char) ch);
                }
            }
        } catch (Exception ignored) {
            // the process was killed
        }
    }

    private static Process runCli(Path db, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        // DuckDB's driver unpacks its 57 MB native library into java.io.tmpdir and deletes it at a normal exit only: the
        // killed child's copy goes into the test's own folder, removed with it, instead of piling up in /tmp.
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=" + db.toAbsolutePath().getParent(), "-cp", System.getProperty("java.class.path"), "fr.achatlas.cli.Achatlas", "--db", db.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).start();
    }
}
