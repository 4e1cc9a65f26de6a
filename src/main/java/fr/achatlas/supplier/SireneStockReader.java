package fr.achatlas.supplier;

import fr.achatlas.model.SupplierRecords;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Streams INSEE's StockUniteLegale and StockEtablissement files (CSV, UTF-8, ',' separated, optionally zipped):
 * 30–40 million lines, so lines are scanned as bytes, the SIREN (first column) is tested against the filter before
 * anything else is decoded, and only the columns Achatlas keeps are turned into strings. Columns are found by name
 * in the header, so the 2019 and 2025 layouts both work.
 *
 * <p>Diffusion: a unit or establishment whose {@code statutDiffusion…} is not "O" keeps no name and no address —
 * INSEE replaces them with "[ND]" in the stock, and the law forbids showing them.
 */
public final class SireneStockReader {

    public enum Kind { UNITE_LEGALE, ETABLISSEMENT }

    /** Lines read, lines kept, lines not parsable (counted, with the first few line numbers). */
    public record Counts(Kind kind, long read, long kept, long malformed, String firstMalformed) {
    }

    /** Keeps an establishment regardless of its SIREN (e.g. located in the territory's départements). */
    public interface CommuneFilter {
        boolean keep(String communeCode);
    }

    private static final String[] UL_COLS = {"siren", "statutDiffusionUniteLegale", "trancheEffectifsUniteLegale",
            "categorieEntreprise", "anneeCategorieEntreprise", "etatAdministratifUniteLegale", "nomUniteLegale",
            "nomUsageUniteLegale", "prenomUsuelUniteLegale", "prenom1UniteLegale", "denominationUniteLegale",
            "denominationUsuelle1UniteLegale", "sigleUniteLegale", "categorieJuridiqueUniteLegale",
            "activitePrincipaleUniteLegale", "economieSocialeSolidaireUniteLegale"};
    private static final String[] ET_COLS = {"siren", "siret", "statutDiffusionEtablissement", "etablissementSiege",
            "numeroVoieEtablissement", "indiceRepetitionEtablissement", "typeVoieEtablissement", "libelleVoieEtablissement",
            "codePostalEtablissement", "codeCommuneEtablissement", "codePaysEtrangerEtablissement",
            "etatAdministratifEtablissement", "libelleCommuneEtablissement"};

    private SireneStockReader() {
    }

    /** Which stock file this is, from its header. */
    public static Kind kindOf(String header) {
        if (header.contains("siret")) return Kind.ETABLISSEMENT;
        if (header.contains("UniteLegale")) return Kind.UNITE_LEGALE;
        throw new IllegalArgumentException("Fichier SIRENE non reconnu (ni StockUniteLegale ni StockEtablissement) : en-tête " + header);
    }

