package fr.achatlas.generate;

import java.util.EnumMap;
import java.util.Map;

/**
 * The kinds of buyers of an agglomeration-led territory, with their INSEE catégorie juridique (nomenclature of legal
 * categories, level 4, from knowledge: 7220 département, 7348 communauté d'agglomération, 7210 commune, 7361 CCAS,
 * 7364 établissement d'hospitalisation, 7371 office public de l'habitat, 7372 SDIS, 7354 syndicat mixte fermé), the
 * SIREN prefix public bodies of that kind carry, and what they buy (family weights).
 */
public enum BuyerKind {
    DEPARTEMENT("7220", "22", "ROADS:30,BUILDING:18,SOCIAL:12,TRANSPORT:9,IT:6,ENGINEERING:5,ENERGY:3,VEHICLES:3,"
            + "CATERING:3,MAINTENANCE:3,CLEANING:2,CONSULTING:2,PRINTING:1,INSURANCE:1,TELECOM:1,OFFICE:1"),
    COMMUNAUTE_AGGLOMERATION("7348", "20", "WASTE:18,NETWORKS:20,TRANSPORT:15,BUILDING:12,ROADS:8,ENGINEERING:6,IT:5,"
            + "WATER:5,CLEANING:2,GREEN_SPACES:2,ENERGY:2,CONSULTING:2,TELECOM:1,PRINTING:1,MAIL:1"),
    VILLE_CENTRE("7210", "21", "BUILDING:24,ROADS:14,GREEN_SPACES:8,CATERING:8,CLEANING:6,MAINTENANCE:6,ENERGY:5,IT:4,"
            + "CULTURE:4,ENGINEERING:5,VEHICLES:3,PRINTING:2,FUEL:2,INSURANCE:2,OFFICE:2,SECURITY:2,TELECOM:1,FURNITURE:2,"
            + "CLOTHING:1"),
    COMMUNE("7210", "21", "BUILDING:26,ROADS:18,GREEN_SPACES:9,CATERING:9,CLEANING:6,MAINTENANCE:6,ENERGY:4,IT:3,"
            + "CULTURE:4,ENGINEERING:5,VEHICLES:2,PRINTING:2,FURNITURE:2,INSURANCE:2,OFFICE:1,FUEL:1"),
    CCAS("7361", "26", "SOCIAL:40,CATERING:28,CLEANING:10,LAUNDRY:10,MAINTENANCE:6,OFFICE:3,INSURANCE:3"),
    CENTRE_HOSPITALIER("7364", "26", "MEDICAL:40,HOSPITAL:14,FOOD:10,LAUNDRY:6,CLEANING:5,IT:8,MAINTENANCE:6,ENERGY:5,"
            + "BUILDING:4,SECURITY:2"),
    OFFICE_HABITAT("7371", "27", "HOUSING:62,MAINTENANCE:15,CLEANING:6,ENGINEERING:8,GREEN_SPACES:4,INSURANCE:3,"
            + "CONSULTING:2"),
    SDIS("7372", "28", "FIRE:45,VEHICLES:15,CLOTHING:10,BUILDING:10,TELECOM:8,MAINTENANCE:6,TRAINING:6"),
    SYNDICAT_MIXTE("7354", "25", "WASTE:72,NETWORKS:5,ENGINEERING:6,VEHICLES:6,WATER:11");

    final String categorieJuridique;
    final String sirenPrefix;
    final Map<Family, Double> familyWeights = new EnumMap<>(Family.class);

    BuyerKind(String categorieJuridique, String sirenPrefix, String weights) {
        this.categorieJuridique = categorieJuridique;
        this.sirenPrefix = sirenPrefix;
        for (String part : weights.split(",")) {
            String[] kv = part.split(":");
            familyWeights.put(Family.valueOf(kv[0]), Double.parseDouble(kv[1]));
        }
    }

    public String categorieJuridique() {
        return categorieJuridique;
    }
}
