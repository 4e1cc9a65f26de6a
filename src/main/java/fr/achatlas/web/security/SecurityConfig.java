package fr.achatlas.web.security;

import fr.achatlas.web.Connections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

/**
 * Who may do what over HTTP. Reading the cartography is open to anonymous visitors, whose {@code Scope} is PUBLIC
 * (open data only): the data rules themselves are applied by the cube, not here. Here: sign-in (form + session
 * cookie, or personal API token), CSRF on every state-changing browser request, throttled logins, and the
 * administrator-only routes.
 */
@Configuration
@EnableWebSecurity
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        // BCrypt by default, "{bcrypt}" prefix stored: hashes can be upgraded later without a migration.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, Connections connections, AppUserDetailsService users) throws Exception {
        RequestMatcher bearer = request -> {
            String h = request.getHeader("Authorization");
            return h != null && h.startsWith("Bearer ");
        };
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        csrfHandler.setCsrfRequestAttributeName(null); // load the token on every request so the cookie is always set
        http
                .csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(csrfHandler)
                        .ignoringRequestMatchers(bearer))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(withDefaults().matcher("/api/import/**"), withDefaults().matcher("/api/users/**"),
                                withDefaults().matcher(HttpMethod.POST, "/api/spaser/targets/**"),
                                withDefaults().matcher("/import.html")).hasRole("ADMIN")
                        .requestMatchers(withDefaults().matcher("/api/tokens/**"), withDefaults().matcher("/tokens.html")).authenticated()
                        // Programme management and thresholds (spending lines) need a user; the published programme
                        // (/api/public/**, /programme.html, /programme-fiche.html) stays open like the cartography.
                        .requestMatchers(withDefaults().matcher("/api/programme/**"), withDefaults().matcher("/api/thresholds/**"),
                                withDefaults().matcher("/programme-gestion.html"), withDefaults().matcher("/seuils.html")).authenticated()
                        .requestMatchers(withDefaults().matcher(HttpMethod.POST, "/api/**")).authenticated()
                        .anyRequest().permitAll())
                .formLogin(f -> f.loginPage("/login.html").loginProcessingUrl("/login").defaultSuccessUrl("/", false)
                        .failureHandler((req, res, ex) -> res.sendRedirect(ex instanceof LockedException
                                ? "/login.html?verrou" : "/login.html?erreur")).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/").deleteCookies("JSESSIONID"))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        withDefaults().matcher("/api/**")))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                                + "font-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")))
                .addFilterBefore(new ApiTokenFilter(connections, users), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }
}
