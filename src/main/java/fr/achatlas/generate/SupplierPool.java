package fr.achatlas.generate;

import fr.achatlas.generate.Geography.Commune;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The pool of fictional companies that hold the territory's contracts. Mostly local SMEs, a layer of regional and
 * national ETI, a few large groups that concentrate energy, telecoms, insurance, fuel and waste, a handful of foreign
 * firms, and sheltered/integration structures (ESAT, EA, SIAE) in the families where they really work.
 */
final class SupplierPool {

    /** Share of suppliers per family (percent, roughly the number of distinct holders a territory sees). */
    private static final String FAMILY_SHARES = "BUILDING:14,HOUSING:6,ROADS:8,NETWORKS:5,GREEN_SPACES:6,ENERGY:1,FUEL:1,"
            + "FOOD:3,CATERING:3,PRINTING:3,MAIL:1,OFFICE:3,IT:7,TELECOM:1.5,MEDICAL:6,HOSPITAL:1,VEHICLES:4,FIRE:2,"
            + "CLOTHING:2,FURNITURE:2,CLEANING:5,MAINTENANCE:6,TRANSPORT:3,INSURANCE:1,ENGINEERING:7,CONSULTING:4,"
            + "TRAINING:3,SOCIAL:3,CULTURE:3,WASTE:2,WATER:1,LAUNDRY:1,SECURITY:2,PARKING:0.5";

    /** Families dominated by large groups in real procurement data. */
    private static final Set<Family> CONCENTRATED = Set.of(Family.ENERGY, Family.TELECOM, Family.INSURANCE, Family.FUEL,
            Family.WASTE, Family.MAIL, Family.PARKING, Family.WATER);

    private static final String[] SURNAMES = {"Le Goff", "Le Gall", "Tanguy", "Rolland", "Gautier", "Hamon", "Lebreton",
            "Morvan", "Le Roux", "Guillou", "Jégou", "Kerhervé", "Le Bihan", "Pichon", "Martin", "Bernard", "Petit", "Durand",
            "Lefebvre", "Moreau", "Garnier", "Chevalier", "Perrin", "Robin", "Renaud", "Colin", "Leroy", "Marchand",
            "Barbier", "Lemoine", "Bouvier", "Hervé", "Daniel", "Riou", "Briand", "Cadiou", "Quéré", "Salaün", "Le Corre",
            "Thomas", "Guérin", "Poirier", "Texier", "Jouan", "Rouxel", "Gicquel", "Lucas", "Fouéré", "Pellan", "Besnard"};
    private static final String[] PLACES = {"Armor", "Émeraude", "Vilaine", "Brocéliande", "Ouest", "Atlantique", "Rance",
            "Seiche", "Arvor", "Iroise", "Horizon", "Avenir", "Haute-Bretagne", "Grand Ouest", "Bocage", "Couesnon"};
    private static final String[] GROUP_STEMS = {"Nexalis", "Orvea", "Sofrane", "Altéo", "Veridis", "Caprea", "Helvane",
            "Europa", "Trivane", "Solvéa", "Arcadis", "Maelis", "Ondéa", "Quadrance", "Sentinel", "Logica"};
    private static final String[] PME_FORMS = {"SAS", "SARL", "SARL", "SAS", "EURL", "SA"};

    private static final Map<Family, String[]> ACTIVITY = new EnumMap<>(Family.class);

