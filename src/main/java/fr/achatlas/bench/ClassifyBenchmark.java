package fr.achatlas.bench;

import fr.achatlas.classify.ClassificationEngine;
import fr.achatlas.classify.ClassificationInput;
import fr.achatlas.classify.Cpv;
import fr.achatlas.classify.SupplierProfiles;
import fr.achatlas.classify.TextTraining;
import fr.achatlas.classify.nomenclature.CpvCrosswalk;
import fr.achatlas.classify.nomenclature.CrosswalkRule;
import fr.achatlas.classify.nomenclature.Family;
import fr.achatlas.classify.nomenclature.Nomenclature;
import fr.achatlas.classify.nomenclature.NomenclatureFiles;
import fr.achatlas.classify.nomenclature.RuleKind;
import fr.achatlas.classify.text.FrenchText;
import fr.achatlas.classify.text.TextModel;
import fr.achatlas.generate.NationalGenerator;
import fr.achatlas.model.Contract;
import fr.achatlas.model.ParsedRecord;
import fr.achatlas.parse.DecpReader;
import fr.achatlas.parse.DecpReaders;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The two classification benchmarks of docs/benchmarks.md.
 *
 * <p><b>Accuracy</b>, on the real DECP files of ../shared/data/decp/real-2019-format: every record whose CPV is a
 * code of the official CPV 2008 list and more specific than its division is labelled with the family its CPV leads to
 * (the crosswalk), and with its CPV division. The split is deterministic: a record is in the test part when the hash
 * of its identity (buyer id + contract id) modulo 5 is 0 (≈ 20 %), so republished copies of one contract never
 * straddle the split. The text classifier is trained on the other 80 % plus the nomenclature's own texts, and
 * predicts from the object text alone. Baselines: the most frequent class of the training part, and the nomenclature
 * keyword rules alone.
 *
 * <p><b>Throughput</b>: inputs are read from a national-scale generated DECP file (generated once), then the timed part
 * trains the text model and classifies every record with the full engine on all cores.
 */
public final class ClassifyBenchmark {

    public record Accuracy(String method, String level, long correct, long total) {
        public double rate() {
            return total == 0 ? 0 : correct / (double) total;
        }
    }

    public record AccuracyReport(long records, long labelled, long train, long test, long divisionOnly, long invalidCpv,
                                 long noText, List<Accuracy> results) {
    }

    public record Throughput(long records, double trainSeconds, double classifySeconds, long textRecords, int threads,
                             long distinctTexts) {
        public double recordsPerSecond() {
            return records / (trainSeconds + classifySeconds);
        }
    }

    private record Sample(String id, String text, String cpv, String family, String division) {
    }

    private final PrintStream out;

    public ClassifyBenchmark(PrintStream out) {
        this.out = out;
    }

    public AccuracyReport accuracy(Path decpDir, Path cpvCsv) throws IOException {
        return accuracy(decpDir, cpvCsv, TextTraining.ALPHA, TextTraining.PRIOR_POWER);
    }

