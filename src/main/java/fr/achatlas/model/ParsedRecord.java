package fr.achatlas.model;

import java.util.List;

/**
 * What the parser hands to the checks for one record: the contract when it could be built (null when the record is
 * unreadable as a contract), the findings raised while reading and normalising it (repairs, unreadable values), and the
 * provenance, which is always known.
 */
public record ParsedRecord(Contract contract, List<Finding> findings, Provenance provenance) {
}
