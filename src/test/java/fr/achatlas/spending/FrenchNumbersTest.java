package fr.achatlas.spending;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static fr.achatlas.spending.FrenchNumbers.Decimal.COMMA;
import static fr.achatlas.spending.FrenchNumbers.Decimal.DOT;
import static fr.achatlas.spending.FrenchNumbers.INVALID;
import static org.assertj.core.api.Assertions.assertThat;

class FrenchNumbersTest {

    @Test
    void readsFrenchAccountingAmountsIntoExactCents() {
        assertThat(FrenchNumbers.cents("1 820 542,00", COMMA)).isEqualTo(182_054_200L);
        assertThat(FrenchNumbers.cents("1\u00A0820\u202F542,5", COMMA)).isEqualTo(182_054_250L);
        assertThat(FrenchNumbers.cents("38 800,00", COMMA)).isEqualTo(3_880_000L);
        assertThat(FrenchNumbers.cents("1.234.567,89", COMMA)).isEqualTo(123_456_789L);
        assertThat(FrenchNumbers.cents("1,234,567.89", COMMA)).isEqualTo(123_456_789L);
        assertThat(FrenchNumbers.cents("-12,50", COMMA)).isEqualTo(-1250L);
        assertThat(FrenchNumbers.cents("12,50-", COMMA)).isEqualTo(-1250L);
        assertThat(FrenchNumbers.cents("(12,50)", COMMA)).isEqualTo(-1250L);
        assertThat(FrenchNumbers.cents("12,50 €", COMMA)).isEqualTo(1250L);
        assertThat(FrenchNumbers.cents("1.234", COMMA)).as("a lone dot before 3 digits groups thousands in French").isEqualTo(123_400L);
        assertThat(FrenchNumbers.cents("12.50", COMMA)).isEqualTo(1250L);
        assertThat(FrenchNumbers.cents("1234.5", DOT)).isEqualTo(123_450L);
        assertThat(FrenchNumbers.cents("1234.567", DOT)).isEqualTo(INVALID);
        assertThat(FrenchNumbers.cents("1,234", DOT)).isEqualTo(123_400L);
        assertThat(FrenchNumbers.cents("3880000", COMMA)).isEqualTo(388_000_000L);
        assertThat(FrenchNumbers.cents("douze", COMMA)).isEqualTo(INVALID);
        assertThat(FrenchNumbers.cents("12,3,4", COMMA)).isEqualTo(INVALID);
        assertThat(FrenchNumbers.cents("", COMMA)).isEqualTo(INVALID);
    }

    @Test
    void readsDatesAsExportsWriteThem() {
        assertThat(FrenchDates.parse("30/01/2019")).isEqualTo(LocalDate.of(2019, 1, 30));
        assertThat(FrenchDates.parse("30-01-19")).isEqualTo(LocalDate.of(2019, 1, 30));
        assertThat(FrenchDates.parse("2019-01-30T00:00:00")).isEqualTo(LocalDate.of(2019, 1, 30));
        assertThat(FrenchDates.parse("43495")).isEqualTo(LocalDate.of(2019, 1, 30));
        assertThat(FrenchDates.parse("5/3/2024")).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(FrenchDates.parse("05.3.24")).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(FrenchDates.parse("15/03/2023 10:45")).isEqualTo(LocalDate.of(2023, 3, 15));
        assertThat(FrenchDates.parse("5/3-2024")).isNull();
        assertThat(FrenchDates.parse("123/3/2024")).isNull();
        assertThat(FrenchDates.parse("5/3/202")).isNull();
        assertThat(FrenchDates.parse("31/02/2019")).isNull();
        assertThat(FrenchDates.parse("bientôt")).isNull();
    }

