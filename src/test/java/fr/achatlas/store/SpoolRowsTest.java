package fr.achatlas.store;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the spool writes, DuckDB reads back identically: every text, NULL, number, date and boolean. */
class SpoolRowsTest {

    private static final String COLUMNS = "'n': 'INTEGER', 't': 'VARCHAR', 'l': 'BIGINT', 'b': 'BOOLEAN', 'd': 'DOUBLE', "
            + "'m': 'DECIMAL(18,2)', 'dt': 'DATE'";

    private record Row(String t, Long l, Boolean b, Double d, BigDecimal m, LocalDate dt) {
    }

    @Test
    void trickyValuesComeBackAsWritten() throws Exception {
        List<Row> rows = List.of(
                new Row("", 0L, true, 0.5, new BigDecimal("1820542.00"), LocalDate.of(2024, 3, 5)),
                new Row("\\N", -1L, false, 1.0E-5, new BigDecimal("-12.30"), LocalDate.of(201, 7, 1)),
                new Row("objet\tavec tabulation", Long.MAX_VALUE, null, 1.0E10, new BigDecimal("0.00"), LocalDate.of(9999, 12, 31)),
                new Row("ligne 1\nligne 2\r\nligne 3\r", Long.MIN_VALUE, true, null, null, LocalDate.of(1, 1, 1)),
                new Row("travaux dits \"urgents\"", null, false, -3.25, new BigDecimal("999999999999999.99"), null),
                new Row("\"", 42L, true, 100.0, new BigDecimal("0.01"), LocalDate.of(2000, 2, 29)),
                new Row("Élagage – été 2024 😀 ŒUVRE", 7L, true, 0.0, new BigDecimal("5.50"), LocalDate.of(2019, 11, 13)),
                new Row("\\", 8L, false, 2.0, new BigDecimal("7.00"), LocalDate.of(2020, 1, 1)),
                new Row("N", 9L, false, 3.0, new BigDecimal("8.00"), LocalDate.of(2021, 10, 10)),
                new Row(null, null, null, null, null, null));
        assertThat(roundTrip(rows)).containsExactlyElementsOf(rows);
    }

    @Test
    void centsAreWrittenAsDecimals() throws Exception {
        List<Long> cents = Arrays.asList(0L, 5L, -5L, 100L, -182054200L, 123456789012L, null);
        SpoolRows out = new SpoolRows(8);
        int n = 0;
        for (Long c : cents) out.beginRow().append(n++).cents(c).endRow();
        Path file = Files.createTempFile("spool-test", ".tsv");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            Files.write(file, Arrays.copyOf(out.bytes(), out.size()));
            List<BigDecimal> back = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT m FROM " + SpoolRows.scan(file, "'n': 'INTEGER', 'm': 'DECIMAL(18,2)'") + " ORDER BY n")) {
                while (rs.next()) back.add(rs.getBigDecimal(1));
            }
            assertThat(back).containsExactly(new BigDecimal("0.00"), new BigDecimal("0.05"), new BigDecimal("-0.05"),
                    new BigDecimal("1.00"), new BigDecimal("-1820542.00"), new BigDecimal("1234567890.12"), null);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 60)
    void anyTextComesBackAsWritten(@ForAll("texts") List<String> texts) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (String t : texts) rows.add(new Row(t, (long) t.length(), !t.isEmpty(), null, null, null));
        assertThat(roundTrip(rows)).containsExactlyElementsOf(rows);
    }

    @Provide
    Arbitrary<List<String>> texts() {
        Arbitrary<Character> chars = Arbitraries.of('a', 'Z', ' ', '\t', '\n', '\r', '"', '\\', 'N', 'é', '€', ';', ',', '\u00a0');
        return chars.list().ofMaxSize(12).map(cs -> {
            StringBuilder b = new StringBuilder();
            cs.forEach(b::append);
            return b.toString();
        }).list().ofMinSize(1).ofMaxSize(20);
    }

    private static List<Row> roundTrip(List<Row> rows) throws Exception {
        SpoolRows out = new SpoolRows(16);
        int n = 0;
        for (Row r : rows) {
            out.beginRow().append(n++).append(r.t()).append(r.l() == null ? null : r.l().toString()).append(r.b())
                    .append(r.d()).decimal(r.m()).date(r.dt()).endRow();
        }
        Path file = Files.createTempFile("spool-test", ".tsv");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            Files.write(file, Arrays.copyOf(out.bytes(), out.size()));
            List<Row> back = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT * FROM " + SpoolRows.scan(file, COLUMNS) + " ORDER BY n")) {
                while (rs.next()) {
                    back.add(new Row(rs.getString("t"), rs.getObject("l", Long.class), rs.getObject("b", Boolean.class),
                            rs.getObject("d", Double.class), rs.getBigDecimal("m"), rs.getObject("dt", LocalDate.class)));
                }
            }
            return back;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
