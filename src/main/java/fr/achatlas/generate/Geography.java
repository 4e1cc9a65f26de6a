package fr.achatlas.generate;

import java.util.List;

/**
 * Real communes (INSEE code, postcode, name) used for buyers, places of execution and suppliers. The territory is
 * fictional but sits in a real département (Ille-et-Vilaine, 35, région Bretagne 53) so that codes are checkable.
 * Codes were written from knowledge; a test checks them against the official geographic code in ../shared.
 */
final class Geography {

    record Commune(String insee, String postcode, String name) {
        String departement() {
            return insee.startsWith("97") ? insee.substring(0, 3) : insee.substring(0, 2);
        }
    }

    static final String DEPARTEMENT = "35";
    static final String DEPARTEMENT_NAME = "Ille-et-Vilaine";
    static final String REGION = "53";
    static final String REGION_NAME = "Bretagne";

    /** The territory's communes: the agglomeration south of Rennes and the rest of the département. */
    static final List<Commune> LOCAL = List.of(
            new Commune("35047", "35170", "Bruz"),
            new Commune("35066", "35131", "Chartres-de-Bretagne"),
            new Commune("35206", "35230", "Noyal-Châtillon-sur-Seiche"),
            new Commune("35352", "35770", "Vern-sur-Seiche"),
            new Commune("35126", "35580", "Guichen"),
            new Commune("35139", "35890", "Laillé"),
            new Commune("35208", "35230", "Orgères"),
            new Commune("35266", "35230", "Saint-Erblon"),
            new Commune("35363", "35131", "Pont-Péan"),
            new Commune("35238", "35000", "Rennes"),
            new Commune("35281", "35136", "Saint-Jacques-de-la-Lande"),
            new Commune("35051", "35510", "Cesson-Sévigné"),
            new Commune("35055", "35135", "Chantepie"),
            new Commune("35240", "35650", "Le Rheu"),
            new Commune("35024", "35830", "Betton"),
            new Commune("35210", "35740", "Pacé"),
            new Commune("35278", "35760", "Saint-Grégoire"),
            new Commune("35196", "35310", "Mordelles"),
            new Commune("35334", "35235", "Thorigné-Fouillard"),
            new Commune("35001", "35690", "Acigné"),
            new Commune("35069", "35410", "Châteaugiron"),
            new Commune("35068", "35220", "Châteaubourg"),
            new Commune("35136", "35150", "Janzé"),
            new Commune("35012", "35470", "Bain-de-Bretagne"),
            new Commune("35188", "35160", "Montfort-sur-Meu"),
            new Commune("35152", "35340", "Liffré"),
            new Commune("35173", "35520", "Melesse"),
            new Commune("35288", "35400", "Saint-Malo"),
            new Commune("35115", "35300", "Fougères"),
            new Commune("35360", "35500", "Vitré"),
            new Commune("35236", "35600", "Redon"),
            new Commune("35093", "35800", "Dinard"),
            new Commune("35085", "35270", "Combourg"),
            new Commune("35095", "35120", "Dol-de-Bretagne"),
            new Commune("35049", "35260", "Cancale"),
            new Commune("35125", "35130", "La Guerche-de-Bretagne"));

    /** Same région, other départements (Côtes-d'Armor, Finistère, Morbihan). */
    static final List<Commune> REGIONAL = List.of(
            new Commune("22278", "22000", "Saint-Brieuc"),
            new Commune("22113", "22300", "Lannion"),
            new Commune("22050", "22100", "Dinan"),
            new Commune("22093", "22400", "Lamballe-Armor"),
            new Commune("29019", "29200", "Brest"),
            new Commune("29232", "29000", "Quimper"),
            new Commune("29151", "29600", "Morlaix"),
            new Commune("29103", "29800", "Landerneau"),
            new Commune("56121", "56100", "Lorient"),
            new Commune("56260", "56000", "Vannes"),
            new Commune("56178", "56300", "Pontivy"),
            new Commune("56007", "56400", "Auray"));

    /** Elsewhere in mainland France. */
    static final List<Commune> NATIONAL = List.of(
            new Commune("75056", "75008", "Paris"),
            new Commune("75056", "75015", "Paris"),
            new Commune("92050", "92000", "Nanterre"),
            new Commune("92012", "92100", "Boulogne-Billancourt"),
            new Commune("93066", "93200", "Saint-Denis"),
            new Commune("69123", "69003", "Lyon"),
            new Commune("44109", "44000", "Nantes"),
            new Commune("44184", "44600", "Saint-Nazaire"),
            new Commune("49007", "49000", "Angers"),
            new Commune("53130", "53000", "Laval"),
            new Commune("72181", "72000", "Le Mans"),
            new Commune("14118", "14000", "Caen"),
            new Commune("50129", "50100", "Cherbourg-en-Cotentin"),
            new Commune("37261", "37000", "Tours"),
            new Commune("45234", "45000", "Orléans"),
            new Commune("33063", "33000", "Bordeaux"),
            new Commune("31555", "31000", "Toulouse"),
            new Commune("13055", "13008", "Marseille"),
            new Commune("59350", "59000", "Lille"),
            new Commune("67482", "67000", "Strasbourg"),
            new Commune("76540", "76000", "Rouen"),
            new Commune("63113", "63000", "Clermont-Ferrand"));

    static final List<Commune> OVERSEAS = List.of(
            new Commune("97411", "97400", "Saint-Denis"),
            new Commune("97209", "97200", "Fort-de-France"),
            new Commune("97120", "97110", "Pointe-à-Pitre"));

    static final List<Commune> CORSICA = List.of(
            new Commune("2A004", "20000", "Ajaccio"),
            new Commune("2B033", "20200", "Bastia"));

    private Geography() {
    }
}
