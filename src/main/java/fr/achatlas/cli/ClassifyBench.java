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

    static int run(Path dir, long records, Path shared) throws Exception {
        ClassifyBenchmark bench = new ClassifyBenchmark(System.out);
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Run of %s, command `./achatlas bench classify --records %d`.%n%n", LocalDate.now(), records));
        Path decp = shared.resolve("decp/real-2019-format");
        Path cpv = shared.resolve("reference/cpv/cpv_2008_fr_en.csv");
        if (Files.isDirectory(decp) && Files.exists(cpv)) {
            ClassifyBenchmark.AccuracyReport a = bench.accuracy(decp, cpv);
            md.append(String.format(Locale.ROOT, "Accuracy: %d records read, %d labelled (train %d / test %d); excluded: %d division-only CPV, %d CPV absent or not in the official list, %d without text.%n%n",
                    a.records(), a.labelled(), a.train(), a.test(), a.divisionOnly(), a.invalidCpv(), a.noText()));
            md.append("| method (text only) | level | correct / test | top-1 accuracy |\n|---|---|---|---|\n");
            for (ClassifyBenchmark.Accuracy r : a.results()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %d / %d | %.1f %% |%n", r.method(), r.level(), r.correct(), r.total(), 100 * r.rate()));
            }
            md.append('\n');
        } else {
            System.out.println("Données réelles absentes (" + decp + ") : banc de précision sauté.");
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
