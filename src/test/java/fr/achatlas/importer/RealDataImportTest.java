package fr.achatlas.importer;

import fr.achatlas.check.ContractChecks;
import fr.achatlas.store.Database;
import fr.achatlas.store.StoreSnapshot;
import fr.achatlas.testing.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static fr.achatlas.store.StoreSnapshot.count;
import static org.assertj.core.api.Assertions.assertThat;

/** The real multi-buyer files and the official examples (skipped, visibly, without ../shared/data). */
class RealDataImportTest {

    @TempDir
    Path dir;
    Database db;
    DecpImporter importer;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("t.duckdb"));
        importer = new DecpImporter(db, new ContractChecks(LocalDate.of(2026, 11, 1))::check, DecpImporter.ProgressListener.NONE);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void officialExamplesLoadWithoutAnyFatalFinding() throws Exception {
        Path v15 = SharedData.require("decp/examples-v1.5");
        Path v2 = SharedData.require("decp/examples-v2");

        ImportReport r = importer.importAll(List.of(v15, v2));

        assertThat(r.rejected()).isZero();
        assertThat(r.rejectedByRule()).isEmpty();
        assertThat(r.read()).isEqualTo(r.loaded() + r.duplicates());
        // the same examples exist in JSON and XML: the copies merge
        assertThat(r.duplicates()).isPositive();
        assertThat(count(db.connection(), "SELECT count(*) FROM contract WHERE kind = 'CONCESSION'")).isPositive();
        assertThat(count(db.connection(), "SELECT count(*) FROM contract WHERE modification_count > 0")).isPositive();
    }

    @Test
    void realMultiBuyerFilesAreFullyAccountedForWithTheirKnownDefects() throws Exception {
        Path emp = SharedData.require("decp/real-2019-format/e-marchespublics_2019-04-03.json");
        Path pes = SharedData.require("decp/real-2019-format/data.gouv.fr_pes_2019-04-05.json");
        Path aife = SharedData.require("decp/real-2019-format/data.gouv.fr_aife_2019-04-04.json");

        ImportReport r = importer.importAll(List.of(emp, pes, aife));

        assertThat(r.files()).extracting(FileReport::read).containsExactly(470L, 1148L, 4530L);
        for (FileReport f : r.files()) {
            assertThat(f.read()).as(f.file()).isEqualTo(f.loaded() + f.duplicates() + f.rejected());
        }
        var c = db.connection();
        assertThat(count(c, "SELECT count(*) FROM contract")).isEqualTo(r.loaded());
        assertThat(count(c, "SELECT count(*) FROM contract_source")).isEqualTo(r.loaded() + r.duplicates());
        // known defects, reported as findings
        assertThat(r.warningsByRule()).containsKeys("HOLDER_SIRET_INVALID", "BUYER_SIRET_INVALID", "NOTIFICATION_DATE_MISSING");
        assertThat(count(c, "SELECT count(*) FROM finding f JOIN import_batch b USING (batch_id) WHERE f.rule = 'DATE_TIMEZONE_REMOVED' AND b.file_name LIKE '%pes%'")).isPositive();
        assertThat(count(c, "SELECT count(*) FROM finding WHERE rule = 'CPV_REPAIRED'")).isPositive();
        assertThat(count(c, "SELECT count(*) FROM finding WHERE rule = 'ID_TYPE_MAPPED'")).isPositive();
        assertThat(count(c, "SELECT count(*) FROM finding WHERE rule = 'PROCEDURE_MAPPED'")).isPositive();
        assertThat(count(c, "SELECT count(*) FROM finding WHERE rule = 'ID_REUSED'")).isPositive();
        assertThat(r.duplicates()).isPositive();
        // no contract key twice: the merge guarantees what the schema does not enforce
        assertThat(count(c, "SELECT count(*) - count(DISTINCT contract_key) FROM contract")).isZero();
        // a repaired CPV keeps what was published
        assertThat(count(c, "SELECT count(*) FROM contract WHERE cpv = '09310000' AND cpv_original = '9310000'")).isPositive();

        var before = StoreSnapshot.of(c);
        ImportReport again = importer.importAll(List.of(emp, pes, aife));
        assertThat(again.loaded()).isZero();
        assertThat(StoreSnapshot.of(c)).isEqualTo(before);
    }
}
