package fr.achatlas.query.spaser;

import java.math.BigDecimal;

/** A target set by an administrator: indicator, buyer ({@link #TERRITORY} for the whole territory), year, metric. */
public record Target(String indicator, String buyerId, int year, String metric, BigDecimal value, String comment,
                     String updatedBy, String updatedAt) {

    public static final String TERRITORY = "*";
}
