package fr.achatlas.classify;

import java.time.LocalDateTime;

/** A person's decision on one record: accept the automatic family (VALIDATED) or set another (OVERRIDDEN). */
public record ManualDecision(SubjectRef ref, String familyCode, Status status, String user, LocalDateTime at,
                             String comment) {
}
