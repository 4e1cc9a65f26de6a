package fr.achatlas.importer;

import fr.achatlas.model.LineIssue;
import fr.achatlas.model.Severity;
import fr.achatlas.spending.LineMapper;
import fr.achatlas.spending.MappingProfile;
import fr.achatlas.spending.SpendingReader;
import fr.achatlas.store.Database;
import fr.achatlas.store.SpendingBatchWriter;
import fr.achatlas.store.SpendingChunk;

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
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

/**
 * Imports spending exports (CSV, XLSX): read → map through a profile → spool → load, one transaction per file.
 * One thread cuts the file into batches of records; a pool of mappers (one per core) parses and maps them, each
 * rendering its lines for the store; the calling thread hands the results to the writer in file order.
 */
public final class SpendingImporter {

    /** How many threads map lines: {@code -Dachatlas.spending.threads}, else one per core. */
    static final int MAPPERS = Integer.getInteger("achatlas.spending.threads", Runtime.getRuntime().availableProcessors());

    /** The outcome of one file; {@code read = loaded + duplicates + rejected}. */
    public record Report(String file, String format, String profile, String sha256, int batchId, long read, long loaded,
                         long duplicates, long rejected, long warnings, long suspectLines, List<String> x100Evidence,
                         Map<String, Long> rejectedByRule, List<SpendingReader.PreambleRow> aboveHeader, long millis) {
        public double linesPerSecond() {
            return millis == 0 ? 0 : read * 1000.0 / millis;
        }

        /** The same report naming the file by its name only: an upload's folder on the server is nobody's business. */
        public Report named() {
            return new Report(Path.of(file).getFileName().toString(), format, profile, sha256, batchId, read, loaded, duplicates,
                    rejected, warnings, suspectLines, x100Evidence, rejectedByRule, aboveHeader, millis);
        }
    }

    private final Database db;
    private final MappingProfile profile;
    private final Integer amountDivisor;
    private int memoryKeys = SpendingBatchWriter.MEMORY_KEYS;

    /** @param profile null to detect a bundled profile per file; @param amountDivisor null to keep the profile's */
    public SpendingImporter(Database db, MappingProfile profile, Integer amountDivisor) {
        this.db = db;
        this.profile = profile;
        this.amountDivisor = amountDivisor;
    }

    /** Beyond this many lines in a file, repeated contents are ranked by the store instead of in memory. */
    public SpendingImporter memoryKeys(int lines) {
        this.memoryKeys = lines;
        return this;
    }

    /** What happens to each file of an import run, told as it happens. */
    public interface Listener {
        void imported(Report report);

        /** The file could not be read as a spending export: nothing of it was written. */
        void failed(Path file, String reason);

        /** A file found in a folder that is not read as a spending export, and why. */
        void skipped(Path file, String reason);
    }

    /** Spending files (*.csv, *.txt, *.tsv, *.xlsx) under the given paths, in name order. */
    public static List<Path> expand(List<Path> paths) throws IOException {
        return ImportInputs.of(paths, SpendingImporter::skipReason).files();
    }

