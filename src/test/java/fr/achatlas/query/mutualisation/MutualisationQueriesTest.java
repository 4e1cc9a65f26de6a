package fr.achatlas.query.mutualisation;

import fr.achatlas.query.cube.Cube;
import fr.achatlas.query.cube.CubeQuery;
import fr.achatlas.query.cube.CubeResult;
import fr.achatlas.query.cube.Fact;
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
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Opportunities on {@link ProgrammeFixture}: ENV03 is bought by A and B, BAT01 by C alone. */
class MutualisationQueriesTest {

    @TempDir
    static Path dir;
    static Database db;
    static final MutualisationQueries.Params P = new MutualisationQueries.Params(ProgrammeFixture.TODAY, 3, 36);

    @BeforeAll
    static void load() throws Exception {
        db = Database.open(dir.resolve("t.duckdb"));
        ProgrammeFixture.load(db);
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @Test
    void oneOpportunityWithHandComputedFigures() throws Exception {
        Scope admin = new Scope("admin", Role.ADMIN, Set.of(), Set.of());
        List<MutualisationQueries.Opportunity> list = new MutualisationQueries(db.connection()).opportunities(P, admin);
        assertThat(list).singleElement().satisfies(o -> {
            assertThat(o.familyKey()).isEqualTo("ENV03");
            assertThat(o.nature()).isEqualTo("FOURNITURES");
            assertThat(o.buyers()).isEqualTo(2);
            assertThat(o.levelKey()).isEqualTo("2-3");
            assertThat(o.amount()).isEqualByComparingTo("150000");
            assertThat(o.yearlyAmount()).isEqualByComparingTo("50000");
            assertThat(o.contracts()).isEqualTo(2);
            assertThat(o.suppliers()).isEqualTo(1);
            assertThat(o.sharedSuppliers()).isEqualTo(1);
            assertThat(o.jointContracts()).isZero();
            assertThat(o.endingContracts()).isEqualTo(2);
            assertThat(o.windowStart()).isEqualTo(LocalDate.of(2027, 2, 10));
            assertThat(o.windowEnd()).isEqualTo(LocalDate.of(2027, 6, 1));
            assertThat(o.prepareBy()).isEqualTo(LocalDate.of(2026, 8, 10));
            // 5 % and 12 % of 50 000 €, rounded to the thousand: 2 500 → 3 000 and 6 000.
            assertThat(o.savingsLow()).isEqualByComparingTo("3000");
            assertThat(o.savingsHigh()).isEqualByComparingTo("6000");
            // A 38 000 + B 50 000 + C 50 000 paid off contract since 2023-11-22
            assertThat(o.offContractSpending()).isEqualByComparingTo("138000");
        });
        // Anonymous visitors get the same opportunity and savings, without the spending.
        MutualisationQueries.Opportunity pub = new MutualisationQueries(db.connection()).opportunities(P, Scope.anonymous()).get(0);
        assertThat(pub.savingsHigh()).isEqualByComparingTo("6000");
        assertThat(pub.offContractSpending()).isNull();
    }

    @Test
    void aChosenPerimeterSeesTheFamiliesItTakesPartInWithItsShare() throws Exception {
        MutualisationQueries q = new MutualisationQueries(db.connection());
        Scope admin = new Scope("admin", Role.ADMIN, Set.of(), Set.of());
        // A holds one of the two ENV03 contracts (30 000 of 150 000) and pays 38 000 off contract.
        assertThat(q.opportunities(P, admin.select(Set.of(ProgrammeFixture.A)))).singleElement().satisfies(o -> {
            assertThat(o.familyKey()).isEqualTo("ENV03");
            assertThat(o.amount()).isEqualByComparingTo("150000");
            assertThat(o.buyers()).isEqualTo(2);
            assertThat(o.selection().amount()).isEqualByComparingTo("30000");
            assertThat(o.selection().contracts()).isEqualTo(1);
            assertThat(o.selection().offContractSpending()).isEqualByComparingTo("38000");
        });
        // C has no ENV03 contract but pays 50 000 for it off contract: a third buyer who could join.
        assertThat(q.opportunities(P, admin.select(Set.of(ProgrammeFixture.C)))).singleElement().satisfies(o -> {
            assertThat(o.selection().contracts()).isZero();
            assertThat(o.selection().amount()).isEqualByComparingTo("0");
            assertThat(o.selection().offContractSpending()).isEqualByComparingTo("50000");
        });
        // Who may not see C's spending sees no part of C in ENV03; the public sees contracts only.
        Scope analystA = new Scope("alice", Role.ANALYST, Set.of(ProgrammeFixture.A), Set.of());
        assertThat(q.opportunities(P, analystA.select(Set.of(ProgrammeFixture.C)))).isEmpty();
        assertThat(q.opportunities(P, Scope.anonymous().select(Set.of(ProgrammeFixture.C)))).isEmpty();
        assertThat(q.opportunities(P, Scope.anonymous().select(Set.of(ProgrammeFixture.B)))).singleElement()
                .satisfies(o -> assertThat(o.selection().offContractSpending()).isNull());
        // Without a choice, the territory's list carries no share.
        assertThat(q.opportunities(P, admin)).singleElement().satisfies(o -> assertThat(o.selection()).isNull());
    }

    @Test
    void theLevelIsTheCubeAxisValue() throws Exception {
        CubeResult r = new Cube(db.connection()).aggregate(new CubeQuery(Fact.CONTRACT, List.of("mutualisation"), List.of("contracts"),
                Map.of("family", List.of("ENV03")), null), Scope.anonymous());
        assertThat(r.rows()).singleElement().satisfies(row -> assertThat(row[0]).isEqualTo("2-3"));
    }

    @Test
    void buyersOfAFamily() throws Exception {
        List<MutualisationQueries.BuyerShare> b = new MutualisationQueries(db.connection()).buyers("ENV03", P);
        assertThat(b).extracting(MutualisationQueries.BuyerShare::buyerId).containsExactly(ProgrammeFixture.B, ProgrammeFixture.A);
        assertThat(b.get(0).amount()).isEqualByComparingTo(new BigDecimal("120000"));
        assertThat(b.get(1).nextEnd()).isEqualTo(LocalDate.of(2027, 2, 10));
        assertThat(b.get(1).nextEndObject()).isEqualTo("Fourniture de plants");
    }
}
