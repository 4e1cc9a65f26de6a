package fr.achatlas.testing;

import fr.achatlas.classify.nomenclature.NomenclatureFiles;
import fr.achatlas.dedup.DedupKey;
import fr.achatlas.model.Contract;
import fr.achatlas.model.Party;
import fr.achatlas.model.Provenance;
import fr.achatlas.model.SourceFormat;
import fr.achatlas.store.ClassificationStore;
import fr.achatlas.store.ContractBatchWriter;
import fr.achatlas.store.Database;
import fr.achatlas.store.StagedRecord;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

/**
 * Three buyers, classified contracts and off-contract spending lines, for the mutualisation, thresholds and programme
 * tests. "Today" is 2026-11-22. Families of the default nomenclature: ENV03 (plants, supplies, homogeneous), DEC01
 * (waste collection, services, homogeneous), BAT01 (construction works, not homogeneous).
 *
 * <pre>
 * contracts                                                                         end (notif + months)
 *  A  A-ENV  ENV03 MAPA                   2026-02-10  30 000  H1  12 months          2027-02-10
 *  B  B-ENV  ENV03 Appel d'offres ouvert  2026-06-01 120 000  H1  12 months          2027-06-01
 *  C  C-BAT  BAT01 Appel d'offres ouvert  2025-01-01 400 000  H2  24 months, Accord-cadre  2027-01-01
 * off-contract spending
 *  A  ENV03  2025-12-15 5 000 ; 2026-03-05 8 000 ; 2026-05-10 5 000 ; 2026-09-01 20 000
 *  A  BAT01  2026-04-01 100 000 (not homogeneous: never in thresholds)
 *  B  ENV03  2026-07-01 50 000
 *  C  ENV03  2026-07-01 50 000 (83 % of the 60 000 dispense threshold in force then: approaching)
 *  C  DEC01  1 000 on the 10th of each month 2025-01..2025-06 and 2026-01..2026-05 (recurring)
 * </pre>
 */
public final class ProgrammeFixture {

    public static final String A = "21990000100011";
    public static final String B = "21990000200019";
    public static final String C = "21990000300017";
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private ProgrammeFixture() {
    }