    static {
        ACTIVITY.put(Family.BUILDING, new String[]{"Bâtiment", "Construction", "Charpente", "Menuiserie", "Maçonnerie", "Couverture", "Plâtrerie", "Peinture"});
        ACTIVITY.put(Family.HOUSING, new String[]{"Rénovation", "Isolation", "Menuiseries", "Habitat Services", "Plomberie Chauffage"});
        ACTIVITY.put(Family.ROADS, new String[]{"TP", "Travaux Publics", "Routes", "Enrobés", "Signalisation", "Terrassement"});
        ACTIVITY.put(Family.NETWORKS, new String[]{"Canalisations", "Réseaux", "Assainissement", "VRD", "Forages"});
        ACTIVITY.put(Family.GREEN_SPACES, new String[]{"Paysages", "Espaces Verts", "Jardins", "Élagage", "Pépinières"});
        ACTIVITY.put(Family.ENERGY, new String[]{"Énergie", "Électricité", "Gaz", "Énergies"});
        ACTIVITY.put(Family.FUEL, new String[]{"Carburants", "Pétroles", "Distribution"});
        ACTIVITY.put(Family.FOOD, new String[]{"Primeurs", "Boulangerie", "Viandes", "Laiterie", "Alimentation"});
        ACTIVITY.put(Family.CATERING, new String[]{"Restauration", "Cuisine Collective", "Traiteur", "Repas Services"});
        ACTIVITY.put(Family.PRINTING, new String[]{"Imprimerie", "Reprographie", "Communication", "Graphique"});
        ACTIVITY.put(Family.MAIL, new String[]{"Courrier", "Routage", "Express"});
        ACTIVITY.put(Family.OFFICE, new String[]{"Bureautique", "Fournitures", "Papeterie"});
        ACTIVITY.put(Family.IT, new String[]{"Informatique", "Systèmes", "Logiciels", "Numérique", "Data"});
        ACTIVITY.put(Family.TELECOM, new String[]{"Télécom", "Réseaux Mobiles", "Connect"});
        ACTIVITY.put(Family.MEDICAL, new String[]{"Médical", "Pharma", "Santé", "Biomédical"});
        ACTIVITY.put(Family.HOSPITAL, new String[]{"Hospitalier Bâtiment", "Santé Services"});
        ACTIVITY.put(Family.VEHICLES, new String[]{"Automobiles", "Garage", "Poids Lourds", "Pneus"});
        ACTIVITY.put(Family.FIRE, new String[]{"Sécurité Incendie", "Équipements Secours", "Carrosserie Industrielle"});
        ACTIVITY.put(Family.CLOTHING, new String[]{"Vêtements Pro", "Textile", "Protection"});
        ACTIVITY.put(Family.FURNITURE, new String[]{"Mobilier", "Agencement", "Équipement"});
        ACTIVITY.put(Family.CLEANING, new String[]{"Nettoyage", "Propreté", "Hygiène", "Multiservices"});
        ACTIVITY.put(Family.MAINTENANCE, new String[]{"Maintenance", "Génie Climatique", "Électricité", "Ascenseurs", "Thermique"});
        ACTIVITY.put(Family.TRANSPORT, new String[]{"Transports", "Autocars", "Voyages", "Mobilités"});
        ACTIVITY.put(Family.INSURANCE, new String[]{"Assurances", "Mutuelle", "Courtage"});
        ACTIVITY.put(Family.ENGINEERING, new String[]{"Ingénierie", "Architecture", "Bureau d'Études", "Géomètres", "Contrôle"});
        ACTIVITY.put(Family.CONSULTING, new String[]{"Conseil", "Avocats", "Audit", "Stratégie"});
        ACTIVITY.put(Family.TRAINING, new String[]{"Formation", "Compétences", "Institut"});
        ACTIVITY.put(Family.SOCIAL, new String[]{"Aide à Domicile", "Accompagnement", "Solidarité", "Services à la Personne"});
        ACTIVITY.put(Family.CULTURE, new String[]{"Productions", "Spectacles", "Événements", "Artifices"});
        ACTIVITY.put(Family.WASTE, new String[]{"Environnement", "Recyclage", "Collecte", "Valorisation"});
        ACTIVITY.put(Family.WATER, new String[]{"Eaux", "Laboratoire", "Hydraulique"});
        ACTIVITY.put(Family.LAUNDRY, new String[]{"Blanchisserie", "Pressing", "Linge Services"});
        ACTIVITY.put(Family.SECURITY, new String[]{"Sécurité", "Gardiennage", "Surveillance"});
        ACTIVITY.put(Family.PARKING, new String[]{"Parkings", "Stationnement", "Mobilité"});
    }

    private static final String[][] FOREIGN = {
            {"BE", "TVA"}, {"DE", "TVA"}, {"ES", "TVA"}, {"LU", "TVA"}, {"IT", "TVA"}, {"CH", "HORS-UE"}, {"GB", "HORS-UE"}};

    private final List<Supplier> all;
    private final Map<Family, List<Supplier>> byFamily = new EnumMap<>(Family.class);

    private SupplierPool(List<Supplier> all) {
        this.all = List.copyOf(all);
        for (Supplier s : all) byFamily.computeIfAbsent(Family.valueOf(s.family()), f -> new ArrayList<>()).add(s);
    }

    List<Supplier> all() {
        return all;
    }

    List<Supplier> of(Family family) {
        return byFamily.getOrDefault(family, List.of());
    }

    static SupplierPool generate(int count, RandomGenerator rnd) {
        WeightedChoice<Family> families = WeightedChoice.parse(Family.class, FAMILY_SHARES);
        List<Supplier> out = new ArrayList<>(count);
        Set<String> names = new HashSet<>();
        Set<String> ids = new HashSet<>();
        // Every family gets at least a few suppliers so that no contract lacks a plausible holder.
        List<Family> plan = new ArrayList<>();
        for (Family f : Family.values()) for (int i = 0; i < 4; i++) plan.add(f);
        while (plan.size() < count) plan.add(families.pick(rnd));
        for (Family family : plan) {
            Supplier s = one(family, rnd, names);
            while (!ids.add(s.id())) s = one(family, rnd, names);
            out.add(s);
        }
        return new SupplierPool(out);
    }

