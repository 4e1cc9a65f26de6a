package fr.achatlas.importer;

import fr.achatlas.check.ContractChecks;
import fr.achatlas.generate.TerritoryGenerator;
import fr.achatlas.store.Database;
import fr.achatlas.store.StoreSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static fr.achatlas.store.StoreSnapshot.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The whole import path on the project's own fixtures (no ../shared needed). */
class DecpImporterTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/decp");

    @TempDir
    Path dir;
    Database db;
    DecpImporter importer;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("t.duckdb"));
        importer = new DecpImporter(db, new ContractChecks(LocalDate.of(2025, 6, 1))::check, DecpImporter.ProgressListener.NONE);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void everyRecordOfEveryFixtureIsAccountedFor() throws Exception {
        // a directory brings its *.json and *.xml; a file named explicitly is imported whatever its extension
        ImportReport r = importer.importAll(List.of(FIXTURES, FIXTURES.resolve("not-decp.csv")));

        assertThat(r.files()).hasSizeGreaterThanOrEqualTo(8);
        for (FileReport f : r.files()) {
            assertThat(f.read()).as(f.file()).isEqualTo(f.loaded() + f.duplicates() + f.rejected());
        }
        assertThat(r.read()).isEqualTo(r.loaded() + r.duplicates() + r.rejected());
        assertThat(r.loaded()).isEqualTo(count(db.connection(), "SELECT count(*) FROM contract"));
        assertThat(r.rejected()).isEqualTo(count(db.connection(), "SELECT count(DISTINCT (file_sha256, record_position)) FROM reject"));
        // the broken files are rejected with a reason a person can act on, not dropped
        assertThat(r.rejectedByRule()).containsKeys("PARSE_ERROR", "NOT_A_CONTRACT");
        assertThat(count(db.connection(), "SELECT count(*) FROM reject WHERE file_name = 'truncated.json' AND rule = 'PARSE_ERROR'")).isEqualTo(1);
        assertThat(count(db.connection(), "SELECT count(*) FROM reject WHERE file_name = 'not-decp.csv' AND message IS NOT NULL")).isEqualTo(1);
        // repairs of the 2019 defects file are traced as findings, warnings counted in the report
        assertThat(count(db.connection(), "SELECT count(*) FROM finding WHERE rule = 'DATE_TIMEZONE_REMOVED'")).isPositive();
        assertThat(count(db.connection(), "SELECT count(*) FROM finding WHERE rule = 'CPV_REPAIRED' AND value = '7731300'")).isPositive();
        assertThat(r.warningsByRule()).isNotEmpty();
    }

    @Test
    void readingJsonOnEveryCoreStoresExactlyWhatTheStreamingReaderStores() throws Exception {
        Path territory = dir.resolve("territory");
        new TerritoryGenerator().generate(territory, 11);
        List<Path> inputs = List.of(territory, FIXTURES);
        ImportReport parallel = importer.importAll(inputs);
        var stored = StoreSnapshot.of(db.connection());
        long batches = count(db.connection(), "SELECT count(*) FROM import_batch");

        try (Database streamed = Database.open(dir.resolve("streamed.duckdb"))) {
            ImportReport sequential = new DecpImporter(streamed, new ContractChecks(LocalDate.of(2025, 6, 1))::check,
                    DecpImporter.ProgressListener.NONE).splitJson(false).importAll(inputs);
            assertThat(StoreSnapshot.of(streamed.connection())).isEqualTo(stored);
            assertThat(parallel.files()).extracting(FileReport::read, FileReport::loaded, FileReport::duplicates,
                    FileReport::rejected, FileReport::rejectedByRule, FileReport::warningsByRule)
                    .isEqualTo(sequential.files().stream().map(f -> tuple(f.read(), f.loaded(),
                            f.duplicates(), f.rejected(), f.rejectedByRule(), f.warningsByRule())).toList());
        }
        // the broken JSON files were read again by the streaming reader: one batch per file, no trace of the first try
        assertThat(batches).isEqualTo(parallel.files().size());
        assertThat(parallel.loaded()).isGreaterThan(2_000);
    }

    @Test
    void reimportChangesNothingAndReportsDuplicates() throws Exception {
        importer.importAll(List.of(FIXTURES));
        var before = StoreSnapshot.of(db.connection());

        ImportReport again = importer.importAll(List.of(FIXTURES));

        assertThat(StoreSnapshot.of(db.connection())).isEqualTo(before);
        assertThat(again.loaded()).isZero();
        assertThat(again.duplicates()).isEqualTo(again.read() - again.rejected());
        assertThat(again.files()).allSatisfy(f -> assertThat(f.sameContentAs()).isNotNull());
    }

    @Test
    void theSameContractInTwoFormatsIsOneContractWithTwoSources() throws Exception {
        Path json = dir.resolve("a.json");
        Path xml = dir.resolve("a.xml");
        Files.writeString(json, """
                {"marches":[{"_type":"Marché","id":"2024-017","acheteur":{"id":"21990000800018","nom":"Commune de Fictiville"},
                  "nature":"Marché","objet":"Entretien des espaces verts","codeCPV":"77313000","procedure":"Procédure adaptée",
                  "lieuExecution":{"code":"99001","typeCode":"Code commune","nom":"Fictiville"},"dureeMois":24,
                  "dateNotification":"2024-03-15","datePublicationDonnees":"2024-03-20","montant":84000,"formePrix":"Révisable",
                  "titulaires":[{"typeIdentifiant":"SIRET","id":"41234567000019","denominationSociale":"Jardins SARL"}]}]}""");
        Files.writeString(xml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <marches><marche><id>2024-017</id><acheteur><id>21990000800018</id><nom>Commune de Fictiville</nom></acheteur>
                <nature>Marché</nature><objet>Entretien des espaces verts</objet><codeCPV>77313000</codeCPV>
                <procedure>Procédure adaptée</procedure><lieuExecution><code>99001</code><typeCode>Code commune</typeCode><nom>Fictiville</nom></lieuExecution>
                <dureeMois>24</dureeMois><dateNotification>2024-03-15+01:00</dateNotification><datePublicationDonnees>2024-03-20</datePublicationDonnees>
                <montant>84000.00</montant><formePrix>Révisable</formePrix>
                <titulaires><titulaire><typeIdentifiant>SIRET</typeIdentifiant><id>412 345 670 00019</id><denominationSociale>Jardins SARL</denominationSociale></titulaire></titulaires>
                </marche></marches>""");

        ImportReport r = importer.importAll(List.of(json, xml));

        assertThat(r.loaded()).isEqualTo(1);
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(count(db.connection(), "SELECT count(*) FROM contract_source")).isEqualTo(2);
        assertThat(count(db.connection(), "SELECT count(DISTINCT source_format) FROM contract_source")).isEqualTo(2);
    }
}
