package fr.achatlas.classify.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinearTextModelTest {

    /** Fictional purchase objects of three families, with a compound word ("autolaveuse") and an abbreviation. */
    static TrainingSet fixtures() {
        return new TrainingSet(List.of("EXP01", "ENV02", "TPU01"))
                .add("Nettoyage des locaux administratifs", "EXP01", 1)
                .add("Nettoyage des vitres et des bureaux de la mairie", "EXP01", 1)
                .add("Location d'une autolaveuse pour le gymnase", "EXP01", 1)
                .add("Entretien ménager des écoles", "EXP01", 1)
                .add("Entretien des espaces verts du parc", "ENV02", 1)
                .add("Tonte et élagage des arbres", "ENV02", 1)
                .add("Fauchage des accotements et élagage", "ENV02", 1)
                .add("Travaux de voirie rue des Lilas", "TPU01", 1)
                .add("Réfection de chaussée et trottoirs", "TPU01", 1)
                .add("Enrobés et reprise de la chaussée", "TPU01", 1);
    }

    static final LinearTextModel.Params SMALL = new LinearTextModel.Params(3, 5, 1.0, 1, 1e-4, 30, 0.5, 4, 7, 100_000);

    @Test
    void learnsPredictsAndExplains() {
        LinearTextModel m = LinearTextModel.train(fixtures(), SMALL);
        TextModel.Prediction p = m.predict("Prestations de nettoyage des locaux de la médiathèque");
        assertThat(m.classes().get(p.best())).isEqualTo("EXP01");
        assertThat(p.probability()).isGreaterThan(0.5).isGreaterThan(p.secondProbability());
        assertThat(p.terms()).first().isEqualTo("nettoyage");
        assertThat(p.terms()).doesNotContain("prestations", "mediatheque");
        assertThat(m.classes().get(m.predict("Élagage des platanes").best())).isEqualTo("ENV02");
        assertThat(m.classes().get(m.predict("Réfection des trottoirs").best())).isEqualTo("TPU01");
        double total = 0;
        for (double x : p.distribution()) total += x;
        assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.top(3)).hasSize(3).startsWith(p.best(), p.second());
    }

    @Test
    void characterNgramsReachWordsTheStemsNeverSaw() {
        // "auto-laveuse" splits into two words no training text has; their character n-grams meet "autolaveuse".
        LinearTextModel words = LinearTextModel.train(fixtures(), SMALL.withGrams(0, 0));
        LinearTextModel chars = LinearTextModel.train(fixtures(), SMALL);
        assertThat(words.predict("auto-laveuse")).isNull();
        TextModel.Prediction p = chars.predict("auto-laveuse");
        assertThat(chars.classes().get(p.best())).isEqualTo("EXP01");
        assertThat(p.terms()).isNotEmpty();
    }

    @Test
    void unknownTextGivesNoPrediction() {
        LinearTextModel m = LinearTextModel.train(fixtures(), SMALL);
        assertThat(m.predict("")).isNull();
        assertThat(m.predict("2024 - 17")).isNull();
        assertThat(m.predict("qqqq")).isNull();
    }

    @Test
    void restrictedPredictionStaysWithinTheAllowedClasses() {
        LinearTextModel m = LinearTextModel.train(fixtures(), SMALL);
        TextModel.Prediction p = m.predict("nettoyage des locaux", j -> j != 0);
        assertThat(p.best()).isNotEqualTo(0);
        assertThat(p.probabilityOf(0)).isZero();
        assertThat(m.predict("nettoyage", j -> false)).isNull();
    }

    @Test
    void trainingIsDeterministic() {
        TextModel.Prediction a = LinearTextModel.train(fixtures(), SMALL).predict("entretien des vitres et élagage");
        TextModel.Prediction b = LinearTextModel.train(fixtures(), SMALL).predict("entretien des vitres et élagage");
        assertThat(b.distribution()).containsExactly(a.distribution());
        assertThat(b.terms()).isEqualTo(a.terms());
    }

    @Test
    void repeatedTextsWeighMoreThanSingleOnes() {
        // "entretien" is shared; five cleaning records against one green-space record pull it towards cleaning.
        TrainingSet set = new TrainingSet(List.of("EXP01", "ENV02"));
        for (int i = 0; i < 5; i++) set.add("entretien des locaux", "EXP01", 1);
        set.add("entretien des pelouses", "ENV02", 1);
        assertThat(set.distinctTexts()).isEqualTo(2);
        assertThat(set.examples()).extracting(TrainingSet.Example::weight).containsExactly(5.0, 1.0);
        LinearTextModel m = LinearTextModel.train(set, SMALL);
        assertThat(m.classes().get(m.predict("entretien").best())).isEqualTo("EXP01");
    }

    @Test
    void majorityOnlyDropsMinorityLabelsOfATextFromTraining() {
        TrainingSet set = new TrainingSet(List.of("BAT05", "BAT08", "TPU01"));
        for (int i = 0; i < 4; i++) set.add("réhabilitation de logements lot 3", "BAT05", 1);
        set.add("réhabilitation de logements lot 3", "BAT08", 1);
        set.add("voirie", "TPU01", 1).add("peinture", "BAT08", 1).add("peinture", "BAT05", 1);
        assertThat(set.majorityOnly(0.3).examples()).extracting(e -> e.text() + ">" + e.label() + ":" + e.weight())
                .containsExactly("réhabilitation de logements lot 3>0:4.0", "voirie>2:1.0", "peinture>0:1.0", "peinture>1:1.0");
    }

    @Test
    void ensembleMixesGeometricallyAndNeedsTheSameClasses() {
        LinearTextModel lr = LinearTextModel.train(fixtures(), SMALL);
        NaiveBayesModel nb = NaiveBayesModel.train(fixtures(), 0.05, 0.5);
        EnsembleModel mix = new EnsembleModel(lr, nb, 0.5);
        String text = "élagage et nettoyage des allées";
        double[] a = lr.predict(text).distribution(), b = nb.predict(text).distribution();
        double[] expected = new double[a.length];
        double sum = 0;
        for (int j = 0; j < a.length; j++) sum += expected[j] = Math.sqrt(a[j] * b[j]);
        TextModel.Prediction p = mix.predict(text);
        for (int j = 0; j < a.length; j++) assertThat(p.probabilityOf(j)).isCloseTo(expected[j] / sum, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(mix.classIndex("TPU01")).isEqualTo(2);
        assertThatThrownBy(() -> new EnsembleModel(lr, NaiveBayesModel.builder(List.of("X")).build(0.05, 0.5), 0.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void complementNaiveBayesLearnsTheFixtures() {
        NaiveBayesModel m = NaiveBayesModel.trainComplement(fixtures(), 1.0);
        assertThat(m.classes().get(m.predict("nettoyage des vitres").best())).isEqualTo("EXP01");
        assertThat(m.classes().get(m.predict("élagage et tonte").best())).isEqualTo("ENV02");
        assertThat(m.classes().get(m.predict("chaussée").best())).isEqualTo("TPU01");
    }
}
