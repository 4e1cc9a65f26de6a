package fr.achatlas.parse;

import fr.achatlas.model.Contract;
import fr.achatlas.model.ContractKind;
import fr.achatlas.model.Modification;
import fr.achatlas.model.ParsedRecord;
import fr.achatlas.model.Party;
import fr.achatlas.model.Place;
import fr.achatlas.model.Severity;
import fr.achatlas.model.SourceFormat;
import fr.achatlas.model.SubcontractAct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static fr.achatlas.parse.Records.finding;
import static fr.achatlas.parse.Records.fixture;
import static fr.achatlas.parse.Records.readAll;
import static fr.achatlas.parse.Records.rules;
import static org.assertj.core.api.Assertions.assertThat;

class DecpReadersTest {

    @Test
    void detectsTheFourFormatsAndRejectsOthers() throws IOException {
        assertThat(DecpReaders.detect(fixture("v2-mixed.json"))).isEqualTo(SourceFormat.DECP_V2_JSON);
        assertThat(DecpReaders.detect(fixture("2019-defects.json"))).isEqualTo(SourceFormat.DECP_2019_JSON);
        assertThat(DecpReaders.detect(fixture("2019-single.xml"))).isEqualTo(SourceFormat.DECP_2019_XML);
        assertThat(DecpReaders.detect(fixture("v2-control-chars.xml"))).isEqualTo(SourceFormat.DECP_V2_XML);
        assertThat(DecpReaders.detect(fixture("not-decp.csv"))).isNull();
        assertThat(DecpReaders.detect(fixture("wrong-root.xml"))).isNull();
    }

