package fr.achatlas.query.cube;

import java.util.List;
import java.util.Map;

/**
 * The rows under a cell: the contracts (or spending lines) matching the filters, sorted and paged.
 *
 * @param sort  a column name of {@link Cube#lineColumns(Fact)}, or null for the default order
 * @param limit null for every row (exports)
 */
public record LinesQuery(Fact fact, Map<String, List<String>> filters, String sort, boolean descending, Integer limit, int offset) {

    public LinesQuery {
        filters = Map.copyOf(filters);
    }
}
