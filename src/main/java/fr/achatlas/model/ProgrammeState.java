package fr.achatlas.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a purchase-programme entry. Only {@link #PUBLISHED} and later states are shown to local businesses:
 * a draft or a merely validated entry is internal.
 */
public enum ProgrammeState {
    DRAFT("Brouillon"), VALIDATED("Validé"), PUBLISHED("Publié"), LAUNCHED("Consultation lancée"), AWARDED("Attribué");

    private final String label;

    ProgrammeState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isPublic() {
        return compareTo(PUBLISHED) >= 0;
    }

    /**
     * One step forward, or back to draft before publication (a validated entry can be reopened). A published entry is
     * never withdrawn silently: businesses may have read it, so it only moves on.
     */
    public Set<ProgrammeState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(VALIDATED);
            case VALIDATED -> EnumSet.of(DRAFT, PUBLISHED);
            case PUBLISHED -> EnumSet.of(LAUNCHED);
            case LAUNCHED -> EnumSet.of(AWARDED);
            case AWARDED -> EnumSet.noneOf(ProgrammeState.class);
        };
    }

    public static ProgrammeState parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("État inconnu : " + s + " (DRAFT, VALIDATED, PUBLISHED, LAUNCHED, AWARDED)");
        }
    }
}
