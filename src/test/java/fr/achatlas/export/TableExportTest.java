package fr.achatlas.export;

import fr.achatlas.query.cube.Cube;
import fr.achatlas.query.cube.CubeQuery;
import fr.achatlas.query.cube.CubeResult;
import fr.achatlas.query.cube.Fact;
import fr.achatlas.query.cube.Role;
import fr.achatlas.query.cube.Scope;
import fr.achatlas.store.Database;
import fr.achatlas.testing.CubeFixture;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A cube view exported in each format carries the numbers shown on screen. */
class TableExportTest {

    @TempDir
    Path dir;
    Database db;
    CubeResult view;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("t.duckdb"));
        CubeFixture.load(db);
        view = new Cube(db.connection()).aggregate(new CubeQuery(Fact.CONTRACT, List.of("buyer"), List.of("amount_initial", "contracts"),
                Map.of(), null), new Scope("a", Role.ADMIN, Set.of(), Set.of()));
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private byte[] export(ExportFormat f) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = TableExport.write(f, "Vue", view.columns(), h -> {
            for (Object[] r : view.rows()) h.row(r);
        }, out, db.connection());
        assertThat(n).isEqualTo(2);
        return out.toByteArray();
    }

    @Test
    void csvIsExcelFrench() throws Exception {
        String csv = new String(export(ExportFormat.CSV), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFAcheteur (code);Acheteur;Montant initial");
        // Bêta 240 000 of 410 000 = 58,5366 %, decimal commas.
        assertThat(csv).contains(CubeFixture.BUYER_B + ";Commune de Bêta;240000,00;2;58,5366");
    }

    @Test
    void xlsxHasNumbersNotText() throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(export(ExportFormat.XLSX)))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(2)).startsWith("Montant initial");
            assertThat(rows.get(1).getCellAsNumber(2)).hasValueSatisfying(v -> assertThat(v.doubleValue()).isEqualTo(240000.0));
            assertThat(rows.get(1).getCellAsNumber(4)).hasValueSatisfying(v -> assertThat(v.doubleValue()).isCloseTo(0.5854, org.assertj.core.data.Offset.offset(1e-4)));
        }
    }

    @Test
    void parquetIsTypedAndComplete() throws Exception {
        Path p = dir.resolve("v.parquet");
        Files.write(p, export(ExportFormat.PARQUET));
        try (Statement st = db.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT sum(amount_initial), sum(contracts), typeof(any_value(amount_initial)) FROM read_parquet('"
                     + p.toString().replace("'", "''") + "')")) {
            rs.next();
            assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("410000");
            assertThat(rs.getLong(2)).isEqualTo(5);
            assertThat(rs.getString(3)).isEqualTo("DECIMAL(18,2)");
        }
    }
}
