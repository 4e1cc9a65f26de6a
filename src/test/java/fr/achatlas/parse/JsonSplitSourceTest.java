package fr.achatlas.parse;

import fr.achatlas.generate.TerritoryGenerator;
import fr.achatlas.model.ParsedRecord;
import fr.achatlas.model.SourceFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static fr.achatlas.parse.Records.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading a JSON file in chunks on several threads must give exactly the streaming reader's records, or give up
 * ({@link DecpChunkSource.IrregularJsonException}) so the importer falls back to the streaming reader.
 */
class JsonSplitSourceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void sameRecordsAsTheStreamingReaderOnTheFixturesAndAGeneratedTerritory(@TempDir Path dir) throws Exception {
        new TerritoryGenerator().generate(dir, 7);
        List<Path> files = new ArrayList<>(List.of(fixture("2019-defects.json"), fixture("v2-mixed.json")));
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.toString().endsWith("_v2.json") || p.toString().endsWith("_decp2019.json")).sorted().forEach(files::add);
        }
        assertThat(files).hasSizeGreaterThan(3);
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            List<ParsedRecord> expected = streamed(bytes);
            assertThat(expected).as(f.toString()).isNotEmpty();
            for (int buffer : new int[] {16, 1 << 22}) {
                assertThat(split(bytes, buffer)).as(f + " buffer " + buffer).isEqualTo(expected);
            }
        }
    }

    @Test
    void syntaxErrorsTruncationAndNonObjectsAreLeftToTheStreamingReader() {
        for (String name : List.of("truncated.json", "syntax-error.json", "not-contracts.json")) {
            assertThatThrownBy(() -> split(Files.readAllBytes(fixture(name)), 1 << 22)).as(name)
                    .isInstanceOf(DecpChunkSource.IrregularJsonException.class);
        }
        for (String text : List.of(
                "{\"marches\":[{\"id\":\"1\"} {\"id\":\"2\"}]}",          // missing comma between records
                "{\"marches\":[{\"id\":\"1\"},]}",                        // trailing comma
                "{\"marches\":[{\"id\":\"1\"}]",                          // root never closed: fine for the reader, but
                "{\"marches\":[{\"id\":\"1\"}],\"autre\":[1 2]}",          // a skipped value that is not JSON
                "{\"march\\u0065s\":[{\"id\":\"1\"}]}",                   // an escaped layout key
                "{\"marches\":[{\"id\":\"1\",\"x\":[}]}]}")) {            // brackets that do not match inside a record
            if (text.endsWith("}]")) continue; // the unclosed root is checked below
            assertThatThrownBy(() -> split(text.getBytes(StandardCharsets.UTF_8), 8)).as(text)
                    .isInstanceOf(DecpChunkSource.IrregularJsonException.class);
        }
    }

    @Test
    void openChunksSkipsTheBomAndLeadingWhitespaceAndSplitsOnlyJson() throws Exception {
        byte[] json = Files.readAllBytes(fixture("v2-mixed.json"));
        byte[] withBom = new byte[json.length + 5];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        withBom[3] = '\n';
        withBom[4] = ' ';
        System.arraycopy(json, 0, withBom, 5, json.length);
        List<ParsedRecord> expected = streamed(withBom);
        assertThat(expected).hasSizeGreaterThan(1);
        assertThat(chunked(withBom, true)).isEqualTo(expected);
        // XML is never split: the streaming reader's records, in chunks
        byte[] xml = Files.readAllBytes(fixture("2019-single.xml"));
        assertThat(chunked(xml, true)).isEqualTo(streamed(xml));
    }

    private static List<ParsedRecord> chunked(byte[] bytes, boolean split) throws Exception {
        List<ParsedRecord> out = new ArrayList<>();
        try (DecpChunkSource s = DecpReaders.openChunks(new ByteArrayInputStream(bytes), "f.json", split)) {
            DecpChunkSource.Chunk c;
            while ((c = s.next()) != null) out.addAll(c.parse());
        }
        return out;
    }

    @Test
    void anUnclosedRootAfterTheLastListReadsAsTheStreamingReaderDoes() throws Exception {
        byte[] bytes = "{\"marches\":[{\"id\":\"1\",\"acheteur\":{\"id\":\"21350238800011\"}}]".getBytes(StandardCharsets.UTF_8);
        // the streaming reader stops at the missing "}" with a syntax error: so must this, by giving up
        assertThatThrownBy(() -> split(bytes, 8)).isInstanceOf(DecpChunkSource.IrregularJsonException.class);
        assertThat(streamed(bytes)).last().satisfies(r -> assertThat(r.contract()).isNull());
    }

    @Property(tries = 150)
    void anyWellFormedLayoutGivesTheStreamingReadersRecords(@ForAll("documents") String document,
                                                            @ForAll("bufferSizes") int buffer) throws Exception {
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        assertThat(split(bytes, buffer)).isEqualTo(streamed(bytes));
    }

    @Provide
    Arbitrary<Integer> bufferSizes() {
        return Arbitraries.of(8, 13, 64, 1 << 16);
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> texts = Arbitraries.strings().withChars("ab {}[]\"\\,:é€\n\t").ofMaxLength(12);
        Arbitrary<Map<String, Object>> record = Combinators.combine(texts, texts, Arbitraries.integers().between(0, 3),
                Arbitraries.of("Marché", "Accord-cadre")).as((id, object, holders, nature) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", "M" + id);
            r.put("acheteur", Map.of("id", "21350238800011"));
            r.put("nature", nature);
            r.put("objet", object);
            r.put("montant", 1000 + holders * 2500.5);
            r.put("dateNotification", "2024-03-0" + (holders + 1));
            List<Object> t = new ArrayList<>();
            for (int i = 0; i < holders; i++) t.add(Map.of("titulaire", Map.of("typeIdentifiant", "SIRET", "id", "3530705490001" + i)));
            r.put("titulaires", t);
            return r;
        });
        Arbitrary<List<Map<String, Object>>> records = record.list().ofMaxSize(6);
        Arbitrary<Map<String, Object>> noise = texts.map(t -> Map.of("note", t, "liste", List.of(t, 3, Map.of("k", "}{"))));
        return Combinators.combine(records, records, noise, Arbitraries.integers().between(0, 4), Arbitraries.of(true, false))
                .as((a, b, extra, layout, pretty) -> {
                    Object doc = switch (layout) {
                        case 0 -> ordered("version", "1.0", "meta", extra, "marches", a, "n", 3);         // 2019
                        case 1 -> ordered("marches", ordered("marche", a, "autre", extra, "contrat-concession", b)); // v2
                        case 2 -> a;                                                                    // bare list
                        case 3 -> ordered("marche", a, "meta", extra, "contrat-concession", b);         // v2 at the root
                        default -> ordered("marches", ordered("marche", a.isEmpty() ? extra : a.get(0))); // single object
                    };
                    return pretty ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) : JSON.writeValueAsString(doc);
                });
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private static List<ParsedRecord> streamed(byte[] bytes) throws IOException {
        List<ParsedRecord> out = new ArrayList<>();
        try (DecpReader r = DecpReaders.open(new ByteArrayInputStream(bytes), "f.json", null)) {
            ParsedRecord p;
            while ((p = r.next()) != null) out.add(p);
        }
        return out;
    }

    private static List<ParsedRecord> split(byte[] bytes, int buffer) throws IOException, DecpChunkSource.IrregularJsonException {
        SourceFormat format = DecpReaders.detect(bytes);
        assertThat(format).isNotNull();
        InputStream in = new ByteArrayInputStream(bytes, DecpReaders.bomLength(bytes), bytes.length);
        List<ParsedRecord> out = new ArrayList<>();
        try (DecpChunkSource s = new JsonSplitSource(in, format, "f.json", buffer)) {
            DecpChunkSource.Chunk c;
            while ((c = s.next()) != null) out.addAll(c.parse());
        }
        return out;
    }
}
