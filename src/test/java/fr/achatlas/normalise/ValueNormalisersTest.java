package fr.achatlas.normalise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Booleans, CPV codes, identifiers and their types. */
class ValueNormalisersTest {

    @ParameterizedTest
    @CsvSource({"true,true", "oui,true", "OUI,true", "Oui,true", "1,true", "TRUE,true", "false,false", "non,false",
            "NON,false", "0,false", "False,false"})
    void booleansInEveryPublishedSpelling(String raw, boolean expected) {
        Normalised<Boolean> n = BooleanNormaliser.normalise("marcheInnovant", raw);
        assertThat(n.value()).isEqualTo(expected);
        assertThat(n.finding()).isNull();
    }

    @Test
    void unreadableBooleanIsAWarning() {
        Normalised<Boolean> n = BooleanNormaliser.normalise("marcheInnovant", "peut-être");
        assertThat(n.value()).isNull();
        assertThat(n.finding().rule()).isEqualTo("BOOLEAN_INVALID");
        assertThat(BooleanNormaliser.normalise("marcheInnovant", "NC").finding().rule()).isEqualTo("VALUE_NOT_PROVIDED");
    }

    @ParameterizedTest
    @CsvSource({"45000000-7,45000000", "45000000,45000000", "45000000 - 7,45000000", "' 71311210-1 ',71311210"})
    void cpvCanonicalFormIsEightDigits(String raw, String expected) {
        Normalised<String> n = CpvNormaliser.normalise("codeCPV", raw);
        assertThat(n.value()).isEqualTo(expected);
        assertThat(n.finding()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"9310000,09310000", "9310000-5,09310000"})
    void cpvWithLostLeadingZeroIsRepaired(String raw, String expected) {
        Normalised<String> n = CpvNormaliser.normalise("codeCPV", raw);
        assertThat(n.value()).isEqualTo(expected);
        assertThat(n.finding().rule()).isEqualTo("CPV_REPAIRED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9", "450000", "450000001", "Travaux", "45000000-77", "4500000a"})
    void malformedCpvIsAWarning(String raw) {
        Normalised<String> n = CpvNormaliser.normalise("codeCPV", raw);
        assertThat(n.value()).isNull();
        assertThat(n.finding().rule()).isEqualTo("CPV_INVALID");
    }

    @ParameterizedTest
    @CsvSource({"TVA_INTRACOMMUNAUTAIRE,TVA", "HORS_UE,HORS_UE", "FRW,FRWF", "Siret,SIRET", "siret,SIRET", "tva,TVA",
            "Hors UE,HORS_UE"})
    void identifierTypesOutsideTheEnumAreMapped(String raw, String expected) {
        Normalised<IdentifierNormaliser.IdType> n = IdentifierNormaliser.type("titulaires[1].typeIdentifiant", raw);
        assertThat(n.value().type()).isEqualTo(expected);
        assertThat(n.value().original()).isEqualTo(raw);
        assertThat(n.finding().rule()).isEqualTo("ID_TYPE_MAPPED");
    }

    @Test
    void officialIdentifierTypesPassAndTheDashedHorsUeIsRespelled() {
        assertThat(IdentifierNormaliser.type("t", "SIRET")).isEqualTo(Normalised.of(new IdentifierNormaliser.IdType("SIRET", null)));
        Normalised<IdentifierNormaliser.IdType> horsUe = IdentifierNormaliser.type("t", "HORS-UE");
        assertThat(horsUe.value()).isEqualTo(new IdentifierNormaliser.IdType("HORS_UE", "HORS-UE"));
        assertThat(horsUe.finding()).isNull();
        Normalised<IdentifierNormaliser.IdType> unknown = IdentifierNormaliser.type("t", "SIREN");
        assertThat(unknown.value().type()).isEqualTo("SIREN");
        assertThat(unknown.finding().rule()).isEqualTo("ID_TYPE_UNKNOWN");
    }

    @Test
    void identifiersLoseSpacesAndDotsAndAreUpperCased() {
        assertThat(IdentifierNormaliser.id(" 552 045 999 00869 ")).isEqualTo("55204599900869");
        assertThat(IdentifierNormaliser.id("fr 12.345.678\u00A0901")).isEqualTo("FR12345678901");
        assertThat(IdentifierNormaliser.id("81223113200026")).isEqualTo("81223113200026");
        assertThat(IdentifierNormaliser.id("  ")).isNull();
    }
}
