package fr.achatlas.bench;

import fr.achatlas.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

class ClassifyAccuracyProbe {
    @Test
    void run() throws Exception {
        Path decp = SharedData.require("decp/real-2019-format");
        Path cpv = SharedData.require("reference/cpv/cpv_2008_fr_en.csv");
        var r = new ClassifyBenchmark(System.out).accuracy(decp, cpv);
        System.out.println(r);
        r.results().forEach(a -> System.out.printf("%s %s %.3f%n", a.method(), a.level(), a.rate()));
    }
}
