package fr.achatlas.model;

import java.util.List;

/**
 * The territory Achatlas serves: its name, its département(s) and région, and its buyers with their organisation
 * (directions → services). Read from a territory file (territory.json); the generator writes one for the demo.
 */
public record Territory(String name, List<Area> departements, Area region, List<Buyer> buyers) {

    public record Area(String code, String name) {
    }

    public record Buyer(String siret, String name, String kind, String legalCategory, String communeCode,
                        List<Direction> directions) {
    }

    public record Direction(String name, List<String> services) {
    }
}
