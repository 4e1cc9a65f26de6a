package fr.achatlas.classify;

/** AUTO: computed; VALIDATED: a person accepted it; OVERRIDDEN: a person chose another family for this record. */
public enum Status {
    AUTO, VALIDATED, OVERRIDDEN
}
