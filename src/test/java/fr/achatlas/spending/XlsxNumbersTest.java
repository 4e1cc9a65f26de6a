package fr.achatlas.spending;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.MathContext;

import static org.assertj.core.api.Assertions.assertThat;

/** A number cell reads as Excel shows it (15 significant digits), whether or not it takes the no-parsing shortcut. */
class XlsxNumbersTest {

    /** The definition, written independently of the reader's shortcut. */
    private static String shortest(String raw) {
        return new BigDecimal(Double.toString(Double.parseDouble(raw))).round(new MathContext(15)).stripTrailingZeros().toPlainString();
    }

    @Property(tries = 3000)
    void aNumberCellIsItsDoubleToFifteenDigits(@ForAll("cells") String raw) {
        assertThat(RowSource.Xlsx.plainNumber(raw)).isEqualTo(shortest(raw));
    }

    @Provide
    Arbitrary<String> cells() {
        Arbitrary<Long> cents = Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L);
        return Arbitraries.oneOf(
                cents.map(c -> BigDecimal.valueOf(c, 2).stripTrailingZeros().toPlainString()),     // typed to the cent
                cents.map(c -> BigDecimal.valueOf(c, 2).toPlainString()),                         // with its trailing zero
                cents.map(c -> new BigDecimal(c / 100.0).round(new MathContext(17)).toPlainString()), // Excel's trace
                cents.map(c -> new BigDecimal(c / 100.0 * 1.2).round(new MathContext(17)).toPlainString()), // a formula's
                cents.map(c -> Double.toString(c / 100.0)),                                        // E notation, .0
                Arbitraries.longs().between(10_000_000_000_000L, 99_999_999_999_999L).map(String::valueOf), // SIRETs
                Arbitraries.longs().between(1, 9_999_999_999_999_999L).map(String::valueOf),       // up to 19 digits
                Arbitraries.strings().withChars("0123456789.-").ofMinLength(1).ofMaxLength(18)
                        .filter(s -> s.matches("-?[0-9]*\\.?[0-9]+")));                         // odd but numeric
    }
}