    @Test
    void detectsEncodings() throws Exception {
        byte[] cp = "Année;Montant\nRégion;1,00\n".getBytes(Encodings.CP1252);
        byte[] utf = "Année;Montant\n".getBytes(StandardCharsets.UTF_8);
        byte[] bom = ("\uFEFFDate;Montant\n").getBytes(StandardCharsets.UTF_8);
        assertThat(Encodings.detect(new ByteArrayInputStream(cp)).charset()).isEqualTo(Encodings.CP1252);
        assertThat(Encodings.detect(new ByteArrayInputStream(utf)).charset()).isEqualTo(StandardCharsets.UTF_8);
        Encodings.Detected d = Encodings.detect(new ByteArrayInputStream(bom));
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.bomLength()).isEqualTo(3);
    }

    @Test
    void sniffsSeparators() {
        assertThat(CsvReader.sniffSeparator("a;b;c")).isEqualTo(';');
        assertThat(CsvReader.sniffSeparator("a\tb\tc")).isEqualTo('\t');
        assertThat(CsvReader.sniffSeparator("a|b|c")).isEqualTo('|');
        assertThat(CsvReader.sniffSeparator("\"a;x\",b,c")).isEqualTo(',');
    }

    @Test
    void sniffsTheSeparatorOnTheLinesThatAgreeNotOnATitle() {
        assertThat(CsvReader.sniffSeparator(List.of("Etat des mandats, exercice 2023, budget principal", "",
                "N° mandat;Date;SIRET;Montant", "M1;01/02/2023;55210055400013;12,50", "M2;02/02/2023;55210055400013;1,00"))).isEqualTo(';');
        // labels full of commas on data lines: the count of ';' repeats on every line, the commas do not
        assertThat(CsvReader.sniffSeparator(List.of("a;b;c;d", "1;2;3;Fournitures, pose, dépose", "1;2;3;x, y", "1;2;3;u, v, w, z, t")))
                .isEqualTo(';');
        assertThat(CsvReader.sniffSeparator(List.of("Journal des paiements", "a,b,c", "1,2,3", "4,5,6"))).isEqualTo(',');
        assertThat(CsvReader.sniffSeparator(List.of("a\tb\tc"))).isEqualTo('\t');
        assertThat(CsvReader.sniffSeparator(List.of(""))).isEqualTo(';');
    }

    @Test
    void readsExcelNumberCellsAsTheDecimalTypedNotTheirBinaryTrace() {
        assertThat(RowSource.Xlsx.plainNumber("8.3000000000000007")).isEqualTo("8.3");
        assertThat(RowSource.Xlsx.plainNumber("1234.5599999999999")).isEqualTo("1234.56");
        assertThat(RowSource.Xlsx.plainNumber("20.999999999999996")).isEqualTo("21"); // 17,50 × 1,2 computed by Excel
        assertThat(RowSource.Xlsx.plainNumber("1000067386437965")).isEqualTo("1000067386437970"); // half away from zero, as Excel
        assertThat(RowSource.Xlsx.plainNumber("-1000067386437965")).isEqualTo("-1000067386437970");
        assertThat(RowSource.Xlsx.plainNumber("3.5958052900048E13")).isEqualTo("35958052900048");
        assertThat(RowSource.Xlsx.plainNumber("5.5210055400013E+13")).isEqualTo("55210055400013");
        assertThat(RowSource.Xlsx.plainNumber("35958052900048.0")).isEqualTo("35958052900048"); // as Python writers put it
        assertThat(RowSource.Xlsx.plainNumber("45352")).isEqualTo("45352");
        assertThat(RowSource.Xlsx.plainNumber("100.0")).isEqualTo("100");
        assertThat(RowSource.Xlsx.plainNumber("-12.5")).isEqualTo("-12.5");
        assertThat(RowSource.Xlsx.plainNumber("1.0E-2")).isEqualTo("0.01");
        assertThat(RowSource.Xlsx.plainNumber("12.345")).isEqualTo("12.345"); // sub-cent stays visible, and is rejected later
        assertThat(RowSource.Xlsx.plainNumber("n/a")).isEqualTo("n/a");
        assertThat(FrenchNumbers.cents(RowSource.Xlsx.plainNumber("8.3000000000000007"), DOT)).isEqualTo(830);
    }
}