    public static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            ZipInputStream zip = new ZipInputStream(in);
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.getName().toLowerCase(Locale.ROOT).endsWith(".csv")) return new BufferedInputStream(zip, 1 << 20);
            }
            zip.close();
            throw new IOException("Aucun fichier CSV dans " + file);
        }
        return in;
    }

    /**
     * Reads a stock file. {@code sirens} decides from the SIREN alone (as a number); {@code communes} may keep an
     * establishment the SIREN filter refused (null: none). Units and establishments go to their consumers.
     */
    public static Counts read(InputStream in, LongPredicate sirens, CommuneFilter communes,
                              Consumer<SupplierRecords.Unit> units, Consumer<SupplierRecords.Establishment> establishments)
            throws IOException {
        LineScanner sc = new LineScanner(in);
        byte[] headerBytes = sc.nextLine();
        if (headerBytes == null) return new Counts(null, 0, 0, 0, null);
        String header = new String(headerBytes, 0, sc.length(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        Kind kind = kindOf(header);
        String[] names = header.split(",", -1);
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < names.length; i++) pos.put(names[i].strip().replace("\"", ""), i);
        String[] wanted = kind == Kind.UNITE_LEGALE ? UL_COLS : ET_COLS;
        int[] idx = new int[wanted.length];
        for (int i = 0; i < wanted.length; i++) idx[i] = pos.getOrDefault(wanted[i], -1);
        if (idx[0] < 0) throw new IOException("Colonne siren absente de l'en-tête SIRENE");
        int communeIdx = kind == Kind.ETABLISSEMENT ? idx[9] : -1;
        long read = 0, kept = 0, malformed = 0;
        String firstMalformed = null;
        String[] v = new String[names.length];
        byte[] line;
        while ((line = sc.nextLine()) != null) {
            int len = sc.length();
            if (len == 0) continue;
            read++;
            long siren = sirenOf(line, len);
            boolean keep = siren >= 0 && sirens.test(siren);
            if (!keep && communes == null) continue;
            if (!split(line, len, v)) {
                malformed++;
                if (firstMalformed == null) firstMalformed = "ligne " + (read + 1);
                continue;
            }
            if (!keep) {
                if (communeIdx < 0 || !communes.keep(v[communeIdx])) continue;
            }
            kept++;
            if (kind == Kind.UNITE_LEGALE) units.accept(unit(v, idx));
            else establishments.accept(establishment(v, idx));
        }
        return new Counts(kind, read, kept, malformed, firstMalformed);
    }

    private static String get(String[] v, int[] idx, int k) {
        int i = idx[k];
        if (i < 0 || v[i] == null) return null;
        String s = v[i];
        return s.isEmpty() || s.equals("[ND]") ? null : s;
    }

    static SupplierRecords.Unit unit(String[] v, int[] idx) {
        String siren = get(v, idx, 0);
        boolean diffusible = "O".equals(get(v, idx, 1));
        String name = null;
        if (diffusible) {
            name = get(v, idx, 10);
            if (name == null) name = get(v, idx, 11);
            if (name == null) { // a person: usual first name and (usage) surname, published because diffusible
                String nom = get(v, idx, 7) != null ? get(v, idx, 7) : get(v, idx, 6);
                String prenom = get(v, idx, 8) != null ? get(v, idx, 8) : get(v, idx, 9);
                if (nom != null) name = prenom == null ? nom : prenom + " " + nom;
            }
        }
        String year = get(v, idx, 4);
        String ess = get(v, idx, 15);
        String state = get(v, idx, 5);
        return new SupplierRecords.Unit(siren, name, diffusible, get(v, idx, 13), get(v, idx, 3),
                year == null ? null : parseInt(year), get(v, idx, 2), get(v, idx, 14),
                ess == null ? null : "O".equals(ess), state == null ? null : "A".equals(state), "SIRENE_STOCK",
                Names.normalise(name));
    }

    static SupplierRecords.Establishment establishment(String[] v, int[] idx) {
        boolean diffusible = "O".equals(get(v, idx, 2));
        String address = null;
        if (diffusible) {
            StringBuilder sb = new StringBuilder();
            for (int k = 4; k <= 7; k++) {
                String part = get(v, idx, k);
                if (part != null) {
                    if (!sb.isEmpty() && k != 5) sb.append(' ');
                    sb.append(part);
                }
            }
            address = sb.isEmpty() ? null : sb.toString();
        }
        String foreign = get(v, idx, 10);
        String state = get(v, idx, 11);
        String siege = get(v, idx, 3);
        return new SupplierRecords.Establishment(get(v, idx, 1), get(v, idx, 0), get(v, idx, 9), get(v, idx, 8), address,
                foreign == null ? "FR" : foreign, state == null ? null : "A".equals(state),
                siege == null ? null : "true".equalsIgnoreCase(siege), "SIRENE_STOCK");
    }

    private static Integer parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The leading 9-digit SIREN as a number, or -1. */
    static long sirenOf(byte[] b, int len) {
        int i = 0;
        if (len > 0 && b[0] == '"') i = 1;
        if (len < i + 9) return -1;
        long v = 0;
        for (int k = 0; k < 9; k++) {
            int d = b[i + k] - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }

    /** Splits one line on commas outside quotes into {@code out} (padded with nulls); false when the line is broken. */
    static boolean split(byte[] b, int len, String[] out) {
        Arrays.fill(out, null);
        int field = 0;
        int i = 0;
        while (i <= len && field < out.length) {
            if (i < len && b[i] == '"') {
                StringBuilder sb = null;
                int start = ++i;
                while (true) {
                    if (i >= len) return false;
                    if (b[i] == '"') {
                        if (i + 1 < len && b[i + 1] == '"') {
                            if (sb == null) sb = new StringBuilder();
                            sb.append(new String(b, start, i - start + 1, StandardCharsets.UTF_8));
                            i += 2;
                            start = i;
                            continue;
                        }
                        break;
                    }
                    i++;
                }
                String s = new String(b, start, i - start, StandardCharsets.UTF_8);
                out[field++] = sb == null ? s : sb.append(s).toString();
                i++; // closing quote
                if (i < len && b[i] != ',') return false;
                i++;
            } else {
                int start = i;
                while (i < len && b[i] != ',') i++;
                out[field++] = i == start ? "" : new String(b, start, i - start, StandardCharsets.UTF_8);
                i++;
            }
        }
        return true;
    }

    /** Yields lines as byte ranges of a reused buffer; a newline inside quotes belongs to the line. */
    static final class LineScanner {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 20];
        private int pos;
        private int lim;
        private byte[] line = new byte[4096];
        private int len;

        LineScanner(InputStream in) {
            this.in = in;
        }

        int length() {
            return len;
        }

        byte[] nextLine() throws IOException {
            len = 0;
            boolean quoted = false;
            boolean any = false;
            while (true) {
                if (pos >= lim) {
                    lim = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (lim <= 0) {
                        lim = 0;
                        return any ? line : null;
                    }
                }
                any = true;
                int start = pos;
                while (pos < lim) {
                    byte c = buf[pos];
                    if (c == '"') quoted = !quoted;
                    else if (c == '\n' && !quoted) break;
                    pos++;
                }
                int n = pos - start;
                if (len + n > line.length) line = Arrays.copyOf(line, Math.max(line.length * 2, len + n));
                System.arraycopy(buf, start, line, len, n);
                len += n;
                if (pos < lim) { // newline found
                    pos++;
                    if (len > 0 && line[len - 1] == '\r') len--;
                    return line;
                }
            }
        }
    }
}
