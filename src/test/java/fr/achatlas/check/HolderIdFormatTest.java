package fr.achatlas.check;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HolderIdFormatTest {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "TVA, FR12345678901, true",
            "TVA, FRAB345678901, true",
            "TVA, FR1234567890, false",     // French VAT number needs a 9-digit SIREN
            "TVA, FR9340T65190900033, false",
            "TVA, DE123456789, true",
            "TVA, NL123456789B01, true",
            "TVA, ATU12345678, true",
            "TVA, 0456272657, false",       // country prefix lost
            "TVA, B1, false",
            "TAHITI, A12345, true",
            "TAHITI, 123456001, true",      // TAHITI + 3-digit establishment number
            "TAHITI, 1234567, false",
            "TAHITI, AB1234, false",
            "RIDET, 123456, true",
            "RIDET, 1234567, true",
            "RIDET, 1234567001, true",
            "RIDET, 12345, false",
            "RIDET, 12345678901, false",
            "FRWF, FRWF123, true",
            "FRWF, FRWF, false",
            "FRWF, WF123, false",
            "IREP, 123456789, true",
            "IREP, 12-345, false",
            "HORS_UE, USACMECORP, true",
    })
    void patterns(String type, String id, boolean valid) {
        assertThat(HolderIdFormat.forType(type)).get().satisfies(f -> assertThat(f.matches(id)).isEqualTo(valid));
    }

    @Test
    void spellings_of_the_2019_format_are_recognised() {
        assertThat(HolderIdFormat.forType("HORS-UE")).contains(HolderIdFormat.HORS_UE);
        assertThat(HolderIdFormat.forType("UE")).contains(HolderIdFormat.TVA);
        assertThat(HolderIdFormat.forType("tva")).contains(HolderIdFormat.TVA);
        assertThat(HolderIdFormat.forType("SIRET")).isEmpty();
        assertThat(HolderIdFormat.forType("FRW")).isEmpty();
        assertThat(HolderIdFormat.forType(null)).isEmpty();
    }
}
