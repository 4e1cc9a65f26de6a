package fr.achatlas.web;

import fr.achatlas.query.cube.FactSnapshots;
import fr.achatlas.store.Database;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.sql.SQLException;

/**
 * Shares the cores between the queries the {@link QueryGate} lets run together: each gets cores ÷ gate width DuckDB
 * threads (one on a 2-core machine), since splitting a query over threads already busy with another one only adds
 * coordination — measured on the national store, a supplier drill-down cost 30 % more CPU on two threads than on
 * one, and 50 users were served 90–99 requests/s instead of 77–83. Snapshot rebuilds still get every thread
 * ({@link FactSnapshots#rebuildWithThreads}). {@code achatlas.web.query-threads} overrides the share; the store's
 * setting is restored when the server stops.
 */
@Component
public class QueryThreads implements DisposableBean {

    private final Database db;
    private final int before;

    public QueryThreads(Database db, @Value("${achatlas.web.query-threads:0}") int configured,
                        @Value("${achatlas.web.query-concurrency:0}") int concurrency) throws SQLException {
        this.db = db;
        this.before = db.threads();
        int share = configured > 0 ? configured : Math.max(1, Runtime.getRuntime().availableProcessors() / QueryGate.permits(concurrency));
        if (share != before) {
            db.setThreads(share);
            FactSnapshots.rebuildWithThreads(before);
        }
    }

    @Override
    public void destroy() throws SQLException {
        FactSnapshots.rebuildWithThreads(0);
        db.setThreads(before);
    }
}
