package fr.achatlas.classify;

/** The identity of a classified record. */
public record SubjectRef(SubjectKind kind, long key) {
}
