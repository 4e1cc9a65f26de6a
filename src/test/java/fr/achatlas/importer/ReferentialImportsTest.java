package fr.achatlas.importer;

import com.sun.net.httpserver.HttpServer;
import fr.achatlas.model.Geo;
import fr.achatlas.query.SpendingQueries;
import fr.achatlas.query.SupplierQueries;
import fr.achatlas.store.Database;
import fr.achatlas.store.GeoStore;
import fr.achatlas.store.SpendingLinker;
import fr.achatlas.store.SupplierStore;
import fr.achatlas.supplier.RechercheEntreprisesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.achatlas.store.StoreSnapshot.count;
import static org.assertj.core.api.Assertions.assertThat;

/** SIRENE stock, inclusive lists, the API (local server), geography and local definitions, on fictional fixtures. */
class ReferentialImportsTest {

    static final String UL_HEADER = "siren,statutDiffusionUniteLegale,unitePurgeeUniteLegale,dateCreationUniteLegale,sigleUniteLegale,sexeUniteLegale,prenom1UniteLegale,prenom2UniteLegale,prenom3UniteLegale,prenom4UniteLegale,prenomUsuelUniteLegale,pseudonymeUniteLegale,identifiantAssociationUniteLegale,trancheEffectifsUniteLegale,anneeEffectifsUniteLegale,dateDernierTraitementUniteLegale,nombrePeriodesUniteLegale,categorieEntreprise,anneeCategorieEntreprise,dateDebut,etatAdministratifUniteLegale,nomUniteLegale,nomUsageUniteLegale,denominationUniteLegale,denominationUsuelle1UniteLegale,denominationUsuelle2UniteLegale,denominationUsuelle3UniteLegale,categorieJuridiqueUniteLegale,activitePrincipaleUniteLegale,nomenclatureActivitePrincipaleUniteLegale,nicSiegeUniteLegale,economieSocialeSolidaireUniteLegale,societeMissionUniteLegale,caractereEmployeurUniteLegale,activitePrincipaleNAF25UniteLegale";
    static final String ET_HEADER = "siren,nic,siret,statutDiffusionEtablissement,dateCreationEtablissement,trancheEffectifsEtablissement,anneeEffectifsEtablissement,activitePrincipaleRegistreMetiersEtablissement,dateDernierTraitementEtablissement,etablissementSiege,nombrePeriodesEtablissement,complementAdresseEtablissement,numeroVoieEtablissement,indiceRepetitionEtablissement,dernierNumeroVoieEtablissement,indiceRepetitionDernierNumeroVoieEtablissement,typeVoieEtablissement,libelleVoieEtablissement,codePostalEtablissement,libelleCommuneEtablissement,libelleCommuneEtrangerEtablissement,distributionSpecialeEtablissement,codeCommuneEtablissement,codeCedexEtablissement,libelleCedexEtablissement,codePaysEtrangerEtablissement,libellePaysEtrangerEtablissement,identifiantAdresseEtablissement,coordonneeLambertAbscisseEtablissement,coordonneeLambertOrdonneeEtablissement,complementAdresse2Etablissement,numeroVoie2Etablissement,indiceRepetition2Etablissement,typeVoie2Etablissement,libelleVoie2Etablissement,codePostal2Etablissement,libelleCommune2Etablissement,libelleCommuneEtranger2Etablissement,distributionSpeciale2Etablissement,codeCommune2Etablissement,codeCedex2Etablissement,libelleCedex2Etablissement,codePaysEtranger2Etablissement,libellePaysEtranger2Etablissement,dateDebut,etatAdministratifEtablissement,enseigne1Etablissement,enseigne2Etablissement,enseigne3Etablissement,denominationUsuelleEtablissement,activitePrincipaleEtablissement,nomenclatureActivitePrincipaleEtablissement,caractereEmployeurEtablissement,activitePrincipaleNAF25Etablissement";

