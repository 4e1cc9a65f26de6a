package fr.achatlas.query.spaser;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * An indicator over one year (or over the whole period when {@code year} is null): the numerator and denominator in
 * number and in value, and the average for averaging indicators. Shares are null when the denominator is zero
 * ("no contract" is not "0 %").
 */
public record IndicatorValue(Indicator indicator, Integer year, long count, long baseCount, BigDecimal value,
                             BigDecimal baseValue, Double average) {

    public Double shareCount() {
        return baseCount == 0 ? null : (double) count / baseCount;
    }

    public Double shareValue() {
        if (baseValue == null || baseValue.signum() == 0) return null;
        return (value == null ? BigDecimal.ZERO : value).divide(baseValue, MathContext.DECIMAL64).doubleValue();
    }

    /** The figure of that metric, as a number (null when undefined). */
    public Double get(Metric m) {
        return switch (m) {
            case COUNT -> (double) count;
            case VALUE -> value == null ? 0.0 : value.doubleValue();
            case SHARE_COUNT -> shareCount();
            case SHARE_VALUE -> shareValue();
            case AVERAGE -> average;
        };
    }
}
