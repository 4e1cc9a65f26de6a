package fr.achatlas.model;

import java.util.List;

/** The official geographic code (COG): régions, départements, EPCI and communes, with optional centroids. */
public record Geo(List<Region> regions, List<Departement> departements, List<Epci> epcis, List<Commune> communes) {

    public record Region(String code, String name) {
    }

    public record Departement(String code, String name, String region) {
    }

    public record Epci(String code, String name, String type) {
    }

    /** @param parent the current commune of an arrondissement municipal or a former (déléguée/associée) commune */
    public record Commune(String code, String name, String type, String parent, String departement, String region,
                          String epci, Double lat, Double lon) {
    }

    /** A commune centroid, from a centroid file (the COG package has none). */
    public record Centroid(String commune, double lat, double lon) {
    }

    /**
     * What "local" means for a territory. {@code mode}: EPCI, DEPARTEMENT, REGION, DEPARTEMENTS (with a list) or
     * RADIUS (with {@code radiusKm} from the reference commune's centroid).
     */
    public record LocalDefinition(String mode, String referenceCommune, List<String> departements, Double radiusKm) {
        public LocalDefinition {
            if (!List.of("EPCI", "DEPARTEMENT", "REGION", "DEPARTEMENTS", "RADIUS").contains(mode)) {
                throw new IllegalArgumentException("Définition locale inconnue : " + mode
                        + " (EPCI, DEPARTEMENT, REGION, DEPARTEMENTS, RADIUS)");
            }
            if (mode.equals("RADIUS") && (radiusKm == null || radiusKm <= 0)) {
                throw new IllegalArgumentException("Un rayon en km (> 0) est requis pour RADIUS");
            }
            if (mode.equals("DEPARTEMENTS") && (departements == null || departements.isEmpty())) {
                throw new IllegalArgumentException("Une liste de départements est requise pour DEPARTEMENTS");
            }
            departements = departements == null ? List.of() : List.copyOf(departements);
        }
    }
}
