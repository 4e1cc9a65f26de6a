package fr.achatlas.importer;

import fr.achatlas.dedup.DedupKey;
import fr.achatlas.model.Contract;
import fr.achatlas.model.Finding;
import fr.achatlas.model.ParsedRecord;
import fr.achatlas.model.Rule;
import fr.achatlas.model.Severity;
import fr.achatlas.parse.DecpReader;
import fr.achatlas.parse.DecpReaders;
import fr.achatlas.store.BatchCounts;
import fr.achatlas.store.ContractBatchWriter;
import fr.achatlas.store.Database;
import fr.achatlas.store.StagedRecord;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Imports DECP files: parse → check → key → stage → merge, one transaction per file.
 *
 * <p>Two threads share the work, which suits the 2-core target machine: a reader thread parses and maps the records
 * (the heaviest step); the calling thread checks, keys and appends them to the store (measured to balance the two).
 * They exchange chunks through a small bounded queue, so memory stays flat whatever the file size.
 */
public final class DecpImporter {

    private static final int CHUNK = 2_000;
    private static final List<ParsedRecord> END = List.of();

    private final Database db;
    private final Function<Contract, List<Finding>> checks;
    private final ProgressListener progress;

    /** Receives the number of bytes read so far of the current file, and the start of each file. */
    public interface ProgressListener {
        ProgressListener NONE = new ProgressListener() {
        };

        default void fileStarted(Path file, long size) {
        }

        default void bytesRead(long bytesSoFar) {
        }
    }

    public DecpImporter(Database db, Function<Contract, List<Finding>> checks, ProgressListener progress) {
        this.db = db;
        this.checks = checks;
        this.progress = progress;
    }

    /** Imports the given files and the DECP files (*.json, *.xml) found under the given directories, in name order. */
    public ImportReport importAll(List<Path> paths) throws IOException, SQLException {
        long start = System.nanoTime();
        List<FileReport> reports = new ArrayList<>();
        for (Path file : expand(paths)) reports.add(importFile(file));
        return ImportReport.of(reports, (System.nanoTime() - start) / 1_000_000);
    }

    public static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(DecpImporter::looksLikeDecp).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    private static boolean looksLikeDecp(Path p) {
        String n = p.getFileName().toString().toLowerCase();
        return (n.endsWith(".json") || n.endsWith(".xml")) && !n.equals("territory.json") && !n.equals("suppliers.json")
                && !n.equals("generation-summary.json");
    }

    public FileReport importFile(Path file) throws IOException, SQLException {
        long t0 = System.nanoTime();
        long size = Files.size(file);
        progress.fileStarted(file, size);
        Tally tally = new Tally();
        try (InputStream raw = Files.newInputStream(file);
             MeteredInputStream metered = new MeteredInputStream(raw);
             DecpReader reader = DecpReaders.open(new BufferedInputStream(metered, 1 << 16), file.getFileName().toString(), null);
             ContractBatchWriter writer = ContractBatchWriter.begin(db, file.toAbsolutePath().toString(),
                     file.getFileName().toString(), size, formatName(reader))) {
            BlockingQueue<List<ParsedRecord>> queue = new ArrayBlockingQueue<>(8);
            ReaderTask task = new ReaderTask(reader, queue, metered);
            Thread thread = Thread.ofPlatform().name("decp-reader").daemon().start(task);
            try {
                while (true) {
                    List<ParsedRecord> chunk = queue.poll(1, TimeUnit.SECONDS);
                    if (chunk == null) {
                        if (!thread.isAlive() && queue.isEmpty()) break;
                        continue;
                    }
                    if (chunk == END) break;
                    for (ParsedRecord r : chunk) writer.add(stage(r, tally));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Import interrompu", e);
            } finally {
                task.stop();
            }
            if (task.failure != null) throw task.failure;
            if (System.getenv("ACHATLAS_TIMING") != null) {
                System.err.printf("[timing] %-16s %6.2f s%n", "read + stage", (System.nanoTime() - t0) / 1e9);
            }
            String sha = metered.finishSha256();
            progress.bytesRead(size);
            BatchCounts counts = writer.commit(sha, tally.warnings);
            return new FileReport(file.toString(), formatName(reader), sha, counts.batchId(), counts.read(),
                    counts.loaded(), counts.duplicates(), counts.rejected(), counts.newModifications(), counts.sameContentAs(),
                    tally.rejectedByRule, tally.warningsByRule, (System.nanoTime() - t0) / 1_000_000, null);
        }
    }

    /** An unrecognised file still gets a batch: its single rejected record says "format non reconnu". */
    private static String formatName(DecpReader reader) {
        return reader.format() == null ? "UNKNOWN" : reader.format().name();
    }

    private StagedRecord stage(ParsedRecord p, Tally tally) {
        List<Finding> findings = new ArrayList<>(p.findings());
        Contract c = p.contract();
        long key = 0;
        if (c != null) {
            findings.addAll(checks.apply(c));
            key = DedupKey.of(c);
        }
        StagedRecord r = new StagedRecord(p.provenance(), c, key, findings);
        if (r.rejected()) {
            boolean any = false;
            for (Finding f : findings) {
                if (f.severity() == Severity.FATAL) {
                    tally.rejectedByRule.merge(f.rule(), 1L, Long::sum);
                    any = true;
                }
            }
            if (!any) tally.rejectedByRule.merge(Rule.NOT_A_CONTRACT.name(), 1L, Long::sum);
        } else {
            for (Finding f : findings) {
                if (f.severity() == Severity.WARNING) {
                    tally.warningsByRule.merge(f.rule(), 1L, Long::sum);
                    tally.warnings++;
                }
            }
        }
        return r;
    }

    /** Counts of the records staged in one file. */
    private static final class Tally {
        final Map<String, Long> rejectedByRule = new TreeMap<>();
        final Map<String, Long> warningsByRule = new TreeMap<>();
        long warnings;
    }

    private final class ReaderTask implements Runnable {
        private final DecpReader reader;
        private final BlockingQueue<List<ParsedRecord>> queue;
        private final MeteredInputStream metered;
        private volatile boolean stopped;
        private volatile IOException failure;

        ReaderTask(DecpReader reader, BlockingQueue<List<ParsedRecord>> queue, MeteredInputStream metered) {
            this.reader = reader;
            this.queue = queue;
            this.metered = metered;
        }

        void stop() {
            stopped = true;
        }

        @Override
        public void run() {
            List<ParsedRecord> chunk = new ArrayList<>(CHUNK);
            try {
                ParsedRecord p;
                while (!stopped && (p = reader.next()) != null) {
                    chunk.add(p);
                    if (chunk.size() == CHUNK) {
                        put(chunk);
                        chunk = new ArrayList<>(CHUNK);
                        progress.bytesRead(metered.bytesRead());
                    }
                }
                if (!chunk.isEmpty()) put(chunk);
            } catch (IOException e) {
                failure = e;
            } catch (RuntimeException e) {
                failure = new IOException("Erreur interne pendant la lecture : " + e, e);
            } finally {
                try {
                    if (!stopped) put(END);
                } catch (RuntimeException ignored) {
                    // interrupted while stopping: the caller is already gone
                }
            }
        }

        private void put(List<ParsedRecord> chunk) {
            try {
                while (!stopped && !queue.offer(chunk, 200, TimeUnit.MILLISECONDS)) {
                    // the writer is busy: wait
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

    }
}