    /** Same, with explicit smoothing and prior strength (used to choose them). */
    public AccuracyReport accuracy(Path decpDir, Path cpvCsv, double alpha, double priorPower) throws IOException {
        Set<String> official = officialCodes(cpvCsv);
        Nomenclature n = NomenclatureFiles.defaults().nomenclature();
        CpvCrosswalk cpv = new CpvCrosswalk(n.rules(RuleKind.CPV));
        List<Sample> samples = new ArrayList<>();
        long records = 0, divisionOnly = 0, invalid = 0, noText = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(decpDir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            try (DecpReader reader = DecpReaders.open(file, "bench")) {
                for (ParsedRecord r = reader.next(); r != null; r = reader.next()) {
                    records++;
                    Contract c = r.contract();
                    if (c == null) continue;
                    String code = c.cpv();
                    if (code == null || !official.contains(code)) {
                        invalid++;
                        continue;
                    }
                    if (Cpv.isDivisionOnly(code)) {
                        divisionOnly++;
                        continue;
                    }
                    if (c.object() == null || FrenchText.terms(c.object()).isEmpty()) {
                        noText++;
                        continue;
                    }
                    CrosswalkRule rule = cpv.match(code, null);
                    String buyer = c.buyer() == null ? "" : c.buyer().id();
                    samples.add(new Sample(buyer + "|" + c.id(), c.object(), code, rule.familyCode(), code.substring(0, 2)));
                }
            }
        }
        List<Sample> train = new ArrayList<>(), test = new ArrayList<>();
        for (Sample s : samples) (inTest(s.id) ? test : train).add(s);
        out.printf("%d enregistrements lus, %d étiquetés (apprentissage %d, test %d)%n", records, samples.size(), train.size(), test.size());

        List<Accuracy> results = new ArrayList<>();
        // Text classifier, family level: nomenclature texts + training records.
        TextModel.Builder fb = TextTraining.builder(n);
        for (Sample s : train) fb.add(s.text, s.family, 1);
        TextModel families = fb.build(alpha, priorPower);
        // Text classifier, division level: same texts, labelled by division.
        List<String> divisions = new ArrayList<>(new java.util.TreeSet<>(fr.achatlas.classify.nomenclature.NomenclatureValidator.CPV_DIVISIONS));
        TextModel.Builder db = TextModel.builder(divisions);
        for (CrosswalkRule r : n.rules(RuleKind.CPV)) if (r.comment() != null) db.add(r.comment(), r.code().substring(0, 2), 1);
        for (Sample s : train) db.add(s.text, s.division, 1);
        TextModel divisionModel = db.build(alpha, priorPower);

        String frequentFamily = mostFrequent(train.stream().map(Sample::family).toList());
        String frequentDivision = mostFrequent(train.stream().map(Sample::division).toList());
        Map<String, String> familyDivision = dominantDivision(train);
        KeywordRules keywords = new KeywordRules(n);
        long[] c = new long[6];
        for (Sample s : test) {
            TextModel.Prediction pf = families.predict(s.text);
            String f = pf == null ? frequentFamily : families.classes().get(pf.best());
            if (f.equals(s.family)) c[0]++;
            TextModel.Prediction pd = divisionModel.predict(s.text);
            String d = pd == null ? frequentDivision : divisionModel.classes().get(pd.best());
            if (d.equals(s.division)) c[1]++;
            if (frequentFamily.equals(s.family)) c[2]++;
            if (frequentDivision.equals(s.division)) c[3]++;
            String k = keywords.classify(s.text);
            String kf = k == null ? frequentFamily : k;
            if (kf.equals(s.family)) c[4]++;
            if (familyDivision.getOrDefault(kf, frequentDivision).equals(s.division)) c[5]++;
        }
        results.add(new Accuracy("texte (Bayes naïf, unigrammes + bigrammes)", "famille", c[0], test.size()));
        results.add(new Accuracy("texte (Bayes naïf, unigrammes + bigrammes)", "division CPV", c[1], test.size()));
        results.add(new Accuracy("référence : classe la plus fréquente", "famille", c[2], test.size()));
        results.add(new Accuracy("référence : classe la plus fréquente", "division CPV", c[3], test.size()));
        results.add(new Accuracy("référence : mots-clés de la nomenclature seuls", "famille", c[4], test.size()));
        results.add(new Accuracy("référence : mots-clés de la nomenclature seuls", "division CPV", c[5], test.size()));
        return new AccuracyReport(records, samples.size(), train.size(), test.size(), divisionOnly, invalid, noText, results);
    }

    /** Deterministic 80/20 split on the record's identity (FNV-1a hash, test when hash mod 5 == 0). */
    static boolean inTest(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        return Math.floorMod(h, 5) == 0;
    }

    private static String mostFrequent(List<String> values) {
        Map<String, Integer> counts = new HashMap<>();
        for (String v : values) counts.merge(v, 1, Integer::sum);
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse("");
    }

    private static Map<String, String> dominantDivision(List<Sample> train) {
        Map<String, List<String>> byFamily = new HashMap<>();
        for (Sample s : train) byFamily.computeIfAbsent(s.family, f -> new ArrayList<>()).add(s.division);
        Map<String, String> out = new HashMap<>();
        byFamily.forEach((f, ds) -> out.put(f, mostFrequent(ds)));
        return out;
    }

    /** The keyword baseline: the family whose keywords (as stem sequences) match most of the text. */
    static final class KeywordRules {
        private final List<String> families = new ArrayList<>();
        private final List<List<List<String>>> phrases = new ArrayList<>();

