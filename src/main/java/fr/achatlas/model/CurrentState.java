package fr.achatlas.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * A contract as it stands after its modifications: each modification, in date order (rank breaking ties, undated ones
 * last in rank order), replaces the amount, duration or holders it carries; the others carry over.
 */
public record CurrentState(BigDecimal amount, Integer durationMonths, List<Party> holders, int modificationCount,
                           LocalDate lastModificationDate) {

    /** The order in which modifications apply; the store's recomputation (BatchMerge) uses the same one. */
    public static final Comparator<Modification> ORDER = Comparator
            .comparing(Modification::notificationDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(Modification::rank);

    public static CurrentState of(Contract c) {
        BigDecimal amount = c.amount();
        Integer duration = c.durationMonths();
        List<Party> holders = c.holders();
        LocalDate last = null;
        List<Modification> mods = c.modifications() == null ? List.of() : c.modifications().stream().sorted(ORDER).toList();
        for (Modification m : mods) {
            if (m.amount() != null) amount = m.amount();
            if (m.durationMonths() != null) duration = m.durationMonths();
            if (m.holders() != null && !m.holders().isEmpty()) holders = m.holders();
            if (m.notificationDate() != null) last = m.notificationDate();
        }
        return new CurrentState(amount, duration, holders, mods.size(), last);
    }
}
