package fr.achatlas.normalise;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DateNormaliserTest {

    @ParameterizedTest
    @CsvSource({"2019-03-12+01:00", "2019-03-12-05:00", "2019-03-12Z", "2019-03-12T10:15:00+01:00", "2019-03-12T23:30:00Z"})
    void timezoneSuffixIsRemovedWithAnInfo(String raw) {
        Normalised<LocalDate> n = DateNormaliser.normalise("dateNotification", raw);
        assertThat(n.value()).isEqualTo(LocalDate.of(2019, 3, 12));
        assertThat(n.finding().rule()).isEqualTo("DATE_TIMEZONE_REMOVED");
        assertThat(n.finding().value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-15", " 2024-05-15 ", "2024-05-15T00:00:00", "2024-5-15"})
    void plainDatesAndLocalDatetimesPassSilently(String raw) {
        Normalised<LocalDate> n = DateNormaliser.normalise("d", raw);
        assertThat(n.value()).isEqualTo(LocalDate.of(2024, 5, 15));
        assertThat(n.finding()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"201-04-05", "20190-04-05", "2019-13-01", "2019-02-30", "2019-04-31", "15/05/2024", "2019-03-12+1", "demain", "2019-03-12 fin"})
    void impossibleDatesAreDroppedWithAWarningKeepingTheText(String raw) {
        Normalised<LocalDate> n = DateNormaliser.normalise("dateNotification", raw);
        assertThat(n.value()).isNull();
        assertThat(n.finding().rule()).isEqualTo("DATE_INVALID");
        assertThat(n.finding().value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "NC", "nan"})
    void placeholdersAreAbsent(String raw) {
        Normalised<LocalDate> n = DateNormaliser.normalise("d", raw);
        assertThat(n.value()).isNull();
        assertThat(n.finding().rule()).isEqualTo("VALUE_NOT_PROVIDED");
    }

    @Property
    void everyCalendarDateRoundTripsWithAnyZone(@ForAll @IntRange(min = 1000, max = 9999) int year,
                                                @ForAll @IntRange(min = 1, max = 366) int dayOfYear,
                                                @ForAll @IntRange(min = -12, max = 14) int offsetHours) {
        LocalDate date = LocalDate.ofYearDay(year, Math.min(dayOfYear, LocalDate.of(year, 1, 1).lengthOfYear()));
        assertThat(DateNormaliser.normalise("d", date.toString()).value()).isEqualTo(date);
        String zone = String.format("%s%02d:00", offsetHours < 0 ? "-" : "+", Math.abs(offsetHours));
        Normalised<LocalDate> zoned = DateNormaliser.normalise("d", date + zone);
        assertThat(zoned.value()).isEqualTo(date);
        assertThat(zoned.finding().rule()).isEqualTo("DATE_TIMEZONE_REMOVED");
    }
}
