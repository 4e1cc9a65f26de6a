package fr.achatlas.query.programme;

import fr.achatlas.check.ContractChecks;
import fr.achatlas.classify.run.Reclassifier;
import fr.achatlas.dedup.DedupKey;
import fr.achatlas.generate.TerritoryGenerator;
import fr.achatlas.importer.DecpImporter;
import fr.achatlas.model.Contract;
import fr.achatlas.model.Party;
import fr.achatlas.model.Provenance;
import fr.achatlas.model.SourceFormat;
import fr.achatlas.parse.TerritoryFileReader;
import fr.achatlas.query.cube.Role;
import fr.achatlas.query.cube.Scope;
import fr.achatlas.query.mutualisation.MutualisationQueries;
import fr.achatlas.query.thresholds.Period;
import fr.achatlas.query.thresholds.ThresholdQueries;
import fr.achatlas.store.ContractBatchWriter;
import fr.achatlas.store.Database;
import fr.achatlas.store.StagedRecord;
import fr.achatlas.store.TerritoryStore;
import fr.achatlas.testing.Contracts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plants a known mutualisation opportunity and a known split purchase in a generated, imported and classified
 * territory, next to a single-buyer control family, and checks that exactly these appear beyond what the generated
 * data already showed.
 */
class PlantedOpportunitiesTest {

    @TempDir
    Path dir;

