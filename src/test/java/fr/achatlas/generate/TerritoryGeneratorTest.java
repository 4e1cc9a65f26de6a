package fr.achatlas.generate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TerritoryGeneratorTest {

    static final TerritoryGenerator.Settings SETTINGS = TerritoryGenerator.Settings.defaults().withYears(2023, 2025);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path out;
    static GenerationSummary summary;

    @BeforeAll
    static void generate() throws IOException {
        summary = new TerritoryGenerator().generate(out, 42, SETTINGS);
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDifferentData(@TempDir Path again, @TempDir Path other) throws Exception {
        new TerritoryGenerator().generate(again, 42, SETTINGS);
        new TerritoryGenerator().generate(other, 43, SETTINGS);
        Map<String, String> first = hashes(out);
        assertThat(first).hasSizeGreaterThan(20).isEqualTo(hashes(again));
        Map<String, String> third = hashes(other);
        long differing = first.keySet().stream().filter(k -> !first.get(k).equals(third.get(k))).count();
        assertThat(differing).isEqualTo(first.size());
    }

    @Test
    void defaultYearsEndWithTheLastFullYear() {
        TerritoryGenerator.Settings d = TerritoryGenerator.Settings.defaults();
        assertThat(d.lastYear()).isEqualTo(java.time.Year.now().getValue() - 1);
        assertThat(d.lastYear() - d.firstYear()).isEqualTo(2);
        assertThat(d.buyers()).isEqualTo(15);
    }

    @Test
    void summaryMatchesTheFilesWritten() throws IOException {
        int records = 0;
        for (GenerationSummary.FileWritten f : summary.files()) {
            assertThat(out.resolve(f.name())).exists();
            assertThat(f.name()).containsPattern("_20(23|24|25)_(v2|decp2019)\\.(json|xml)$");
            records += f.records();
        }
        assertThat(records).isEqualTo(summary.publishedRecords());
        assertThat(summary.files()).extracting(GenerationSummary.FileWritten::format)
                .contains("DECP_V2_JSON", "DECP_V2_XML", "DECP_2019_JSON", "DECP_2019_XML");
        JsonNode written = JSON.readTree(out.resolve("generation-summary.json").toFile());
        assertThat(written.path("publishedRecords").asInt()).isEqualTo(summary.publishedRecords());
        assertThat(summary.buyers()).isEqualTo(15);
        assertThat(summary.suppliers()).isEqualTo(1500);
        assertThat(summary.concessions()).isBetween(1, 12);
    }

    @Test
    void purchasesAreAbout700MillionEurosAYear() {
        assertThat(summary.purchasesByYear().keySet()).containsExactly(2023, 2024, 2025);
        summary.purchasesByYear().values().forEach(v ->
                assertThat(v.doubleValue()).isBetween(700e6 * 0.85, 700e6 * 1.15));
        summary.contractAmountByYear().values().forEach(v ->
                assertThat(v.doubleValue()).isBetween(700e6 * 0.6 * 0.85, 700e6 * 0.6 * 1.15));
        assertThat(summary.contracts()).isBetween(2000, 8000);
    }

    @Test
    void everyV2JsonRecordIsStructurallyValid() throws IOException {
        int marches = 0, concessions = 0, missingIds = 0;
        for (Path f : files("_v2.json")) {
            JsonNode root = JSON.readTree(f.toFile());
            for (JsonNode m : root.path("marches").path("marche")) {
                marches++;
                assertThat(V2Structure.marche(m)).as("%s %s", f.getFileName(), m.path("id")).isEmpty();
                if (!m.has("id") || !m.path("acheteur").has("id")) missingIds++;
            }
            for (JsonNode c : root.path("marches").path("contrat-concession")) {
                concessions++;
                assertThat(V2Structure.concession(c)).as("%s %s", f.getFileName(), c.path("id")).isEmpty();
            }
        }
        assertThat(marches).isGreaterThan(1500);
        assertThat(concessions).isPositive();
        assertThat(missingIds).isLessThanOrEqualTo(summary.rejectedByDesign());
    }

    @Test
    void supplierPoolHasTheExpectedMix() throws IOException {
        List<Map<String, Object>> suppliers = suppliers();
        assertThat(suppliers).hasSize(1500);
        Map<String, Integer> size = new HashMap<>();
        int local = 0, region = 0, foreign = 0, overseas = 0, corsica = 0;
        Set<String> inclusion = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (Map<String, Object> s : suppliers) {
            size.merge((String) s.get("size"), 1, Integer::sum);
            String dep = (String) s.get("departement");
            if ("35".equals(dep)) local++;
            else if (dep != null && Set.of("22", "29", "56").contains(dep)) region++;
            else if (dep == null) foreign++;
            else if (dep.startsWith("97")) overseas++;
            else if (dep.startsWith("2A") || dep.startsWith("2B")) corsica++;
            if (s.get("inclusionType") != null) inclusion.add((String) s.get("inclusionType"));
            String id = (String) s.get("id");
            assertThat(ids.add(id)).as("unique id %s", id).isTrue();
            if ("SIRET".equals(s.get("idType"))) {
                assertThat(id).matches("\\d{14}");
                assertThat(Ids.luhnValid(id)).as(id).isTrue();
                assertThat(Ids.luhnValid(id.substring(0, 9))).as("SIREN of %s", id).isTrue();
            } else {
                assertThat((String) s.get("idType")).isIn("TVA", "HORS-UE");
            }
        }
        assertThat(size.get("PME") / 1500.0).isBetween(0.70, 0.80);
        assertThat(size.get("ETI") / 1500.0).isBetween(0.10, 0.20);
        assertThat(size.get("GE") / 1500.0).isBetween(0.06, 0.14);
        assertThat(local / 1500.0).isBetween(0.50, 0.60);
        assertThat(region / 1500.0).isBetween(0.15, 0.25);
        assertThat(foreign / 1500.0).isBetween(0.003, 0.025);
        assertThat(overseas).isPositive();
        assertThat(corsica).isPositive();
        assertThat(inclusion).contains("ESAT", "EA").hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void largeCompaniesTakeALargeShareOfTheAmount() throws IOException {
        Map<String, String> sizeById = new HashMap<>();
        for (Map<String, Object> s : suppliers()) sizeById.put((String) s.get("id"), (String) s.get("size"));
        Map<String, Double> amountBySize = new TreeMap<>();
        for (Path f : files("_v2.json")) {
            for (JsonNode m : JSON.readTree(f.toFile()).path("marches").path("marche")) {
                JsonNode holders = m.path("titulaires");
                String size = sizeById.getOrDefault(holders.path(0).path("titulaire").path("id").asString(), "?");
                amountBySize.merge(size, m.path("montant").asDouble(), Double::sum);
            }
        }
        double total = amountBySize.values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(amountBySize.get("GE") / total).as("%s", amountBySize).isGreaterThan(0.20);
    }

    @Test
    void buyersHaveValidSiretsAndInseeLegalCategories() throws IOException {
        JsonNode territory = JSON.readTree(out.resolve("territory.json").toFile());
        assertThat(territory.path("departements").path(0).path("code").asString()).isEqualTo("35");
        Set<String> kinds = new HashSet<>();
        for (JsonNode b : territory.path("buyers")) {
            String siret = b.path("siret").asString();
            assertThat(siret).matches("\\d{14}");
            assertThat(Ids.luhnValid(siret)).isTrue();
            assertThat(b.path("directions").size()).isPositive();
            kinds.add(b.path("kind").asString() + ":" + b.path("categorieJuridique").asString());
        }
        assertThat(territory.path("buyers").size()).isEqualTo(15);
        assertThat(kinds).contains("DEPARTEMENT:7220", "COMMUNAUTE_AGGLOMERATION:7348", "VILLE_CENTRE:7210", "COMMUNE:7210",
                "CCAS:7361", "CENTRE_HOSPITALIER:7364", "OFFICE_HABITAT:7371", "SDIS:7372", "SYNDICAT_MIXTE:7354");
    }

    @Test
    void jointContractsArePublishedByEachMemberBuyer() throws IOException {
        Map<String, Set<String>> buyersById = new HashMap<>();
        for (Path f : files("_v2.json")) {
            for (JsonNode m : JSON.readTree(f.toFile()).path("marches").path("marche")) {
                String id = m.path("id").asString();
                if (id.contains("GC")) buyersById.computeIfAbsent(id, k -> new HashSet<>()).add(m.path("acheteur").path("id").asString());
            }
        }
        assertThat(summary.jointContracts()).isPositive();
        assertThat(buyersById.values()).isNotEmpty().allSatisfy(b -> assertThat(b).hasSizeGreaterThanOrEqualTo(2));
    }

    @Test
    void plantedDuplicatesAreTheSameContractOnTwoPlatforms() throws IOException {
        Map<String, Integer> occurrences = new HashMap<>();
        for (Path f : files("")) {
            for (String key : keys(f)) occurrences.merge(key, 1, Integer::sum);
        }
        int extra = occurrences.values().stream().mapToInt(n -> n - 1).sum();
        // An original whose id was removed on purpose no longer matches its copy.
        assertThat(extra).isBetween(summary.duplicatesPlanted() - summary.rejectedByDesign(), summary.duplicatesPlanted());
        assertThat((double) summary.duplicatesPlanted() / summary.publishedRecords()).isBetween(0.03, 0.07);
    }

    @Test
    void realWorldDefectsArePlantedAtDocumentedRates() throws IOException {
        Map<String, Integer> d = summary.defectsPlanted();
        assertThat(d).containsKeys("CPV_LEADING_ZERO_LOST", "CPV_NO_CHECK_DIGIT", "HOLDER_SIRET_INVALID",
                "BOOLEAN_AS_NUMBER", "BOOLEAN_OUI_NON", "DURATION_NC", "NUMBER_AS_STRING", "AMOUNT_TIMES_100",
                "AMOUNT_TOO_LOW", "PROCEDURE_PRE2019_LABEL", "NOTIFICATION_DATE_MISSING", "DATE_WITH_TIMEZONE",
                "BUYER_ID_MISSING", "CONTRACT_ID_MISSING", "UTF8_BOM", "CONTROL_CHARACTER");
        double records = summary.publishedRecords();
        assertThat(d.get("HOLDER_SIRET_INVALID") / records).isBetween(0.01, 0.03);
        assertThat(summary.rejectedByDesign() * 2000.0 / records).isBetween(1.0, 3.0);
        assertThat(d.get("BUYER_ID_MISSING") + d.get("CONTRACT_ID_MISSING")).isEqualTo(summary.rejectedByDesign());

        List<Path> bom = new ArrayList<>();
        List<Path> control = new ArrayList<>();
        for (Path f : files("")) {
            byte[] bytes = Files.readAllBytes(f);
            if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) bom.add(f);
            if (new String(bytes, StandardCharsets.UTF_8).indexOf('\u001F') >= 0) control.add(f);
        }
        assertThat(bom).hasSize(1);
        assertThat(control).hasSize(1).allSatisfy(f -> assertThat(f.toString()).endsWith(".xml"));

        String pes = Files.readString(files("dgfip-pes").get(0));
        assertThat(pes).containsPattern("\"dateNotification\" : \"\\d{4}-\\d{2}-\\d{2}\\+0[12]:00\"");
        String legacy = String.join("\n", files("_decp2019.json").stream().map(TerritoryGeneratorTest::read).toList());
        assertThat(legacy).contains("Marché négocié sans publicité ni mise en concurrence préalable");
        assertThat(legacy).containsPattern("\"codeCPV\" : \"[1-9]\\d{6}\"");
        assertThat(String.join("\n", files("_v2.xml").stream().map(TerritoryGeneratorTest::read).toList()))
                .contains("<marcheInnovant>non</marcheInnovant>");
    }

    @Test
    void xmlFilesAreWellFormedExceptForThePlantedControlCharacter() throws Exception {
        int records = 0;
        for (Path f : files(".xml")) {
            String text = Files.readString(f);
            // The planted raw U+001F is illegal in XML 1.0; a tolerant reader drops it, as this test does.
            var reader = javax.xml.stream.XMLInputFactory.newFactory()
                    .createXMLStreamReader(new java.io.StringReader(text.replace("\u001F", "")));
            while (reader.hasNext()) {
                if (reader.next() == javax.xml.stream.XMLStreamConstants.START_ELEMENT
                        && Set.of("marche", "contrat-concession").contains(reader.getLocalName())) records++;
            }
        }
        int expected = summary.files().stream().filter(f -> f.name().endsWith(".xml"))
                .mapToInt(GenerationSummary.FileWritten::records).sum();
        assertThat(records).isEqualTo(expected).isPositive();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static final Pattern XML_KEY = Pattern.compile(
            "<id>([^<]*)</id>\\s*<(?:acheteur|autoriteConcedante)>\\s*<id>([^<]*)</id>");

    /** (buyer, contract id) of every record of a file that has both. */
    private static List<String> keys(Path f) throws IOException {
        List<String> keys = new ArrayList<>();
        if (f.toString().endsWith(".xml")) {
            Matcher m = XML_KEY.matcher(Files.readString(f));
            while (m.find()) keys.add(m.group(2) + "|" + m.group(1));
            return keys;
        }
        JsonNode root = JSON.readTree(stripBom(Files.readAllBytes(f)));
        JsonNode marches = root.path("marches");
        List<JsonNode> records = new ArrayList<>();
        if (marches.isArray()) marches.forEach(records::add);
        else {
            marches.path("marche").forEach(records::add);
            marches.path("contrat-concession").forEach(records::add);
        }
        for (JsonNode r : records) {
            JsonNode buyer = r.has("acheteur") ? r.get("acheteur") : r.path("autoriteConcedante");
            if (r.has("id") && buyer.has("id")) keys.add(buyer.get("id").asString() + "|" + r.get("id").asString());
        }
        return keys;
    }

    private static byte[] stripBom(byte[] b) {
        return b.length > 3 && (b[0] & 0xFF) == 0xEF ? java.util.Arrays.copyOfRange(b, 3, b.length) : b;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> suppliers() throws IOException {
        return JSON.readValue(out.resolve("suppliers.json").toFile(), List.class);
    }

    private static List<Path> files(String contains) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.contains(contains) && (n.contains("_v2.") || n.contains("_decp2019."));
            }).sorted().toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                out.put(p.getFileName().toString(), HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }

}
