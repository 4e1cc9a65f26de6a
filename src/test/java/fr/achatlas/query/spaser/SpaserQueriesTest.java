package fr.achatlas.query.spaser;

import fr.achatlas.model.Thresholds;
import fr.achatlas.query.cube.AccessDenied;
import fr.achatlas.query.cube.Role;
import fr.achatlas.query.cube.Scope;
import fr.achatlas.store.Database;
import fr.achatlas.store.SpaserTargetStore;
import fr.achatlas.testing.SpaserFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static fr.achatlas.testing.SpaserFixture.BUYER_A;
import static fr.achatlas.testing.SpaserFixture.BUYER_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SpaserQueriesTest {

    @TempDir
    Path dir;
    Database db;
    SpaserQueries q;
    final Scope admin = new Scope("admin", Role.ADMIN, Set.of(), Set.of());
    final Scope adminA = admin.select(Set.of(BUYER_A));

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("t.duckdb"));
        SpaserFixture.load(db);
        q = new SpaserQueries(db.connection());
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private IndicatorValue year(Indicator i, Scope s, int year) throws Exception {
        return q.series(i, s, year, year).years().get(0);
    }

    private static BigDecimal eur(String v) {
        return new BigDecimal(v).setScale(2);
    }

    @Test
    void socialAndEnvironmentalConsiderationsInNumberAndInValueAfterModifications() throws Exception {
        IndicatorValue social = year(Indicator.SOCIAL, adminA, 2024);
        // A-1 (clause sociale, 120 000 after its modification) and A-2 (marché réservé, 30 000).
        assertThat(social.count()).isEqualTo(2);
        assertThat(social.baseCount()).isEqualTo(2);
        assertThat(social.value()).isEqualByComparingTo("150000");
        assertThat(social.shareValue()).isEqualTo(1.0);
        IndicatorValue env = year(Indicator.ENVIRONMENTAL, adminA, 2024);
        assertThat(env.shareCount()).isEqualTo(0.5);
        assertThat(env.shareValue()).isCloseTo(0.8, within(1e-9));
        IndicatorValue reserved = year(Indicator.RESERVED, adminA, 2024);
        assertThat(reserved.count()).isEqualTo(1);
        assertThat(reserved.value()).isEqualByComparingTo("30000");
    }

    @Test
    void supplierIndicatorsCountTheMatchingHolderSharesOnly() throws Exception {
        // A-1 held by P (PME, ESS, micro, local) and G (GE): 60 000 each; A-2 held by E (ESAT, PME, local): 30 000.
        IndicatorValue pme = year(Indicator.PME, adminA, 2024);
        assertThat(pme.count()).isEqualTo(2);
        assertThat(pme.value()).isEqualTo(eur("90000"));
        assertThat(pme.shareValue()).isCloseTo(0.6, within(1e-9));
        IndicatorValue ess = year(Indicator.ESS, adminA, 2024);
        assertThat(ess.count()).isEqualTo(1);
        assertThat(ess.value()).isEqualTo(eur("60000"));
        assertThat(ess.shareValue()).isCloseTo(0.4, within(1e-9));
        assertThat(year(Indicator.MICRO, adminA, 2024).value()).isEqualTo(eur("60000"));
        assertThat(year(Indicator.LOCAL, adminA, 2024).value()).isEqualTo(eur("90000"));
        assertThat(year(Indicator.ESAT_EA, adminA, 2024).value()).isEqualTo(eur("30000"));
        assertThat(year(Indicator.SIAE, adminA, 2024).value()).isEqualTo(eur("0"));
    }

    @Test
    void competitionHealth() throws Exception {
        assertThat(year(Indicator.SINGLE_OFFER, adminA, 2024).shareCount()).isEqualTo(0.5);
        assertThat(year(Indicator.AVERAGE_OFFERS, adminA, 2024).average()).isEqualTo(2.0);
        assertThat(year(Indicator.NO_COMPETITION, adminA, 2024).count()).isZero();
        IndicatorValue nc = year(Indicator.NO_COMPETITION, adminA, 2025);
        assertThat(nc.count()).isEqualTo(1);
        assertThat(nc.shareValue()).isEqualTo(1.0);
        // Only the BAT family is "sustainable": A-1 is its only 2024 contract of buyer A, with an environmental clause.
        IndicatorValue coverage = year(Indicator.SUSTAINABLE_COVERAGE, adminA, 2024);
        assertThat(coverage.count()).isEqualTo(1);
        assertThat(coverage.baseCount()).isEqualTo(1);
    }

    @Test
    void noContractsIsZeroWithUndefinedShares() throws Exception {
        IndicatorValue none = year(Indicator.SOCIAL, adminA, 2023);
        assertThat(none.count()).isZero();
        assertThat(none.baseCount()).isZero();
        assertThat(none.shareCount()).isNull();
        assertThat(none.shareValue()).isNull();
        assertThat(year(Indicator.AVERAGE_OFFERS, adminA, 2023).average()).isNull();
    }

    @Test
    void territoryGroupAndPeriod() throws Exception {
        IndicatorValue env = year(Indicator.ENVIRONMENTAL, admin, 2024);
        assertThat(env.count()).isEqualTo(2);
        assertThat(env.baseCount()).isEqualTo(3);
        assertThat(env.shareValue()).isCloseTo(320_000.0 / 350_000.0, within(1e-9));
        assertThat(year(Indicator.ENVIRONMENTAL, admin.select(Set.of(BUYER_A, BUYER_B)), 2024)).isEqualTo(env);
        SpaserQueries.Series period = q.series(Indicator.SOCIAL, adminA, 2023, 2025);
        assertThat(period.years()).extracting(IndicatorValue::year).containsExactly(2023, 2024, 2025);
        assertThat(period.period().count()).isEqualTo(2);
        assertThat(period.period().baseCount()).isEqualTo(3);
    }

    @Test
    void spendingIndicators() throws Exception {
        IndicatorValue pme = year(Indicator.SPENDING_PME, adminA, 2024);
        assertThat(pme.count()).isEqualTo(2);
        assertThat(pme.value()).isEqualTo(eur("5000"));
        assertThat(pme.shareValue()).isEqualTo(0.5);
        assertThat(year(Indicator.SPENDING_ESAT_EA, adminA, 2024).value()).isEqualTo(eur("4000"));
        assertThat(year(Indicator.SPENDING_MICRO, adminA, 2024).value()).isEqualTo(eur("1000"));
        assertThat(year(Indicator.SPENDING_ESS, adminA, 2024).value()).isEqualTo(eur("1000"));
        assertThat(year(Indicator.SPENDING_LOCAL, adminA, 2024).value()).isEqualTo(eur("5000"));
        assertThat(q.series(Indicator.SPENDING_ESAT_EA, admin, 2024, 2025).years())
                .extracting(IndicatorValue::value).containsExactly(eur("4000"), eur("2000"));
    }

    @Test
    void analystsSeeOnlyTheirBuyersSpendingAndThePublicNone() throws Exception {
        Scope analystA = new Scope("a1", Role.ANALYST, Set.of(BUYER_A), Set.of());
        assertThat(year(Indicator.SPENDING_ESAT_EA, analystA.select(Set.of(BUYER_B)), 2025).value()).isEqualTo(eur("0"));
        List<Object[]> rows = new ArrayList<>();
        q.lines(Indicator.SPENDING_ESAT_EA, analystA.select(Set.of(BUYER_B)), null, null, rows::add);
        assertThat(rows).isEmpty();
        q.lines(Indicator.SPENDING_ESAT_EA, analystA.select(Set.of(BUYER_A)), null, null, rows::add);
        assertThat(rows).extracting(r -> r[0]).containsExactly("A-L2");
        // Consolidated territory aggregates are allowed to analysts and viewers.
        assertThat(year(Indicator.SPENDING_ESAT_EA, new Scope("elu", Role.VIEWER, Set.of(), Set.of()), 2024).value()).isEqualTo(eur("4000"));
        Scope pub = Scope.anonymous();
        assertThatThrownBy(() -> year(Indicator.SPENDING_PME, pub, 2024)).isInstanceOf(AccessDenied.class);
        assertThat(SpaserQueries.visible(pub)).allMatch(i -> i.fact() == fr.achatlas.query.cube.Fact.CONTRACT);
        // Contracts are open data: the public sees contract indicators.
        assertThat(year(Indicator.SOCIAL, pub.select(Set.of(BUYER_A)), 2024).count()).isEqualTo(2);
    }

    @Test
    void linesAddUpToTheIndicator() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        q.lines(Indicator.PME, adminA, 2024, null, rows::add);
        assertThat(rows).extracting(r -> r[1], r -> r[7]).containsExactly(
                org.assertj.core.groups.Tuple.tuple("A-1", eur("60000")),
                org.assertj.core.groups.Tuple.tuple("A-2", eur("30000")));
    }

    @Test
    void targetsPerBuyerAndTerritory() throws Exception {
        SpaserTargetStore store = new SpaserTargetStore(db.connection());
        store.save("SPENDING_ESAT_EA", BUYER_A, 2024, "VALUE", new BigDecimal("50000"), null, "admin");
        store.save("SPENDING_ESAT_EA", BUYER_A, 2024, "VALUE", new BigDecimal("60000"), "revu", "admin");
        store.save("SOCIAL", Target.TERRITORY, 2025, "SHARE_COUNT", new BigDecimal("0.3"), null, "admin");
        assertThat(q.targets(BUYER_A)).singleElement().satisfies(t -> {
            assertThat(t.value()).isEqualByComparingTo("60000");
            assertThat(t.comment()).isEqualTo("revu");
        });
        assertThat(q.targets(SpaserQueries.targetKey(admin))).extracting(Target::indicator).containsExactly("SOCIAL");
        assertThat(SpaserQueries.targetKey(admin.select(Set.of(BUYER_A, BUYER_B)))).isNull();
        assertThat(store.delete("SOCIAL", Target.TERRITORY, 2025, "SHARE_COUNT")).isTrue();
        assertThat(q.targets(Target.TERRITORY)).isEmpty();
    }

    @Test
    void art35ListsContractsNotifiedSinceTheLawWithWhatTheyLack() throws Exception {
        Art35Queries.Report r = new Art35Queries(db.connection(), Thresholds.defaults()).report(admin);
        // A-4 (services, 250 000 ≥ 216 000, nothing) and A-5 (works, 50 000, environmental criterion).
        assertThat(r.notified()).isEqualTo(2);
        assertThat(r.withoutEnvironmental()).isEqualTo(1);
        assertThat(r.aboveEuThreshold()).isEqualTo(1);
        assertThat(r.aboveWithoutSocial()).isEqualTo(1);
        assertThat(r.nonCompliant()).extracting(Art35Queries.Row::contractId).containsExactly("A-4");
        assertThat(r.rows().get(0).euThreshold()).isEqualByComparingTo("216000");
        assertThat(r.months()).containsExactly(new Art35Queries.Month("2026-09", 1, 1, 1, 1), new Art35Queries.Month("2026-10", 1, 0, 0, 0));
        assertThat(new Art35Queries(db.connection(), Thresholds.defaults()).report(admin.select(Set.of(BUYER_B))).notified()).isZero();
    }

    @Test
    void transferableSegmentsAndReservationCandidates() throws Exception {
        InclusiveQueries inc = new InclusiveQueries(db.connection());
        // Family NET: the local ESAT E operates in it; buyer A paid G 5 000 there in 2024.
        assertThat(inc.segments(admin, 2024, 2025)).singleElement().satisfies(s -> {
            assertThat(s.buyerId()).isEqualTo(BUYER_A);
            assertThat(s.familyCode()).isEqualTo("NET");
            assertThat(s.sector()).isEqualTo(InclusiveQueries.Sector.ESAT_EA);
            assertThat(s.ordinaryAmount()).isEqualTo(eur("5000"));
            assertThat(s.inclusiveAmount()).isEqualTo(eur("4000"));
            assertThat(s.structures()).isEqualTo(1);
        });
        // A-3 (NET, held by G) ends 2027-06-01, within 24 months; A-4 ends in 2030; A-2 is reserved and held by the ESAT.
        assertThat(inc.candidates(admin, LocalDate.of(2026, 11, 22))).singleElement().satisfies(c -> {
            assertThat(c.contractId()).isEqualTo("A-3");
            assertThat(c.articles()).isEqualTo("L2113-12");
            assertThat(c.endDate()).isEqualTo(LocalDate.of(2027, 6, 1));
        });
        assertThatThrownBy(() -> inc.segments(Scope.anonymous(), 2024, 2025)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void aFamilyNotFlaggedForTheSectorIsNeitherASegmentNorACandidate() throws Exception {
        try (var st = db.connection().createStatement()) {
            st.execute("UPDATE nomenclature_family SET esat_ea = false WHERE code = 'NET'");
        }
        InclusiveQueries inc = new InclusiveQueries(db.connection());
        assertThat(inc.segments(admin, 2024, 2025)).isEmpty();
        assertThat(inc.candidates(admin, LocalDate.of(2026, 11, 22))).isEmpty();
    }
}
