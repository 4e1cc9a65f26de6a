package fr.achatlas.testing;

import fr.achatlas.dedup.DedupKey;
import fr.achatlas.model.Contract;
import fr.achatlas.model.Party;
import fr.achatlas.model.Provenance;
import fr.achatlas.model.SourceFormat;
import fr.achatlas.store.ContractBatchWriter;
import fr.achatlas.store.Database;
import fr.achatlas.store.StagedRecord;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

/**
 * A small territory for the SPASER indicators, with hand-computable values. Supplier profiles and spending lines are
 * test tables behind the real views' columns ({@code supplier_profile}, {@code fact_spending}), as in {@link CubeFixture}.
 *
 * <pre>
 * suppliers  P  PME, ESS, micro, local          G  GE, not local          E  ESAT (PME), local, family NET
 * buyer A    A-1 2024 family BAT 100 000 → 120 000 after a modification, holders P + G (60 000 each),
 *                 clause sociale + clause environnementale, 3 offers, appel d'offres ouvert, 36 months from 2024-03-15
 *            A-2 2024 family NET  30 000, holder E, marché réservé, 1 offer, procédure adaptée
 *            A-3 2025 family NET  10 000, holder G, sans publicité ni mise en concurrence, 1 offer, 24 months from 2025-06-01
 *            A-4 2026-09-10 family NET 250 000, holder G, no consideration (art. 35: both missing)
 *            A-5 2026-10-01 family BAT  50 000, holder P, critère environnemental (art. 35: compliant, below EU threshold)
 * buyer B    B-1 2024 family BAT 200 000, holder G, critère environnemental, 2 offers
 * spending   A 2024: P 1 000 (BAT), E 4 000 (NET), G 5 000 (NET)      B 2024: G 10 000 (BAT)      B 2025: E 2 000 (NET)
 * </pre>
 */
public final class SpaserFixture {

    public static final String BUYER_A = CubeFixture.BUYER_A;
    public static final String BUYER_B = CubeFixture.BUYER_B;
    public static final String P = Contracts.HOLDER_SIRET;
    public static final String G = Contracts.OTHER_HOLDER_SIRET;
    public static final String E = "39876543200015";

    private SpaserFixture() {
    }

