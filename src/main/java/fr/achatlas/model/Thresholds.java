package fr.achatlas.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The dated table of procurement thresholds (dispense de procédure, formal publicity, EU thresholds), read from
 * {@code reference/seuils.csv}: each row says from when to when it applied and cites its source. Used wherever a
 * purchase is compared to "the threshold in force at its date" (loi Climat art. 35 compliance, homogeneous-family
 * thresholds), so that history since 2019 is answered from one file.
 */
public final class Thresholds {

    /** What a threshold governs. */
    public enum Kind {
        /** Below it a purchase may go without publicity or competition (art. R2122-8 CCP). */
        DISPENSE,
        /** From it a MAPA must be published in the BOAMP or a JAL (art. R2131-12 CCP). */
        PUBLICITE,
        /** From it a formal (EU) procedure is required. */
        UE
    }

    /** Whose threshold: EU thresholds differ for central government, other contracting authorities and utilities. */
    public enum BuyerCategory { TOUS, ETAT, AUTRES, ENTITE_ADJUDICATRICE }

    /** The nature a row applies to; {@code TOUTES} is overridden by a row for the specific nature. */
    public enum Nature { TOUTES, FOURNITURES_SERVICES, TRAVAUX }

    /** One row of the table; {@code to} is inclusive, null while in force. */
    public record Threshold(Kind kind, BuyerCategory buyerCategory, Nature nature, BigDecimal amount,
                            LocalDate from, LocalDate to, String source) {
        public boolean appliesOn(LocalDate date) {
            return !date.isBefore(from) && (to == null || !date.isAfter(to));
        }
    }

    private static final String RESOURCE = "/reference/seuils.csv";
    private static final Thresholds DEFAULT = load();

    private final List<Threshold> rows;

    public Thresholds(List<Threshold> rows) {
        this.rows = List.copyOf(rows);
    }

    public static Thresholds defaults() {
        return DEFAULT;
    }

    public List<Threshold> rows() {
        return rows;
    }

    /**
     * The threshold of {@code kind} in force on {@code date} for a purchase of {@code nature} (supplies and services
     * or works) by a buyer of {@code category}: the most specific row wins (a nature-specific row over TOUTES, a
     * buyer-category row over TOUS).
     */
    public Optional<Threshold> at(Kind kind, LocalDate date, Nature nature, BuyerCategory category) {
        return rows.stream()
                .filter(t -> t.kind == kind && t.appliesOn(date))
                .filter(t -> t.nature == Nature.TOUTES || t.nature == nature)
                .filter(t -> t.buyerCategory == BuyerCategory.TOUS || t.buyerCategory == category)
                .max(Comparator.comparingInt((Threshold t) -> t.nature == Nature.TOUTES ? 0 : 1)
                        .thenComparingInt(t -> t.buyerCategory == BuyerCategory.TOUS ? 0 : 1));
    }

    /** Maps a DECP or nomenclature nature (Marché, Travaux, FOURNITURES, SERVICES, TRAVAUX…) to the table's. */
    public static Nature natureOf(String nature) {
        if (nature == null) return Nature.FOURNITURES_SERVICES;
        return nature.toUpperCase(java.util.Locale.ROOT).startsWith("TRAVAUX") ? Nature.TRAVAUX : Nature.FOURNITURES_SERVICES;
    }

    private static Thresholds load() {
        try (InputStream in = Thresholds.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return new Thresholds(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Threshold> parse(BufferedReader reader) throws IOException {
        List<Threshold> rows = new ArrayList<>();
        reader.readLine(); // header
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) continue;
            String[] f = line.split(";", -1);
            rows.add(new Threshold(Kind.valueOf(f[0]), BuyerCategory.valueOf(f[1]), Nature.valueOf(f[2]),
                    new BigDecimal(f[3]), LocalDate.parse(f[4]), f[5].isEmpty() ? null : LocalDate.parse(f[5]), f[6]));
        }
        return rows;
    }
}
