package fr.achatlas.check;

import fr.achatlas.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in list of CPV 2008 divisions and the CSV loader, against the reference CPV 2008 vocabulary. */
class CpvDivisionsRealDataTest {

    @Test
    void built_in_divisions_are_exactly_those_of_the_reference_vocabulary() throws Exception {
        Path csv = SharedData.require("reference/cpv/cpv_2008_fr_en.csv");
        Set<String> divisions = new HashSet<>();
        Set<String> codes = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            assertThat(in.readLine()).startsWith("code,code8,division,");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",", 4);
                codes.add(cells[1]);
                divisions.add(cells[2]);
            }
        }
        assertThat(divisions).isEqualTo(CpvVocabulary.DIVISIONS);
        assertThat(codes).hasSize(9454).allMatch(CpvVocabulary::isStructurallyValid);

        CpvVocabulary vocabulary = CpvVocabulary.fromCsv(csv);
        assertThat(codes).allMatch(vocabulary::contains);
        assertThat(vocabulary.contains("09310000")).isTrue(); // the code the aife file publishes as 9310000
        assertThat(vocabulary.contains("45999999")).isFalse();
    }
}
