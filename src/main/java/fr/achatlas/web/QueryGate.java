package fr.achatlas.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets a bounded number of cube queries run at once, the others waiting their turn in arrival order. DuckDB already
 * spreads one query over every core: fifty drill-downs started together all slow down together (a 50 ms query then
 * takes seconds), whereas first come, first served keeps each one's wait to the work queued before it. Exports are not
 * gated: they stream for long and would hold the gate.
 */
@Configuration
public class QueryGate {

    /** How many cube queries may run at once: the setting, or the number of cores. */
    static int permits(int concurrency) {
        return concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
    }

    @Bean
    FilterRegistrationBean<Gate> cubeGate(@Value("${achatlas.web.query-concurrency:0}") int concurrency,
                                          @Value("${achatlas.web.query-wait-seconds:60}") int waitSeconds) {
        int permits = permits(concurrency);
        FilterRegistrationBean<Gate> bean = new FilterRegistrationBean<>(new Gate(permits, waitSeconds));
        bean.addUrlPatterns("/api/cube", "/api/cube/lines");
        return bean;
    }

    static final class Gate extends OncePerRequestFilter {

        private final Semaphore permits;
        private final int waitSeconds;

        Gate(int permits, int waitSeconds) {
            this.permits = new Semaphore(permits, true);
            this.waitSeconds = waitSeconds;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean acquired;
            try {
                acquired = permits.tryAcquire(waitSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                acquired = false;
            }
            if (!acquired) {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setHeader("Retry-After", "5");
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("{\"error\":\"Serveur surchargé : trop de requêtes d'analyse en attente, réessayez dans quelques secondes.\"}");
                return;
            }
            try {
                chain.doFilter(request, response);
            } finally {
                permits.release();
            }
        }
    }
}
