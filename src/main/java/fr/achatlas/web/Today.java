package fr.achatlas.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The date the server reasons about (contract ends, rolling periods, feeds): the system clock in Paris, or a fixed
 * date given by the property {@code achatlas.today} (tests, and demos replayed at a given date).
 */
@Component
public class Today {

    private final Clock clock;

    public Today(@Value("${achatlas.today:}") String fixed) {
        ZoneId paris = ZoneId.of("Europe/Paris");
        this.clock = fixed == null || fixed.isBlank() ? Clock.system(paris)
                : Clock.fixed(LocalDate.parse(fixed).atTime(12, 0).atZone(paris).toInstant(), paris);
    }

    public LocalDate date() {
        return LocalDate.now(clock);
    }

    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
