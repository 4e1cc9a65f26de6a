package fr.achatlas.query.thresholds;

import java.time.LocalDate;

/**
 * The period over which purchases of a homogeneous family are added up: a civil year (a French local authority's
 * budget year is the civil year, art. L1612-1 CGCT) or the rolling twelve months ending on a chosen date.
 */
public record Period(LocalDate from, LocalDate to, String label) {

    public static Period year(int year) {
        if (year < 2015 || year > 2100) throw new IllegalArgumentException("Année hors de 2015 à 2100 : " + year);
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), "année " + year);
    }

    public static Period rolling(LocalDate end) {
        return new Period(end.minusMonths(12).plusDays(1), end, "12 mois glissants au " + end);
    }
}
