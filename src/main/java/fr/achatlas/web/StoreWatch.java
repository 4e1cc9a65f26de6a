package fr.achatlas.web;

import fr.achatlas.store.Database;
import fr.achatlas.store.StoreChanges;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Reports the server's writes to {@link StoreChanges}: the server is the only process writing its store while it runs,
 * and it writes only while serving a mutating request (import, classification decision, account, target…), so the
 * end of every such request is reported as a change — whether it succeeded or not, since a failure may have written
 * part of its work.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StoreWatch extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Database db;

    public StoreWatch(Database db) throws SQLException {
        this.db = db;
        StoreChanges.watch(db.connection());
    }

    /** Called when the server stops (by Spring and by the servlet container: unwatching twice is harmless). */
    @Override
    public void destroy() {
        try {
            StoreChanges.unwatch(db.connection());
        } catch (SQLException e) {
            // the store is closing anyway: nothing is derived from it any more
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (!SAFE.contains(request.getMethod())) {
                try {
                    StoreChanges.changed(db.connection());
                } catch (SQLException e) {
                    throw new ServletException(e);
                }
            }
        }
    }
}