    private static Supplier one(Family family, RandomGenerator rnd, Set<String> names) {
        boolean concentrated = CONCENTRATED.contains(family);
        double u = rnd.nextDouble();
        String size = concentrated
                ? (u < 0.5 ? "GE" : u < 0.8 ? "ETI" : "PME")
                : (u < 0.065 ? "GE" : u < 0.205 ? "ETI" : "PME");
        String inclusion = null;
        if (family.inclusive && "PME".equals(size) && rnd.nextDouble() < 0.10) {
            double v = rnd.nextDouble();
            inclusion = v < 0.30 ? "ESAT" : v < 0.55 ? "EA" : v < 0.70 ? "ACI" : v < 0.85 ? "EI" : v < 0.93 ? "AI" : "ETTI";
        }
        // Location: local SMEs, national groups (see the class comment and docs/generator.md for the target mix).
        double w = rnd.nextDouble();
        double[] cut = switch (size) {
            case "GE" -> new double[]{0.15, 0.25, 0.95, 0.95, 0.95};
            case "ETI" -> new double[]{0.40, 0.65, 0.98, 0.98, 0.98};
            default -> new double[]{0.63, 0.84, 0.983, 0.995, 0.997};
        };
        if (inclusion != null) cut = new double[]{0.85, 1.0, 1.0, 1.0, 1.0};
        Commune commune;
        String country = "FR";
        if (w < cut[0]) commune = pick(Geography.LOCAL, rnd);
        else if (w < cut[1]) commune = pick(Geography.REGIONAL, rnd);
        else if (w < cut[2]) commune = pick(Geography.NATIONAL, rnd);
        else if (w < cut[3]) commune = pick(Geography.OVERSEAS, rnd);
        else if (w < cut[4]) commune = pick(Geography.CORSICA, rnd);
        else commune = null;

        String name = uniqueName(family, size, inclusion, commune, rnd, names);
        boolean ess = inclusion != null && !"EI".equals(inclusion) && !"ETTI".equals(inclusion)
                || rnd.nextDouble() < 0.03;
        if (ess && inclusion == null) name = "SCOP " + name;
        String naf = switch (inclusion == null ? "" : inclusion) {
            case "ESAT" -> "8810C";
            case "ACI", "AI" -> "8899B";
            case "ETTI" -> "7820Z";
            default -> family.naf;
        };
        if (commune == null) {
            String[] f = FOREIGN[rnd.nextInt(FOREIGN.length)];
            country = f[0];
            String id = switch (country) {
                case "BE" -> "BE0" + Ids.digits(9, rnd);
                case "DE" -> "DE" + Ids.digits(9, rnd);
                case "ES" -> "ESB" + Ids.digits(8, rnd);
                case "LU" -> "LU" + Ids.digits(8, rnd);
                case "IT" -> "IT" + Ids.digits(11, rnd);
                case "CH" -> "CHE" + Ids.digits(9, rnd);
                default -> "GB" + Ids.digits(9, rnd);
            };
            return new Supplier(id, f[1], name, null, null, null, null, country, size, null, false, null, family.name());
        }
        // French SIREN of companies start with 3 to 9; NIC 00010-00099 as for a company's first establishments.
        String siren = Ids.siren(String.valueOf(3 + rnd.nextInt(7)), rnd);
        String siret = Ids.siret(siren, 1 + rnd.nextInt(9) * (rnd.nextInt(4) == 0 ? 3 : 1));
        return new Supplier(siret, "SIRET", name, commune.insee(), commune.name(), commune.postcode(), commune.departement(),
                country, size, naf, ess, inclusion, family.name());
    }

    private static String uniqueName(Family family, String size, String inclusion, Commune commune, RandomGenerator rnd,
                                     Set<String> names) {
        String[] acts = ACTIVITY.get(family);
        for (int attempt = 0; ; attempt++) {
            String act = acts[rnd.nextInt(acts.length)];
            String surname = SURNAMES[rnd.nextInt(SURNAMES.length)];
            String place = PLACES[rnd.nextInt(PLACES.length)];
            String name;
            if (inclusion != null) {
                name = switch (inclusion) {
                    case "ESAT" -> "ESAT Les Ateliers " + place;
                    case "EA" -> "EA " + place + " " + act;
                    case "ACI" -> "Chantier d'insertion " + act + " " + place;
                    case "EI" -> place + " Insertion " + act;
                    case "AI" -> "Association intermédiaire " + place + " Emploi";
                    default -> "ETTI Intérim Solidaire " + place;
                };
            } else if ("GE".equals(size)) {
                name = GROUP_STEMS[rnd.nextInt(GROUP_STEMS.length)] + " " + act + (rnd.nextBoolean() ? " France" : "") + " SA";
            } else {
                String form = PME_FORMS[rnd.nextInt(PME_FORMS.length)];
                name = switch (rnd.nextInt(5)) {
                    case 0 -> surname + " " + act + " " + form;
                    case 1 -> act + " " + place + " " + form;
                    case 2 -> "Ets " + surname;
                    case 3 -> surname + " et Fils " + form;
                    default -> place + " " + act + " " + form;
                };
            }
            if (attempt > 3 && commune != null) name = name + " " + commune.name();
            if (attempt > 6) name = name + " " + (attempt - 5);
            if (names.add(name)) return name;
        }
    }

    private static <T> T pick(List<T> list, RandomGenerator rnd) {
        return list.get(rnd.nextInt(list.size()));
    }
}
