package fr.achatlas.testing;

import fr.achatlas.dedup.DedupKey;
import fr.achatlas.model.Contract;
import fr.achatlas.model.Party;
import fr.achatlas.model.Provenance;
import fr.achatlas.model.SourceFormat;
import fr.achatlas.store.ContractBatchWriter;
import fr.achatlas.store.Database;
import fr.achatlas.store.StagedRecord;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

/**
 * A tiny fictional territory for cube, access and web tests: two buyers, four contracts, and spending lines.
 *
 * <p>Spending lines do not exist in this branch (the spending issue adds them): the fixture creates a table
 * {@code test_spending} and replaces the placeholder view {@code fact_spending} by a view over it, with exactly the
 * placeholder's columns — which is what the spending issue's migration will do over its real tables. Everything
 * above the view (cube, scope, API, UI) is the production code.
 *
 * <pre>
 * buyer A (Commune d'Alpha)  A-1  2024  CPV 45 travaux   100 000 € split between H1 and H2 (50 000 each), social clause
 *                            A-2  2023  CPV 90 propreté   30 000 € H1
 *                            J-1  2024  CPV 45           40 000 € H1, also published by B (joint)
 * buyer B (Commune de Bêta)  B-1  2024  CPV 45           200 000 € H2
 *                            J-1  2024  CPV 45           40 000 € H1 (joint)
 * spending: A 3 lines (1 000 + 2 000 + 3 000, direction "Direction technique"), B 2 lines (10 000 + 20 000)
 * </pre>
 */
public final class CubeFixture {

    public static final String BUYER_A = "21990000100011";
    public static final String BUYER_B = "21990000200019";
    public static final String H1 = Contracts.HOLDER_SIRET;
    public static final String H2 = Contracts.OTHER_HOLDER_SIRET;

    private CubeFixture() {
    }

    /** Imports one more contract of buyer A, as a new import batch (what a later import does). */
    public static void importOne(Database db, String id) throws SQLException {
        Contract c = Contracts.marche().withId(id).withBuyer(Party.ofSiret(BUYER_A, "Commune d'Alpha")).withAmount("5000").build();
        try (ContractBatchWriter w = ContractBatchWriter.begin(db, "/fixture/" + id + ".json", id + ".json", 1, "DECP_V2_JSON")) {
            w.add(new StagedRecord(new Provenance(id + ".json", null, 1, SourceFormat.DECP_V2_JSON, "plateforme-test"), c, DedupKey.of(c), List.of()));
            w.commit("fixture-" + id, 0);
        }
    }

