package fr.achatlas.store;

import fr.achatlas.model.Contract;
import fr.achatlas.model.Finding;
import fr.achatlas.model.Provenance;
import fr.achatlas.model.Severity;

import java.util.List;

/**
 * One record ready for the store: checked, keyed, and either accepted (contract with its findings) or rejected (its
 * FATAL findings say why).
 */
public record StagedRecord(Provenance provenance, Contract contract, long contractKey, List<Finding> findings) {

    public boolean rejected() {
        if (contract == null) return true;
        for (Finding f : findings) if (f.severity() == Severity.FATAL) return true;
        return false;
    }
}
