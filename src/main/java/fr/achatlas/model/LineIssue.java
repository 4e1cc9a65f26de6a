package fr.achatlas.model;

/**
 * A finding about one line of a tabular source (spending export, SIRENE file, inclusive list): the file line, the
 * field, the value as read, the rule and a message a person can act on. FATAL means the line is rejected.
 */
public record LineIssue(long lineNumber, String rule, Severity severity, String field, String value, String message) {
}
