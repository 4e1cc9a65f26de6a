package fr.achatlas.web.security;

import fr.achatlas.store.UserStore;
import fr.achatlas.web.Connections;
import fr.achatlas.store.ReadCache;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Authenticates API calls carrying {@code Authorization: Bearer <personal token>}; no session is created. */
public class ApiTokenFilter extends OncePerRequestFilter {

    private final Connections connections;
    private final AppUserDetailsService users;
    // Re-read at least once a minute, which is also how often a token's last use is recorded.
    private final ReadCache<String, String> owners = new ReadCache<>(60_000);

    public ApiTokenFilter(Connections connections, AppUserDetailsService users) {
        this.connections = connections;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.startsWith("Bearer ")) {
            Optional<String> owner;
            try (Connection c = connections.open()) {
                owner = Optional.ofNullable(owners.get(c, ApiTokens.sha256(header.substring(7).trim()),
                        (conn, sha) -> new UserStore(conn).tokenOwner(sha).orElse(null)));
            } catch (SQLException e) {
                throw new ServletException(e);
            }
            if (owner.isEmpty()) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("application/json");
                response.getWriter().write("{\"error\":\"Jeton d'API invalide ou révoqué.\"}");
                return;
            }
            UserDetails u = users.loadUserByUsername(owner.get());
            var auth = UsernamePasswordAuthenticationToken.authenticated(u, null, u.getAuthorities());
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(auth);
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
