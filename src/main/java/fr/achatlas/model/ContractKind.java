package fr.achatlas.model;

/** The two kinds of DECP records: a public contract (marché) or a concession contract (contrat de concession). */
public enum ContractKind {
    MARCHE,
    CONCESSION
}
