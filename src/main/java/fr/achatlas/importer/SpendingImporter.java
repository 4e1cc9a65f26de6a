package fr.achatlas.importer;

import fr.achatlas.model.LineIssue;
import fr.achatlas.model.Severity;
import fr.achatlas.spending.MappingProfile;
import fr.achatlas.spending.SpendingReader;
import fr.achatlas.store.Database;
import fr.achatlas.store.SpendingBatchWriter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Imports spending exports (CSV, XLSX): read → map through a profile → stage → merge, one transaction per file.
 * As for DECP, a reader thread parses and maps while the calling thread appends, through a small bounded queue.
 */
public final class SpendingImporter {

    private static final int CHUNK = 4_096;
    private static final List<SpendingReader.Result> END = List.of();

    /** The outcome of one file; {@code read = loaded + duplicates + rejected}. */
    public record Report(String file, String format, String profile, String sha256, int batchId, long read, long loaded,
                         long duplicates, long rejected, long warnings, long suspectLines, List<String> x100Evidence,
                         Map<String, Long> rejectedByRule, long millis) {
        public double linesPerSecond() {
            return millis == 0 ? 0 : read * 1000.0 / millis;
        }
    }

    private final Database db;
    private final MappingProfile profile;
    private final Integer amountDivisor;

    /** @param profile null to detect a bundled profile per file; @param amountDivisor null to keep the profile's */
    public SpendingImporter(Database db, MappingProfile profile, Integer amountDivisor) {
        this.db = db;
        this.profile = profile;
        this.amountDivisor = amountDivisor;
    }

    /** Spending files (*.csv, *.txt, *.tsv, *.xlsx) under the given paths, in name order. */
    public static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(f -> {
                        String n = f.getFileName().toString().toLowerCase();
                        return n.endsWith(".csv") || n.endsWith(".txt") || n.endsWith(".tsv") || n.endsWith(".xlsx");
                    }).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    public List<Report> importAll(List<Path> paths) throws IOException, SQLException {
        List<Report> out = new ArrayList<>();
        for (Path f : expand(paths)) out.add(importFile(f));
        return out;
    }

    public Report importFile(Path file) throws IOException, SQLException {
        long t0 = System.nanoTime();
        CompletableFuture<String> sha = CompletableFuture.supplyAsync(() -> sha256(file));
        MappingProfile p = profile;
        if (p != null && amountDivisor != null) p = withDivisor(p, amountDivisor);
        try (SpendingReader reader = open(file, p, amountDivisor)) {
            Map<String, Long> rejectedByRule = new TreeMap<>();
            SpendingBatchWriter.Counts counts;
            try (SpendingBatchWriter writer = SpendingBatchWriter.begin(db, file.toAbsolutePath().toString(),
                    file.getFileName().toString(), Files.size(file), reader.format() + " / " + reader.profile().name())) {
                BlockingQueue<List<SpendingReader.Result>> queue = new ArrayBlockingQueue<>(8);
                Reading task = new Reading(reader, queue);
                Thread thread = Thread.ofPlatform().name("spending-reader").daemon().start(task);
                try {
                    while (true) {
                        List<SpendingReader.Result> chunk = queue.poll(1, TimeUnit.SECONDS);
                        if (chunk == null) {
                            if (!thread.isAlive() && queue.isEmpty()) break;
                            continue;
                        }
                        if (chunk == END) break;
                        for (SpendingReader.Result r : chunk) {
                            if (r.rejected()) {
                                writer.reject(r.issues());
                                for (LineIssue i : r.issues()) {
                                    if (i.severity() == Severity.FATAL) rejectedByRule.merge(i.rule(), 1L, Long::sum);
                                }
                            } else {
                                writer.add(r.line(), r.issues());
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("Import interrompu", e);
                } finally {
                    task.stopped = true;
                }
                if (task.failure != null) throw task.failure;
                boolean noDecimals = reader.amountsRead() >= 20 && reader.amountsWithDecimals() == 0;
                counts = writer.commit(join(sha), noDecimals);
            }
            return new Report(file.toString(), reader.format(), reader.profile().name(), join(sha), counts.batchId(),
                    counts.read(), counts.loaded(), counts.duplicates(), counts.rejected(), counts.warnings(),
                    counts.suspectLines(), counts.x100Evidence(), rejectedByRule, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static SpendingReader open(Path file, MappingProfile p, Integer divisor) throws IOException {
        if (p != null || divisor == null) return SpendingReader.open(file, p);
        // detected profile, explicit divisor: detect first, then reopen with the divisor applied
        MappingProfile detected;
        try (SpendingReader probe = SpendingReader.open(file, null)) {
            detected = probe.profile();
        }
        return SpendingReader.open(file, withDivisor(detected, divisor));
    }

    private static MappingProfile withDivisor(MappingProfile p, int divisor) {
        return new MappingProfile(p.name(), p.description(), p.encoding(), p.separator(), p.decimal(), p.buyer(), divisor,
                p.dateFallbackYear(), p.columns());
    }

    private static String join(CompletableFuture<String> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (ExecutionException e) {
            throw new IOException("Empreinte du fichier impossible : " + e.getCause(), e.getCause());
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Reading implements Runnable {
        private final SpendingReader reader;
        private final BlockingQueue<List<SpendingReader.Result>> queue;
        volatile boolean stopped;
        volatile IOException failure;

        Reading(SpendingReader reader, BlockingQueue<List<SpendingReader.Result>> queue) {
            this.reader = reader;
            this.queue = queue;
        }

        @Override
        public void run() {
            List<SpendingReader.Result> chunk = new ArrayList<>(CHUNK);
            try {
                SpendingReader.Result r;
                while (!stopped && (r = reader.next()) != null) {
                    chunk.add(r);
                    if (chunk.size() == CHUNK) {
                        put(chunk);
                        chunk = new ArrayList<>(CHUNK);
                    }
                }
                if (!chunk.isEmpty()) put(chunk);
            } catch (IOException e) {
                failure = e;
            } catch (RuntimeException e) {
                failure = new IOException("Erreur interne pendant la lecture : " + e, e);
            } finally {
                if (!stopped) put(END);
            }
        }

        private void put(List<SpendingReader.Result> chunk) {
            try {
                while (!stopped && !queue.offer(chunk, 200, TimeUnit.MILLISECONDS)) {
                    // the writer is busy
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