    @Test
    void v2JsonMapsEveryMarcheField() throws IOException {
        List<ParsedRecord> records = readAll(fixture("v2-mixed.json"));
        assertThat(records).hasSize(4);
        assertThat(records).extracting(r -> r.provenance().recordPosition()).containsExactly(1L, 2L, 3L, 4L);
        ParsedRecord first = records.get(0);
        assertThat(first.findings()).isEmpty();
        Contract c = first.contract();
        assertThat(c.kind()).isEqualTo(ContractKind.MARCHE);
        assertThat(c.id()).isEqualTo("2024-TRX-001");
        assertThat(c.buyer()).isEqualTo(new Party("21310555400017", "SIRET", null, null));
        assertThat(c.cpv()).isEqualTo("45261210");
        assertThat(c.cpvOriginal()).isEqualTo("45261210-9");
        assertThat(c.techniques()).containsExactly("Accord-cadre", "Sans objet");
        assertThat(c.executionModes()).containsExactly("Tranches", "Bons de commande");
        assertThat(c.frameworkId()).isEqualTo("2023-AC-17");
        assertThat(c.innovative()).isFalse();
        assertThat(c.ccag()).isEqualTo("Travaux");
        assertThat(c.offersReceived()).isEqualTo(3);
        assertThat(c.advance()).isTrue();
        assertThat(c.advanceRate()).isEqualByComparingTo("0.05");
        assertThat(c.groupingType()).isEqualTo("Solidaire");
        assertThat(c.subcontractingDeclared()).isTrue();
        assertThat(c.place()).isEqualTo(new Place("31555", "Code commune", null));
        assertThat(c.durationMonths()).isEqualTo(18);
        assertThat(c.notificationDate()).isEqualTo(LocalDate.of(2024, 5, 15));
        assertThat(c.publicationDate()).isEqualTo(LocalDate.of(2024, 5, 25));
        assertThat(c.amount()).isEqualByComparingTo("575000");
        assertThat(c.priceTypes()).containsExactly("Définitif révisable");
        assertThat(c.priceForm()).isEqualTo("Forfaitaire");
        assertThat(c.originUe()).isEqualByComparingTo("0.2");
        assertThat(c.originFrance()).isEqualByComparingTo("0.75");
        assertThat(c.socialConsiderations()).containsExactly("Clause sociale");
        assertThat(c.environmentalConsiderations()).containsExactly("Critère environnemental");
        assertThat(c.holders()).containsExactly(new Party("55204599900869", "SIRET", null, null),
                new Party("DE814864138", "TVA", null, null));
        assertThat(c.subcontracts()).containsExactly(
                new SubcontractAct(1, "1", false, new Party("44306184100047", "SIRET", null, null), 6,
                        LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 10), new BigDecimal("12000.5"), "Révisable"),
                new SubcontractAct(2, "1", true, null, 8, LocalDate.of(2024, 9, 1), LocalDate.of(2024, 9, 5),
                        new BigDecimal("15000"), null));
        assertThat(c.modifications()).containsExactly(
                new Modification(1, "1", null, LocalDate.of(2024, 10, 2), LocalDate.of(2024, 10, 5), null, new BigDecimal("600000"), null),
                new Modification(2, "2", null, LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 3), 20, null,
                        List.of(new Party("44306184100047", "SIRET", null, null))));
        assertThat(c.executionDataJson()).isNull();
        assertThat(c.provenance().platform()).isEqualTo("plateforme-fictive");
        assertThat(c.provenance().format()).isEqualTo(SourceFormat.DECP_V2_JSON);
        assertThat(c.provenance().fileSha256()).isEqualTo("sha-test");
        assertThat(c.currentState().amount()).isEqualByComparingTo("600000");

        assertThat(records.get(1).contract().nature()).isEqualTo("Marché de défense ou de sécurité");
        assertThat(records.get(2).contract().holders().get(0)).isEqualTo(new Party("US-12-3456", "HORS_UE", "HORS-UE", null));
        assertThat(records.get(2).contract().subcontracts()).isEmpty();
        assertThat(records.get(2).contract().provenance().platform()).isNull();
    }

    @Test
    void v2JsonMapsTheConcession() throws IOException {
        ParsedRecord r = readAll(fixture("v2-mixed.json")).get(3);
        assertThat(r.findings()).isEmpty();
        Contract c = r.contract();
        assertThat(c.kind()).isEqualTo(ContractKind.CONCESSION);
        assertThat(c.buyer().id()).isEqualTo("21310555400017");
        assertThat(c.nature()).isEqualTo("Délégation de service public");
        assertThat(c.signatureDate()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(c.executionStartDate()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(c.notificationDate()).isNull();
        assertThat(c.awardDate()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(c.amount()).isEqualByComparingTo("2500000");
        assertThat(c.publicSubsidy()).isEqualByComparingTo("150000.5");
        assertThat(c.socialConsiderations()).containsExactly("Concession réservée");
        assertThat(c.holders()).containsExactly(new Party("38103128500491", "SIRET", null, null));
        assertThat(c.executionDataJson()).isEqualTo("[{\"datePublicationDonneesExecution\":\"2025-03-01\","
                + "\"depensesInvestissement\":40000,\"tarifs\":[{\"intituleTarif\":\"Entrée adulte\",\"tarif\":4.5},"
                + "{\"intituleTarif\":\"Entrée \\\"enfant\\\"\",\"tarif\":2}]}]");
        assertThat(c.modifications()).containsExactly(new Modification(1, "1", null, LocalDate.of(2025, 1, 15),
                LocalDate.of(2025, 1, 20), 72, new BigDecimal("2900000"), null));
    }

    @Test
    void json2019DefectsAreRepairedAndTraced() throws IOException {
        List<ParsedRecord> records = readAll(fixture("2019-defects.json"));
        assertThat(records).hasSize(3);
        ParsedRecord r1 = records.get(0);
        Contract c = r1.contract();
        assertThat(c.uid()).isEqualTo("2131055540001719-PES-001");
        assertThat(c.provenance().platform()).isEqualTo("data.gouv.fr_pes");
        assertThat(c.buyer()).isEqualTo(new Party("21310555400017", "SIRET", null, "Commune fictive"));
        assertThat(c.nature()).isEqualTo("Marché");
        assertThat(c.natureOriginal()).isEqualTo("MARCHE");
        assertThat(c.cpv()).isEqualTo("07731300");
        assertThat(c.cpvOriginal()).isEqualTo("7731300");
        assertThat(c.procedure()).isEqualTo("Marché passé sans publicité ni mise en concurrence préalable");
        assertThat(c.procedureOriginal()).isEqualTo("Marché négocié sans publicité ni mise en concurrence préalable");
        assertThat(c.place()).isEqualTo(new Place("31000", "Code postal", "Toulouse"));
        assertThat(c.durationMonths()).isNull();
        assertThat(c.durationOriginal()).isNull();
        assertThat(c.notificationDate()).isEqualTo(LocalDate.of(2019, 3, 12));
        assertThat(c.notificationDateOriginal()).isEqualTo("2019-03-12+01:00");
        assertThat(c.publicationDate()).isEqualTo(LocalDate.of(2019, 3, 20));
        assertThat(c.amount()).isEqualByComparingTo("1234.56");
        assertThat(c.amountOriginal()).isEqualTo("1 234,56");
        assertThat(c.priceForm()).isEqualTo("Ferme et actualisable");
        assertThat(c.holders()).containsExactly(
                new Party("FR12345678901", "TVA", "TVA_INTRACOMMUNAUTAIRE", "Jardins du Sud"),
                new Party("CH-123456789", "HORS_UE", "HORS_UE", "Gärten AG"),
                new Party("ABC", "FRWF", "FRW", "Société X"),
                new Party("81223113200026", "SIRET", "Siret", "Y"),
                new Party("812231132", "SIREN", null, "Z"));
        assertThat(rules(r1)).containsExactlyInAnyOrder("ENUM_VALUE_MAPPED", "ENUM_VALUE_MAPPED", "CPV_REPAIRED",
                "PROCEDURE_MAPPED", "VALUE_NOT_PROVIDED", "DATE_TIMEZONE_REMOVED", "DATE_TIMEZONE_REMOVED",
                "ID_TYPE_MAPPED", "ID_TYPE_MAPPED", "ID_TYPE_MAPPED", "ID_TYPE_MAPPED", "ID_TYPE_UNKNOWN");
        assertThat(finding(r1, "ID_TYPE_UNKNOWN", "titulaires[5].typeIdentifiant").value()).isEqualTo("SIREN");
        assertThat(finding(r1, "VALUE_NOT_PROVIDED", "dureeMois").value()).isEqualTo("NC");

        Contract c2 = records.get(1).contract();
        assertThat(c2.buyer().id()).as("flat key acheteur.id").isEqualTo("21310555400017");
        assertThat(c2.nature()).isEqualTo("Marché subséquent");
        assertThat(c2.cpv()).isNull();
        assertThat(c2.durationMonths()).isNull();
        assertThat(c2.durationOriginal()).isEqualTo("douze");
        assertThat(c2.notificationDate()).isNull();
        assertThat(c2.notificationDateOriginal()).isEqualTo("201-04-05");
        assertThat(c2.publicationDate()).isNull();
        assertThat(c2.amount()).isNull();
        assertThat(c2.holders()).extracting(Party::id).containsExactly("44306184100047");
        assertThat(c2.modifications()).containsExactly(new Modification(1, null, "Avenant 1", LocalDate.of(2019, 6, 1),
                null, null, null, List.of(new Party("81223113200026", "SIRET", null, null))));
        assertThat(rules(records.get(1))).contains("CPV_MISSING", "NUMBER_INVALID", "DATE_INVALID");
        assertThat(finding(records.get(1), "VALUE_NOT_PROVIDED", "montant").value()).isEqualTo("NaN");
        assertThat(finding(records.get(1), "NUMBER_INVALID", "modifications[1].montant").value()).isEqualTo("12.5.3");
        assertThat(finding(records.get(1), "DATE_INVALID", "datePublicationDonnees").value()).isEqualTo("2019-13-01");
        assertThat(records.get(1).findings()).noneMatch(f -> f.severity() == Severity.FATAL);

        Contract c3 = records.get(2).contract();
        assertThat(c3.kind()).isEqualTo(ContractKind.CONCESSION);
        assertThat(c3.nature()).isEqualTo("Délégation de service public");
        assertThat(c3.signatureDate()).isEqualTo(LocalDate.of(2019, 1, 2));
        assertThat(c3.amount()).isEqualByComparingTo("575000");
        assertThat(c3.amountOriginal()).isNull();
        assertThat(c3.executionDataJson()).isEqualTo("[]");
        assertThat(c3.holders()).containsExactly(new Party("38103128500491", "SIRET", null, "Cuisine SA"));
        assertThat(c3.modifications()).containsExactly(new Modification(1, null, "Prolongation", LocalDate.of(2020, 1, 1),
                null, 60, new BigDecimal("650000"), null));
        assertThat(rules(records.get(2))).doesNotContain("CPV_MISSING");
    }

    @Test
    void xml2019SingleRecordRoot() throws IOException {
        List<ParsedRecord> records = readAll(fixture("2019-single.xml"));
        assertThat(records).hasSize(1);
        Contract c = records.get(0).contract();
        assertThat(c.provenance().format()).isEqualTo(SourceFormat.DECP_2019_XML);
        assertThat(c.nature()).isEqualTo("Accord-cadre");
        assertThat(c.procedure()).isEqualTo("Procédure avec négociation");
        assertThat(rules(records.get(0))).containsExactly("PROCEDURE_MAPPED");
        assertThat(c.amount()).isEqualByComparingTo("84000");
        assertThat(c.holders()).containsExactly(new Party("44306184100047", "SIRET", null, "Ascenseurs & Cie"));
        assertThat(c.modifications()).containsExactly(new Modification(1, null, "Allongement", LocalDate.of(2020, 1, 10),
                LocalDate.of(2020, 1, 20), 48, null, null));
        assertThat(c.currentState().durationMonths()).isEqualTo(48);
    }

    @Test
    void xmlV2WithControlCharactersKeepsEveryRecord() throws IOException {
        List<ParsedRecord> records = readAll(fixture("v2-control-chars.xml"));
        assertThat(records).hasSize(3);
        Contract first = records.get(0).contract();
        assertThat(records.get(0).findings()).isEmpty();
        assertThat(first.innovative()).isFalse();
        assertThat(first.advance()).isTrue();
        assertThat(first.subcontractingDeclared()).isFalse();
        assertThat(first.priceTypes()).containsExactly("Définitif ferme", "Provisoire");
        assertThat(first.holders()).hasSize(2);
        assertThat(first.modifications()).isEmpty();

        ParsedRecord second = records.get(1);
        assertThat(second.contract().object()).isEqualTo("Fourniture de papier");
        assertThat(rules(second)).containsExactly("CONTROL_CHARACTERS_REMOVED", "BOOLEAN_INVALID");
        assertThat(second.contract().holders()).hasSize(1);

        Contract concession = records.get(2).contract();
        assertThat(rules(records.get(2))).isEmpty();
        assertThat(concession.kind()).isEqualTo(ContractKind.CONCESSION);
        assertThat(concession.executionDataJson()).isEqualTo("[{\"datePublicationDonneesExecution\":\"2025-01-15\","
                + "\"depensesInvestissement\":100000,\"tarifs\":[{\"intituleTarif\":\"Heure\",\"tarif\":2.10}]}]");
        assertThat(concession.modifications()).containsExactly(new Modification(1, "1", null, LocalDate.of(2025, 2, 1),
                null, null, new BigDecimal("3100000"), null));
    }

    @Test
    void truncatedJsonReturnsTheRecordsBeforeThenOneFatalRecord() throws IOException {
        List<ParsedRecord> records = readAll(fixture("truncated.json"));
        assertThat(records).hasSize(3);
        assertThat(records.subList(0, 2)).allSatisfy(r -> assertThat(r.contract()).isNotNull());
        ParsedRecord broken = records.get(2);
        assertThat(broken.contract()).isNull();
        assertThat(broken.provenance().recordPosition()).isEqualTo(3);
        assertThat(broken.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("PARSE_ERROR");
            assertThat(f.severity()).isEqualTo(Severity.FATAL);
            assertThat(f.field()).startsWith("ligne 4");
            assertThat(f.message()).contains("JSON mal formé ou tronqué");
        });
    }

    @Test
    void syntaxErrorMidFileStopsAfterOneFatalRecord() throws IOException {
        List<ParsedRecord> records = readAll(fixture("syntax-error.json"));
        assertThat(records).extracting(r -> r.contract() == null ? "FATAL" : r.contract().id()).containsExactly("S-1", "FATAL");
        assertThat(rules(records.get(1))).containsExactly("PARSE_ERROR");
    }

    @Test
    void truncatedXmlReturnsTheRecordsBeforeThenOneFatalRecord(@TempDir Path dir) throws IOException {
        String full = Files.readString(fixture("v2-control-chars.xml"));
        Path cut = dir.resolve("cut.xml");
        Files.writeString(cut, full.substring(0, full.indexOf("<contrat-concession>") + 60));
        List<ParsedRecord> records = readAll(cut);
        assertThat(records).hasSize(3);
        assertThat(records.get(1).contract().id()).isEqualTo("2024-XML-2");
        assertThat(records.get(2).contract()).isNull();
        assertThat(rules(records.get(2))).containsExactly("PARSE_ERROR");
    }

    @Test
    void valuesThatAreNotContractsAreRejectedOneByOne() throws IOException {
        List<ParsedRecord> records = readAll(fixture("not-contracts.json"));
        assertThat(records).extracting(r -> r.contract() == null ? rules(r).get(0) : r.contract().id())
                .containsExactly("OK-1", "NOT_A_CONTRACT", "NOT_A_CONTRACT", "NOT_A_CONTRACT", "NOT_A_CONTRACT", "OK-2");
        assertThat(records).extracting(r -> r.provenance().recordPosition()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void unrecognisedFileYieldsOneFatalRecord() throws IOException {
        for (String name : new String[]{"not-decp.csv", "wrong-root.xml"}) {
            try (DecpReader reader = DecpReaders.open(fixture(name), "sha")) {
                assertThat(reader.format()).isNull();
                ParsedRecord r = reader.next();
                assertThat(r.contract()).isNull();
                assertThat(r.provenance().fileName()).isEqualTo(name);
                assertThat(r.findings()).singleElement().satisfies(f -> {
                    assertThat(f.rule()).isEqualTo("PARSE_ERROR");
                    assertThat(f.message()).startsWith("Format non reconnu");
                    // a table is told where it goes instead; an XML is not
                    if (name.endsWith(".csv")) assertThat(f.message()).contains("spending import").contains("JSON ou XML officiel");
                    else assertThat(f.message()).doesNotContain("spending import");
                });
                assertThat(reader.next()).isNull();
            }
        }
    }

    @Test
    void streamVariantToleratesBomAndLeadingWhitespace() throws IOException {
        byte[] body = ("\uFEFF \n {\"marches\":{\"contrat-concession\":{\"id\":\"C1\",\"autoriteConcedante\":{\"id\":\"21310555400017\"},"
                + "\"valeurGlobale\":\"NC\",\"nature\":\"\"}}}").getBytes(StandardCharsets.UTF_8);
        try (DecpReader reader = DecpReaders.open(new ByteArrayInputStream(body), "flux.json", "sha")) {
            assertThat(reader.format()).isEqualTo(SourceFormat.DECP_V2_JSON);
            ParsedRecord r = reader.next();
            assertThat(r.contract().kind()).isEqualTo(ContractKind.CONCESSION);
            assertThat(r.contract().id()).isEqualTo("C1");
            assertThat(r.contract().amount()).isNull();
            assertThat(r.findings()).extracting(f -> f.rule() + " " + f.field())
                    .containsExactlyInAnyOrder("VALUE_NOT_PROVIDED valeurGlobale", "VALUE_NOT_PROVIDED nature");
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void jsonControlCharactersAndNestedHolderWrappers() throws IOException {
        String json = "{\"marches\":[{\"_type\":\"Marché\",\"id\":\"X\",\"objet\":\"Avec\u0001 contrôle\","
                + "\"titulaires\":{\"titulaire\":[{\"typeIdentifiant\":\"SIRET\",\"id\":\"1\"},{\"typeIdentifiant\":\"SIRET\",\"id\":\"2\"}]},"
                + "\"modifications\":{\"modification\":[{\"montant\":5},{\"montant\":6}]},"
                + "\"techniques\":\"Concours\",\"codeCPV\":45000000}]}";
        try (DecpReader reader = DecpReaders.open(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "x.json", "s")) {
            ParsedRecord r = reader.next();
            assertThat(r.contract().object()).isEqualTo("Avec contrôle");
            assertThat(rules(r)).containsExactly("CONTROL_CHARACTERS_REMOVED");
            assertThat(r.contract().holders()).extracting(Party::id).containsExactly("1", "2");
            assertThat(r.contract().modifications()).extracting(Modification::amount)
                    .containsExactly(new BigDecimal("5"), new BigDecimal("6"));
            assertThat(r.contract().techniques()).isEqualTo(Set.of("Concours"));
            assertThat(r.contract().cpv()).isEqualTo("45000000");
        }
    }
}
