package fr.achatlas.cli;

import fr.achatlas.bench.ClassifyBenchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/** `achatlas bench classify`: accuracy on real DECP objects (when ../shared is there) and throughput at national scale. */
final class ClassifyBench {

    private ClassifyBench() {
    }

    private static double pct(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    static int run(Path dir, long records, Path shared, boolean tune, boolean accuracyOnly) throws Exception {
        ClassifyBenchmark bench = new ClassifyBenchmark(System.out);
        if (tune) {
            bench.tune(shared.resolve("decp/real-2019-format"), shared.resolve("reference/cpv/cpv_2008_fr_en.csv"));
            return 0;
        }
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Run of %s, command `./achatlas bench classify --records %d`.%n%n", LocalDate.now(), records));
        Path decp = shared.resolve("decp/real-2019-format");
        Path cpv = shared.resolve("reference/cpv/cpv_2008_fr_en.csv");
        if (Files.isDirectory(decp) && Files.exists(cpv)) {
            ClassifyBenchmark.AccuracyReport a = bench.accuracy(decp, cpv);
            md.append(String.format(Locale.ROOT, "Accuracy: %d records read, %d labelled (train %d / test %d); excluded: %d division-only CPV, %d CPV absent or not in the official list, %d without text.%n%n",
                    a.records(), a.labelled(), a.train(), a.test(), a.divisionOnly(), a.invalidCpv(), a.noText()));
            md.append("| method (text only) | level | correct / test | top-1 accuracy | top-3 accuracy |\n|---|---|---|---|---|\n");
            for (ClassifyBenchmark.Accuracy r : a.results()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %d / %d | %.1f %% | %s |%n", r.method(), r.level(), r.correct(), r.total(), 100 * r.rate(),
                        r.top3() < 0 ? "" : String.format(Locale.ROOT, "%.1f %%", 100 * r.top3Rate())));
            }
            md.append("\nFamily level, product model, by confidence (text probability of the proposed family):\n\n");
            md.append("| threshold | decided alone | accuracy of those | sent to review |\n|---|---|---|---|\n");
            for (ClassifyBenchmark.Band b : a.bands()) {
                md.append(String.format(Locale.ROOT, "| ≥ %.1f | %d / %d | %.1f %% | %.1f %% |%n", b.threshold(), b.decided(), b.total(), 100 * b.accuracy(), 100 * b.toReview()));
            }
            ClassifyBenchmark.Ceiling c = a.ceiling();
            md.append(String.format(Locale.ROOT, "%nLabel noise: %d of %d test records have their exact normalised text in the training part; the family that text most often has there is right for %d of them (%.1f %%). "
                            + "The product model gets %d of those %d right (%.1f %%) and %d of the other %d (%.1f %%).%n%n",
                    c.seen(), c.test(), c.majorityCorrect(), pct(c.majorityCorrect(), c.seen()),
                    c.modelSeenCorrect(), c.seen(), pct(c.modelSeenCorrect(), c.seen()),
                    c.modelUnseenCorrect(), c.test() - c.seen(), pct(c.modelUnseenCorrect(), c.test() - c.seen())));
        } else {
            System.out.println("Données réelles absentes (" + decp + ") : banc de précision sauté.");
        }
        if (accuracyOnly) {
            System.out.println();
            System.out.println(md);
            return 0;
        }
        ClassifyBenchmark.Throughput t = bench.throughput(dir, records);
        md.append(String.format(Locale.ROOT, "Throughput: %,d records (%,d with text, %,d distinct texts), %d threads: training %.1f s + classification %.1f s = %.1f s, %,.0f records/s.%n",
                t.records(), t.textRecords(), t.distinctTexts(), t.threads(), t.trainSeconds(), t.classifySeconds(), t.trainSeconds() + t.classifySeconds(), t.recordsPerSecond()));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("classify-results.md"), md);
        System.out.println();
        System.out.println(md);
        return 0;
    }
}
