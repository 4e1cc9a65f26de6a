package fr.achatlas.model;

import static org.assertj.core.api.Assertions.assertThat;

import fr.achatlas.model.Thresholds.BuyerCategory;
import fr.achatlas.model.Thresholds.Kind;
import fr.achatlas.model.Thresholds.Nature;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    private final Thresholds table = Thresholds.defaults();

    private long amount(Kind kind, String date, Nature nature, BuyerCategory category) {
        return table.at(kind, LocalDate.parse(date), nature, category).orElseThrow().amount().longValueExact();
    }

    @Test
    void dispense_follows_the_decrees_since_2019() {
        assertThat(amount(Kind.DISPENSE, "2019-06-01", Nature.FOURNITURES_SERVICES, BuyerCategory.AUTRES)).isEqualTo(25_000);
        assertThat(amount(Kind.DISPENSE, "2020-01-01", Nature.FOURNITURES_SERVICES, BuyerCategory.AUTRES)).isEqualTo(40_000);
        assertThat(amount(Kind.DISPENSE, "2020-08-01", Nature.TRAVAUX, BuyerCategory.AUTRES)).isEqualTo(70_000);
        assertThat(amount(Kind.DISPENSE, "2023-05-01", Nature.TRAVAUX, BuyerCategory.AUTRES)).isEqualTo(100_000);
        assertThat(amount(Kind.DISPENSE, "2025-05-01", Nature.TRAVAUX, BuyerCategory.AUTRES)).isEqualTo(40_000);
        assertThat(amount(Kind.DISPENSE, "2026-01-01", Nature.TRAVAUX, BuyerCategory.AUTRES)).isEqualTo(100_000);
        assertThat(amount(Kind.DISPENSE, "2026-03-31", Nature.FOURNITURES_SERVICES, BuyerCategory.AUTRES)).isEqualTo(40_000);
        assertThat(amount(Kind.DISPENSE, "2026-04-01", Nature.FOURNITURES_SERVICES, BuyerCategory.AUTRES)).isEqualTo(60_000);
    }

    @Test
    void eu_thresholds_depend_on_the_period_and_the_buyer() {
        assertThat(amount(Kind.UE, "2023-12-31", Nature.FOURNITURES_SERVICES, BuyerCategory.AUTRES)).isEqualTo(215_000);
        assertThat(amount(Kind.UE, "2024-01-01", Nature.FOURNITURES_SERVICES, BuyerCategory.AUTRES)).isEqualTo(221_000);
        assertThat(amount(Kind.UE, "2026-08-21", Nature.FOURNITURES_SERVICES, BuyerCategory.AUTRES)).isEqualTo(216_000);
        assertThat(amount(Kind.UE, "2026-08-21", Nature.FOURNITURES_SERVICES, BuyerCategory.ETAT)).isEqualTo(140_000);
        assertThat(amount(Kind.UE, "2026-08-21", Nature.TRAVAUX, BuyerCategory.AUTRES)).isEqualTo(5_404_000);
        assertThat(amount(Kind.PUBLICITE, "2024-02-01", Nature.TRAVAUX, BuyerCategory.AUTRES)).isEqualTo(90_000);
    }

    @Test
    void every_row_cites_a_source_and_periods_of_one_kind_do_not_overlap() {
        assertThat(table.rows()).allSatisfy(t -> assertThat(t.source()).isNotBlank());
        for (var a : table.rows()) {
            for (var b : table.rows()) {
                if (a == b || a.kind() != b.kind() || a.nature() != b.nature() || a.buyerCategory() != b.buyerCategory()) continue;
                boolean overlap = !a.from().isAfter(b.to() == null ? LocalDate.MAX : b.to())
                        && !b.from().isAfter(a.to() == null ? LocalDate.MAX : a.to());
                assertThat(overlap).as("%s overlaps %s", a, b).isFalse();
            }
        }
        assertThat(Thresholds.natureOf("Travaux")).isEqualTo(Nature.TRAVAUX);
        assertThat(Thresholds.natureOf("SERVICES")).isEqualTo(Nature.FOURNITURES_SERVICES);
    }
}
