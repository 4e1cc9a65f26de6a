package fr.achatlas.normalise;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class NumberNormaliserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "48|48", "575000.0|575000.0", "1 234,56|1234.56", "1\u00A0234\u00A0567,8|1234567.8", "1\u202F000|1000",
            "1.234.567|1234567", "1,234.56|1234.56", "1.234,56|1234.56", "-12,5|-12.5", "1500 €|1500", "1e3|1E+3"})
    void readsNumbersWrittenAsText(String raw, String expected) {
        assertThat(NumberNormaliser.decimal("montant", raw).value()).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"douze", "12.5.3,1,2", "1-2", "€", "12 mois", "Infinity"})
    void garbageIsAWarning(String raw) {
        Normalised<BigDecimal> n = NumberNormaliser.decimal("montant", raw);
        assertThat(n.value()).isNull();
        assertThat(n.finding().rule()).isEqualTo("NUMBER_INVALID");
        assertThat(n.finding().value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NC", "NaN", "", " "})
    void placeholdersAreAbsentWithAnInfo(String raw) {
        Normalised<BigDecimal> n = NumberNormaliser.decimal("montant", raw);
        assertThat(n.value()).isNull();
        assertThat(n.finding().rule()).isEqualTo("VALUE_NOT_PROVIDED");
    }

    @Test
    void integersAcceptWholeDecimalsOnly() {
        assertThat(NumberNormaliser.integer("dureeMois", "12.0").value()).isEqualTo(12);
        assertThat(NumberNormaliser.integer("dureeMois", "\"48\"".replace("\"", "")).value()).isEqualTo(48);
        Normalised<Integer> half = NumberNormaliser.integer("dureeMois", "12.5");
        assertThat(half.value()).isNull();
        assertThat(half.finding().rule()).isEqualTo("NUMBER_INVALID");
        assertThat(NumberNormaliser.integer("dureeMois", "99999999999").finding().rule()).isEqualTo("NUMBER_INVALID");
    }

    @Property
    void frenchFormattedAmountsReadBack(@ForAll @BigRange(min = "0", max = "1000000000") @Scale(2) BigDecimal amount) {
        DecimalFormat french = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.FRANCE));
        String text = french.format(amount);
        assertThat(NumberNormaliser.decimal("montant", text).value()).isEqualByComparingTo(amount);
    }
}
