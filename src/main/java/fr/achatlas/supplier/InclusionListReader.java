package fr.achatlas.supplier;

import fr.achatlas.check.Siret;
import fr.achatlas.model.SupplierRecords;
import fr.achatlas.normalise.IdentifierNormaliser;
import fr.achatlas.spending.CsvReader;
import fr.achatlas.spending.Encodings;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a list of ESAT, EA or SIAE: a CSV (any of ; , tab |, UTF-8 or cp1252) with a SIRET column and a structure-type
 * column ({@code MESURE}, {@code type}, {@code type_structure}, {@code kind}) — or a fixed type for single-type lists —
 * and the date of the list. Lines without a valid SIRET or a known type are skipped with a reason.
 */
public final class InclusionListReader {

    public static final Set<String> TYPES = Set.of("ESAT", "EA", "EATT", "EI", "AI", "ACI", "ETTI", "EITI", "GEIQ");

    public record Result(List<SupplierRecords.InclusionEntry> entries, long read, List<String> skipped) {
    }

    private InclusionListReader() {
    }

    public static Result read(Path file, LocalDate listDate, String fixedType) throws IOException {
        Encodings.Detected enc = Encodings.detect(file);
        String first;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(enc.bomLength());
            String head = new String(in.readNBytes(1 << 14), enc.charset());
            int nl = head.indexOf('\n');
            first = nl < 0 ? head : head.substring(0, nl);
        }
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(enc.bomLength());
        try (CsvReader csv = new CsvReader(new InputStreamReader(in, enc.charset()), CsvReader.sniffSeparator(first))) {
            String[] h = csv.next();
            int siret = find(h, "siret");
            int type = find(h, "mesure", "type", "typestructure", "kind", "typedestructure");
            int name = find(h, "denominationsociale", "raisonsociale", "nom", "name", "denomination");
            if (siret < 0) throw new IOException("Colonne SIRET absente de " + file.getFileName());
            if (type < 0 && fixedType == null) {
                throw new IOException("Colonne du type de structure absente : donnez --type ESAT|EA|… pour une liste d'un seul type");
            }
            List<SupplierRecords.InclusionEntry> out = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            long read = 0;
            String[] r;
            while ((r = csv.next()) != null) {
                if (r.length == 1 && r[0].isBlank()) continue;
                read++;
                String id = siret < r.length ? IdentifierNormaliser.id(r[siret]) : null;
                String t = fixedType != null ? fixedType : type < r.length ? r[type].strip().toUpperCase(Locale.ROOT) : "";
                if (id == null || !Siret.isValidSiret(id)) {
                    skipped.add("ligne " + csv.recordLine() + " : SIRET invalide « " + (siret < r.length ? r[siret] : "") + " »");
                } else if (!TYPES.contains(t)) {
                    skipped.add("ligne " + csv.recordLine() + " : type de structure inconnu « " + t + " »");
                } else {
                    out.add(new SupplierRecords.InclusionEntry(id, id.substring(0, 9), t, listDate,
                            name >= 0 && name < r.length ? r[name].strip() : null));
                }
            }
            return new Result(out, read, skipped);
        }
    }

    private static int find(String[] header, String... keys) {
        for (String k : keys) {
            for (int i = 0; i < header.length; i++) {
                String n = Normalizer.normalize(header[i], Normalizer.Form.NFD).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
                if (n.equals(k)) return i;
            }
        }
        return -1;
    }
}
