package fr.achatlas.web.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks a username for a while after too many failed logins (password guessing). Counts failures for unknown names
 * too, so the lock does not reveal which accounts exist. In memory: a restart clears locks, which is acceptable for a
 * single-process application.
 */
@Component
public class LoginThrottle {

    private record State(int failures, Instant lockedUntil) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final Duration lock;
    private volatile Clock clock = Clock.systemUTC();

    public LoginThrottle(@Value("${achatlas.login.max-failures:5}") int maxFailures,
                         @Value("${achatlas.login.lock-seconds:900}") long lockSeconds) {
        this.maxFailures = maxFailures;
        this.lock = Duration.ofSeconds(lockSeconds);
    }

    /** For tests: moves time forward without waiting. */
    public void useClock(Clock clock) {
        this.clock = clock;
    }

    public boolean isLocked(String username) {
        State s = states.get(key(username));
        return s != null && s.lockedUntil() != null && clock.instant().isBefore(s.lockedUntil());
    }

    public void failure(String username) {
        states.compute(key(username), (k, s) -> {
            Instant now = clock.instant();
            int failures = (s == null || (s.lockedUntil() != null && !now.isBefore(s.lockedUntil()))) ? 1 : s.failures() + 1;
            return new State(failures, failures >= maxFailures ? now.plus(lock) : null);
        });
    }

    public void success(String username) {
        states.remove(key(username));
    }

    @EventListener
    public void onFailure(AbstractAuthenticationFailureEvent e) {
        failure(e.getAuthentication().getName());
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent e) {
        success(e.getAuthentication().getName());
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
