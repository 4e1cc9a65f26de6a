package fr.achatlas.check;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CpvVocabularyTest {

    @Test
    void reads_the_code8_column_of_a_cpv_csv_with_quoted_labels() throws Exception {
        CpvVocabulary cpv = CpvVocabulary.fromCsv(fixture("fixtures/check/cpv_mini.csv"));
        assertThat(cpv.contains("45000000")).isTrue();
        assertThat(cpv.contains("77310000")).isTrue();
        assertThat(cpv.contains("09310000")).isTrue(); // leading zero kept: codes are text
        assertThat(cpv.contains("9310000")).isFalse();
        assertThat(cpv.contains("abc")).isFalse();
        assertThat(cpv.contains("45000000-7")).isFalse(); // the vocabulary holds codes without check digit
    }

    @Test
    void structural_check_needs_eight_digits_and_a_cpv_2008_division() {
        assertThat(CpvVocabulary.isStructurallyValid("03111000")).isTrue();
        assertThat(CpvVocabulary.isStructurallyValid("98000000")).isTrue();
        assertThat(CpvVocabulary.isStructurallyValid("99000000")).isFalse();
        assertThat(CpvVocabulary.isStructurallyValid("0311100")).isFalse();
        assertThat(CpvVocabulary.isStructurallyValid("0311100A")).isFalse();
        assertThat(CpvVocabulary.isStructurallyValid(null)).isFalse();
        assertThat(CpvVocabulary.DIVISIONS).hasSize(45);
    }

    @Test
    void of_copies_the_given_codes() {
        java.util.Set<String> codes = new java.util.HashSet<>(Set.of("45000000"));
        CpvVocabulary cpv = CpvVocabulary.of(codes);
        codes.clear();
        assertThat(cpv.contains("45000000")).isTrue();
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(CpvVocabularyTest.class.getClassLoader().getResource(name).toURI());
    }
}
