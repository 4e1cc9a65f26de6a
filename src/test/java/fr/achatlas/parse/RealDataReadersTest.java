package fr.achatlas.parse;

import fr.achatlas.model.ContractKind;
import fr.achatlas.model.Finding;
import fr.achatlas.model.ParsedRecord;
import fr.achatlas.model.Severity;
import fr.achatlas.model.SourceFormat;
import fr.achatlas.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static fr.achatlas.parse.Records.readAll;
import static org.assertj.core.api.Assertions.assertThat;

/** The official examples and three real 2019-format files from ../shared/data (skipped visibly when absent). */
class RealDataReadersTest {

    @ParameterizedTest
    @CsvSource({
            "examples-v1.5/mar-basique.json,DECP_2019_JSON,1,0", "examples-v1.5/mar-basique.xml,DECP_2019_XML,1,0",
            "examples-v1.5/mar-basique-avec-uid.json,DECP_2019_JSON,1,0", "examples-v1.5/mar-basique-avec-uid.xml,DECP_2019_XML,1,0",
            "examples-v1.5/mar-avec-modifications.json,DECP_2019_JSON,1,0", "examples-v1.5/mar-avec-modifications.xml,DECP_2019_XML,1,0",
            "examples-v1.5/cc-basique.json,DECP_2019_JSON,0,1", "examples-v1.5/cc-basique.xml,DECP_2019_XML,0,1",
            "examples-v1.5/cc-basique-avec-uid.json,DECP_2019_JSON,0,1", "examples-v1.5/cc-basique-avec-uid.xml,DECP_2019_XML,0,1",
            "examples-v1.5/cc-avec-modifications.json,DECP_2019_JSON,0,1", "examples-v1.5/cc-avec-modifications.xml,DECP_2019_XML,0,1",
            "examples-v1.5/paquet.json,DECP_2019_JSON,1,1", "examples-v1.5/paquet-avec-uid.json,DECP_2019_JSON,1,1",
            "examples-v1.5/paquet-result.json,DECP_2019_JSON,2,0",
            // the XML packages hold 2 marchés and 2 concessions (SOURCES.md says "2 records each": it counts the JSON ones)
            "examples-v1.5/paquet.xml,DECP_2019_XML,2,2", "examples-v1.5/paquet-avec-uid.xml,DECP_2019_XML,2,2",
            "examples-v2/marches_avec_modifications.json,DECP_V2_JSON,2,0", "examples-v2/marches_concessions.json,DECP_V2_JSON,2,2",
            "examples-v2/concessions.json,DECP_V2_JSON,0,2", "examples-v2/concessions_avec_modifications.json,DECP_V2_JSON,0,2",
            "examples-v2/Marche.xml,DECP_V2_XML,2,0", "examples-v2/Contrat-concession.xml,DECP_V2_XML,0,2",
            "examples-v2/Contrat-concession-modification.xml,DECP_V2_XML,0,2"})
    void officialExamplesParseWithoutFatalFinding(String file, SourceFormat format, int marches, int concessions) throws IOException {
        Path path = SharedData.require("decp/" + file);
        assertThat(DecpReaders.detect(path)).isEqualTo(format);
        List<ParsedRecord> records = readAll(path);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.contract()).isNotNull();
            assertThat(r.findings()).noneMatch(f -> f.severity() == Severity.FATAL);
            assertThat(r.contract().id()).isNotBlank();
            assertThat(r.contract().buyer().id()).matches("\\d{14}");
            assertThat(r.contract().holders()).isNotEmpty();
        });
        assertThat(records.stream().filter(r -> r.contract().kind() == ContractKind.MARCHE)).hasSize(marches);
        assertThat(records.stream().filter(r -> r.contract().kind() == ContractKind.CONCESSION)).hasSize(concessions);
    }

    @Test
    void officialV2ExampleKeepsItsSubcontractingAndConcessionData() throws IOException {
        List<ParsedRecord> records = readAll(SharedData.require("decp/examples-v2/marches_concessions.json"));
        var marche = records.stream().filter(r -> r.contract().kind() == ContractKind.MARCHE).findFirst().orElseThrow().contract();
        assertThat(marche.subcontracts()).isNotEmpty();
        assertThat(marche.subcontracts().get(0).subcontractor().id()).isEqualTo("214356");
        assertThat(marche.techniques()).containsExactlyInAnyOrder("Concours", "Accord-cadre");
        var concession = records.stream().filter(r -> r.contract().kind() == ContractKind.CONCESSION).findFirst().orElseThrow().contract();
        assertThat(concession.executionDataJson()).contains("\"tarifs\":[{\"intituleTarif\":\"Intitulé du tarif\",\"tarif\":14.29}");
        assertThat(concession.modifications()).singleElement().satisfies(m -> assertThat(m.amount()).isEqualByComparingTo("25"));
    }

    @Test
    void eMarchesPublics() throws IOException {
        List<ParsedRecord> records = readAll(SharedData.require("decp/real-2019-format/e-marchespublics_2019-04-03.json"));
        assertThat(records).hasSize(470);
        assertThat(records).allSatisfy(r -> assertThat(r.contract()).isNotNull());
        assertThat(records.get(469).provenance().recordPosition()).isEqualTo(470);
        assertThat(records.get(0).provenance().platform()).isEqualTo("e-marchespublics");
        assertThat(count(records).get("PROCEDURE_MAPPED")).isEqualTo(17L);
    }

    @Test
    void pesDatesCarryTimezones() throws IOException {
        List<ParsedRecord> records = readAll(SharedData.require("decp/real-2019-format/data.gouv.fr_pes_2019-04-05.json"));
        assertThat(records).hasSize(1148);
        Map<String, Long> rules = count(records);
        // 1 148 notification + 1 148 publication dates, plus 8 modifications with two dates each
        assertThat(rules.get("DATE_TIMEZONE_REMOVED")).isEqualTo(2312L);
        assertThat(rules).doesNotContainKey("DATE_INVALID");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.contract().notificationDate()).isNotNull();
            assertThat(r.contract().notificationDateOriginal()).contains(r.contract().notificationDate().toString());
            assertThat(r.contract().uid()).isNotNull();
        });
        assertThat(records).anySatisfy(r -> assertThat(r.contract().procedureOriginal())
                .isEqualTo("Marché négocié sans publicité ni mise en concurrence préalable"));
    }

    @Test
    void aifeDefectsAreVisible() throws IOException {
        List<ParsedRecord> records = readAll(SharedData.require("decp/real-2019-format/data.gouv.fr_aife_2019-04-04.json"));
        assertThat(records).hasSize(4530);
        assertThat(records).allSatisfy(r -> assertThat(r.contract()).isNotNull());
        assertThat(records.stream().filter(r -> r.contract().kind() == ContractKind.MARCHE)).hasSize(4508);
        assertThat(records.stream().filter(r -> r.contract().kind() == ContractKind.CONCESSION)).hasSize(22);
        Map<String, Long> rules = count(records);
        assertThat(rules.get("CPV_REPAIRED")).isEqualTo(90L);
        assertThat(rules.get("ID_TYPE_MAPPED")).isEqualTo(36L); // 34 TVA_INTRACOMMUNAUTAIRE, 1 HORS_UE, 1 FRW
        assertThat(rules.get("CPV_MISSING")).isEqualTo(4L);     // the 22 concessions have no CPV and need none
        assertThat(records).anySatisfy(r -> {
            assertThat(r.contract().cpvOriginal()).hasSize(7);
            assertThat(r.contract().cpv()).isEqualTo("0" + r.contract().cpvOriginal());
        });
        assertThat(records.stream().flatMap(r -> r.contract().holders().stream()))
                .anySatisfy(p -> assertThat(p.idTypeOriginal()).isEqualTo("TVA_INTRACOMMUNAUTAIRE"));
        assertThat(records.stream().filter(r -> r.contract().place() != null))
                .noneMatch(r -> "CODE POSTAL".equals(r.contract().place().typeCode()));
        assertThat(records.stream().filter(r -> r.contract().notificationDate() == null && r.contract().kind() == ContractKind.MARCHE))
                .hasSizeGreaterThan(2500);
        assertThat(records).allSatisfy(r -> assertThat(r.provenance().platform()).isEqualTo("data.gouv.fr_aife"));
    }

    private static Map<String, Long> count(List<ParsedRecord> records) {
        return records.stream().flatMap(r -> r.findings().stream())
                .collect(Collectors.groupingBy(Finding::rule, Collectors.counting()));
    }
}
