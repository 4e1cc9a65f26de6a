package fr.achatlas.query.cube;

import fr.achatlas.store.Database;
import fr.achatlas.testing.CubeFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.achatlas.testing.CubeFixture.BUYER_A;
import static fr.achatlas.testing.CubeFixture.BUYER_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The access rules of {@link Scope}, applied inside the cube, on the fixture's spending lines. */
class ScopeTest {

    @TempDir
    Path dir;
    Database db;
    Cube cube;
    final Scope analystA = new Scope("alice", Role.ANALYST, Set.of(BUYER_A), Set.of());
    final Scope viewer = new Scope("vera", Role.VIEWER, Set.of(), Set.of());

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("t.duckdb"));
        CubeFixture.load(db);
        cube = new Cube(db.connection());
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private List<Object[]> spendingLines(Scope s, Map<String, List<String>> filters) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        cube.lines(new LinesQuery(Fact.SPENDING, filters, null, false, null, 0), s, rows::add);
        return rows;
    }

    @Test
    void analystOfANeverSeesTheSpendingLinesOfB() throws Exception {
        assertThat(spendingLines(analystA, Map.of())).extracting(r -> r[2]).containsOnly(BUYER_A).hasSize(3);
        assertThat(spendingLines(analystA, Map.of("buyer", List.of(BUYER_B)))).isEmpty();
        assertThat(spendingLines(analystA.select(Set.of(BUYER_B)), Map.of())).isEmpty();
        assertThat(spendingLines(analystA, Map.of("supplier_departement", List.of("44")))).isEmpty();
        assertThat(cube.countLines(new LinesQuery(Fact.SPENDING, Map.of(), null, false, null, 0), analystA)).isEqualTo(3);
    }

    @Test
    void analystSeesBuyerBreakdownsOfOwnBuyersOnlyAndConsolidatedTerritoryTotals() throws Exception {
        CubeResult byBuyer = cube.aggregate(new CubeQuery(Fact.SPENDING, List.of("buyer"), List.of("amount_spent"), Map.of(), null), analystA);
        assertThat(byBuyer.rows()).extracting(r -> r[0]).containsExactly(BUYER_A);
        CubeResult byDirectionOfB = cube.aggregate(new CubeQuery(Fact.SPENDING, List.of("direction"), List.of("amount_spent"),
                Map.of("buyer", List.of(BUYER_B)), null), analystA);
        assertThat(byDirectionOfB.rows()).isEmpty();
        CubeResult byDirection = cube.aggregate(new CubeQuery(Fact.SPENDING, List.of("direction"), List.of("amount_spent"), Map.of(), null), analystA);
        assertThat(byDirection.rows()).extracting(r -> r[0]).doesNotContain("Direction générale");
        // Consolidated, not broken down by buyer: the territory's total.
        CubeResult byDept = cube.aggregate(new CubeQuery(Fact.SPENDING, List.of("supplier_departement"), List.of("amount_spent"), Map.of(), null), analystA);
        assertThat(byDept.totals()[0]).isEqualTo(new BigDecimal("36000.00"));
    }

    @Test
    void viewerSeesAggregatesButNoSpendingLine() throws Exception {
        CubeResult byBuyer = cube.aggregate(new CubeQuery(Fact.SPENDING, List.of("buyer"), List.of("amount_spent"), Map.of(), null), viewer);
        assertThat(byBuyer.rows()).hasSize(2);
        assertThatThrownBy(() -> spendingLines(viewer, Map.of())).isInstanceOf(AccessDenied.class);
    }

    @Test
    void publicSeesContractsButNoSpending() throws Exception {
        Scope anonymous = Scope.anonymous();
        assertThatThrownBy(() -> cube.aggregate(new CubeQuery(Fact.SPENDING, List.of(), List.of("amount_spent"), Map.of(), null), anonymous))
                .isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> spendingLines(anonymous, Map.of())).isInstanceOf(AccessDenied.class);
        CubeResult contracts = cube.aggregate(new CubeQuery(Fact.CONTRACT, List.of("buyer"), List.of("contracts"), Map.of(), null), anonymous);
        assertThat(contracts.rows()).extracting(r -> r[0]).containsExactlyInAnyOrder(BUYER_A, BUYER_B);
    }

    @Test
    void selectionScopesEveryQueryToTheChosenBuyers() throws Exception {
        CubeResult onlyB = cube.aggregate(new CubeQuery(Fact.CONTRACT, List.of("buyer"), List.of("contracts"), Map.of(), null),
                viewer.select(Set.of(BUYER_B)));
        assertThat(onlyB.rows()).extracting(r -> r[0]).containsExactly(BUYER_B);
        assertThat(onlyB.totals()[0]).isEqualTo(2L);
    }
}