    public static void load(Database db) throws SQLException {
        Party p = new Party(P, "SIRET", null, "Jardins de Fictiville SARL");
        Party g = new Party(G, "SIRET", null, "Grand Groupe SA");
        Party e = new Party(E, "SIRET", null, "ESAT Les Ateliers de Fictiville");
        Party a = Party.ofSiret(BUYER_A, "Commune d'Alpha");
        Party b = Party.ofSiret(BUYER_B, "Commune de Bêta");
        List<Contract> contracts = List.of(
                Contracts.marche().withId("A-1").withBuyer(a).withCpv("45233140").withAmount("100000").withHolders(p, g)
                        .withObject("Réfection de voirie").withNotificationDate(LocalDate.of(2024, 3, 15)).withDurationMonths(36)
                        .withSocialConsiderations("Clause sociale").withEnvironmentalConsiderations("Clause environnementale")
                        .withOffersReceived(3).withProcedure("Appel d'offres ouvert")
                        .withModifications(Contracts.modification(1).withAmount("120000")).build(),
                Contracts.marche().withId("A-2").withBuyer(a).withCpv("90910000").withAmount("30000").withHolders(e)
                        .withObject("Nettoyage des locaux").withNotificationDate(LocalDate.of(2024, 5, 2)).withDurationMonths(12)
                        .withSocialConsiderations("Marché réservé").withEnvironmentalConsiderations("Pas de considération environnementale")
                        .withOffersReceived(1).withProcedure("Procédure adaptée").build(),
                Contracts.marche().withId("A-3").withBuyer(a).withCpv("90911000").withAmount("10000").withHolders(g)
                        .withObject("Nettoyage des vitres").withNotificationDate(LocalDate.of(2025, 6, 1)).withDurationMonths(24)
                        .withSocialConsiderations("Pas de considération sociale").withEnvironmentalConsiderations("Pas de considération environnementale")
                        .withOffersReceived(1).withProcedure("Marché passé sans publicité ni mise en concurrence préalable").build(),
                Contracts.marche().withId("A-4").withBuyer(a).withCpv("90911000").withAmount("250000").withHolders(g)
                        .withObject("Nettoyage des bâtiments").withNotificationDate(LocalDate.of(2026, 9, 10)).withDurationMonths(48)
                        .withSocialConsiderations("Pas de considération sociale").withEnvironmentalConsiderations("Pas de considération environnementale")
                        .withOffersReceived(4).withProcedure("Appel d'offres ouvert").build(),
                Contracts.marche().withId("A-5").withBuyer(a).withCpv("45233140").withAmount("50000").withHolders(p)
                        .withObject("Trottoirs").withNotificationDate(LocalDate.of(2026, 10, 1)).withDurationMonths(12)
                        .withSocialConsiderations("Pas de considération sociale").withEnvironmentalConsiderations("Critère environnemental")
                        .withOffersReceived(2).withProcedure("Procédure adaptée").build(),
                Contracts.marche().withId("B-1").withBuyer(b).withCpv("45210000").withAmount("200000").withHolders(g)
                        .withObject("Construction d'un gymnase").withNotificationDate(LocalDate.of(2024, 9, 1)).withDurationMonths(24)
                        .withSocialConsiderations("Pas de considération sociale").withEnvironmentalConsiderations("Critère environnemental")
                        .withOffersReceived(2).withProcedure("Appel d'offres ouvert").build());
        try (ContractBatchWriter w = ContractBatchWriter.begin(db, "/fixture/spaser.json", "spaser.json", 1, "DECP_V2_JSON")) {
            long pos = 0;
            for (Contract c : contracts) {
                w.add(new StagedRecord(new Provenance("spaser.json", null, ++pos, SourceFormat.DECP_V2_JSON, "plateforme-test"), c, DedupKey.of(c), List.of()));
            }
            w.commit("spaser-fixture", 0);
        }
        try (Statement st = db.connection().createStatement()) {
            st.execute("INSERT INTO buyer (buyer_id, siren, name, kind, legal_category, in_territory) VALUES "
                    + "('" + BUYER_A + "', '219900001', 'Commune d''Alpha', 'COMMUNE', '7210', true), "
                    + "('" + BUYER_B + "', '219900002', 'Commune de Bêta', 'COMMUNE', '7210', true) "
                    + "ON CONFLICT (buyer_id) DO UPDATE SET in_territory = true, name = excluded.name, kind = excluded.kind, legal_category = excluded.legal_category");
            st.execute("DELETE FROM nomenclature_family WHERE code IN ('BAT', 'NET')");
            st.execute("INSERT INTO nomenclature_segment (code, label, position, version) SELECT 'TST', 'Segment de test', 999, 1 "
                    + "WHERE NOT EXISTS (SELECT 1 FROM nomenclature_segment WHERE code = 'TST')");
            st.execute("INSERT INTO nomenclature_family (code, segment_code, label, nature, homogeneous, sustainable, esat_ea, siae, position, version) VALUES "
                    + "('BAT', 'TST', 'Travaux de voirie', 'TRAVAUX', true, true, false, false, 998, 1), "
                    + "('NET', 'TST', 'Nettoyage', 'SERVICES', true, false, true, true, 999, 1)");
            st.execute("INSERT INTO classification (subject_kind, subject_key, family_code, confidence, method, evidence, conflict, status, classified_at) "
                    + "SELECT 'CONTRACT', contract_key, CASE WHEN cpv LIKE '45%' THEN 'BAT' ELSE 'NET' END, 1, 'CPV', 'test', false, 'AUTO', TIMESTAMP '2026-01-01 00:00:00' FROM contract");
            st.execute("INSERT INTO supplier_unit (siren, name, company_category, micro, ess, inclusion_type) VALUES "
                    + "('" + P.substring(0, 9) + "', 'Jardins de Fictiville SARL', 'PME', true, true, NULL), "
                    + "('" + G.substring(0, 9) + "', 'Grand Groupe SA', 'GE', false, false, NULL), "
                    + "('" + E.substring(0, 9) + "', 'ESAT Les Ateliers de Fictiville', 'PME', false, false, 'ESAT') "
                    + "ON CONFLICT (siren) DO NOTHING");
            st.execute("CREATE TABLE test_profile AS SELECT * FROM (VALUES "
                    + "('" + P + "', '" + P.substring(0, 9) + "', 'Jardins de Fictiville SARL', 'PME', true, NULL, '35238', '243500139', '35', '53', true), "
                    + "('" + G + "', '" + G.substring(0, 9) + "', 'Grand Groupe SA', 'GE', false, NULL, '75056', '200054781', '75', '11', false), "
                    + "('" + E + "', '" + E.substring(0, 9) + "', 'ESAT Les Ateliers de Fictiville', 'PME', false, 'ESAT', '35238', '243500139', '35', '53', true)) "
                    + "t(supplier_id, siren, name, company_category, ess, inclusion_type, commune_code, epci_code, departement_code, region_code, is_local)");
            st.execute("CREATE OR REPLACE VIEW supplier_profile AS SELECT * FROM test_profile");
            st.execute("""
                    CREATE TABLE test_spending AS SELECT * FROM (VALUES
                      ('A-L1', '%1$s', '%3$s', 'BAT', DATE '2024-02-01', 1000.00),
                      ('A-L2', '%1$s', '%5$s', 'NET', DATE '2024-03-01', 4000.00),
                      ('A-L3', '%1$s', '%4$s', 'NET', DATE '2024-04-01', 5000.00),
                      ('B-L1', '%2$s', '%4$s', 'BAT', DATE '2024-05-01', 10000.00),
                      ('B-L2', '%2$s', '%5$s', 'NET', DATE '2025-06-01', 2000.00)) t(line_key, buyer_id, supplier_id, family_code, payment_date, amount)
                    """.formatted(BUYER_A, BUYER_B, P, G, E));
            st.execute("""
                    CREATE OR REPLACE VIEW fact_spending AS
                    SELECT s.line_key, s.buyer_id, b.name AS buyer_name, b.kind AS buyer_kind, b.in_territory AS buyer_in_territory,
                           NULL::VARCHAR AS direction, NULL::VARCHAR AS service, 'TST' AS segment_code, 'Segment de test' AS segment_label,
                           s.family_code, f.label AS family_label, NULL::VARCHAR AS cpv, NULL::VARCHAR AS cpv_division,
                           s.supplier_id, p.name AS supplier_name, p.company_category AS supplier_size, p.ess AS supplier_ess,
                           p.inclusion_type AS supplier_inclusion, p.commune_code AS supplier_commune, p.epci_code AS supplier_epci,
                           p.departement_code AS supplier_departement, p.region_code AS supplier_region, p.is_local AS supplier_local,
                           year(s.payment_date)::INTEGER AS year, month(s.payment_date)::INTEGER AS month, s.payment_date,
                           '611' AS account, 'Prestation' AS label, NULL::BIGINT AS contract_key, 'test' AS source,
                           s.amount::DECIMAL(18,2) AS amount_spent
                    FROM test_spending s JOIN buyer b USING (buyer_id) JOIN test_profile p USING (supplier_id)
                    LEFT JOIN nomenclature_family f ON f.code = s.family_code""");
        }
    }
}
