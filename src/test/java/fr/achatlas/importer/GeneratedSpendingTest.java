package fr.achatlas.importer;

import fr.achatlas.check.ContractChecks;
import fr.achatlas.generate.TerritoryGenerator;
import fr.achatlas.query.SpendingQueries;
import fr.achatlas.store.Database;
import fr.achatlas.store.SpendingLinker;
import fr.achatlas.store.SupplierStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static fr.achatlas.store.StoreSnapshot.count;
import static org.assertj.core.api.Assertions.assertThat;

/** The generated territory's spending goes through the real paths: import, ×100 trap, SIRENE, inclusive list, links. */
class GeneratedSpendingTest {

    @TempDir
    Path dir;

    @Test
    void generatedSpendingImportsEnrichesAndLinks() throws Exception {
        Path files = dir.resolve("files");
        new TerritoryGenerator().generate(files, 7, new TerritoryGenerator.Settings(10, 2022, 2023, 60_000_000, 0.6, 400));
        List<Path> spending;
        try (Stream<Path> s = Files.list(files)) {
            spending = s.filter(p -> p.getFileName().toString().startsWith("depenses_")).sorted().toList();
        }
        assertThat(spending).hasSize(20);
        try (Database db = Database.open(dir.resolve("t.duckdb"))) {
            new DecpImporter(db, new ContractChecks(LocalDate.of(2024, 6, 1))::check, DecpImporter.ProgressListener.NONE)
                    .importAll(List.of(files));
            List<SpendingImporter.Report> reports = new SpendingImporter(db, null, null).importAll(spending);
            assertThat(reports).extracting(SpendingImporter.Report::profile).contains("mandats-cp1252", "depenses-tabulation", "paiements-pipe");
            assertThat(reports).allSatisfy(r -> assertThat(r.read()).isEqualTo(r.loaded() + r.duplicates() + r.rejected()));
            assertThat(reports).filteredOn(r -> !r.x100Evidence().isEmpty()).singleElement()
                    .satisfies(r -> assertThat(r.file()).endsWith("_2023.txt"));
            // the hospital's spreadsheets: title block skipped, total row rejected, amounts to the cent of that total
            List<SpendingImporter.Report> xlsx = reports.stream().filter(r -> r.format().equals("XLSX")).toList();
            assertThat(xlsx).hasSize(2).allSatisfy(r -> {
                assertThat(r.profile()).isEqualTo("generic-fr");
                assertThat(r.aboveHeader()).extracting(fr.achatlas.spending.SpendingReader.PreambleRow::line).containsExactly(1L, 2L);
                assertThat(r.rejected()).isEqualTo(1);
                assertThat(r.rejectedByRule()).containsKey("SPENDING_DATE_MISSING");
                assertThat(r.warnings()).isZero();
                assertThat(sumHt(db, r.batchId())).isEqualByComparingTo(totalRowHt(Path.of(r.file())));
            });
            ReferentialImports refs = new ReferentialImports(db);
            new SupplierStore(db).unifyIdentifiers();
            refs.geography();
            new fr.achatlas.store.GeoStore(db).setLocalDefinition(new fr.achatlas.model.Geo.LocalDefinition("DEPARTEMENT", "35047", null, null));
            refs.sirene(files.resolve("sirene_StockEtablissement.csv"), false, Set.of("35"));
            refs.sirene(files.resolve("sirene_StockUniteLegale.csv"), false, null);
            refs.inclusion(files.resolve("inclusion_structures.csv"), LocalDate.of(2023, 6, 30), null);
            SpendingLinker.Counts k = new SpendingLinker(db).run(null);
            assertThat(k.byReference()).isPositive();
            assertThat(k.bySupplierPeriod()).isPositive();
            assertThat(k.namesByHistory()).isPositive();
            var c = db.connection();
            // non-diffusible sole traders of the extract: kept (located in 35) but nameless
            assertThat(count(c, "SELECT count(*) FROM supplier_unit WHERE NOT diffusible")).isPositive();
            assertThat(count(c, "SELECT count(*) FROM supplier_unit WHERE NOT diffusible AND name IS NOT NULL")).isZero();
            SpendingQueries.Enrichment e = new SpendingQueries(c).enrichment();
            assertThat(e.withSize().doubleValue() / e.total().doubleValue()).isGreaterThan(0.95);
            assertThat(e.inclusive().signum()).isPositive();
            assertThat(e.underContract().signum()).isPositive();
            assertThat(count(c, "SELECT count(*) FROM spending_fact WHERE supplier_id_type = 'SIRET' AND is_local IS NULL")).isZero();
            assertThat(count(c, "SELECT count(*) FROM spending_fact WHERE is_local")).isPositive();
        }
    }

    private static java.math.BigDecimal sumHt(Database db, int batch) throws Exception {
        try (var st = db.connection().createStatement();
             var rs = st.executeQuery("SELECT sum(amount_ht) FROM spending_line WHERE batch_id = " + batch)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    /** The HT amount of the sheet's "Total" row, as written in the file. */
    private static java.math.BigDecimal totalRowHt(Path xlsx) throws Exception {
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(xlsx.toFile());
             Stream<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().openStream()) {
            return rows.filter(r -> "Total".equals(r.getCellText(0))).map(r -> new java.math.BigDecimal(r.getCellRawValue(7).orElseThrow()))
                    .findFirst().orElseThrow().setScale(2, java.math.RoundingMode.HALF_EVEN);
        }
    }
}
