package fr.achatlas.query.cube;

/** A query the user's role does not allow (the message is shown to the user, in French). */
public final class AccessDenied extends RuntimeException {
    public AccessDenied(String message) {
        super(message);
    }
}
