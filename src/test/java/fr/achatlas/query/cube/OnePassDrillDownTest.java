package fr.achatlas.query.cube;

import fr.achatlas.check.ContractChecks;
import fr.achatlas.classify.run.Reclassifier;
import fr.achatlas.generate.TerritoryGenerator;
import fr.achatlas.importer.DecpImporter;
import fr.achatlas.parse.TerritoryFileReader;
import fr.achatlas.store.Database;
import fr.achatlas.store.TerritoryStore;
import fr.achatlas.importer.SpendingImporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explorer's one-axis drill-down runs in one pass (grouping sets ranked in SQL, "Autres" added up where the
 * measure allows) and spending aggregates read the rollup when they can: on the generated territory (contracts and
 * four buyers' spending exports), every axis × every measure × top N × filter × role gives exactly the numbers of the
 * general path over the lines (totals, ranking, then aggregate), "Autres" and shares included.
 */
class OnePassDrillDownTest {

    @TempDir
    static Path dir;
    static Database db;
    static String analystBuyer;

    @BeforeAll
    static void load() throws Exception {
        Path files = dir.resolve("files");
        new TerritoryGenerator().generate(files, 42);
        db = Database.open(dir.resolve("t.duckdb"));
        new TerritoryStore(db).save(TerritoryFileReader.read(files.resolve("territory.json")));
        new DecpImporter(db, new ContractChecks(LocalDate.of(2026, 11, 22))::check, DecpImporter.ProgressListener.NONE)
                .importAll(List.of(files));
        List<Path> spending;
        try (var files2 = java.nio.file.Files.list(files)) {
            spending = files2.filter(p -> p.getFileName().toString().startsWith("depenses_")).sorted().limit(4).toList();
        }
        new SpendingImporter(db, null, null).importAll(spending);
        analystBuyer = spending.get(0).getFileName().toString().split("_")[1];
        new Reclassifier(db).run("test");
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @Test
    void everyAxisAndMeasureGivesTheNumbersOfTheGeneralPath() throws Exception {
        Cube onePass = new Cube(db.connection());
        Cube general = new Cube(db.connection(), false, false);
        Scope admin = new Scope("admin", Role.ADMIN, Set.of(), Set.of());
        Scope analyst = new Scope("alice", Role.ANALYST, Set.of(analystBuyer), Set.of());
        List<Map<String, List<String>>> filters = List.of(Map.of(), Map.of("year", List.of("2024")),
                Map.of("procedure", List.of("Procédure adaptée"), "year", List.of("2023", "2025")));
        int compared = 0;
        List<String> onRollup = new ArrayList<>();
        List<String> withOthers = new ArrayList<>();
        for (Fact fact : Fact.values()) {
            List<String> all = Registry.measures().stream().filter(m -> m.fact() == fact).map(Measure::name).toList();
            // Sums, line, contract and buyer counts alone are answered from a rollup.
            List<List<String>> measureSets = fact == Fact.CONTRACT
                    ? List.of(all, List.of("amount_current", "contracts"), List.of("contracts", "buyers", "amount_initial"))
                    : List.of(all, List.of("amount_spent", "lines", "spending_buyers"), List.of("lines"));
            // (with every measure, supplier counts included, axes on buyer, family or supplier read the supplier rollup)
            for (List<String> measures : measureSets)
            for (Dimension d : Registry.dimensions()) {
                if (!d.on(fact)) continue;
                for (Map<String, List<String>> f : filters) {
                    if (fact == Fact.SPENDING && f.containsKey("procedure")) continue;
                    for (Integer top : Arrays.asList(null, 1, 5)) {
                        for (Scope scope : List.of(admin, analyst)) {
                            CubeQuery q = new CubeQuery(fact, List.of(d.name()), measures, f, top);
                            CubeResult expected;
                            try {
                                expected = general.aggregate(q, scope);
                            } catch (AccessDenied e) {
                                continue;
                            }
                            CubeResult actual = onePass.aggregate(q, scope);
                            String what = fact + " " + d.name() + " " + f + " top " + top + " " + scope.role() + " " + measures;
                            Registry.rollupFor(fact, List.of(d), f.keySet(), q.measures().stream().map(Registry::measure).toList())
                                    .ifPresent(onRollup::add);
                            assertThat(actual.columns()).as(what).isEqualTo(expected.columns());
                            assertThat(actual.totals()).as(what).containsExactly(expected.totals());
                            assertThat(actual.truncated()).as(what).isEqualTo(expected.truncated());
                            assertThat(actual.rows()).as(what).hasSameSizeAs(expected.rows());
                            for (int i = 0; i < expected.rows().size(); i++) {
                                assertThat(actual.rows().get(i)).as(what + " row " + i).containsExactly(expected.rows().get(i));
                            }
                            if (expected.rows().stream().anyMatch(r -> CubeQuery.OTHERS_KEY.equals(r[0]))) withOthers.add(what);
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(300);
        assertThat(onRollup).hasSizeGreaterThan(100).contains("fact_spending_rollup", "fact_spending_supplier_rollup", "fact_contract_rollup");
        // "Autres" is exercised on axes where distinct counts add up and on those where they do not.
        assertThat(withOthers).anyMatch(w -> w.startsWith("CONTRACT supplier "))
                .anyMatch(w -> w.startsWith("SPENDING account "))
                .anyMatch(w -> w.startsWith("CONTRACT buyer "))
                .anyMatch(w -> w.startsWith("SPENDING "));
    }
}
