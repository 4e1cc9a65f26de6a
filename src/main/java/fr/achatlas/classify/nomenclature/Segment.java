package fr.achatlas.classify.nomenclature;

/** First level of the pivot nomenclature (e.g. "BAT" Travaux de bâtiment). */
public record Segment(String code, String label) {
}
