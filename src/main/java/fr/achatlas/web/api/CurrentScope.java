package fr.achatlas.web.api;

import fr.achatlas.query.cube.Role;
import fr.achatlas.query.cube.Scope;
import fr.achatlas.store.UserStore;
import fr.achatlas.web.security.AppUserDetailsService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns the signed-in user (or an anonymous visitor) and the perimeter chosen on screen into the cube's {@link Scope}. */
@Component
public class CurrentScope {

    private final AppUserDetailsService users;

    public CurrentScope(AppUserDetailsService users) {
        this.users = users;
    }

    public Scope get(String selectedBuyers) {
        Set<String> selection = selectedBuyers == null ? Set.of()
                : Arrays.stream(selectedBuyers.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Scope.anonymous().select(selection);
        }
        UserStore.User u = users.find(auth.getName()).orElse(null);
        if (u == null || !u.enabled()) return Scope.anonymous().select(selection);
        return new Scope(u.username(), Role.valueOf(u.role()), u.buyers(), selection);
    }
}
