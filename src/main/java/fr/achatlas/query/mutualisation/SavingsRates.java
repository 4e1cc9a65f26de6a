package fr.achatlas.query.mutualisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The savings-rate hypotheses of group purchasing, per nature, from {@code reference/gains-mutualisation.csv}: a low
 * and a high rate with their stated source. They are the territory's assumptions, not measurements: the data file is
 * meant to be edited, and results are shown as a rounded range, never as one figure.
 */
public final class SavingsRates {

    public record Rate(String nature, BigDecimal low, BigDecimal high, String source) {
    }

    /** A savings range, rounded to the thousand euros (no invented precision). */
    public record Range(BigDecimal low, BigDecimal high) {
    }

    private static final SavingsRates DEFAULT = load();

    private final Map<String, Rate> byNature;

    public SavingsRates(Map<String, Rate> byNature) {
        this.byNature = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byNature)); // file order, for display
    }

    public static SavingsRates defaults() {
        return DEFAULT;
    }

    public Map<String, Rate> rates() {
        return byNature;
    }

    /** FOURNITURES, SERVICES or TRAVAUX; an unknown nature gets the SERVICES rates (the most common, mid-range). */
    public Rate of(String nature) {
        Rate r = nature == null ? null : byNature.get(nature);
        return r != null ? r : byNature.get("SERVICES");
    }

    /** The yearly savings range on {@code yearlyAmount} for {@code nature}, rounded to the thousand. */
    public Range range(String nature, BigDecimal yearlyAmount) {
        Rate r = of(nature);
        if (yearlyAmount == null) return new Range(BigDecimal.ZERO, BigDecimal.ZERO);
        return new Range(thousand(yearlyAmount.multiply(r.low())), thousand(yearlyAmount.multiply(r.high())));
    }

    static BigDecimal thousand(BigDecimal v) {
        return v.divide(BigDecimal.valueOf(1000), 0, RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(1000));
    }

    private static SavingsRates load() {
        try (InputStream in = SavingsRates.class.getResourceAsStream("/reference/gains-mutualisation.csv")) {
            if (in == null) throw new IllegalStateException("missing resource reference/gains-mutualisation.csv");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            Map<String, Rate> out = new LinkedHashMap<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) continue;
                String[] f = line.split(";", -1);
                out.put(f[0], new Rate(f[0], new BigDecimal(f[1]), new BigDecimal(f[2]), f[3]));
            }
            return new SavingsRates(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
