package fr.achatlas.model;

/**
 * One rule that a record did not pass (or a repair made to it), in words a person can act on.
 *
 * @param rule     stable rule code from the rule table (docs/rules.md), e.g. "SIRET_LUHN"
 * @param severity FATAL rejects the record, WARNING keeps it, INFO traces a repair
 * @param field    the DECP field concerned, with its path when nested (e.g. "titulaires[2].id")
 * @param value    the value as published (truncated to 200 characters), or null when missing
 * @param message  a French sentence for the procurement analyst
 */
public record Finding(String rule, Severity severity, String field, String value, String message) {
    public Finding {
        if (value != null && value.length() > 200) value = value.substring(0, 200) + "…";
    }
}
