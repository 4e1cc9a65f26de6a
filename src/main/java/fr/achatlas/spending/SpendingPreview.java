package fr.achatlas.spending;

import fr.achatlas.model.LineIssue;
import fr.achatlas.model.SpendingLine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * What importing a spending file would read, without writing anything: its format, the rows above its header, the
 * header, which columns feed which field under the chosen profile, the columns left unread, and its first lines as the
 * import maps them — or rejects them, with the reasons. To check a profile against a new export before importing it.
 */
public final class SpendingPreview {

    private SpendingPreview() {
    }

    /** A field of the profile and the header columns that feed it, first non-empty one winning on each line. */
    public record Mapping(String field, List<String> columns) {
    }

    /** A data line as the import would take it: {@code mapped} is null when it would be rejected. */
    public record Line(long line, SpendingLine mapped, List<LineIssue> issues) {
        public boolean rejected() {
            return mapped == null;
        }
    }

    public record Preview(String file, String format, String profile, String profileDescription,
                          List<SpendingReader.PreambleRow> aboveHeader, List<String> header, List<Mapping> mappings,
                          List<String> unreadColumns, List<Line> lines) {
    }

    /** @param profile null to detect it as the import does */
    public static Preview of(Path file, MappingProfile profile, int maxLines) throws IOException {
        try (SpendingReader r = SpendingReader.open(file, profile)) {
            LineMapper mapper = r.mapper();
            List<Line> lines = new ArrayList<>();
            SpendingReader.Batch b;
            while (lines.size() < maxLines && (b = r.next()) != null) {
                b.rows((cells, line) -> {
                    if (lines.size() >= maxLines) return;
                    LineMapper.Result x = mapper.map(cells, line);
                    lines.add(new Line(line, x.line(), x.issues()));
                });
            }
            String[] header = r.header();
            MappingProfile p = r.profile();
            List<Mapping> mappings = new ArrayList<>();
            BitSet read = new BitSet(header.length);
            for (MappingProfile.Field f : MappingProfile.Field.values()) {
                int[] cols = r.resolved().of(f);
                List<String> names = new ArrayList<>();
                if (f == MappingProfile.Field.BUYER && p.buyer() != null) names.add("= " + p.buyer());
                for (int i : cols) {
                    names.add(header[i]);
                    read.set(i);
                }
                if (!names.isEmpty()) mappings.add(new Mapping(f.key, names));
            }
            List<String> unread = new ArrayList<>();
            for (int i = 0; i < header.length; i++) if (!read.get(i) && !header[i].isBlank()) unread.add(header[i]);
            return new Preview(file.getFileName().toString(), r.format(), p.name(), p.description(), r.preamble(), Arrays.asList(header),
                    mappings, unread, lines);
        }
    }
}
