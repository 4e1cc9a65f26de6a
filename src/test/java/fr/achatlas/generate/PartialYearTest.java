package fr.achatlas.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's current year: contracts notified up to a date, budgets prorated, no spending export for the open year. */
class PartialYearTest {

    static final LocalDate UNTIL = LocalDate.of(2026, 11, 15);

    @Test
    void settingsAddThePartialYearAfterTheFullOnes() {
        TerritoryGenerator.Settings s = TerritoryGenerator.Settings.defaults().withYears(2023, 2025).withNotificationsUntil(UNTIL);
        assertThat(s.firstYear()).isEqualTo(2023);
        assertThat(s.lastYear()).isEqualTo(2026);
        assertThat(s.lastFullYear()).isEqualTo(2025);
        assertThat(s.fraction(2025)).isEqualTo(1.0);
        assertThat(s.fraction(2026)).isEqualTo(319 / 365.0);
        // A date inside the full years changes nothing.
        assertThat(TerritoryGenerator.Settings.defaults().withYears(2023, 2025).withNotificationsUntil(LocalDate.of(2025, 6, 1)).notifiedUntil()).isNull();
    }

    @Test
    void notificationsOfThePartialYearStopAtTheDateAndFullYearsAreUnchanged() {
        SupplierPool pool = SupplierPool.generate(50, new SplittableRandom(1));
        ContractFactory limited = new ContractFactory(new SplittableRandom(2), pool);
        limited.notifyUntil(UNTIL);
        ContractFactory full = new ContractFactory(new SplittableRandom(2), pool);
        for (int i = 0; i < 200; i++) assertThat(limited.businessDay(2025)).isEqualTo(full.businessDay(2025));
        boolean afterAugust21 = false;
        for (int i = 0; i < 2000; i++) {
            LocalDate d = limited.businessDay(2026);
            assertThat(d).isBetween(LocalDate.of(2026, 1, 1), UNTIL);
            afterAugust21 |= !d.isBefore(LocalDate.of(2026, 8, 21));
        }
        assertThat(afterAugust21).isTrue();
    }

    @Test
    void theOpenYearHasContractsButNoSpendingExport(@TempDir Path out) throws Exception {
        TerritoryGenerator.Settings s = new TerritoryGenerator.Settings(9, 2025, 2025, 20_000_000, 0.6, 200).withNotificationsUntil(UNTIL);
        GenerationSummary summary = new TerritoryGenerator().generate(out, 3, s);
        assertThat(summary.lastYear()).isEqualTo(2026);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("depenses_")))
                    .isNotEmpty().allMatch(n -> n.contains("2025")).noneMatch(n -> n.contains("2026"));
        }
    }
}
