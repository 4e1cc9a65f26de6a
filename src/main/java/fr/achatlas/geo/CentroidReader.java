package fr.achatlas.geo;

import fr.achatlas.model.Geo;
import fr.achatlas.spending.CsvReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads commune centroids from a CSV with an INSEE code column ({@code insee_com}, {@code code_insee}, {@code code},
 * {@code com}) and latitude/longitude columns ({@code lat}/{@code latitude}, {@code lng}/{@code lon}/{@code longitude}).
 * Lines without readable coordinates are counted, not loaded.
 */
public final class CentroidReader {

    public record Result(List<Geo.Centroid> centroids, long read, List<String> skipped) {
    }

    private CentroidReader() {
    }

    public static Result read(Path file) throws IOException {
        try (BufferedReader br = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            br.mark(1 << 16);
            String first = br.readLine();
            if (first == null) return new Result(List.of(), 0, List.of());
            br.reset();
            try (CsvReader csv = new CsvReader(br, CsvReader.sniffSeparator(first))) {
                String[] h = csv.next();
                int code = find(h, "insee_com", "code_insee", "codgeo", "code_commune_insee", "code", "com");
                int lat = find(h, "lat", "latitude");
                int lon = find(h, "lng", "lon", "long", "longitude");
                if (code < 0 || lat < 0 || lon < 0) {
                    throw new IOException("Colonnes attendues : code INSEE, lat, lng/lon (en-tête : " + String.join(",", h) + ")");
                }
                List<Geo.Centroid> out = new ArrayList<>();
                List<String> skipped = new ArrayList<>();
                long read = 0;
                String[] r;
                while ((r = csv.next()) != null) {
                    if (r.length == 1 && r[0].isBlank()) continue;
                    read++;
                    try {
                        out.add(new Geo.Centroid(r[code].strip(), Double.parseDouble(r[lat].strip().replace(',', '.')),
                                Double.parseDouble(r[lon].strip().replace(',', '.'))));
                    } catch (RuntimeException e) {
                        skipped.add("ligne " + csv.recordLine() + " : coordonnées illisibles");
                    }
                }
                return new Result(out, read, skipped);
            }
        }
    }

    private static int find(String[] header, String... names) {
        for (String n : names) {
            for (int i = 0; i < header.length; i++) {
                if (header[i].strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT).equals(n)) return i;
            }
        }
        return -1;
    }
}
