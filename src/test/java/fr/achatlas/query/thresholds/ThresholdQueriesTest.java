package fr.achatlas.query.thresholds;

import fr.achatlas.query.cube.AccessDenied;
import fr.achatlas.query.cube.Role;
import fr.achatlas.query.cube.Scope;
import fr.achatlas.store.Database;
import fr.achatlas.testing.ProgrammeFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static fr.achatlas.testing.ProgrammeFixture.A;
import static fr.achatlas.testing.ProgrammeFixture.B;
import static fr.achatlas.testing.ProgrammeFixture.C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Homogeneous-family cumulative amounts against the dated threshold table, on {@link ProgrammeFixture}. */
class ThresholdQueriesTest {

    @TempDir
    static Path dir;
    static Database db;
    static final Scope ADMIN = new Scope("admin", Role.ADMIN, Set.of(), Set.of());

    @BeforeAll
    static void load() throws Exception {
        db = Database.open(dir.resolve("t.duckdb"));
        ProgrammeFixture.load(db);
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    static BigDecimal eur(int v) {
        return new BigDecimal(v).setScale(2);
    }

    @Test
    void civilYearFindsTheSplitPurchasesAndTheApproachingFamilyAndNothingElse() throws Exception {
        List<ThresholdQueries.Row> rows = new ThresholdQueries(db.connection()).summary(Period.year(2026), ADMIN);
        // BAT01 (works, not homogeneous) never appears; C's recurring DEC01 (5 000 €) is listed without a flag.
        assertThat(rows).extracting(r -> r.buyerId() + "/" + r.familyCode() + "/" + r.flag())
                .containsExactly(B + "/ENV03/RISQUE_FRACTIONNEMENT", A + "/ENV03/RISQUE_FRACTIONNEMENT",
                        C + "/ENV03/APPROCHE", C + "/DEC01/null");
        ThresholdQueries.Row a = rows.get(1);
        // 30 000 (MAPA, Feb) + 8 000 (Mar: 38 000 < 40 000) + 5 000 (May: 43 000 < 60 000 since 1 April) + 20 000 (Sep: 63 000)
        assertThat(a.total()).isEqualByComparingTo(eur(63000));
        assertThat(a.contracts()).isEqualByComparingTo(eur(30000));
        assertThat(a.offContract()).isEqualByComparingTo(eur(33000));
        assertThat(a.crossed()).isEqualTo("DISPENSE");
        assertThat(a.crossedAmount()).isEqualByComparingTo(eur(60000));
        assertThat(a.crossedOn()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(a.riskLines()).isEqualTo(3);
        assertThat(a.riskAmount()).isEqualByComparingTo(eur(33000));
        assertThat(a.next()).isEqualTo("PUBLICITE");
        assertThat(a.nextRatio()).isEqualTo(0.7);
        ThresholdQueries.Row b = rows.get(0);
        // The 120 000 € open tender crosses dispense and publicity on 1 June; the 50 000 € paid off contract after is at risk.
        assertThat(b.crossed()).isEqualTo("PUBLICITE");
        assertThat(b.riskLines()).isEqualTo(1);
        assertThat(b.riskAmount()).isEqualByComparingTo(eur(50000));
        ThresholdQueries.Row c = rows.get(2);
        // 50 000 € in July: below the 60 000 € in force then (it would have crossed the former 40 000 €), 83 % of it.
        assertThat(c.crossed()).isNull();
        assertThat(c.nextAmount()).isEqualByComparingTo(eur(60000));
        assertThat(c.nextRatio()).isEqualTo(0.8333);
        assertThat(c.explanation()).contains("83 %");
        assertThat(rows.get(3).flag()).isNull();
        assertThat(rows.get(3).total()).isEqualByComparingTo(eur(5000));
    }

    @Test
    void rollingTwelveMonthsIncludeDecemberAndCrossTheFormerThreshold() throws Exception {
        ThresholdQueries q = new ThresholdQueries(db.connection());
        ThresholdQueries.Row a = q.summary(Period.rolling(ProgrammeFixture.TODAY), ADMIN).stream()
                .filter(r -> r.buyerId().equals(A)).findFirst().orElseThrow();
        // 5 000 (Dec 2025) + 30 000 + 8 000 = 43 000 on 5 March 2026, when the threshold was still 40 000.
        assertThat(a.total()).isEqualByComparingTo(eur(68000));
        assertThat(a.crossedOn()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(a.crossedAmount()).isEqualByComparingTo(eur(40000));
        assertThat(a.riskLines()).isEqualTo(4);
        List<ThresholdQueries.Line> lines = q.lines(A, "ENV03", Period.rolling(ProgrammeFixture.TODAY), ADMIN);
        assertThat(lines).extracting(ThresholdQueries.Line::ref).containsExactly("A1", "A-ENV", "A2", "A3", "A4");
        assertThat(lines).extracting(ThresholdQueries.Line::cumulative)
                .containsExactly(eur(5000), eur(35000), eur(43000), eur(48000), eur(68000));
        assertThat(lines).extracting(ThresholdQueries.Line::atRisk).containsExactly(true, false, true, true, true);
    }

    @Test
    void scopeRestrictsBuyersAndLines() throws Exception {
        ThresholdQueries q = new ThresholdQueries(db.connection());
        Scope analystA = new Scope("alice", Role.ANALYST, Set.of(A), Set.of());
        assertThat(q.summary(Period.year(2026), analystA)).extracting(ThresholdQueries.Row::buyerId).containsOnly(A);
        assertThat(q.lines(B, "ENV03", Period.year(2026), analystA)).isEmpty();
        Scope viewer = new Scope("vera", Role.VIEWER, Set.of(), Set.of());
        assertThat(q.summary(Period.year(2026), viewer)).hasSize(4);
        assertThatThrownBy(() -> q.lines(A, "ENV03", Period.year(2026), viewer)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> q.summary(Period.year(2026), Scope.anonymous())).isInstanceOf(AccessDenied.class);
    }
}