    /** Why a file of a folder is not read, or null when it is a spending export. */
    public static String skipReason(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.startsWith("~$")) return "fichier de verrou d'Excel (le classeur est ouvert dans Excel)";
        if (n.startsWith(".")) return "fichier caché";
        if (n.endsWith(".csv") || n.endsWith(".txt") || n.endsWith(".tsv") || n.endsWith(".xlsx")) return null;
        if (n.endsWith(".xls")) return "classeur Excel 97-2003, non lu : enregistrez-le en .xlsx ou en CSV";
        if (n.endsWith(".ods")) return "classeur OpenDocument, non lu : enregistrez-le en .xlsx ou en CSV";
        return "pas un export de dépenses lu (.csv, .txt, .tsv, .xlsx)";
    }

    public List<Report> importAll(List<Path> paths) throws IOException, SQLException {
        List<Report> out = new ArrayList<>();
        for (Path f : expand(paths)) out.add(importFile(f));
        return out;
    }

    /**
     * Imports every spending file under the paths, each in its own transaction. A file that cannot be read (no
     * profile fits its header, not a spending export, a damaged workbook) is reported and the run goes on with the
     * others; a failure of the store itself stops the run.
     */
    public void importEach(List<Path> paths, Listener listener) throws IOException, SQLException {
        ImportInputs inputs = ImportInputs.of(paths, SpendingImporter::skipReason);
        for (ImportInputs.Skipped s : inputs.skipped()) listener.skipped(s.file(), s.reason());
        for (Path f : inputs.files()) {
            Report r;
            try {
                r = importFile(f);
            } catch (IOException | RuntimeException e) {
                listener.failed(f, reason(e));
                continue;
            }
            listener.imported(r);
        }
    }

    private static String reason(Throwable e) {
        Throwable t = e instanceof InOrder.StageFailure && e.getCause() != null ? e.getCause() : e;
        return t instanceof IOException && t.getMessage() != null ? t.getMessage()
                : t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " : " + t.getMessage());
    }

    public Report importFile(Path file) throws IOException, SQLException {
        long t0 = System.nanoTime();
        CpuTiming cpu = CpuTiming.now();
        CompletableFuture<String> sha = CompletableFuture.supplyAsync(() -> sha256(file));
        MappingProfile p = profile;
        if (p != null && amountDivisor != null) p = withDivisor(p, amountDivisor);
        try (SpendingReader reader = open(file, p, amountDivisor)) {
            Map<String, Long> rejectedByRule = new TreeMap<>();
            List<LineMapper> mappers = new CopyOnWriteArrayList<>();
            ThreadLocal<LineMapper> mapper = ThreadLocal.withInitial(() -> {
                LineMapper m = reader.mapper();
                mappers.add(m);
                return m;
            });
            SpendingBatchWriter.Counts counts;
            try (SpendingBatchWriter writer = SpendingBatchWriter.begin(db, file.toAbsolutePath().toString(),
                    file.getFileName().toString(), Files.size(file), reader.format() + " / " + reader.profile().name(),
                    memoryKeys)) {
                if (!reader.preamble().isEmpty()) writer.add(aboveHeader(reader.preamble()));
                ThreadLocal<SpendingChunk.Builder> builder = ThreadLocal.withInitial(SpendingChunk.Builder::new);
                InOrder.run("spending", MAPPERS, reader::next, batch -> map(batch, mapper.get(), builder.get()), chunk -> {
                    writer.add(chunk);
                    chunk.rejectedByRule().forEach((rule, n) -> rejectedByRule.merge(rule, n, Long::sum));
                });
                if (CpuTiming.enabled()) {
                    System.err.printf("spending read, map, spool (%d mappers): %.1f s; %s%n", MAPPERS,
                            (System.nanoTime() - t0) / 1e9, cpu.since());
                }
                long amounts = mappers.stream().mapToLong(LineMapper::amountsRead).sum();
                long withDecimals = mappers.stream().mapToLong(LineMapper::amountsWithDecimals).sum();
                counts = writer.commit(join(sha), amounts >= 20 && withDecimals == 0);
            }
            return new Report(file.toString(), reader.format(), reader.profile().name(), join(sha), counts.batchId(),
                    counts.read(), counts.loaded(), counts.duplicates(), counts.rejected(), counts.warnings(),
                    counts.suspectLines(), counts.x100Evidence(), rejectedByRule, reader.preamble(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** The rows above the header as findings, so that the store says what the import skipped and where. */
    private static SpendingChunk aboveHeader(List<SpendingReader.PreambleRow> rows) {
        SpendingChunk.Builder notes = new SpendingChunk.Builder();
        for (SpendingReader.PreambleRow r : rows) {
            notes.note(new LineIssue(r.line(), "SPENDING_ABOVE_HEADER", Severity.INFO, "ligne", r.text(),
                    "Ligne au-dessus de l'en-tête (titre, période, date d'extraction…) : pas une dépense, non lue."));
        }
        return notes.build();
    }

    /** Parses and maps one batch (on a mapper thread). */
    private static SpendingChunk map(SpendingReader.Batch batch, LineMapper mapper, SpendingChunk.Builder out) throws IOException {
        batch.rows((cells, line) -> {
            LineMapper.Result r = mapper.map(cells, line);
            if (r.rejected()) out.reject(r.issues());
            else out.add(r.line(), r.issues());
        });
        return out.build();
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
}
