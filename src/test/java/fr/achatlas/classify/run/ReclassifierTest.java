package fr.achatlas.classify.run;

import fr.achatlas.classify.Classification;
import fr.achatlas.classify.Method;
import fr.achatlas.classify.Status;
import fr.achatlas.classify.SubjectKind;
import fr.achatlas.classify.SubjectRef;
import fr.achatlas.classify.nomenclature.CrosswalkRule;
import fr.achatlas.classify.nomenclature.NomenclatureFiles;
import fr.achatlas.dedup.DedupKey;
import fr.achatlas.model.Contract;
import fr.achatlas.model.Provenance;
import fr.achatlas.model.SourceFormat;
import fr.achatlas.query.ClassificationQueries;
import fr.achatlas.store.ClassificationStore;
import fr.achatlas.store.ContractBatchWriter;
import fr.achatlas.store.Database;
import fr.achatlas.store.StagedRecord;
import fr.achatlas.testing.Contracts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The validation loop end to end on a store: classify, explain, accept, override → rule → reclassification, history. */
class ReclassifierTest {

    static final String OTHER_BUYER = "21990001600011";
    @TempDir
    Path dir;
    Database db;
    ClassificationQueries q;
    long playground, playground2, playgroundOther, cleaning, noCpv;

    @BeforeEach
    void setUp() throws Exception {
        db = Database.open(dir.resolve("t.duckdb"));
        q = new ClassificationQueries(db.connection());
        Contract a = Contracts.marche().withId("P1").withCpv("37535200").withObject("Fourniture de jeux pour l'aire de jeux du parc").build();
        Contract b = Contracts.marche().withId("P2").withCpv("37535200").withObject("Jeux d'extérieur pour l'école").build();
        Contract c = Contracts.marche().withId("P3").withBuyerId(OTHER_BUYER).withCpv("37535200").withObject("Jeux pour le square").build();
        Contract d = Contracts.marche().withId("N1").withCpv("90911200").withObject("Nettoyage des locaux de la mairie").build();
        Contract e = Contracts.marche().withId("T1").withCpv(null).withObject("Nettoyage des vitres des écoles").build();
        List<Contract> all = List.of(a, b, c, d, e);
        try (ContractBatchWriter w = ContractBatchWriter.begin(db, "/x/f.json", "f.json", 10, "DECP_V2_JSON")) {
            long pos = 1;
            for (Contract x : all) {
                w.add(new StagedRecord(new Provenance("f.json", null, pos++, SourceFormat.DECP_V2_JSON, null), x, DedupKey.of(x), List.of()));
            }
            w.commit("sha", 0);
        }
        playground = DedupKey.of(a);
        playground2 = DedupKey.of(b);
        playgroundOther = DedupKey.of(c);
        cleaning = DedupKey.of(d);
        noCpv = DedupKey.of(e);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    private Classification of(long key) throws Exception {
        return q.classification(new SubjectRef(SubjectKind.CONTRACT, key)).orElseThrow();
    }

    @Test
    void everyContractIsClassifiedAndExplained() throws Exception {
        Reclassifier.Result r = new Reclassifier(db).run("test");
        assertThat(r.contracts()).isEqualTo(5);
        assertThat(r.classified()).isEqualTo(5);
        assertThat(q.versions()).hasSize(1);
        assertThat(of(cleaning).familyCode()).isEqualTo("EXP01");
        assertThat(of(cleaning).method()).isEqualTo(Method.CPV);
        assertThat(of(noCpv).familyCode()).isEqualTo("EXP01");
        assertThat(of(noCpv).method()).isEqualTo(Method.TEXT);
        assertThat(of(playground).familyCode()).isEqualTo("TEC09");
        ClassificationQueries.Explanation e = q.explain(new SubjectRef(SubjectKind.CONTRACT, cleaning)).orElseThrow();
        assertThat(e.evidence()).startsWith("CPV 90911200 → EXP01 Nettoyage de locaux et de vitres (règle cpv:9091)");
        assertThat(e.segmentLabel()).isEqualTo("Exploitation, maintenance et services aux bâtiments");
        ClassificationQueries.Coverage c = q.coverage();
        assertThat(c.records()).isEqualTo(5);
        assertThat(c.classified()).isEqualTo(5);
        assertThat(c.byMethod()).extracting(ClassificationQueries.CoverageRow::key).contains("CPV", "TEXT");
        assertThat(c.byBand().stream().mapToLong(ClassificationQueries.CoverageRow::records).sum()).isEqualTo(5);
        // One row per record, even after a second run.
        new Reclassifier(db).run("test");
        assertThat(count("SELECT count(*) FROM classification")).isEqualTo(5);
        assertThat(count("SELECT count(DISTINCT (subject_kind, subject_key)) FROM classification")).isEqualTo(5);
    }

    @Test
    void overrideThenRuleThenReclassification() throws Exception {
        Reclassifier rc = new Reclassifier(db);
        rc.run("test");
        SubjectRef ref = new SubjectRef(SubjectKind.CONTRACT, playground);
        assertThat(of(playground2).familyCode()).isEqualTo("TEC09");

        Classification o = rc.override(ref, "ENV01", "alice", "aires de jeux posées avec l'aménagement du parc");
        assertThat(o.status()).isEqualTo(Status.OVERRIDDEN);
        assertThat(of(playground).familyCode()).isEqualTo("ENV01");
        assertThat(of(playground2).familyCode()).isEqualTo("TEC09");

        // The decision survives a reclassification.
        rc.run("test");
        assertThat(of(playground).familyCode()).isEqualTo("ENV01");
        assertThat(of(playground).evidence()).contains("classement corrigé par alice");

        CrosswalkRule rule = rc.ruleFromCorrection(ref, false, "alice", null);
        assertThat(rule.reference()).isEqualTo("cpv:375352@" + Contracts.BUYER_SIRET);
        // The same buyer's similar contract follows the new rule; the other buyer's does not.
        assertThat(of(playground2).familyCode()).isEqualTo("ENV01");
        assertThat(of(playground2).method()).isEqualTo(Method.CPV);
        assertThat(of(playground2).evidence()).contains("règle cpv:375352@" + Contracts.BUYER_SIRET);
        assertThat(of(playgroundOther).familyCode()).isEqualTo("TEC09");

        List<ClassificationQueries.HistoryRow> h = q.history(new SubjectRef(SubjectKind.CONTRACT, playground2));
        assertThat(h).anySatisfy(row -> {
            assertThat(row.action()).isEqualTo("RECLASSIFY");
            assertThat(row.oldFamily()).isEqualTo("TEC09");
            assertThat(row.newFamily()).isEqualTo("ENV01");
        });
        assertThat(q.history(ref)).extracting(ClassificationQueries.HistoryRow::action).contains("OVERRIDE");
        assertThat(count("SELECT count(*) FROM classification_history WHERE action = 'RULE' AND user_name = 'alice'")).isEqualTo(1);

        // A territory-wide rule reaches the other buyer too.
        rc.ruleFromCorrection(ref, true, "alice", "toutes les aires de jeux");
        assertThat(of(playgroundOther).familyCode()).isEqualTo("ENV01");
    }

    @Test
    void acceptFreezesAndNeedsAnExistingClassification() throws Exception {
        Reclassifier rc = new Reclassifier(db);
        assertThatThrownBy(() -> rc.accept(new SubjectRef(SubjectKind.CONTRACT, noCpv), "bob", null))
                .hasMessageContaining("non classé");
        rc.run("test");
        Classification a = rc.accept(new SubjectRef(SubjectKind.CONTRACT, noCpv), "bob", "vu");
        assertThat(a.status()).isEqualTo(Status.VALIDATED);
        assertThat(a.familyCode()).isEqualTo("EXP01");
        assertThat(q.queue(10)).extracting(ClassificationQueries.QueueRow::key).doesNotContain(noCpv);
        rc.run("test");
        assertThat(of(noCpv).status()).isEqualTo(Status.VALIDATED);
        assertThatThrownBy(() -> rc.override(new SubjectRef(SubjectKind.CONTRACT, noCpv), "NOPE", "bob", null))
                .hasMessageContaining("famille inconnue");
        assertThatThrownBy(() -> rc.ruleFromCorrection(new SubjectRef(SubjectKind.CONTRACT, noCpv), false, "bob", null))
                .hasMessageContaining("pas de code CPV valide");
    }

    @Test
    void importingAnEditedNomenclatureMakesANewVersionAndReclassifiesWithoutReimport() throws Exception {
        Reclassifier rc = new Reclassifier(db);
        rc.run("test");
        Map<String, String> texts = new java.util.LinkedHashMap<>(NomenclatureFiles.readDefaults());
        texts.put(NomenclatureFiles.CPV, texts.get(NomenclatureFiles.CPV) + "909112;GEN06;nettoyage de bâtiments confié au syndicat\n");
        NomenclatureFiles.Parsed parsed = NomenclatureFiles.parse(texts);
        int version = new ClassificationStore(db).saveNomenclature(parsed.nomenclature(), parsed.texts(), "dossier-test", "carole");
        assertThat(version).isEqualTo(2);
        rc.run("carole");
        assertThat(of(cleaning).familyCode()).isEqualTo("GEN06");
        assertThat(q.versions()).extracting(ClassificationQueries.VersionRow::source).containsExactly("défaut", "dossier-test");
        assertThat(count("SELECT count(*) FROM nomenclature_version WHERE files_json LIKE '%909112;GEN06%'")).isEqualTo(1);
    }

    private long count(String sql) throws Exception {
        try (Statement st = db.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Spending lines go through the same engine: their account, and the family of the contract they are linked to. */
    @Test
    void classifyingInSmallBatchesGivesTheSameResults() throws Exception {
        insertSpendingLines("""
                (911, 1, 'mandats.csv', 2, '21990000800018', DATE '2024-04-02', 2024, 4, 90.00, 'HT', NULL, 'Ménage', %d),
                (912, 1, 'mandats.csv', 3, '21990000800018', DATE '2024-05-02', 2024, 5, 60.00, 'HT', '60612', 'Électricité', NULL),
                (913, 1, 'mandats.csv', 4, '21990000800018', DATE '2024-06-02', 2024, 6, 75.00, 'HT', NULL, 'Jeux', %d)"""
                .formatted(cleaning, playground));
        String rows = "SELECT string_agg(concat_ws('|', subject_kind, subject_key, family_code, method, evidence, conflict, status), ';' ORDER BY ALL) FROM classification";
        Reclassifier.Result whole = new Reclassifier(db).run("test");
        String once = text(rows);
        Reclassifier.Result batched = new Reclassifier(db).batchSize(2).run("test");

        assertThat(text(rows)).isEqualTo(once);
        assertThat(batched).usingRecursiveComparison().ignoringFields("seconds").isEqualTo(whole);
        assertThat(batched.contracts()).isEqualTo(5);
        assertThat(batched.spendingLines()).isEqualTo(3);
    }

    /** Spending lines given as SQL tuples of (key, batch, file, line, buyer, date, year, month, amount, basis, account, label, contract). */
    private void insertSpendingLines(String tuples) throws Exception {
        try (Statement st = db.connection().createStatement()) {
            st.execute("""
                    INSERT INTO spending_line (line_key, batch_id, file_name, line_number, buyer_id, payment_date, year, month,
                        amount, amount_basis, account, label, contract_key) VALUES
                    """ + tuples);
        }
    }

    private String text(String sql) throws Exception {
        try (Statement st = db.connection().createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void spendingLinesAreClassifiedByAccountOrLinkedContract() throws Exception {
        insertSpendingLines("""
                (901, 1, 'mandats.csv', 2, '21990000800018', DATE '2024-04-02', 2024, 4, 1200.00, 'HT', '60612', 'Facture électricité mars', NULL),
                (902, 1, 'mandats.csv', 3, '21990000800018', DATE '2024-05-02', 2024, 5, 830.00, 'HT', NULL, 'Situation n°2', %d)"""
                .formatted(cleaning));
        Reclassifier.Result r = new Reclassifier(db).run("test");

        assertThat(r.spendingLines()).isEqualTo(2);
        assertThat(r.spendingClassified()).isEqualTo(2);
        Classification byAccount = q.classification(new SubjectRef(SubjectKind.SPENDING_LINE, 901)).orElseThrow();
        assertThat(byAccount.familyCode()).isEqualTo("ENR01");
        assertThat(byAccount.method()).isEqualTo(Method.ACCOUNT);
        Classification byContract = q.classification(new SubjectRef(SubjectKind.SPENDING_LINE, 902)).orElseThrow();
        assertThat(byContract.familyCode()).isEqualTo(of(cleaning).familyCode());
        assertThat(byContract.method()).isEqualTo(Method.LINKED_CONTRACT);
    }
}
