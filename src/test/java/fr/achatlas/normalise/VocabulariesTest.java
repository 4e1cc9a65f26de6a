package fr.achatlas.normalise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class VocabulariesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Marché négocié sans publicité ni mise en concurrence préalable|Marché passé sans publicité ni mise en concurrence préalable",
            "Marché public négocié sans publicité ni mise en concurrence préalable|Marché passé sans publicité ni mise en concurrence préalable",
            "Procédure négociée sans publicité ni mise en concurrence préalable|Marché passé sans publicité ni mise en concurrence préalable",
            "Procédure concurrentielle avec négociation|Procédure avec négociation",
            "Procédure négociée avec mise en concurrence préalable|Procédure avec négociation",
            "procedure adaptee|Procédure adaptée",
            "APPEL D'OFFRES OUVERT|Appel d'offres ouvert",
            "Appel d’offres restreint|Appel d'offres restreint"})
    void legacyProceduresMapToTheCurrentLabel(String raw, String expected) {
        Normalised<String> n = Vocabularies.PROCEDURE.normalise("procedure", raw);
        assertThat(n.value()).isEqualTo(expected);
        assertThat(n.finding().rule()).isEqualTo("PROCEDURE_MAPPED");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "NATURE|MARCHE|Marché", "NATURE|Marche subsequent|Marché subséquent", "NATURE|CONCESSION DE TRAVAUX|Concession de travaux",
            "NATURE|DELEGATION DE SERVICE PUBLIC|Délégation de service public", "NATURE|Accord cadre|Accord-cadre",
            "PLACE_TYPE|CODE POSTAL|Code postal", "PLACE_TYPE|CODE DEPARTEMENT|Code département",
            "CCAG|Maîtrise d'oeuvre|Maitrise d'œuvre", "TECHNIQUE|accord-cadre|Accord-cadre",
            "EXECUTION_MODE|Bon de commande|Bons de commande", "GROUPING|solidaire|Solidaire",
            "PRICE_FORM|ferme et actualisable|Ferme et actualisable", "SOCIAL|clause sociale|Clause sociale"})
    void variantsMapWithAnInfo(String vocabulary, String raw, String expected) throws Exception {
        Vocabulary v = (Vocabulary) Vocabularies.class.getField(vocabulary).get(null);
        Normalised<String> n = v.normalise("f", raw);
        assertThat(n.value()).isEqualTo(expected);
        assertThat(n.finding().rule()).isEqualTo("ENUM_VALUE_MAPPED");
        assertThat(n.finding().value()).isEqualTo(raw);
    }

    @Test
    void officialLabelsOfBothSchemasPassSilently() {
        for (String label : new String[]{"Marché", "Accord-cadre", "Marché subséquent", "Marché de défense ou de sécurité",
                "Concession de service public"}) {
            assertThat(Vocabularies.NATURE.normalise("nature", label)).isEqualTo(Normalised.of(label));
        }
        assertThat(Vocabularies.PRICE_FORM.normalise("formePrix", "Révisable")).isEqualTo(Normalised.of("Révisable"));
        assertThat(Vocabularies.PRICE_FORM.normalise("formePrix", "Forfaitaire")).isEqualTo(Normalised.of("Forfaitaire"));
    }

    @Test
    void unknownLabelsAreKeptWithAWarning() {
        Normalised<String> n = Vocabularies.NATURE.normalise("nature", "Marché fractionné à tranches");
        assertThat(n.value()).isEqualTo("Marché fractionné à tranches");
        assertThat(n.finding().rule()).isEqualTo("ENUM_VALUE_UNKNOWN");
        assertThat(n.finding().severity().name()).isEqualTo("WARNING");
    }
}