    @TempDir
    Path dir;
    Database db;
    ReferentialImports imports;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("t.duckdb"));
        imports = new ReferentialImports(db);
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    /** A unit line with the given values at their columns (35 columns). */
    static String ul(String siren, String diffusion, String prenom, String tranche, String cat, String year, String state,
                     String nom, String denomination, String cj, String naf, String ess) {
        String[] v = new String[35];
        java.util.Arrays.fill(v, "");
        v[0] = siren; v[1] = diffusion; v[10] = prenom; v[13] = tranche; v[17] = cat; v[18] = year; v[20] = state;
        v[21] = nom; v[23] = denomination; v[27] = cj; v[28] = naf; v[31] = ess;
        return String.join(",", v);
    }

    static String et(String siren, String siret, String diffusion, String siege, String num, String voie, String cp,
                     String commune, String state) {
        String[] v = new String[54];
        java.util.Arrays.fill(v, "");
        v[0] = siren; v[1] = siret.substring(9); v[2] = siret; v[3] = diffusion; v[9] = siege; v[12] = num; v[16] = "RUE";
        v[17] = voie; v[18] = cp; v[22] = commune; v[45] = state;
        return String.join(",", v);
    }

    @Test
    void sireneStockKeepsWhatTheTerritoryNeedsAndNeverAHiddenName() throws Exception {
        Path ul = dir.resolve("StockUniteLegale_utf8.csv");
        Files.writeString(ul, UL_HEADER + "\n"
                + ul("732829320", "O", "", "12", "PME", "2022", "A", "", "\"ATELIERS DU PONT, SARL\"", "5499", "43.21A", "N") + "\n"
                + ul("404833048", "P", "[ND]", "01", "PME", "2022", "A", "[ND]", "", "1000", "43.22B", "") + "\n"
                + ul("356000000", "O", "", "53", "GE", "2022", "A", "", "LA POSTE", "5510", "53.10Z", "N") + "\n"
                + ul("552032534", "O", "", "", "", "", "A", "", "SANS RAPPORT", "5710", "", "") + "\n"
                + "broken,\"unterminated\n");
        new SupplierStore(db); // needed SIRENs come from the store: seed them through the inclusive list path below
        Path list = dir.resolve("esat.csv");
        Files.writeString(list, "siret;nom\n73282932000017;Ateliers du Pont\n40483304800014;EI privée\n35600000000048;La Poste\n");
        imports.inclusion(list, LocalDate.of(2024, 6, 30), "ESAT");
        ReferentialImports.SireneReport r = imports.sirene(ul, false, null);
        assertThat(r.counts().read()).isEqualTo(5);
        assertThat(r.counts().kept()).isEqualTo(3); // 552032534 not needed; the broken line is not needed either
        var c = db.connection();
        assertThat(count(c, "SELECT count(*) FROM supplier_unit WHERE siren = '732829320' AND name = 'ATELIERS DU PONT, SARL' "
                + "AND company_category = 'PME' AND company_category_year = 2022 AND headcount_band = '12' AND NOT micro "
                + "AND naf = '43.21A' AND NOT ess AND active AND inclusion_type = 'ESAT' AND name_norm = 'ATELIERS PONT'")).isEqualTo(1);
        // a non-diffusible sole trader: no name anywhere, even the one the inclusive list carried
        assertThat(count(c, "SELECT count(*) FROM supplier_unit WHERE siren = '404833048' AND name IS NULL AND name_norm IS NULL "
                + "AND NOT diffusible AND micro")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM supplier_unit WHERE siren = '356000000' AND company_category = 'GE' AND NOT micro")).isEqualTo(1);
        // a buyer's export naming that person: the fact view the cartography reads still shows no name
        try (var st = c.createStatement()) {
            st.execute("""
                    INSERT INTO spending_line (line_key, batch_id, file_name, line_number, buyer_id, payment_date, year, month,
                        amount, amount_basis, supplier_id, supplier_id_type, supplier_siren, supplier_name)
                    VALUES (1, 1, 'f', 2, 'B', DATE '2024-01-02', 2024, 1, 10, 'HT', '40483304800014', 'SIRET', '404833048', 'Jean Personne')""");
        }
        assertThat(count(c, "SELECT count(*) FROM spending_fact WHERE supplier_siren = '404833048' AND supplier_name IS NULL")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM supplier_unit WHERE siren = '552032534'")).isZero();

        Path et = dir.resolve("StockEtablissement_utf8.csv");
        Files.writeString(et, ET_HEADER + "\n"
                + et("732829320", "73282932000017", "O", "true", "12", "DES LILAS", "35170", "35047", "A") + "\n"
                + et("404833048", "40483304800014", "P", "true", "[ND]", "[ND]", "35000", "35238", "A") + "\n"
                + et("552032534", "55203253400018", "O", "true", "1", "HAUTE", "20000", "2A004", "A") + "\n");
        ReferentialImports.SireneReport e = imports.sirene(et, false, Set.of("2A"));
        assertThat(e.counts().kept()).isEqualTo(3); // the third by its location (Corse-du-Sud asked)
        assertThat(count(c, "SELECT count(*) FROM supplier_establishment WHERE siret = '73282932000017' AND address = '12 RUE DES LILAS' "
                + "AND commune_code = '35047' AND headquarters AND active")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM supplier_establishment WHERE siret = '40483304800014' AND address IS NULL "
                + "AND commune_code = '35238'")).isEqualTo(1);
    }

    @Test
    void apiClientCachesPacesRetriesAndMasksNonDiffusibleUnits() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // Responses written from the API documentation (fields of /search results).
        server.createContext("/search", ex -> {
            int n = calls.incrementAndGet();
            String q = ex.getRequestURI().getQuery();
            String body;
            int status = 200;
            if (n == 1) {
                status = 429;
                ex.getResponseHeaders().add("Retry-After", "0");
                body = "{\"erreur\":\"Too many requests\"}";
            } else if (q.contains("q=732829320")) {
                body = """
                        {"results":[{"siren":"732829320","nom_complet":"ATELIERS DU PONT","nom_raison_sociale":"ATELIERS DU PONT",
                          "statut_diffusion":"O","categorie_entreprise":"PME","annee_categorie_entreprise":"2022",
                          "etat_administratif":"A","nature_juridique":"5499","activite_principale":"43.21A","tranche_effectif_salarie":"12",
                          "siege":{"siret":"73282932000017","commune":"35047","code_postal":"35170","adresse":"12 RUE DES LILAS 35170 BRUZ",
                                   "etat_administratif":"A","est_siege":true},
                          "matching_etablissements":[],
                          "complements":{"est_ess":true,"est_siae":true,"type_siae":"ACI"}}],
                         "total_results":1,"page":1,"per_page":1,"total_pages":1}""";
            } else if (q.contains("q=404833048")) {
                body = """
                        {"results":[{"siren":"404833048","nom_complet":"[NON-DIFFUSIBLE]","nom_raison_sociale":null,
                          "statut_diffusion":"P","categorie_entreprise":"PME","etat_administratif":"A","nature_juridique":"1000",
                          "siege":{"siret":"40483304800014","commune":"35238","code_postal":"35000","adresse":"[NON-DIFFUSIBLE]",
                                   "etat_administratif":"A","est_siege":true},
                          "complements":{"est_ess":false,"est_siae":false}}],"total_results":1,"page":1,"per_page":1,"total_pages":1}""";
            } else if (q.contains("q=999999999")) {
                status = 503;
                body = "{}";
            } else {
                body = "{\"results\":[],\"total_results\":0,\"page\":1,\"per_page\":1,\"total_pages\":0}";
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            RechercheEntreprisesClient client = new RechercheEntreprisesClient(base, dir.resolve("cache"), Duration.ofDays(1),
                    Duration.ofMillis(20), 2);
            long t0 = System.nanoTime();
            ReferentialImports.ApiReport r = imports.api(client, List.of("732829320", "404833048", "123456782", "999999999"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.found()).isEqualTo(2);
            assertThat(r.errors()).singleElement().asString().contains("999999999").contains("503");
            // 1 (429) + 1 retry + 2 more SIRENs + 3 attempts for the failing one
            assertThat(calls.get()).isEqualTo(7);
            assertThat(ms).isGreaterThanOrEqualTo(6 * 20); // paced
            var c = db.connection();
            assertThat(count(c, "SELECT count(*) FROM supplier_unit WHERE siren = '732829320' AND ess AND inclusion_type = 'ACI' "
                    + "AND company_category = 'PME' AND naf = '4321A'")).isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM supplier_unit WHERE siren = '404833048' AND name IS NULL AND NOT diffusible")).isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM supplier_establishment WHERE siret = '40483304800014' AND address IS NULL")).isEqualTo(1);
            // second run: from the cache, no new request for the SIRENs already answered
            int before = calls.get();
            RechercheEntreprisesClient again = new RechercheEntreprisesClient(base, dir.resolve("cache"), Duration.ofDays(1),
                    Duration.ofMillis(20), 0);
            assertThat(again.bySiren("732829320")).isPresent();
            assertThat(calls.get()).isEqualTo(before);
            assertThat(again.cacheHits()).isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void geographyAndLocalDefinitionsIncludingCorsicaOverseasAndRadius() throws Exception {
        Geo geo = imports.geography();
        assertThat(geo.communes()).hasSizeGreaterThan(34_000);
        var c = db.connection();
        assertThat(count(c, "SELECT count(*) FROM geo_commune WHERE code = '35047' AND departement = '35' AND region = '53' AND epci IS NOT NULL")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM geo_commune WHERE code = '2A004' AND departement = '2A' AND region = '94'")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM geo_commune WHERE code = '2B033' AND departement = '2B'")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM geo_commune WHERE code = '97411' AND departement = '974' AND region = '04'")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM geo_commune WHERE code = '75108' AND parent = '75056'")).isEqualTo(1);
        // centroids from a small fixture (approximate coordinates)
        Path cent = dir.resolve("centroides.csv");
        Files.writeString(cent, "insee_com,lat,lng\n35047,48.024,-1.745\n35238,48.112,-1.680\n35288,48.649,-2.008\n"
                + "2A004,41.927,8.737\n97411,-20.882,55.450\n75056,48.857,2.352\n22278,48.514,-2.765\n99999,x,y\n");
        ReferentialImports.CentroidReport cr = imports.centroids(cent);
        assertThat(cr.read()).isEqualTo(8);
        assertThat(cr.matched()).isEqualTo(7);
        assertThat(cr.skipped()).hasSize(1);
        // suppliers in Bruz, Rennes, Saint-Malo, Saint-Brieuc (22), Ajaccio, La Réunion, Paris 8e, and a foreign one
        try (var st = c.createStatement()) {
            st.execute("""
                    INSERT INTO supplier_establishment (siret, siren, commune_code, country) VALUES
                    ('10000000000001','100000000','35047','FR'), ('20000000000001','200000000','35238','FR'),
                    ('30000000000001','300000000','35288','FR'), ('40000000000001','400000000','22278','FR'),
                    ('50000000000001','500000000','2A004','FR'), ('60000000000001','600000000','97411','FR'),
                    ('70000000000001','700000000','75108','FR'), ('BE0123456789','BE0123456','','BE')""");
        }
        GeoStore gs = new GeoStore(db);
        gs.setLocalDefinition(new Geo.LocalDefinition("EPCI", "35047", null, null));
        assertThat(locals()).as("Bruz and Rennes are both in Rennes Métropole").containsExactly("10000000000001", "20000000000001");
        gs.setLocalDefinition(new Geo.LocalDefinition("DEPARTEMENT", "35047", null, null));
        assertThat(locals()).containsExactly("10000000000001", "20000000000001", "30000000000001");
        gs.setLocalDefinition(new Geo.LocalDefinition("REGION", "35047", null, null));
        assertThat(locals()).containsExactly("10000000000001", "20000000000001", "30000000000001", "40000000000001");
        gs.setLocalDefinition(new Geo.LocalDefinition("DEPARTEMENTS", "35047", List.of("2A", "974"), null));
        assertThat(locals()).containsExactly("50000000000001", "60000000000001");
        // Bruz–Rennes ≈ 10 km, Bruz–Saint-Malo ≈ 70 km, Bruz–Saint-Brieuc ≈ 85 km
        gs.setLocalDefinition(new Geo.LocalDefinition("RADIUS", "35047", null, 30.0));
        assertThat(locals()).containsExactly("10000000000001", "20000000000001");
        gs.setLocalDefinition(new Geo.LocalDefinition("RADIUS", "35047", null, 80.0));
        assertThat(locals()).containsExactly("10000000000001", "20000000000001", "30000000000001");
        // the arrondissement takes Paris's centroid; foreign suppliers are never local
        assertThat(count(c, "SELECT count(*) FROM supplier_location WHERE siret = '70000000000001' AND departement_code = '75' AND NOT is_local")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM supplier_location WHERE siret = 'BE0123456789' AND NOT is_local")).isEqualTo(1);
        assertThat(new SupplierQueries(c).localDefinition()).contains("80.0 km").contains("Bruz");
    }

    private List<String> locals() throws Exception {
        return new SupplierQueries(db.connection()).locations(null, 100).stream()
                .filter(l -> Boolean.TRUE.equals(l.local())).map(SupplierQueries.Location::siret).toList();
    }

    @Test
    void linksSpendingToContractsAndMatchesNamesWithAReviewList() throws Exception {
        var c = db.connection();
        try (var st = c.createStatement()) {
            st.execute("""
                    INSERT INTO contract (contract_key, kind, buyer_id, contract_id, identity_hash, cpv, award_date, award_year,
                        duration_months, amount, current_duration_months, first_batch_id) VALUES
                    (1, 'MARCHE', 'B1', '2023-M-001', 101, '45210000', DATE '2023-01-10', 2023, 12, 100000, 12, 1),
                    (2, 'MARCHE', 'B1', '2023-M-002', 102, '90910000', DATE '2023-02-01', 2023, 24, 50000, 24, 1),
                    (3, 'MARCHE', 'B1', '2023-M-003', 103, '90910000', DATE '2023-03-01', 2023, 24, 50000, 24, 1)""");
            st.execute("""
                    INSERT INTO contract_holder VALUES (1, 0, 1, '11111111100011', 'SIRET', NULL, 'BTP Ouest', '111111111'),
                        (2, 0, 1, '22222222200022', 'SIRET', NULL, 'Propreté 35', '222222222'),
                        (3, 0, 1, '22222222200022', 'SIRET', NULL, 'Propreté 35', '222222222')""");
            st.execute("""
                    INSERT INTO spending_line (line_key, batch_id, file_name, line_number, buyer_id, payment_date, year, month,
                        amount, amount_basis, supplier_id, supplier_id_type, supplier_siren, supplier_name, supplier_name_norm, contract_ref) VALUES
                    (10, 1, 'f', 2, 'B1', DATE '2023-05-01', 2023, 5, 1000, 'HT', NULL, 'NAME', NULL, 'BTP Ouest', 'BTP OUEST', '2023 m 001'),
                    (11, 1, 'f', 3, 'B1', DATE '2023-05-01', 2023, 5, 2000, 'HT', '11111111100011', 'SIRET', '111111111', 'BTP Ouest', 'BTP OUEST', NULL),
                    (12, 1, 'f', 4, 'B1', DATE '2023-02-15', 2023, 2, 300, 'HT', '22222222200022', 'SIRET', '222222222', 'Propreté 35', 'PROPRETE 35', NULL),
                    (13, 1, 'f', 5, 'B1', DATE '2023-06-15', 2023, 6, 400, 'HT', '22222222200022', 'SIRET', '222222222', 'Propreté 35', 'PROPRETE 35', NULL),
                    (14, 1, 'f', 6, 'B1', DATE '2022-06-15', 2022, 6, 500, 'HT', '11111111100011', 'SIRET', '111111111', 'BTP Ouest', 'BTP OUEST', NULL),
                    (15, 1, 'f', 7, 'B1', DATE '2023-06-15', 2023, 6, 600, 'HT', NULL, 'NAME', NULL, 'Inconnu & Cie', 'INCONNU', NULL)""");
        }
        SpendingLinker.Counts k = new SpendingLinker(db).run(null);
        assertThat(k.byReference()).isEqualTo(1);
        assertThat(k.namesByHistory()).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM spending_line WHERE line_key = 10 AND contract_key = 1 AND link_method = 'REFERENCE' "
                + "AND supplier_id = '11111111100011' AND supplier_match_method = 'NAME_HISTORY'")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM spending_line WHERE line_key = 11 AND contract_key = 1 AND link_method = 'SUPPLIER_PERIOD' AND link_confidence = 0.8")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM spending_line WHERE line_key = 12 AND contract_key = 2 AND link_method = 'SUPPLIER_PERIOD'")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM spending_line WHERE line_key = 13 AND contract_key = 3 AND link_method = 'SUPPLIER_PERIOD_AMBIGUOUS' AND link_confidence = 0.5")).isEqualTo(1);
        assertThat(count(c, "SELECT count(*) FROM spending_line WHERE line_key = 14 AND contract_key IS NULL")).isEqualTo(1); // before the award
        var q = new SpendingQueries(c);
        var rows = q.underContract(false);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.underContract()).isEqualByComparingTo("3700");
            assertThat(r.offContract()).isEqualByComparingTo("1100");
            assertThat(r.linkedLines()).isEqualTo(4);
        });
        assertThat(q.underContract(true)).extracting(SpendingQueries.UnderContract::cpvDivision).containsExactly("45", "90", null);
        assertThat(q.reviewList(10)).singleElement().satisfies(i -> {
            assertThat(i.supplierName()).isEqualTo("Inconnu & Cie");
            assertThat(i.method()).isNull();
        });
        // the link is recomputed, not accumulated
        assertThat(new SpendingLinker(db).run(null).byReference()).isEqualTo(1);
    }
}
