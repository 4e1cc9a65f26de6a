package fr.achatlas.query.cube;

import java.util.List;
import java.util.Map;

/**
 * What a view of the cartography asks: up to two axes (two = pivot), measures (the first orders and ranks), filters
 * (dimension name → accepted member keys; {@link #NULL_KEY} stands for "not filled in"), and top-N per axis with the
 * rest gathered in "Autres".
 */
public record CubeQuery(Fact fact, List<String> axes, List<String> measures, Map<String, List<String>> filters, Integer top) {

    /** The key of the "not filled in" member (a NULL in the facts). */
    public static final String NULL_KEY = "_null";
    /** The key of the member gathering everything beyond the top N. */
    public static final String OTHERS_KEY = "_autres";

    public CubeQuery {
        axes = List.copyOf(axes);
        measures = List.copyOf(measures);
        filters = Map.copyOf(filters);
    }
}
