package fr.achatlas.query.cube;

/** Who is asking; what each role may see is decided in {@link Scope}, inside the query layer. */
public enum Role {
    /** Territory administrator: everything, users, imports. */
    ADMIN,
    /** Buyer analyst: full detail of their own buyer(s), consolidated aggregates of the territory. */
    ANALYST,
    /** Viewer / elected official: consolidated views (aggregates), no spending line. */
    VIEWER,
    /** Anonymous: open data only (DECP contracts are public, spending is not). */
    PUBLIC
}
