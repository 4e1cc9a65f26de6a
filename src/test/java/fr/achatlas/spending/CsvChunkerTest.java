package fr.achatlas.spending;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvChunkerTest {

    /** Parsing the chunks one after the other must give exactly what parsing the whole text gives. */
    @Property(tries = 600)
    void chunksParseToTheSameRecordsAndLinesAsTheWholeFile(@ForAll("csvText") String text,
                                                          @ForAll @IntRange(min = 1, max = 40) int target,
                                                          @ForAll @IntRange(min = 1, max = 64) int bufferSize,
                                                          @ForAll boolean cp1252) throws IOException {
        Charset cs = cp1252 ? Encodings.CP1252 : StandardCharsets.UTF_8;
        assertThat(chunked(text.getBytes(cs), cs, target, bufferSize)).isEqualTo(whole(text));
    }

    @Provide
    Arbitrary<String> csvText() {
        // the characters that drive the state machine, plus accents that are multi-byte in UTF-8
        return Arbitraries.strings().withChars('a', 'é', '€', ';', '"', '\r', '\n', ' ').ofMaxLength(80);
    }

    @Test
    void aQuotedFieldSpanningLinesStaysInOneChunkAndLinesCountFromTheGivenStart() throws IOException {
        String text = "h1;h2\r\n1;\"deux\nlignes\"\r\n2;b\r\n3;\"\"\"q\"\"\"\n4;c";
        List<String> expected = whole(text);
        assertThat(expected).containsExactly("1:[h1, h2]", "2:[1, deux\nlignes]", "4:[2, b]", "5:[3, \"q\"]", "6:[4, c]");
        assertThat(chunked(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, 1, 4)).isEqualTo(expected);
    }

    @Test
    void onlyAsciiCompatibleSingleByteCharsetsAndUtf8AreCut() {
        assertThat(CsvChunker.supports(StandardCharsets.UTF_8)).isTrue();
        assertThat(CsvChunker.supports(Encodings.CP1252)).isTrue();
        assertThat(CsvChunker.supports(StandardCharsets.ISO_8859_1)).isTrue();
        assertThat(CsvChunker.supports(StandardCharsets.UTF_16LE)).isFalse();
        assertThat(CsvChunker.supports(StandardCharsets.UTF_16)).isFalse();
    }

    private static List<String> whole(String text) throws IOException {
        List<String> out = new ArrayList<>();
        read(new CsvReader(new StringReader(text), ';'), out);
        return out;
    }

    private static List<String> chunked(byte[] bytes, Charset cs, int target, int bufferSize) throws IOException {
        List<String> out = new ArrayList<>();
        try (CsvChunker chunker = new CsvChunker(new ByteArrayInputStream(bytes), ';', 1, bufferSize)) {
            CsvChunker.Chunk c;
            long expectedStart = 1;
            while ((c = chunker.next(target)) != null) {
                assertThat(c.length()).isPositive();
                char[] chars = new String(c.bytes(), 0, c.length(), cs).toCharArray();
                int before = out.size();
                // as SpendingReader does: the in-memory parser over the decoded chunk, against the streaming one over the whole text
                read(new CsvReader(chars, chars.length, ';', c.firstLine()), out);
                assertThat(out.size()).isGreaterThan(before); // never an empty chunk
                assertThat(c.firstLine()).isGreaterThanOrEqualTo(expectedStart);
                expectedStart = c.firstLine();
            }
        }
        return out;
    }

    private static void read(CsvReader r, List<String> out) throws IOException {
        String[] row;
        while ((row = r.next()) != null) out.add(r.recordLine() + ":" + java.util.Arrays.toString(row));
    }
}