    public static void load(Database db) throws SQLException {
        NomenclatureFiles.Parsed parsed = NomenclatureFiles.defaults();
        new ClassificationStore(db).saveNomenclature(parsed.nomenclature(), parsed.texts(), "défaut", "test");
        Party h1 = new Party(Contracts.HOLDER_SIRET, "SIRET", null, "Jardins de Fictiville SARL");
        Party h2 = new Party(Contracts.OTHER_HOLDER_SIRET, "SIRET", null, "Bâtiments de Fictiville SA");
        List<Contract> contracts = List.of(
                Contracts.marche().withId("A-ENV").withBuyer(Party.ofSiret(A, "Commune d'Alpha")).withCpv("03451000")
                        .withObject("Fourniture de plants").withProcedure("Procédure adaptée").withAmount("30000")
                        .withNotificationDate(LocalDate.of(2026, 2, 10)).withDurationMonths(12).withHolders(h1).build(),
                Contracts.marche().withId("B-ENV").withBuyer(Party.ofSiret(B, "Commune de Bêta")).withCpv("03451000")
                        .withObject("Fourniture de végétaux").withProcedure("Appel d'offres ouvert").withAmount("120000")
                        .withNotificationDate(LocalDate.of(2026, 6, 1)).withDurationMonths(12).withHolders(h1).build(),
                Contracts.marche().withId("C-BAT").withBuyer(Party.ofSiret(C, "Commune de Gamma")).withCpv("45210000")
                        .withObject("Construction d'une école").withProcedure("Appel d'offres ouvert").withAmount("400000")
                        .withNature("Travaux").withTechniques("Accord-cadre")
                        .withNotificationDate(LocalDate.of(2025, 1, 1)).withDurationMonths(24).withHolders(h2).build());
        try (ContractBatchWriter w = ContractBatchWriter.begin(db, "/fixture/programme.json", "programme.json", 1, "DECP_V2_JSON")) {
            long pos = 0;
            for (Contract c : contracts) {
                w.add(new StagedRecord(new Provenance("programme.json", null, ++pos, SourceFormat.DECP_V2_JSON, "test"), c, DedupKey.of(c), List.of()));
            }
            w.commit("programme-fixture", 0);
        }
        try (Statement st = db.connection().createStatement()) {
            st.execute("INSERT INTO buyer (buyer_id, siren, name, kind, in_territory) VALUES "
                    + "('" + A + "', '219900001', 'Commune d''Alpha', 'COMMUNE', true), "
                    + "('" + B + "', '219900002', 'Commune de Bêta', 'COMMUNE', true), "
                    + "('" + C + "', '219900003', 'Commune de Gamma', 'COMMUNE', true) "
                    + "ON CONFLICT (buyer_id) DO UPDATE SET in_territory = true, name = excluded.name, kind = excluded.kind");
            st.execute("""
                    INSERT INTO classification
                    SELECT 'CONTRACT', contract_key, CASE WHEN contract_id = 'C-BAT' THEN 'BAT01' ELSE 'ENV03' END, 1.0, 'MANUAL',
                           'test', false, NULL, 'VALIDATED', NULL, TIMESTAMP '2026-11-01 00:00:00' FROM contract""");
            st.execute("""
                    CREATE TABLE test_spending (line_key VARCHAR, buyer_id VARCHAR, family_code VARCHAR, payment_date DATE,
                        label VARCHAR, supplier_name VARCHAR, amount DECIMAL(18,2))""");
            try (PreparedStatement ps = db.connection().prepareStatement("INSERT INTO test_spending VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                line(ps, "A1", A, "ENV03", "2025-12-15", 5000);
                line(ps, "A2", A, "ENV03", "2026-03-05", 8000);
                line(ps, "A3", A, "ENV03", "2026-05-10", 5000);
                line(ps, "A4", A, "ENV03", "2026-09-01", 20000);
                line(ps, "A5", A, "BAT01", "2026-04-01", 100000);
                line(ps, "B1", B, "ENV03", "2026-07-01", 50000);
                line(ps, "C1", C, "ENV03", "2026-07-01", 50000);
                for (int m = 1; m <= 6; m++) line(ps, "C25-" + m, C, "DEC01", "2025-0" + m + "-10", 1000);
                for (int m = 1; m <= 5; m++) line(ps, "C26-" + m, C, "DEC01", "2026-0" + m + "-10", 1000);
            }
            st.execute("""
                    CREATE OR REPLACE VIEW fact_spending AS
                    SELECT s.line_key, s.buyer_id, b.name AS buyer_name, b.kind AS buyer_kind, b.in_territory AS buyer_in_territory,
                           NULL::VARCHAR AS direction, NULL::VARCHAR AS service, fl.segment_code, fl.segment_label,
                           s.family_code, fl.family_label, NULL::VARCHAR AS cpv,
                           NULL::VARCHAR AS cpv_division, NULL::VARCHAR AS supplier_id, s.supplier_name, NULL::VARCHAR AS supplier_size,
                           NULL::BOOLEAN AS supplier_ess, NULL::VARCHAR AS supplier_inclusion, NULL::VARCHAR AS supplier_commune,
                           NULL::VARCHAR AS supplier_epci, NULL::VARCHAR AS supplier_departement, NULL::VARCHAR AS supplier_region,
                           NULL::BOOLEAN AS supplier_local, year(s.payment_date)::INTEGER AS year,
                           month(s.payment_date)::INTEGER AS month, s.payment_date, NULL::VARCHAR AS account, s.label,
                           NULL::BIGINT AS contract_key, 'test' AS source, s.amount AS amount_spent
                    FROM test_spending s JOIN buyer b USING (buyer_id) LEFT JOIN family_label fl USING (family_code)""");
        }
    }

    private static void line(PreparedStatement ps, String key, String buyer, String family, String date, int amount) throws SQLException {
        ps.setString(1, key);
        ps.setString(2, buyer);
        ps.setString(3, family);
        ps.setObject(4, LocalDate.parse(date));
        ps.setString(5, "Ligne " + key + " (libellé interne)");
        ps.setString(6, "Fournisseur " + key);
        ps.setInt(7, amount);
        ps.execute();
    }
}