    public static void load(Database db) throws SQLException {
        Party h1 = new Party(H1, "SIRET", null, "Jardins de Fictiville SARL");
        Party h2 = new Party(H2, "SIRET", null, "Bâtiments de Fictiville SA");
        Party a = Party.ofSiret(BUYER_A, "Commune d'Alpha");
        Party b = Party.ofSiret(BUYER_B, "Commune de Bêta");
        List<Contract> contracts = List.of(
                Contracts.marche().withId("A-1").withBuyer(a).withCpv("45233140").withAmount("100000")
                        .withObject("Réfection de voirie").withHolders(h1, h2).withSocialConsiderations("Clause sociale").build(),
                Contracts.marche().withId("A-2").withBuyer(a).withCpv("90910000").withAmount("30000")
                        .withObject("Nettoyage des locaux").withNotificationDate(LocalDate.of(2023, 6, 1)).withHolders(h1).build(),
                Contracts.marche().withId("J-1").withBuyer(a).withCpv("45111000").withAmount("40000")
                        .withObject("Démolition groupée").withHolders(h1).build(),
                Contracts.marche().withId("B-1").withBuyer(b).withCpv("45210000").withAmount("200000")
                        .withObject("Construction d'un gymnase").withHolders(h2).build(),
                Contracts.marche().withId("J-1").withBuyer(b).withCpv("45111000").withAmount("40000")
                        .withObject("Démolition groupée").withHolders(h1).build());
        try (ContractBatchWriter w = ContractBatchWriter.begin(db, "/fixture/cube.json", "cube.json", 1, "DECP_V2_JSON")) {
            long pos = 0;
            for (Contract c : contracts) {
                Provenance p = new Provenance("cube.json", null, ++pos, SourceFormat.DECP_V2_JSON, "plateforme-test");
                w.add(new StagedRecord(p, c, DedupKey.of(c), List.of()));
            }
            w.commit("cube-fixture", 0);
        }
        Connection c = db.connection();
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO buyer (buyer_id, siren, name, kind, in_territory) VALUES "
                    + "('" + BUYER_A + "', '219900001', 'Commune d''Alpha', 'COMMUNE', true), "
                    + "('" + BUYER_B + "', '219900002', 'Commune de Bêta', 'COMMUNE', true) "
                    + "ON CONFLICT (buyer_id) DO UPDATE SET in_territory = true, name = excluded.name, kind = excluded.kind");
            st.execute("""
                    CREATE TABLE test_spending (line_key VARCHAR, buyer_id VARCHAR, direction VARCHAR, service VARCHAR,
                        supplier_id VARCHAR, supplier_name VARCHAR, supplier_departement VARCHAR, payment_date DATE,
                        account VARCHAR, label VARCHAR, amount DECIMAL(18,2))""");
            st.execute("INSERT INTO test_spending VALUES "
                    + "('A-L1', '" + BUYER_A + "', 'Direction technique', 'Voirie', '" + H1 + "', 'Jardins de Fictiville SARL', '35', DATE '2024-02-01', '615231', 'Entretien espaces verts', 1000), "
                    + "('A-L2', '" + BUYER_A + "', 'Direction technique', 'Bâtiments', '" + H2 + "', 'Bâtiments de Fictiville SA', '35', DATE '2024-03-01', '615221', 'Réparation toiture', 2000), "
                    + "('A-L3', '" + BUYER_A + "', 'Direction des finances', NULL, '" + H1 + "', 'Jardins de Fictiville SARL', '35', DATE '2024-04-01', '6228', 'Conseil', 3000), "
                    + "('B-L1', '" + BUYER_B + "', 'Direction générale', NULL, '" + H2 + "', 'Bâtiments de Fictiville SA', '44', DATE '2024-05-01', '615221', 'Secret de Bêta', 10000), "
                    + "('B-L2', '" + BUYER_B + "', 'Direction générale', NULL, '" + H2 + "', 'Bâtiments de Fictiville SA', '44', DATE '2024-06-01', '615221', 'Autre secret de Bêta', 20000)");
            st.execute("""
                    CREATE OR REPLACE VIEW fact_spending AS
                    SELECT s.line_key, s.buyer_id, b.name AS buyer_name, b.kind AS buyer_kind, b.in_territory AS buyer_in_territory,
                           s.direction, s.service, NULL::VARCHAR AS segment_code, NULL::VARCHAR AS segment_label,
                           NULL::VARCHAR AS family_code, NULL::VARCHAR AS family_label, NULL::VARCHAR AS cpv,
                           NULL::VARCHAR AS cpv_division, s.supplier_id, s.supplier_name, NULL::VARCHAR AS supplier_size,
                           NULL::BOOLEAN AS supplier_ess, NULL::VARCHAR AS supplier_inclusion, NULL::VARCHAR AS supplier_commune,
                           NULL::VARCHAR AS supplier_epci, s.supplier_departement, NULL::VARCHAR AS supplier_region,
                           NULL::BOOLEAN AS supplier_local, year(s.payment_date)::INTEGER AS year,
                           month(s.payment_date)::INTEGER AS month, s.payment_date, s.account, s.label,
                           NULL::BIGINT AS contract_key, 'test' AS source, s.amount AS amount_spent
                    FROM test_spending s JOIN buyer b USING (buyer_id)""");
        }
    }
}