    static final Scope ADMIN = new Scope("admin", Role.ADMIN, Set.of(), Set.of());
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void theFeaturesFindWhatWasPlantedAndNothingMore() throws Exception {
        Path files = dir.resolve("files");
        new TerritoryGenerator().generate(files, 11, new TerritoryGenerator.Settings(9, 2024, 2025, 20_000_000, 0.6, 150));
        try (Database db = Database.open(dir.resolve("t.duckdb"))) {
            new TerritoryStore(db).save(TerritoryFileReader.read(files.resolve("territory.json")));
            new DecpImporter(db, new ContractChecks(LocalDate.of(2026, 6, 1))::check, DecpImporter.ProgressListener.NONE)
                    .importAll(List.of(files));
            new Reclassifier(db).run("test");
            MutualisationQueries.Params p = new MutualisationQueries.Params(TODAY, 3, 36);
            Set<String> opportunitiesBefore = keys(new MutualisationQueries(db.connection()).opportunities(p, ADMIN));
            Set<String> flagsBefore = flags(new ThresholdQueries(db.connection()).summary(Period.year(2025), ADMIN));
            assertThat(opportunitiesBefore).isNotEmpty(); // the generated territory already shares families

            List<String> unused = strings(db, """
                    SELECT code FROM nomenclature_family WHERE homogeneous AND nature = 'SERVICES'
                      AND code NOT IN (SELECT family_code FROM classification WHERE family_code IS NOT NULL) ORDER BY code LIMIT 3""");
            List<String> buyers = strings(db, "SELECT buyer_id FROM buyer WHERE in_territory ORDER BY buyer_id LIMIT 3");
            assertThat(unused).hasSize(3);
            String shared = unused.get(0), split = unused.get(1), control = unused.get(2);
            List<Contract> planted = new ArrayList<>();
            // The opportunity: three buyers, open tenders of 50 000 € in 2025, one holder in common.
            for (int i = 0; i < 3; i++) {
                planted.add(contract("MUT-" + i, buyers.get(i), "Appel d'offres ouvert", "50000", LocalDate.of(2025, 3, 1 + i)));
            }
            // The split purchase: one buyer, three 25 000 € contracts without publicity in 2025 (75 000 € > 40 000 €).
            for (int i = 0; i < 3; i++) {
                planted.add(contract("SPLIT-" + i, buyers.get(0), "Marché passé sans publicité ni mise en concurrence préalable",
                        "25000", LocalDate.of(2025, 2 + 3 * i, 1)));
            }
            // The control: one buyer, one 20 000 € contract without publicity: neither shared nor above a threshold.
            planted.add(contract("CTRL-0", buyers.get(1), "Marché passé sans publicité ni mise en concurrence préalable",
                    "20000", LocalDate.of(2025, 6, 1)));
            try (ContractBatchWriter w = ContractBatchWriter.begin(db, "/planted.json", "planted.json", 1, "DECP_V2_JSON")) {
                long pos = 0;
                for (Contract c : planted) {
                    w.add(new StagedRecord(new Provenance("planted.json", null, ++pos, SourceFormat.DECP_V2_JSON, "test"), c, DedupKey.of(c), List.of()));
                }
                w.commit("planted", 0);
            }
            try (Statement st = db.connection().createStatement()) {
                st.execute("INSERT INTO classification SELECT 'CONTRACT', contract_key, CASE WHEN contract_id LIKE 'MUT-%' THEN '" + shared
                        + "' WHEN contract_id LIKE 'SPLIT-%' THEN '" + split + "' ELSE '" + control + "' END, 1.0, 'MANUAL', 'planted', "
                        + "false, NULL, 'VALIDATED', NULL, TIMESTAMP '2026-11-01 00:00:00' FROM contract "
                        + "WHERE contract_id LIKE 'MUT-%' OR contract_id LIKE 'SPLIT-%' OR contract_id LIKE 'CTRL-%'");
            }

            List<MutualisationQueries.Opportunity> after = new MutualisationQueries(db.connection()).opportunities(p, ADMIN);
            Set<String> added = new HashSet<>(keys(after));
            added.removeAll(opportunitiesBefore);
            assertThat(added).containsExactly(shared);
            MutualisationQueries.Opportunity o = after.stream().filter(x -> x.familyKey().equals(shared)).findFirst().orElseThrow();
            assertThat(o.buyers()).isEqualTo(3);
            assertThat(o.levelKey()).isEqualTo("2-3");
            assertThat(o.amount()).isEqualByComparingTo("150000");
            assertThat(o.sharedSuppliers()).isEqualTo(1);
            assertThat(keys(after)).doesNotContain(split, control);

            List<ThresholdQueries.Row> rows = new ThresholdQueries(db.connection()).summary(Period.year(2025), ADMIN);
            Set<String> newFlags = new HashSet<>(flags(rows));
            newFlags.removeAll(flagsBefore);
            assertThat(newFlags).containsExactly(buyers.get(0) + "/" + split + "/RISQUE_FRACTIONNEMENT");
            ThresholdQueries.Row r = rows.stream().filter(x -> x.familyCode().equals(split)).findFirst().orElseThrow();
            assertThat(r.riskLines()).isEqualTo(3);
            assertThat(r.riskAmount()).isEqualByComparingTo("75000");
            assertThat(r.crossedOn()).isEqualTo(LocalDate.of(2025, 5, 1));
            assertThat(rows).filteredOn(x -> x.familyCode().equals(control)).singleElement()
                    .satisfies(x -> assertThat(x.flag()).isNull());
        }
    }

    static Contract contract(String id, String buyer, String procedure, String amount, LocalDate notified) {
        return Contracts.marche().withId(id).withBuyer(Party.ofSiret(buyer, "Acheteur")).withCpv("79000000")
                .withObject("Prestation plantée " + id).withProcedure(procedure).withAmount(amount)
                .withNotificationDate(notified).withDurationMonths(24)
                .withHolders(new Party(Contracts.HOLDER_SIRET, "SIRET", null, "Prestataire commun SARL")).build();
    }

    static Set<String> keys(List<MutualisationQueries.Opportunity> list) {
        return list.stream().map(MutualisationQueries.Opportunity::familyKey).collect(Collectors.toSet());
    }

    static Set<String> flags(List<ThresholdQueries.Row> rows) {
        return rows.stream().filter(r -> r.flag() != null).map(r -> r.buyerId() + "/" + r.familyCode() + "/" + r.flag()).collect(Collectors.toSet());
    }

    static List<String> strings(Database db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = db.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
