package fr.achatlas.query.cube;

import fr.achatlas.store.Database;
import fr.achatlas.store.StoreChanges;
import fr.achatlas.testing.CubeFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.achatlas.testing.CubeFixture.BUYER_A;
import static fr.achatlas.testing.CubeFixture.BUYER_B;
import static fr.achatlas.testing.CubeFixture.H1;
import static fr.achatlas.testing.CubeFixture.H2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CubeTest {

    @TempDir
    Path dir;
    Database db;
    Cube cube;
    final Scope admin = new Scope("admin", Role.ADMIN, Set.of(), Set.of());

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

    private CubeResult agg(Fact fact, List<String> axes, List<String> measures, Map<String, List<String>> filters, Integer top, Scope s)
            throws Exception {
        return cube.aggregate(new CubeQuery(fact, axes, measures, filters, top), s);
    }

    private static BigDecimal eur(String v) {
        return new BigDecimal(v).setScale(2);
    }

    @Test
    void coHoldersShareTheAmountSoSumsNeverDoubleCount() throws Exception {
        CubeResult bySupplier = agg(Fact.CONTRACT, List.of("supplier"), List.of("amount_initial", "contracts"), Map.of(), null, admin);
        // A-1 100 000 split 50/50; H1 also A-2 30 000 and J-1 twice 40 000; H2 also B-1 200 000.
        assertThat(bySupplier.rows()).extracting(r -> r[0], r -> r[2], r -> r[3]).containsExactly(
                org.assertj.core.groups.Tuple.tuple(H2, eur("250000"), 2L),
                org.assertj.core.groups.Tuple.tuple(H1, eur("160000"), 4L));
        assertThat(bySupplier.totals()[0]).isEqualTo(eur("410000"));
        assertThat(bySupplier.totals()[1]).isEqualTo(5L);
        assertThat((Double) bySupplier.rows().get(0)[4]).isCloseTo(250000.0 / 410000, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void snapshotFollowsTheStore() throws Exception {
        assertThat(agg(Fact.CONTRACT, List.of("buyer"), List.of("contracts"), Map.of(), null, admin).rows())
                .extracting(r -> r[1]).contains("Commune d'Alpha");
        try (var st = db.connection().createStatement()) {
            st.execute("UPDATE buyer SET name = 'Commune d''Alpha-sur-Mer' WHERE buyer_id = '" + BUYER_A + "'");
        }
        assertThat(agg(Fact.CONTRACT, List.of("buyer"), List.of("contracts"), Map.of(), null, admin).rows())
                .extracting(r -> r[1]).contains("Commune d'Alpha-sur-Mer").doesNotContain("Commune d'Alpha");
        CubeFixture.importOne(db, "A-3");
        assertThat(agg(Fact.CONTRACT, List.of(), List.of("contracts"), Map.of(), null, admin).totals()[0]).isEqualTo(6L);
    }

    @Test
    void aWatchedStoreIsReadAgainOnlyOnceAChangeIsReported() throws Exception {
        StoreChanges.watch(db.connection());
        try {
            assertThat(agg(Fact.CONTRACT, List.of("buyer"), List.of("contracts"), Map.of(), null, admin).rows())
                    .extracting(r -> r[1]).contains("Commune d'Alpha");
            try (var st = db.connection().createStatement()) {
                st.execute("UPDATE buyer SET name = 'Commune d''Alpha-sur-Mer' WHERE buyer_id = '" + BUYER_A + "'");
            }
            // Not reported: the snapshot is trusted as it is (this is what spares every request the store check).
            assertThat(agg(Fact.CONTRACT, List.of("buyer"), List.of("contracts"), Map.of(), null, admin).rows())
                    .extracting(r -> r[1]).contains("Commune d'Alpha");
            try (var other = db.duplicate()) { // any connection to the store reports for the store
                StoreChanges.changed(other);
            }
            assertThat(agg(Fact.CONTRACT, List.of("buyer"), List.of("contracts"), Map.of(), null, admin).rows())
                    .extracting(r -> r[1]).contains("Commune d'Alpha-sur-Mer").doesNotContain("Commune d'Alpha");
        } finally {
            StoreChanges.unwatch(db.connection());
        }
    }

    @Test
    void othersHoldNoAmountWhenNoneOfTheirGroupsHasOne() throws Exception {
        // Only B's contracts keep an amount (amount rule: flagged, not summed): beyond the top buyer, nothing to add up.
        try (var st = db.connection().createStatement()) {
            st.execute("UPDATE contract SET amount_suspect = true WHERE buyer_id <> '" + BUYER_B + "'");
        }
        CubeQuery q = new CubeQuery(Fact.CONTRACT, List.of("buyer"), List.of("amount_initial", "contracts"), Map.of(), 1);
        CubeResult onePass = cube.aggregate(q, admin);
        CubeResult general = new Cube(db.connection(), false, false).aggregate(q, admin);
        Object[] others = onePass.rows().stream().filter(r -> CubeQuery.OTHERS_KEY.equals(r[0])).findFirst().orElseThrow();
        assertThat(others[2]).isNull();
        assertThat(others[3]).isEqualTo(3L);
        assertThat(onePass.rows()).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(general.rows());
        assertThat(onePass.totals()).containsExactly(general.totals());
    }

    @Test
    void drillDownFiltersAndHierarchy() throws Exception {
        assertThat(Registry.dimension("year").child()).isEqualTo("month");
        CubeResult months = agg(Fact.CONTRACT, List.of("month"), List.of("amount_initial"),
                Map.of("year", List.of("2023"), "buyer", List.of(BUYER_A)), null, admin);
        // An integer axis filtered with a string value (as URLs carry it), and with "not filled in".
        assertThat(agg(Fact.CONTRACT, List.of("buyer"), List.of("contracts"), Map.of("year", List.of("2024", CubeQuery.NULL_KEY)), 5, admin)
                .totals()[0]).isEqualTo(4L);
        assertThat(months.rows()).hasSize(1);
        assertThat(months.rows().get(0)[0]).isEqualTo("2023-06");
        assertThat(months.rows().get(0)[2]).isEqualTo(eur("30000"));
    }

    @Test
    void pivotCrossesTwoAxesAndTopNGathersTheRestInAutres() throws Exception {
        CubeResult pivot = agg(Fact.CONTRACT, List.of("buyer", "cpv_division"), List.of("amount_initial"), Map.of(), null, admin);
        List<String> cells = new ArrayList<>();
        for (Object[] r : pivot.rows()) cells.add(r[0] + "/" + r[2] + "=" + r[4]);
        assertThat(cells).containsExactlyInAnyOrder(BUYER_B + "/45=240000.00", BUYER_A + "/45=140000.00", BUYER_A + "/90=30000.00");

        CubeResult top1 = agg(Fact.CONTRACT, List.of("cpv"), List.of("amount_initial"), Map.of(), 1, admin);
        assertThat(top1.rows()).extracting(r -> r[0], r -> r[1], r -> r[2]).containsExactly(
                org.assertj.core.groups.Tuple.tuple("45210000", "45210000", eur("200000")),
                org.assertj.core.groups.Tuple.tuple(CubeQuery.OTHERS_KEY, "Autres", eur("210000")));
    }

    @Test
    void mutualisationJointContractsAndConsiderations() throws Exception {
        CubeResult mutual = agg(Fact.CONTRACT, List.of("mutualisation"), List.of("contracts"), Map.of(), null, admin);
        assertThat(mutual.rows()).extracting(r -> r[0] + ":" + r[1] + ":" + r[2])
                .containsExactly("1:1 seul acheteur:1", "2-3:2 à 3 acheteurs:4");
        CubeResult joint = agg(Fact.CONTRACT, List.of("joint"), List.of("contracts"), Map.of("joint", List.of("true")), null, admin);
        assertThat(joint.rows()).extracting(r -> r[1] + "=" + r[2]).containsExactly("Oui=2");
        CubeResult social = agg(Fact.CONTRACT, List.of("has_social"), List.of("contracts"), Map.of(), null, admin);
        assertThat(social.rows()).extracting(r -> r[1] + "=" + r[2]).containsExactlyInAnyOrder("Oui=1", "Non=4");
    }

    @Test
    void nullMembersAreNamedAndFilterable() throws Exception {
        CubeResult byDept = agg(Fact.CONTRACT, List.of("supplier_departement"), List.of("contracts"), Map.of(), null, admin);
        assertThat(byDept.rows()).extracting(r -> r[0] + "=" + r[1]).containsExactly(CubeQuery.NULL_KEY + "=Non renseigné");
        CubeResult filtered = agg(Fact.CONTRACT, List.of(), List.of("contracts"), Map.of("supplier_departement", List.of(CubeQuery.NULL_KEY)), null, admin);
        assertThat(filtered.totals()[0]).isEqualTo(5L);
    }

    @Test
    void userValuesAreBoundNeverConcatenated() throws Exception {
        CubeResult r = agg(Fact.CONTRACT, List.of("buyer"), List.of("contracts"), Map.of("buyer", List.of("x') OR true --")), null, admin);
        assertThat(r.rows()).isEmpty();
        assertThatThrownBy(() -> agg(Fact.CONTRACT, List.of("buyer; DROP TABLE contract"), List.of("contracts"), Map.of(), null, admin))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Axe inconnu");
        assertThatThrownBy(() -> agg(Fact.CONTRACT, List.of("buyer"), List.of("sum(amount)"), Map.of(), null, admin))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Mesure inconnue");
        assertThatThrownBy(() -> cube.lines(new LinesQuery(Fact.CONTRACT, Map.of(), "object; --", false, 10, 0), admin, row -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linesUnderACellAreSortedAndPaged() throws Exception {
        LinesQuery q = new LinesQuery(Fact.CONTRACT, Map.of("supplier", List.of(H1)), "amount_initial", true, 2, 0);
        List<Object[]> rows = new ArrayList<>();
        cube.lines(q, admin, rows::add);
        assertThat(cube.countLines(q, admin)).isEqualTo(4);
        assertThat(rows).hasSize(2);
        // H1's share of A-1 is 50 000: the row shows the share of the filtered holder, as the cell does.
        assertThat(rows).extracting(r -> r[1] + "=" + r[10]).containsExactly("A-1=50000.00", "J-1=40000.00");
        List<Object[]> page2 = new ArrayList<>();
        cube.lines(new LinesQuery(Fact.CONTRACT, Map.of("supplier", List.of(H1)), "amount_initial", true, 2, 2), admin, page2::add);
        assertThat(page2).extracting(r -> r[1] + "=" + r[10]).containsExactly("J-1=40000.00", "A-2=30000.00");
    }

    @Test
    void spendingMeasuresAndLines() throws Exception {
        CubeResult byBuyer = agg(Fact.SPENDING, List.of("buyer"), List.of("amount_spent", "lines"), Map.of(), null, admin);
        assertThat(byBuyer.rows()).extracting(r -> r[0] + "=" + r[2] + "/" + r[3])
                .containsExactly(BUYER_B + "=30000.00/2", BUYER_A + "=6000.00/3");
        assertThatThrownBy(() -> agg(Fact.SPENDING, List.of("procedure"), List.of("amount_spent"), Map.of(), null, admin))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> agg(Fact.SPENDING, List.of("buyer"), List.of("amount_initial"), Map.of(), null, admin))
                .isInstanceOf(IllegalArgumentException.class);
        List<Object[]> lines = new ArrayList<>();
        cube.lines(new LinesQuery(Fact.SPENDING, Map.of("direction", List.of("Direction technique")), "amount_spent", false, null, 0), admin, lines::add);
        assertThat(lines).extracting(r -> Arrays.asList(r).get(0)).containsExactly("A-L1", "A-L2");
    }
}
