package fr.achatlas.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The CPV codes a contract's canonical 8-digit {@code cpv} is checked against. Without a vocabulary the checks fall
 * back to the structure of the code (8 digits, one of the {@link #DIVISIONS}).
 */
@FunctionalInterface
public interface CpvVocabulary {

    /** The 45 divisions (first two digits) of the CPV 2008 main vocabulary, Regulation (EC) No 213/2008. */
    Set<String> DIVISIONS = Set.copyOf(Arrays.asList(
            "03", "09", "14", "15", "16", "18", "19", "22", "24", "30", "31", "32", "33", "34", "35", "37", "38", "39",
            "41", "42", "43", "44", "45", "48", "50", "51", "55", "60", "63", "64", "65", "66", "70", "71", "72", "73",
            "75", "76", "77", "79", "80", "85", "90", "92", "98"));

    Pattern EIGHT_DIGITS = Pattern.compile("[0-9]{8}");

    /** Whether this vocabulary holds the 8-digit code (without its check digit). */
    boolean contains(String code8);

    static CpvVocabulary of(Set<String> codes8) {
        Set<String> copy = Set.copyOf(codes8);
        return copy::contains;
    }

    /**
     * Reads the {@code code8} column of a CPV CSV (comma-separated, with a header naming a {@code code8} column that
     * precedes any quoted label, as in the reference file cpv_2008_fr_en.csv).
     */
    static CpvVocabulary fromCsv(Path csv) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) throw new IOException("Fichier CPV vide : " + csv);
            List<String> columns = Arrays.asList(header.replace("\uFEFF", "").split(","));
            int index = columns.indexOf("code8");
            if (index < 0) throw new IOException("Colonne code8 absente de " + csv + " (en-tête : " + header + ")");
            Set<String> codes = new HashSet<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",", index + 2);
                if (cells.length > index && EIGHT_DIGITS.matcher(cells[index]).matches()) codes.add(cells[index]);
            }
            return of(codes);
        }
    }

    /** Structural check used when no vocabulary is given: 8 digits and a CPV 2008 division. */
    static boolean isStructurallyValid(String code) {
        return code != null && EIGHT_DIGITS.matcher(code).matches() && DIVISIONS.contains(code.substring(0, 2));
    }
}
