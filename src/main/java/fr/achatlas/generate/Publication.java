package fr.achatlas.generate;

import java.util.EnumSet;
import java.util.Set;

/** One record as it appears in one file: the contract and the defects planted in that copy. */
record Publication(SyntheticContract contract, Set<Defect> defects) {
    Publication(SyntheticContract contract) {
        this(contract, EnumSet.noneOf(Defect.class));
    }

    boolean has(Defect d) {
        return defects.contains(d);
    }
}
