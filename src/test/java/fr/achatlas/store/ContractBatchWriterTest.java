package fr.achatlas.store;

import fr.achatlas.dedup.DedupKey;
import fr.achatlas.model.Contract;
import fr.achatlas.model.Finding;
import fr.achatlas.model.Provenance;
import fr.achatlas.model.Rule;
import fr.achatlas.model.SourceFormat;
import fr.achatlas.testing.Contracts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static fr.achatlas.store.StoreSnapshot.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractBatchWriterTest {

    @TempDir
    Path dir;
    Database db;
    Connection c;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("t.duckdb"));
        c = db.connection();
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private static StagedRecord staged(Contract contract, long position, Finding... findings) {
        Provenance p = new Provenance("f.json", null, position, SourceFormat.DECP_V2_JSON, "plateforme-a");
        return new StagedRecord(p, contract, contract == null ? 0 : DedupKey.of(contract), List.of(findings));
    }

    private BatchCounts importBatch(String sha, StagedRecord... records) throws SQLException {
        try (ContractBatchWriter w = ContractBatchWriter.begin(db, "/x/" + sha + ".json", sha + ".json", 100, "DECP_V2_JSON")) {
            for (StagedRecord r : records) w.add(r);
            return w.commit(sha, 0);
        }
    }

    @Test
    void countsAddUpAndRejectsKeepTheirReason() throws Exception {
        Contract a = Contracts.marche().withId("A").withSocialConsiderations("Clause sociale", "Critère social")
                .withTechniques("Accord-cadre").build();
        Contract b = Contracts.marche().withId("B").withAmount("250000").build();
        Contract noBuyerId = Contracts.marche().withId("C").withBuyer(null).build();
        BatchCounts counts = importBatch("sha1",
                staged(a, 1),
                staged(b, 2, Rule.CPV_REPAIRED.finding("codeCPV", "9310000", "réparé")),
                staged(noBuyerId, 3, Rule.BUYER_ID_MISSING.finding("acheteur.id", null, "absent")),
                staged(null, 4, Rule.PARSE_ERROR.finding("record", "{\"id\":", "illisible")));

        assertThat(counts.read()).isEqualTo(4);
        assertThat(counts.loaded()).isEqualTo(2);
        assertThat(counts.duplicates()).isZero();
        assertThat(counts.rejected()).isEqualTo(2);
        assertThat(count(c, "SELECT count(*) FROM contract")).isEqualTo(2);
        assertThat(count(c, "SELECT count(*) FROM reject WHERE rule = 'PARSE_ERROR' AND record_position = 4 AND file_name = 'sha1.json'")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM reject WHERE rule = 'BUYER_ID_MISSING' AND contract_id = 'C'")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM finding WHERE rule = 'CPV_REPAIRED' AND record_position = 2")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM contract_source")).isEqualTo(2);
        assertThat(count(c, "SELECT count(*) FROM contract WHERE contract_id = 'A' AND social_considerations = ['Clause sociale', 'Critère social'] "
                + "AND techniques = ['Accord-cadre']")).isEqualTo(1);
        assertThat(count(c, "SELECT records_read - loaded - duplicates - rejected FROM import_batch")).isZero();
        assertThat(count(c, "SELECT count(*) FROM buyer WHERE buyer_id = '" + Contracts.BUYER_SIRET + "' AND siren = '219900008'")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM supplier WHERE supplier_id = '" + Contracts.HOLDER_SIRET + "'")).isEqualTo(1);
    }

    @Test
    void currentStateAppliesModificationsInDateOrder() throws Exception {
        Contract contract = Contracts.marche().withAmount("100000").withDurationMonths(12)
                .withModifications(
                        // published out of order: the later one (rank 1) must win for the amount
                        Contracts.modification(1).withDate(LocalDate.of(2024, 9, 1)).withAmount("130000"),
                        Contracts.modification(2).withDate(LocalDate.of(2024, 6, 1)).withAmount("110000").withDurationMonths(18),
                        Contracts.modification(3).withDate(LocalDate.of(2024, 7, 1)).withHolders(Contracts.siret(Contracts.OTHER_HOLDER_SIRET)))
                .build();
        importBatch("sha1", staged(contract, 1));

        assertThat(count(c, "SELECT current_amount::BIGINT FROM contract")).isEqualTo(130000);
        assertThat(count(c, "SELECT current_duration_months FROM contract")).isEqualTo(18);
        assertThat(count(c, "SELECT modification_count FROM contract")).isEqualTo(3);
        assertThat(count(c, "SELECT amount::BIGINT FROM contract")).isEqualTo(100000);
        assertThat(count(c, """
                SELECT count(*) FROM contract k JOIN contract_holder h
                  ON h.contract_key = k.contract_key AND h.mod_key = k.current_holders_mod
                WHERE h.holder_id = '""" + Contracts.OTHER_HOLDER_SIRET + "'")).isEqualTo(1);
        assertThat(count(c, "SELECT holder_count FROM contract")).isEqualTo(1);
        // and the Java derivation agrees with the store's
        assertThat(contract.currentState().amount()).isEqualByComparingTo("130000");
        assertThat(contract.currentState().durationMonths()).isEqualTo(18);
    }

    @Test
    void reimportingTheSameFileChangesNothing() throws Exception {
        Contract a = Contracts.marche().withId("A").build();
        Contract b = Contracts.marche().withId("B").withModifications(Contracts.modification(1).withAmount("99000")).build();
        StagedRecord bad = staged(null, 3, Rule.PARSE_ERROR.finding("record", "x", "illisible"));
        importBatch("sha1", staged(a, 1), staged(b, 2, Rule.CPV_REPAIRED.finding("codeCPV", "1", "r")), bad);
        var before = StoreSnapshot.of(c);

        BatchCounts again = importBatch("sha1", staged(a, 1), staged(b, 2, Rule.CPV_REPAIRED.finding("codeCPV", "1", "r")), bad);

        assertThat(StoreSnapshot.of(c)).isEqualTo(before);
        assertThat(again.loaded()).isZero();
        assertThat(again.duplicates()).isEqualTo(2);
        assertThat(again.rejected()).isEqualTo(1);
        assertThat(again.sameContentAs()).isEqualTo(1);
    }

    @Test
    void copiesMergeAcrossFilesAndUniteTheirModifications() throws Exception {
        Contract first = Contracts.marche().withId("M1").withAmount("200000")
                .withModifications(Contracts.modification(1).withDate(LocalDate.of(2024, 5, 1)).withAmount("210000")).build();
        Contract republished = Contracts.marche().withId("M1").withAmount("200000")
                .withModifications(
                        Contracts.modification(1).withDate(LocalDate.of(2024, 5, 1)).withAmount("210000"),
                        Contracts.modification(2).withDate(LocalDate.of(2024, 8, 1)).withAmount("240000"))
                .build();
        importBatch("sha-platform", staged(first, 7));
        BatchCounts second = importBatch("sha-aggregator", staged(republished, 1), staged(republished, 2));

        assertThat(second.loaded()).isZero();
        assertThat(second.duplicates()).isEqualTo(2);
        assertThat(second.newModifications()).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM contract")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM contract_modification")).isEqualTo(2);
        assertThat(count(c, "SELECT current_amount::BIGINT FROM contract")).isEqualTo(240000);
        assertThat(count(c, "SELECT modification_count FROM contract")).isEqualTo(2);
        assertThat(count(c, "SELECT count(*) FROM contract_source")).isEqualTo(3);
        assertThat(count(c, "SELECT count(*) FROM contract_source WHERE is_primary")).isEqualTo(1);
    }

    @Test
    void lotsSharingAnIdStayApartAndAreFlagged() throws Exception {
        Contract lot1 = Contracts.marche().withId("2024-01").withAmount("80000").build();
        Contract lot2 = Contracts.marche().withId("2024-01").withAmount("45000")
                .withHolders(Contracts.siret(Contracts.OTHER_HOLDER_SIRET)).build();
        BatchCounts counts = importBatch("sha1", staged(lot1, 1), staged(lot2, 2));

        assertThat(counts.loaded()).isEqualTo(2);
        assertThat(count(c, "SELECT count(*) FROM finding WHERE rule = 'ID_REUSED'")).isEqualTo(2);
        assertThat(count(c, "SELECT sum(warning_count) FROM contract")).isEqualTo(2);
    }

    @Test
    void aFailureBeforeCommitLeavesTheStoreAsItWas() throws Exception {
        importBatch("sha1", staged(Contracts.marche().withId("A").build(), 1));
        var before = StoreSnapshot.of(c);
        long batches = count(c, "SELECT count(*) FROM import_batch");

        List<StagedRecord> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) records.add(staged(Contracts.marche().withId("N" + i).build(), i + 1));
        assertThatThrownBy(() -> {
            try (ContractBatchWriter w = ContractBatchWriter.begin(db, "/x/y.json", "y.json", 1, "DECP_V2_JSON")) {
                for (StagedRecord r : records) w.add(r);
                throw new IllegalStateException("crash simulé au milieu de l'import");
            }
        }).isInstanceOf(IllegalStateException.class);

        assertThat(StoreSnapshot.of(c)).isEqualTo(before);
        assertThat(count(c, "SELECT count(*) FROM import_batch")).isEqualTo(batches);
        // and the connection is usable again
        assertThat(importBatch("sha2", records.toArray(StagedRecord[]::new)).loaded()).isEqualTo(50);
    }
}
