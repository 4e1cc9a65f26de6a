package fr.achatlas.web.security;

import fr.achatlas.store.UserStore;
import fr.achatlas.web.Connections;
import fr.achatlas.store.ReadCache;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Users from the store's {@code app_user} table; a locked (throttled) account fails before its password is checked. */
@Service
public class AppUserDetailsService implements UserDetailsService {

    private final Connections connections;
    private final LoginThrottle throttle;
    // An API call looked its user up twice (authentication, then scope); accounts change only through the server.
    private final ReadCache<String, UserStore.User> users = new ReadCache<>(60_000);

    public AppUserDetailsService(Connections connections, LoginThrottle throttle) {
        this.connections = connections;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserStore.User u = find(username).orElseThrow(() -> new UsernameNotFoundException("inconnu"));
        return User.withUsername(u.username()).password(u.passwordHash())
                .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + u.role())))
                .disabled(!u.enabled()).accountLocked(throttle.isLocked(username)).build();
    }

    public Optional<UserStore.User> find(String username) {
        try (Connection c = connections.open()) {
            return Optional.ofNullable(users.get(c, username, (conn, name) -> new UserStore(conn).find(name).orElse(null)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
