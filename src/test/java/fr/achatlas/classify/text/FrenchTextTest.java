package fr.achatlas.classify.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FrenchTextTest {

    @Test
    void accentsCaseElisionsStopWordsAndPluralsMeet() {
        assertThat(FrenchText.stems("Rénovation des RÉSEAUX d'eau potable"))
                .isEqualTo(FrenchText.stems("renovation reseau eau potable"));
        assertThat(FrenchText.stems("l'entretien des espaces verts")).isEqualTo(FrenchText.stems("Entretien espace vert"));
        assertThat(FrenchText.stems("Travaux de voirie")).isEqualTo(FrenchText.stems("travaux voiries"));
        assertThat(FrenchText.stems("locaux")).isEqualTo(FrenchText.stems("local"));
        assertThat(FrenchText.stems("Lot n° 3 : 2024")).isEmpty();
    }

    @Test
    void misDecodedLettersAreReadAsE() {
        assertThat(FrenchText.stems("Am\uFFFDnagement du parc")).isEqualTo(FrenchText.stems("Aménagement du parc"));
    }

    @Test
    void termsKeepTheWordForExplanations() {
        List<FrenchText.Term> terms = FrenchText.terms("Nettoyage des locaux");
        assertThat(terms).extracting(FrenchText.Term::word).containsExactly("nettoyage", "locaux");
    }

    @Test
    void modelLearnsAndExplains() {
        NaiveBayesModel.Builder b = NaiveBayesModel.builder(List.of("EXP01", "ENV02", "TPU01"));
        b.add("nettoyage des locaux", "EXP01", 1).add("nettoyage des vitres et des bureaux", "EXP01", 1)
                .add("entretien des espaces verts", "ENV02", 1).add("tonte et élagage", "ENV02", 1)
                .add("travaux de voirie", "TPU01", 1).add("réfection de chaussée et trottoirs", "TPU01", 1);
        TextModel m = b.build(0.05, 0.5);
        TextModel.Prediction p = m.predict("Prestations de nettoyage des locaux de la mairie");
        assertThat(m.classes().get(p.best())).isEqualTo("EXP01");
        assertThat(p.probability()).isGreaterThan(0.5);
        assertThat(p.terms()).contains("nettoyage");
        assertThat(m.predict("Élagage des arbres")).extracting(x -> m.classes().get(x.best())).isEqualTo("ENV02");
        assertThat(m.predict("xyzzy")).isNull();
        TextModel.Prediction restricted = m.predict("nettoyage des locaux", j -> j != 0);
        assertThat(restricted.best()).isNotEqualTo(0);
    }
}
