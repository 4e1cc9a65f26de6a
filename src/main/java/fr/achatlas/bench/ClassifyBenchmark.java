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
import fr.achatlas.classify.text.EnsembleModel;
import fr.achatlas.classify.text.LinearTextModel;
import fr.achatlas.classify.text.NaiveBayesModel;
import fr.achatlas.classify.text.TextModel;
import fr.achatlas.classify.text.TrainingSet;
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

    public record Accuracy(String method, String level, long correct, long top3, long total) {
        public double rate() {
            return total == 0 ? 0 : correct / (double) total;
        }

        public double top3Rate() {
            return total == 0 ? 0 : top3 / (double) total;
        }
    }

    /** The product model's operating point at a confidence threshold: what it decides alone, and how well. */
    public record Band(double threshold, long decided, long correct, long total) {
        public double accuracy() {
            return decided == 0 ? 0 : correct / (double) decided;
        }

        public double toReview() {
            return total == 0 ? 0 : (total - decided) / (double) total;
        }
    }

    public record AccuracyReport(long records, long labelled, long train, long test, long divisionOnly, long invalidCpv,
                                 long noText, List<Accuracy> results, List<Band> bands, Ceiling ceiling) {
    }

    /**
     * What the labels allow: test records whose exact normalised text also occurs in the training part, and how many of
     * them carry the family that text most often has in training — an estimate of the noise ceiling.
     */
    public record Ceiling(long seen, long majorityCorrect, long test, long modelSeenCorrect, long modelUnseenCorrect) {
    }

    public record Throughput(long records, double trainSeconds, double classifySeconds, long textRecords, int threads,
                             long distinctTexts) {
        public double recordsPerSecond() {
            return records / (trainSeconds + classifySeconds);
        }
    }

    private record Sample(String id, String text, String cpv, String family, String division) {
    }

    /** The labelled records of the real files, and why the others were left out. */
    private record Samples(List<Sample> all, long records, long divisionOnly, long invalid, long noText) {
    }

    private final PrintStream out;

    public ClassifyBenchmark(PrintStream out) {
        this.out = out;
    }

    public AccuracyReport accuracy(Path decpDir, Path cpvCsv) throws IOException {
        Nomenclature n = NomenclatureFiles.defaults().nomenclature();
        Samples samples = samples(decpDir, cpvCsv, n);
        List<Sample> train = new ArrayList<>(), test = new ArrayList<>();
        for (Sample s : samples.all) (inTest(s.id) ? test : train).add(s);
        out.printf("%d enregistrements lus, %d étiquetés (apprentissage %d, test %d)%n", samples.records, samples.all.size(), train.size(), test.size());

        List<Accuracy> results = new ArrayList<>();
        TextModel product = TextTraining.fit(familySet(n, train));
        TextModel linear = LinearTextModel.train(familySet(n, train), TextTraining.PARAMS);
        TextModel bayes = NaiveBayesModel.train(familySet(n, train), TextTraining.ALPHA, TextTraining.PRIOR_POWER);
        TextModel productDivisions = TextTraining.fit(divisionSet(n, train));
        TextModel linearDivisions = LinearTextModel.train(divisionSet(n, train), TextTraining.PARAMS);
        TextModel bayesDivisions = NaiveBayesModel.train(divisionSet(n, train), TextTraining.ALPHA, TextTraining.PRIOR_POWER);

        String frequentFamily = mostFrequent(train.stream().map(Sample::family).toList());
        String frequentDivision = mostFrequent(train.stream().map(Sample::division).toList());
        results.add(evaluate("texte : régression logistique × Bayes naïf (modèle du produit)", "famille", product, test, Sample::family, frequentFamily));
        results.add(evaluate("texte : régression logistique × Bayes naïf (modèle du produit)", "division CPV", productDivisions, test, Sample::division, frequentDivision));
        results.add(evaluate("texte : TF-IDF mots + n-grammes de caractères, régression logistique", "famille", linear, test, Sample::family, frequentFamily));
        results.add(evaluate("texte : TF-IDF mots + n-grammes de caractères, régression logistique", "division CPV", linearDivisions, test, Sample::division, frequentDivision));
        results.add(evaluate("texte : Bayes naïf, unigrammes + bigrammes (ancien modèle)", "famille", bayes, test, Sample::family, frequentFamily));
        results.add(evaluate("texte : Bayes naïf, unigrammes + bigrammes (ancien modèle)", "division CPV", bayesDivisions, test, Sample::division, frequentDivision));

        Map<String, String> familyDivision = dominantDivision(train);
        KeywordRules keywords = new KeywordRules(n);
        long[] c = new long[4];
        for (Sample s : test) {
            if (frequentFamily.equals(s.family)) c[0]++;
            if (frequentDivision.equals(s.division)) c[1]++;
            String k = keywords.classify(s.text);
            String kf = k == null ? frequentFamily : k;
            if (kf.equals(s.family)) c[2]++;
            if (familyDivision.getOrDefault(kf, frequentDivision).equals(s.division)) c[3]++;
        }
        results.add(new Accuracy("référence : classe la plus fréquente", "famille", c[0], -1, test.size()));
        results.add(new Accuracy("référence : classe la plus fréquente", "division CPV", c[1], -1, test.size()));
        results.add(new Accuracy("référence : mots-clés de la nomenclature seuls", "famille", c[2], -1, test.size()));
        results.add(new Accuracy("référence : mots-clés de la nomenclature seuls", "division CPV", c[3], -1, test.size()));
        return new AccuracyReport(samples.records, samples.all.size(), train.size(), test.size(), samples.divisionOnly,
                samples.invalid, samples.noText, results, bands(product, test, frequentFamily), ceiling(train, test, product, frequentFamily));
    }

    /**
     * Hyper-parameter search for the linear model, on a validation part carved out of the training part (records
     * whose identity hash mod 5 is 1, i.e. a quarter of the training part); the test part is not read at all.
     */
    public List<String> tune(Path decpDir, Path cpvCsv) throws IOException {
        Nomenclature n = NomenclatureFiles.defaults().nomenclature();
        Samples samples = samples(decpDir, cpvCsv, n);
        List<Sample> fit = new ArrayList<>(), validation = new ArrayList<>();
        for (Sample s : samples.all) {
            if (inTest(s.id)) continue;
            (inValidation(s.id) ? validation : fit).add(s);
        }
        out.printf("Réglage : apprentissage %d, validation %d (partie test non lue)%n", fit.size(), validation.size());
        String frequent = mostFrequent(fit.stream().map(Sample::family).toList());
        List<String> lines = new ArrayList<>();
        java.util.function.BiConsumer<String, TextModel> report = (name, m) -> {
            Accuracy a = evaluate(name, "famille", m, validation, Sample::family, frequent);
            String line = String.format(Locale.ROOT, "%-60s top-1 %.1f %%  top-3 %.1f %%", name, 100 * a.rate(), 100 * a.top3Rate());
            out.println(line);
            lines.add(line);
        };
        TextModel nb = NaiveBayesModel.train(familySet(n, fit), TextTraining.ALPHA, TextTraining.PRIOR_POWER);
        report.accept("naive Bayes", nb);
        for (double alpha : new double[]{0.1, 0.3, 1}) report.accept("complement naive Bayes alpha " + alpha, NaiveBayesModel.trainComplement(familySet(n, fit), alpha));
        LinearTextModel.Params base = TextTraining.PARAMS;
        TextModel lr = LinearTextModel.train(familySet(n, fit), base);
        report.accept("linear " + base, lr);
        for (double w : new double[]{0.3, 0.5, 0.7}) report.accept("ensemble linear^" + w + " x bayes", new EnsembleModel(lr, nb, w));
        for (double lambda : new double[]{1e-6, 3e-6, 3e-5, 1e-4}) {
            report.accept("lambda " + lambda, LinearTextModel.train(familySet(n, fit), base.withLambda(lambda)));
        }
        for (int epochs : new int[]{6, 20}) {
            report.accept("epochs " + epochs, LinearTextModel.train(familySet(n, fit), base.withEpochs(epochs)));
        }
        for (double cw : new double[]{0.5, 1.5}) {
            report.accept("char weight " + cw, LinearTextModel.train(familySet(n, fit), base.withCharWeight(cw)));
        }
        report.accept("words only", LinearTextModel.train(familySet(n, fit), base.withGrams(0, 0)));
        report.accept("char 2-4", LinearTextModel.train(familySet(n, fit), base.withGrams(2, 4)));
        for (double mw : new double[]{1, 16}) {
            report.accept("max weight " + mw, LinearTextModel.train(familySet(n, fit), base.withMaxWeight(mw)));
        }
        for (double share : new double[]{0.2, 0.34, 0.5}) {
            report.accept("training: drop minority labels < " + share, LinearTextModel.train(familySet(n, fit).majorityOnly(share), base));
        }
        return lines;
    }

    private static TrainingSet familySet(Nomenclature n, List<Sample> train) {
        TrainingSet set = TextTraining.builder(n);
        for (Sample s : train) set.add(s.text, s.family, 1);
        return set;
    }

    /** Same texts labelled by CPV division; the crosswalk rules' wording stands for the nomenclature. */
    private static TrainingSet divisionSet(Nomenclature n, List<Sample> train) {
        List<String> divisions = new ArrayList<>(new java.util.TreeSet<>(fr.achatlas.classify.nomenclature.NomenclatureValidator.CPV_DIVISIONS));
        TrainingSet set = new TrainingSet(divisions);
        for (CrosswalkRule r : n.rules(RuleKind.CPV)) if (r.comment() != null) set.add(r.comment(), r.code().substring(0, 2), 1);
        for (Sample s : train) set.add(s.text, s.division, 1);
        return set;
    }

    private static Accuracy evaluate(String name, String level, TextModel m, List<Sample> test,
                                     java.util.function.Function<Sample, String> truth, String fallback) {
        long top1 = 0, top3 = 0;
        for (Sample s : test) {
            TextModel.Prediction p = m.predict(s.text);
            String expected = truth.apply(s);
            if (p == null) {
                if (fallback.equals(expected)) {
                    top1++;
                    top3++;
                }
                continue;
            }
            int[] top = p.top(3);
            if (m.classes().get(top[0]).equals(expected)) top1++;
            for (int j : top) if (m.classes().get(j).equals(expected)) top3++;
        }
        return new Accuracy(name, level, top1, top3, test.size());
    }

    /** Accuracy of the proposals the model is at least this sure of, and the share left to people. */
    private static List<Band> bands(TextModel m, List<Sample> test, String fallback) {
        List<Band> out = new ArrayList<>();
        for (double threshold : new double[]{0, 0.5, 0.8}) {
            long decided = 0, correct = 0;
            for (Sample s : test) {
                TextModel.Prediction p = m.predict(s.text);
                double confidence = p == null ? 0 : p.probability();
                if (confidence < threshold || p == null && threshold > 0) continue;
                decided++;
                String f = p == null ? fallback : m.classes().get(p.best());
                if (f.equals(s.family)) correct++;
            }
            out.add(new Band(threshold, decided, correct, test.size()));
        }
        return out;
    }

    private static Ceiling ceiling(List<Sample> train, List<Sample> test, TextModel model, String fallback) {
        Map<String, Map<String, Integer>> byText = new HashMap<>();
        for (Sample s : train) byText.computeIfAbsent(normalised(s.text), t -> new HashMap<>()).merge(s.family, 1, Integer::sum);
        long seen = 0, correct = 0, modelSeen = 0, modelUnseen = 0;
        for (Sample s : test) {
            Map<String, Integer> families = byText.get(normalised(s.text));
            TextModel.Prediction p = model.predict(s.text);
            boolean right = (p == null ? fallback : model.classes().get(p.best())).equals(s.family);
            if (right && families == null) modelUnseen++;
            if (right && families != null) modelSeen++;
            if (families == null) continue;
            seen++;
            String majority = null;
            for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(families).entrySet()) {
                if (majority == null || e.getValue() > families.get(majority)) majority = e.getKey();
            }
            if (majority.equals(s.family)) correct++;
        }
        return new Ceiling(seen, correct, test.size(), modelSeen, modelUnseen);
    }

    private static String normalised(String text) {
        return String.join(" ", FrenchText.stems(text));
    }

    private static Samples samples(Path decpDir, Path cpvCsv, Nomenclature n) throws IOException {
        Set<String> official = officialCodes(cpvCsv);
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
        return new Samples(samples, records, divisionOnly, invalid, noText);
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

    /** The validation part of the training part, for tuning: hash mod 5 == 1. */
    static boolean inValidation(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        return Math.floorMod(h, 5) == 1;
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
