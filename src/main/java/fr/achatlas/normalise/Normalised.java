package fr.achatlas.normalise;

import fr.achatlas.model.Finding;

import java.util.List;

/**
 * The outcome of normalising one published value: the value to keep (null when absent or unreadable) and at most one
 * finding describing the repair or the problem.
 */
public record Normalised<T>(T value, Finding finding) {

    private static final Normalised<?> ABSENT = new Normalised<>(null, null);

    public static <T> Normalised<T> of(T value) {
        return new Normalised<>(value, null);
    }

    @SuppressWarnings("unchecked")
    public static <T> Normalised<T> absent() {
        return (Normalised<T>) ABSENT;
    }

    /** Adds the finding, if any, to the record's findings; returns the value for fluent use. */
    public T into(List<Finding> findings) {
        if (finding != null) findings.add(finding);
        return value;
    }
}
