package fr.achatlas.query.cube;

import fr.achatlas.query.Column;

import java.util.List;

/**
 * Rows of an aggregate: per axis its member key and label, then each measure, then the share of the first measure in
 * the total (null when that measure is not additive). {@code totals} holds each measure over the whole filtered
 * perimeter ("Autres" included), so shares add up to 100 %.
 */
public record CubeResult(List<Column> columns, List<Object[]> rows, Object[] totals, boolean truncated) {
}
