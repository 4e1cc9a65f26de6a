package fr.achatlas.model;

/** How bad a finding is. FATAL rejects the record; WARNING keeps it and stays queryable; INFO records a repair. */
public enum Severity {
    INFO,
    WARNING,
    FATAL
}
