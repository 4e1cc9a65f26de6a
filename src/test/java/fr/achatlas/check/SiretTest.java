package fr.achatlas.check;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SiretTest {

    /** Appends the digit that makes the whole string pass Luhn, as INSEE does for SIREN and NIC. */
    static String withLuhnDigit(String digits) {
        for (char d = '0'; d <= '9'; d++) {
            if (Siret.luhn(digits + d)) return digits + d;
        }
        throw new AssertionError("no Luhn digit for " + digits);
    }

    @Provide
    Arbitrary<String> validSirets() {
        Arbitrary<String> eightDigits = Arbitraries.strings().numeric().ofLength(8);
        Arbitrary<String> fourDigits = Arbitraries.strings().numeric().ofLength(4);
        return eightDigits.flatMap(sirenBody -> fourDigits.map(nicBody -> {
            String siren = withLuhnDigit(sirenBody);
            return withLuhnDigit(siren + nicBody);
        })).filter(s -> !s.startsWith(Siret.LA_POSTE_SIREN));
    }

    @Property
    void a_siren_and_nic_with_luhn_keys_is_a_valid_siret(@ForAll("validSirets") String siret) {
        assertThat(Siret.isValidSiret(siret)).isTrue();
        assertThat(Siret.isValidSiren(Siret.siren(siret))).isTrue();
    }

    @Property
    void changing_one_digit_breaks_the_luhn_key(@ForAll("validSirets") String siret,
                                                @ForAll @IntRange(min = 0, max = 13) int position,
                                                @ForAll @IntRange(min = 1, max = 9) int shift) {
        char[] digits = siret.toCharArray();
        digits[position] = (char) ('0' + (digits[position] - '0' + shift) % 10);
        String altered = new String(digits);
        // Luhn detects every single-digit error; only a change that lands on the La Poste prefix escapes the rule.
        if (!altered.startsWith(Siret.LA_POSTE_SIREN)) {
            assertThat(Siret.isValidSiret(altered)).as(altered).isFalse();
            assertThat(Siret.defect(altered)).contains(Siret.Defect.LUHN);
        }
    }

    @Property
    void la_poste_establishments_are_valid_when_their_digits_sum_to_a_multiple_of_five(
            @ForAll @IntRange(min = 0, max = 9999) int nicBody) {
        String prefix = Siret.LA_POSTE_SIREN + String.format("%04d", nicBody);
        for (char last = '0'; last <= '9'; last++) {
            String siret = prefix + last;
            int sum = siret.chars().map(ch -> ch - '0').sum();
            boolean expected = sum % 5 == 0 || Siret.luhn(siret);
            assertThat(Siret.isValidSiret(siret)).as(siret).isEqualTo(expected);
        }
    }

    @Test
    void la_poste_siret_failing_luhn_but_summing_to_a_multiple_of_five_is_valid() {
        assertThat(Siret.luhn("35600000012346")).isFalse();
        assertThat(Siret.isValidSiret("35600000012346")).isTrue();
        // The head office (NIC 00048) passes Luhn, not the sum rule: still valid.
        assertThat(Siret.isValidSiret("35600000000048")).isTrue();
        assertThat(Siret.defect("35600000012345")).contains(Siret.Defect.LA_POSTE_CHECKSUM);
    }

    @Test
    void the_sum_rule_does_not_apply_outside_la_poste() {
        // 41234567800014: digit sum 45, multiple of 5, but Luhn fails and the SIREN is not La Poste's.
        assertThat("41234567800014".chars().map(ch -> ch - '0').sum() % 5).isZero();
        assertThat(Siret.defect("41234567800014")).contains(Siret.Defect.LUHN);
    }

    @Test
    void length_and_characters_are_checked_before_the_key() {
        assertThat(Siret.defect("2199000010001")).contains(Siret.Defect.NOT_14_CHARACTERS);
        assertThat(Siret.defect("219900008000180")).contains(Siret.Defect.NOT_14_CHARACTERS);
        assertThat(Siret.defect(null)).contains(Siret.Defect.NOT_14_CHARACTERS);
        assertThat(Siret.defect("2199000010001A")).contains(Siret.Defect.NOT_DIGITS);
        assertThat(Siret.defect(" 2199000010001")).contains(Siret.Defect.NOT_DIGITS);
        assertThat(Siret.isValidSiret("21990000800018")).isTrue();
    }

    @Test
    void siren_is_the_first_nine_digits() {
        assertThat(Siret.siren("21990000800018")).isEqualTo("219900008");
        assertThat(Siret.siren("2199000010001")).isNull();
        assertThat(Siret.isValidSiren("219900008")).isTrue();
        assertThat(Siret.isValidSiren("219900009")).isFalse();
        assertThat(Siret.isValidSiren("21990000")).isFalse();
        assertThat(Siret.isValidSiren(Siret.LA_POSTE_SIREN)).isTrue();
    }

    @Test
    void messages_name_the_value_and_the_defect() {
        assertThat(Siret.Defect.LUHN.describe("12345678901234"))
                .isEqualTo("SIRET 12345678901234 : la clé de contrôle (Luhn) est fausse.");
        assertThat(Siret.Defect.NOT_14_CHARACTERS.describe("2199000010001"))
                .isEqualTo("SIRET 2199000010001 : 13 caractères au lieu de 14 chiffres.");
    }
}
