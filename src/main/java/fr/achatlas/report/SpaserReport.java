package fr.achatlas.report;

import fr.achatlas.model.Thresholds;
import fr.achatlas.query.cube.Scope;
import fr.achatlas.query.spaser.Art35Queries;
import fr.achatlas.query.spaser.InclusiveQueries;
import fr.achatlas.query.spaser.Metric;
import fr.achatlas.query.spaser.SpaserQueries;
import fr.achatlas.query.spaser.Target;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything the yearly SPASER report shows, read once from the query layer so that the PDF and the XLSX carry the
 * same numbers as the dashboard: indicators over the year and the two before, targets, art. 35, the inclusive sector.
 */
public record SpaserReport(String perimeter, int year, LocalDate today, List<SpaserQueries.Series> series,
                           List<Target> targets, Art35Queries.Report art35, List<InclusiveQueries.Segment> segments,
                           List<InclusiveQueries.Candidate> candidates) {

    /** Years shown: the report's year and the two before it. */
    public static final int YEARS = 3;

    public static SpaserReport build(Connection conn, Scope scope, int year, LocalDate today) throws SQLException {
        SpaserQueries q = new SpaserQueries(conn);
        String key = SpaserQueries.targetKey(scope);
        InclusiveQueries inc = new InclusiveQueries(conn);
        return new SpaserReport(q.perimeterLabel(scope), year, today, q.all(scope, year - YEARS + 1, year),
                key == null ? List.of() : q.targets(key), new Art35Queries(conn, Thresholds.defaults()).report(scope),
                scope.canSeeSpending() ? inc.segments(scope, year, year) : List.of(), inc.candidates(scope, today));
    }

    public int firstYear() {
        return year - YEARS + 1;
    }

    /** The target of an indicator's headline metric for a year, if one is set. */
    public Optional<Target> target(SpaserQueries.Series s, int y) {
        return target(s.indicator().code(), s.indicator().headline(), y);
    }

    public Optional<Target> target(String indicator, Metric metric, int y) {
        return targets.stream().filter(t -> t.indicator().equals(indicator) && t.metric().equals(metric.name()) && t.year() == y).findFirst();
    }
}
