package fr.achatlas.importer;

import fr.achatlas.spending.MappingProfile;
import fr.achatlas.store.Database;
import fr.achatlas.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static fr.achatlas.store.StoreSnapshot.count;
import static org.assertj.core.api.Assertions.assertThat;

/** The real Région Bretagne "rendu compte" export (cp1252, French numbers, SIRET with spaces) with its shipped profile. */
class SpendingRealDataTest {

    @TempDir
    Path dir;

    @Test
    void regionBretagneImportsWithItsProfileAmountsRightEveryLineAccounted() throws Exception {
        Path file = SharedData.require("decp/buyer-exports/region_bretagne_rendu_compte_2019.csv");
        try (Database db = Database.open(dir.resolve("t.duckdb"))) {
            SpendingImporter.Report r = new SpendingImporter(db, MappingProfile.named("region-bretagne-rendu-compte"), null).importFile(file);
            assertThat(r.read()).isEqualTo(762);
            assertThat(r.read()).isEqualTo(r.loaded() + r.duplicates() + r.rejected());
            // 21 lines carry no amount at all (neither initial, modified nor forecast)
            assertThat(r.rejectedByRule()).containsOnlyKeys("SPENDING_AMOUNT_MISSING");
            assertThat(r.rejected()).isEqualTo(21);
            assertThat(r.x100Evidence()).isEmpty();
            var c = db.connection();
            // the example of the source notes: 38 800,00 stays 38 800,00 (a naive conversion made it 3 880 000)
            assertThat(count(c, "SELECT count(*) FROM spending_line WHERE contract_ref = '90003' AND amount = 38800.00 "
                    + "AND buyer_id = '23350001600040' AND supplier_id = '37900994700027'")).isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM spending_line WHERE contract_ref = '90005' AND amount = 1820542.00")).isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM spending_line WHERE amount_suspect")).isZero();
            // the 7 lines without a notification date are dated from the Année column, with a finding each
            assertThat(count(c, "SELECT count(*) FROM spending_finding WHERE rule = 'SPENDING_DATE_FROM_YEAR'")).isEqualTo(7);
            // the report of 2019 also lists contracts notified late 2018 (5) and early 2020 (29): dates kept as published
            assertThat(count(c, "SELECT count(*) FROM spending_line WHERE year NOT IN (2018, 2019, 2020)")).isZero();
            assertThat(count(c, "SELECT count(*) FROM spending_line WHERE year = 2019")).isEqualTo(741 - 29 - 5);
            // "Non disponible" as SIRET: the siren column takes over, else the line is matched by name later
            assertThat(count(c, "SELECT count(*) FROM spending_line WHERE supplier_id IS NULL")).isLessThanOrEqualTo(2);
            assertThat(count(c, "SELECT max(amount) FROM spending_line")).isLessThan(200_000_000L);
        }
    }
}
