package fr.achatlas.model;

/** Lieu d'exécution: a code and its type (Code postal, Code commune, Code arrondissement, Code canton, Code département, Code région, Code pays). */
public record Place(String code, String typeCode, String name) {
}