        KeywordRules(Nomenclature n) {
            for (Family f : n.families()) {
                families.add(f.code());
                List<List<String>> p = new ArrayList<>();
                p.add(FrenchText.stems(f.label()));
                for (String k : f.keywords()) p.add(FrenchText.stems(k));
                phrases.add(p);
            }
        }

        String classify(String text) {
            List<String> stems = FrenchText.stems(text);
            String best = null;
            int bestScore = 0;
            for (int i = 0; i < families.size(); i++) {
                int score = 0;
                for (List<String> phrase : phrases.get(i)) {
                    if (!phrase.isEmpty() && java.util.Collections.indexOfSubList(stems, phrase) >= 0) score += phrase.size();
                }
                if (score > bestScore) {
                    best = families.get(i);
                    bestScore = score;
                }
            }
            return best;
        }
    }

    private static Set<String> officialCodes(Path csv) throws IOException {
        Set<String> codes = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            List<String> columns = List.of(header.replace("\uFEFF", "").split(","));
            int index = columns.indexOf("code8");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",", index + 2);
                if (cells.length > index) codes.add(cells[index]);
            }
        }
        return codes;
    }

    /** Reads (generating once) a national-scale DECP file into engine inputs, then times training and classification. */
    public Throughput throughput(Path dir, long records) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve("decp-national-" + records + ".json");
        if (!Files.exists(file)) {
            out.printf("Génération de %,d enregistrements dans %s…%n", records, file);
            new NationalGenerator().write(file, 42L, records);
        }
        out.println("Lecture des enregistrements (non chronométrée)…");
        List<ClassificationInput> inputs = new ArrayList<>((int) Math.min(records, Integer.MAX_VALUE));
        // One instance per distinct value, as a store read would give: 1.5 M records share a few thousand buyers, codes
        // and objects, and holding 1.5 M copies only feeds the garbage collector.
        Map<String, String> canonical = new HashMap<>();
        java.util.function.UnaryOperator<String> c1 = v -> v == null ? null : canonical.computeIfAbsent(v, x -> x);
        try (DecpReader reader = DecpReaders.open(file, "bench")) {
            long key = 0;
            for (ParsedRecord r = reader.next(); r != null; r = reader.next()) {
                Contract c = r.contract();
                if (c == null) continue;
                String siren = c.holders() == null || c.holders().isEmpty() || c.holders().getFirst().id() == null
                        || c.holders().getFirst().id().length() < 9 ? null : c.holders().getFirst().id().substring(0, 9);
                inputs.add(ClassificationInput.contract(key++, c1.apply(c.buyer() == null ? null : c.buyer().id()), c1.apply(c.cpv()),
                        c1.apply(c.object()), c1.apply(siren)));
            }
        }
        Nomenclature n = NomenclatureFiles.defaults().nomenclature();
        out.printf("%,d entrées ; apprentissage et classement…%n", inputs.size());
        long t0 = System.nanoTime();
        TextModel model = TextTraining.train(n, inputs);
        SupplierProfiles suppliers = new SupplierProfiles();
        CpvCrosswalk cpv = new CpvCrosswalk(n.rules(RuleKind.CPV));
        for (ClassificationInput in : inputs) {
            if (Cpv.isSpecific(in.cpv())) {
                CrosswalkRule r = cpv.match(in.cpv(), in.buyerId());
                if (r != null) suppliers.add(in.supplierSiren(), r.familyCode());
            }
        }
        long t1 = System.nanoTime();
        ClassificationEngine engine = new ClassificationEngine(n, model, suppliers, Map.of(), null);
        long classified = inputs.parallelStream().map(engine::classify).filter(x -> x.familyCode() != null).count();
        long t2 = System.nanoTime();
        long withText = inputs.stream().filter(i -> i.text() != null).count();
        long distinct = inputs.stream().map(ClassificationInput::text).filter(java.util.Objects::nonNull).distinct().count();
        out.printf(Locale.FRANCE, "%,d classés sur %,d%n", classified, inputs.size());
        return new Throughput(inputs.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, withText, Runtime.getRuntime().availableProcessors(), distinct);
    }
}
