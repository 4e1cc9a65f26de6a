package fr.achatlas.classify.nomenclature;

/** The nature of a purchase family in the sense of the Code de la commande publique. */
public enum Nature {
    FOURNITURES, SERVICES, TRAVAUX
}
