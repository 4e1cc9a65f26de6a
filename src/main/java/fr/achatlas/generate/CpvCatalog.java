package fr.achatlas.generate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-written table of real CPV 2008 codes (with check digit) and their official French labels, each tied to a
 * purchase family and to a realistic purchase object. Written from knowledge of the nomenclature; a test checks every
 * code and label against the official CPV file in ../shared (never copied here).
 */
final class CpvCatalog {

    /** One CPV code as used by the generator. {@code objectStem} is the start of a realistic "objet du marché". */
    record CpvEntry(String code, String label, Family family, String objectStem) {
        /** The 8 digits without the check digit. */
        String code8() {
            return code.substring(0, 8);
        }

        /** Travaux (division 45), Fournitures (divisions up to 44 and 48) or Services. */
        String marketType() {
            int division = Integer.parseInt(code.substring(0, 2));
            if (division == 45) return "Travaux";
            if (division <= 44 || division == 48) return "Fournitures";
            return "Services";
        }
    }

    private static final String[] TABLE = {
            "45000000-7|Travaux de construction|BUILDING|Travaux de construction",
            "45111000-8|Travaux de démolition, travaux de préparation et de dégagement de chantier|BUILDING|Travaux de démolition et de désamiantage",
            "45112000-5|Travaux de fouille et de terrassement|ROADS|Travaux de terrassement",
            "45112700-2|Travaux d'aménagement paysager|GREEN_SPACES|Aménagement paysager",
            "45112710-5|Travaux d'aménagement paysager d'espaces verts|GREEN_SPACES|Aménagement des espaces verts",
            "45210000-2|Travaux de construction de bâtiments|BUILDING|Construction",
            "45211340-4|Travaux de construction d'immeubles collectifs|HOUSING|Construction de logements collectifs",
            "45214200-2|Travaux de construction de bâtiments scolaires|BUILDING|Construction d'un groupe scolaire",
            "45214210-5|Travaux de construction d'écoles primaires|BUILDING|Extension de l'école élémentaire",
            "45215140-0|Travaux de construction d'équipements hospitaliers|HOSPITAL|Restructuration de l'unité de soins",
            "45216121-8|Travaux de construction de centres de secours des sapeurs-pompiers|FIRE|Construction du centre d'incendie et de secours",
            "45212212-5|Travaux de construction de piscines|BUILDING|Réhabilitation de la piscine",
            "45221111-3|Travaux de construction de ponts routiers|ROADS|Reconstruction d'un pont routier",
            "45231300-8|Travaux de construction de conduites d'eau et de canalisations d'eaux usées à grande distance|NETWORKS|Renouvellement des réseaux d'eau et d'assainissement",
            "45232150-8|Travaux relatifs aux conduites d'alimentation en eau|NETWORKS|Renouvellement des conduites d'eau potable",
            "45232400-6|Travaux de construction d'égouts|NETWORKS|Extension du réseau d'eaux usées",
            "45232410-9|Travaux d'assainissement|NETWORKS|Travaux d'assainissement",
            "45233140-2|Travaux routiers|ROADS|Travaux de voirie",
            "45233141-9|Travaux d'entretien routier|ROADS|Entretien des routes départementales",
            "45233142-6|Travaux de réparation de routes|ROADS|Réparation de chaussées",
            "45233220-7|Travaux de revêtement de routes|ROADS|Renouvellement des couches de roulement",
            "45233252-0|Travaux de revêtement de rues|ROADS|Réfection des revêtements de rues",
            "45233290-8|Installation de panneaux de signalisation|ROADS|Signalisation horizontale et verticale",
            "45236110-4|Travaux de nivelage de terrains de sports|BUILDING|Création d'un terrain de football synthétique",
            "45261210-9|Travaux de couverture|BUILDING|Réfection de la couverture",
            "45262522-6|Travaux de maçonnerie|BUILDING|Travaux de maçonnerie",
            "45262700-8|Travaux de transformation de bâtiments|BUILDING|Réhabilitation",
            "45310000-3|Travaux d'équipement électrique|BUILDING|Travaux d'électricité",
            "45316110-9|Installation de matériel d'éclairage public|ROADS|Rénovation de l'éclairage public",
            "45321000-3|Travaux d'isolation thermique|HOUSING|Isolation thermique par l'extérieur",
            "45330000-9|Travaux de plomberie|BUILDING|Travaux de plomberie et sanitaires",
            "45331000-6|Travaux d'installation de matériel de chauffage, de ventilation et de climatisation|BUILDING|Remplacement des installations de chauffage et de ventilation",
            "45343000-3|Travaux d'installation de dispositifs de prévention contre les incendies|BUILDING|Mise en sécurité incendie",
            "45313100-5|Travaux d'installation d'ascenseurs|HOUSING|Remplacement des ascenseurs",
            "45410000-4|Travaux de plâtrerie|BUILDING|Cloisons et plâtrerie",
            "45421000-4|Travaux de menuiserie|BUILDING|Menuiseries intérieures",
            "45421100-5|Pose de portes et de fenêtres et d'éléments accessoires|HOUSING|Remplacement des menuiseries extérieures",
            "45432100-5|Travaux de pose de revêtements de sols|BUILDING|Revêtements de sols souples",
            "45442100-8|Travaux de peinture|BUILDING|Travaux de peinture",
            "45453000-7|Travaux de remise en état et de remise à neuf|HOUSING|Remise en état de logements vacants",
            "45454000-4|Travaux de restructuration|BUILDING|Restructuration",
            "09134100-8|Huile diesel|FUEL|Fourniture de gazole",
            "09132100-4|Essence sans plomb|FUEL|Fourniture de carburants",
            "09310000-5|Électricité|ENERGY|Fourniture d'électricité",
            "09123000-7|Gaz naturel|ENERGY|Fourniture de gaz naturel",
            "09135100-5|Fioul domestique|ENERGY|Fourniture de fioul domestique",
            "15100000-9|Produits de l'élevage, viande et produits à base de viande|FOOD|Fourniture de viandes et produits carnés",
            "15500000-3|Produits laitiers|FOOD|Fourniture de produits laitiers",
            "15811000-6|Produits de panification|FOOD|Fourniture de pain et viennoiseries",
            "15300000-1|Fruits, légumes et produits connexes|FOOD|Fourniture de fruits et légumes frais",
            "15800000-6|Produits alimentaires divers|FOOD|Fourniture de denrées alimentaires d'épicerie",
            "15894210-6|Repas pour écoles|CATERING|Fourniture de repas en liaison froide pour la restauration scolaire",
            "22100000-1|Livres, brochures et dépliants imprimés|PRINTING|Impression de brochures et dépliants",
            "22110000-4|Livres imprimés|CULTURE|Acquisition de livres pour le réseau des médiathèques",
            "22200000-2|Journaux, revues spécialisées, périodiques et magazines|OFFICE|Abonnements à des périodiques",
            "22458000-5|Imprimés sur commande|PRINTING|Impression des documents administratifs",
            "22462000-6|Imprimés publicitaires|PRINTING|Supports de communication",
            "30192000-1|Fournitures de bureau|OFFICE|Fourniture de petites fournitures de bureau",
            "30197643-5|Papier pour photocopie|OFFICE|Fourniture de papier de reprographie",
            "30199000-0|Articles de papeterie et autres articles en papier|OFFICE|Fournitures scolaires et papeterie",
            "30200000-1|Matériel et fournitures informatiques|IT|Fourniture de matériel informatique",
            "30213000-5|Ordinateurs personnels|IT|Acquisition de postes de travail",
            "30213100-6|Ordinateurs portables|IT|Acquisition d'ordinateurs portables",
            "30232110-8|Imprimantes laser|IT|Fourniture d'imprimantes",
            "30121100-4|Photocopieurs|OFFICE|Location et maintenance de copieurs multifonctions",
            "33100000-1|Équipements médicaux|MEDICAL|Acquisition d'équipements médicaux",
            "33140000-3|Consommables médicaux|MEDICAL|Fourniture de consommables médicaux",
            "33141000-0|Consommables médicaux autres que chimiques à usage unique et consommables hématologiques|MEDICAL|Fourniture de dispositifs médicaux stériles à usage unique",
            "33600000-6|Produits pharmaceutiques|MEDICAL|Fourniture de produits pharmaceutiques",
            "33690000-3|Médicaments divers|MEDICAL|Fourniture de médicaments",
            "33111000-1|Appareils de radiographie|MEDICAL|Acquisition d'un équipement d'imagerie",
            "33192000-2|Mobilier médical|MEDICAL|Fourniture de lits médicalisés et mobilier médical",
            "33760000-5|Papier hygiénique, mouchoirs, essuie-mains et serviettes de table|CLEANING|Fourniture d'articles d'hygiène en papier",
            "34110000-1|Voitures particulières|VEHICLES|Acquisition de véhicules légers",
            "34136000-9|Fourgons intégrés|VEHICLES|Acquisition de véhicules utilitaires",
            "34144210-3|Véhicules de lutte contre l'incendie|FIRE|Acquisition de fourgons pompe-tonne",
            "34144511-3|Bennes à ordures|WASTE|Acquisition de bennes de collecte des ordures ménagères",
            "34144900-7|Véhicules électriques|VEHICLES|Acquisition de véhicules électriques",
            "34350000-5|Pneus pour charges légères et lourdes|VEHICLES|Fourniture de pneumatiques",
            "34300000-0|Pièces détachées et accessoires pour véhicules et moteurs de véhicules|VEHICLES|Fourniture de pièces détachées pour véhicules",
            "34928000-8|Mobilier routier|ROADS|Fourniture de mobilier urbain",
            "34992000-7|Panneaux de signalisation et panneaux de signalisation lumineux|ROADS|Fourniture de panneaux de signalisation",
            "35110000-8|Équipement de lutte contre l'incendie, de sauvetage et de sécurité|FIRE|Fourniture de matériel de secours et de lutte contre l'incendie",
            "35113400-3|Vêtements de protection et de sécurité|FIRE|Fourniture de tenues de protection des sapeurs-pompiers",
            "18110000-3|Vêtements professionnels|CLOTHING|Fourniture de vêtements de travail",
            "18800000-7|Articles chaussants|CLOTHING|Fourniture de chaussures de sécurité",
            "39130000-2|Mobilier de bureau|FURNITURE|Fourniture de mobilier de bureau",
            "39160000-1|Mobilier scolaire|FURNITURE|Fourniture de mobilier scolaire",
            "39830000-9|Produits de nettoyage|CLEANING|Fourniture de produits d'entretien",
            "39310000-8|Équipement de restauration|CATERING|Fourniture d'équipements de cuisine professionnelle",
            "44113620-7|Asphalte|ROADS|Fourniture d'enrobés",
            "44160000-9|Pipelines, tuyauterie, conduites, gainage, tubage et articles connexes|NETWORKS|Fourniture de canalisations et pièces de fontainerie",
            "44613700-7|Bennes à déchets|WASTE|Fourniture de conteneurs et bacs roulants",
            "31500000-1|Appareils d'éclairage et lampes électriques|ROADS|Fourniture de luminaires d'éclairage public",
            "37535200-9|Équipements pour terrain de jeux|GREEN_SPACES|Fourniture et pose de jeux pour enfants",
            "03451000-6|Plantes|GREEN_SPACES|Fourniture de végétaux",
            "03452000-3|Arbres|GREEN_SPACES|Fourniture d'arbres et arbustes",
            "16311000-8|Tondeuses à gazon|GREEN_SPACES|Acquisition de matériel motorisé d'entretien des espaces verts",
            "48000000-8|Logiciels et systèmes d'information|IT|Acquisition d'un progiciel de gestion",
            "48600000-4|Logiciels de bases de données et d'exploitation|IT|Licences de logiciels",
            "32250000-0|Téléphones mobiles|TELECOM|Fourniture de terminaux de téléphonie mobile",
            "19640000-4|Sacs et sachets à ordures en polyéthylène|CLEANING|Fourniture de sacs poubelle",
            "50110000-9|Services de réparation et d'entretien de véhicules à moteur et d'équipements connexes|VEHICLES|Entretien et réparation du parc de véhicules",
            "50232100-1|Services d'entretien de l'éclairage public|ROADS|Maintenance de l'éclairage public",
            "50413200-5|Services de réparation et d'entretien d'installations d'extinction d'incendie|MAINTENANCE|Vérification et maintenance des extincteurs",
            "50421000-2|Services de réparation et d'entretien de matériel médical|MEDICAL|Maintenance des équipements biomédicaux",
            "50700000-2|Services de réparation et d'entretien d'installations de bâtiments|MAINTENANCE|Maintenance multitechnique des bâtiments",
            "50710000-5|Services de réparation et d'entretien d'installations électriques et mécaniques de bâtiment|MAINTENANCE|Maintenance des installations électriques",
            "50720000-8|Services de réparation et d'entretien de chauffage central|MAINTENANCE|Exploitation et maintenance des installations de chauffage",
            "50750000-7|Services d'entretien d'ascenseurs|MAINTENANCE|Maintenance des ascenseurs",
            "50312000-5|Maintenance et réparation de matériel informatique|IT|Maintenance du parc informatique",
            "55321000-6|Services de préparation de repas|CATERING|Préparation et livraison de repas",
            "55520000-1|Services traiteur|CATERING|Prestations de traiteur pour les réceptions",
            "55523100-3|Services de restauration scolaire|CATERING|Restauration scolaire",
            "60112000-6|Services de transport routier public|TRANSPORT|Exploitation de lignes de transport public",
            "60130000-8|Services spécialisés de transport routier de passagers|TRANSPORT|Transport scolaire et périscolaire",
            "60140000-1|Transport non régulier de passagers|TRANSPORT|Transports occasionnels en autocar",
            "64110000-0|Services postaux|MAIL|Collecte, affranchissement et distribution du courrier",
            "64210000-1|Services de téléphonie et de transmission de données|TELECOM|Services de téléphonie fixe et d'accès internet",
            "64212000-5|Services de téléphonie mobile|TELECOM|Services de téléphonie mobile",
            "66510000-8|Services d'assurance|INSURANCE|Prestations d'assurance",
            "66514110-0|Services d'assurance de véhicules à moteur|INSURANCE|Assurance de la flotte automobile",
            "66516000-0|Services d'assurance responsabilité civile|INSURANCE|Assurance responsabilité civile",
            "71200000-0|Services d'architecture|ENGINEERING|Maîtrise d'œuvre",
            "71221000-3|Services d'architecte pour les bâtiments|ENGINEERING|Mission de maîtrise d'œuvre pour la construction",
            "71300000-1|Services d'ingénierie|ENGINEERING|Prestations d'ingénierie",
            "71310000-4|Services de conseil en matière d'ingénierie et de construction|ENGINEERING|Assistance à maîtrise d'ouvrage",
            "71317210-8|Services de conseil en matière de santé et de sécurité|ENGINEERING|Coordination en matière de sécurité et de protection de la santé",
            "71351810-4|Services topographiques|ENGINEERING|Levés topographiques et détection de réseaux",
            "71410000-5|Services d'urbanisme|ENGINEERING|Étude urbaine et accompagnement du PLUi",
            "71520000-9|Services de conduite des travaux|ENGINEERING|Contrôle technique des travaux",
            "71631000-0|Services d'inspection technique|MAINTENANCE|Vérifications périodiques réglementaires",
            "71900000-7|Services de laboratoire|WATER|Analyses de laboratoire",
            "72200000-7|Services de programmation et de conseil en logiciels|IT|Développement et évolution d'applications",
            "72261000-2|Services d'assistance relative aux logiciels|IT|Assistance et maintenance des logiciels métiers",
            "72267000-4|Services de maintenance et de réparation de logiciels|IT|Maintenance des logiciels",
            "72400000-4|Services internet|IT|Refonte et hébergement du site internet",
            "72500000-0|Services informatiques|IT|Infogérance et services informatiques",
            "72600000-6|Services d'assistance et de conseils informatiques|IT|Assistance informatique",
            "77310000-6|Réalisation et entretien d'espaces verts|GREEN_SPACES|Entretien des espaces verts",
            "77313000-7|Services d'entretien de parcs|GREEN_SPACES|Entretien des parcs et jardins",
            "77211500-7|Services d'élagage|GREEN_SPACES|Entretien du patrimoine arboré",
            "77340000-5|Élagage des arbres et taille des haies|GREEN_SPACES|Élagage et taille des haies",
            "79110000-8|Services de conseils et de représentation juridiques|CONSULTING|Assistance juridique et représentation en justice",
            "79210000-9|Services de comptabilité et d'audit|CONSULTING|Audit financier",
            "79410000-1|Services de conseil en affaires et en gestion|CONSULTING|Mission de conseil en organisation",
            "79341000-6|Services de publicité|PRINTING|Insertion d'annonces et campagnes de communication",
            "79530000-8|Services de traduction|CONSULTING|Prestations de traduction",
            "79600000-0|Services de recrutement|CONSULTING|Accompagnement au recrutement",
            "79713000-5|Services de gardiennage|SECURITY|Gardiennage et surveillance des sites",
            "79714000-2|Services de surveillance|SECURITY|Télésurveillance des bâtiments",
            "79810000-5|Services d'impression|PRINTING|Impression du magazine d'information",
            "79952000-2|Services d'organisation d'événements|CULTURE|Organisation des festivités estivales",
            "79995100-6|Services d'archivage|OFFICE|Traitement et conservation des archives",
            "80510000-2|Services de formation spécialisée|TRAINING|Formations spécialisées des agents",
            "80530000-8|Services de formation professionnelle|TRAINING|Formation professionnelle",
            "85312000-9|Services sociaux sans hébergement|SOCIAL|Accompagnement social",
            "85320000-8|Services sociaux|SOCIAL|Prestations d'aide et d'accompagnement à domicile",
            "85140000-2|Services de santé divers|HOSPITAL|Prestations de santé",
            "90400000-1|Services des eaux usées|NETWORKS|Exploitation des ouvrages d'assainissement",
            "90470000-2|Services de curage des égouts|NETWORKS|Curage des réseaux d'eaux usées et pluviales",
            "90511000-2|Services de collecte des ordures|WASTE|Collecte des déchets ménagers et assimilés",
            "90512000-9|Services de transport des ordures ménagères|WASTE|Transport des déchets des déchèteries",
            "90513000-6|Services de traitement et d'élimination des ordures ménagères et des déchets non dangereux|WASTE|Traitement des déchets non dangereux",
            "90514000-3|Services de recyclage des ordures ménagères|WASTE|Tri et valorisation des emballages",
            "90524000-6|Services relatifs aux déchets médicaux|HOSPITAL|Collecte et traitement des déchets d'activités de soins",
            "90610000-6|Services de voirie et services de balayage des rues|CLEANING|Balayage mécanisé des voies",
            "90620000-9|Services de déneigement|ROADS|Viabilité hivernale",
            "90911200-8|Services de nettoyage de bâtiments|CLEANING|Nettoyage des locaux",
            "90911300-9|Services de nettoyage de vitres|CLEANING|Nettoyage de la vitrerie",
            "90919200-4|Services de nettoyage de bureaux|CLEANING|Nettoyage des bureaux",
            "90919300-5|Services de nettoyage des écoles|CLEANING|Nettoyage des écoles",
            "90921000-9|Services de désinfection et de désinfestation|CLEANING|Dératisation, désinsectisation et désinfection",
            "92312000-1|Services artistiques|CULTURE|Programmation artistique de la saison culturelle",
            "92360000-2|Services pyrotechniques|CULTURE|Tir du feu d'artifice du 14 juillet",
            "92620000-3|Services liés au sport|CULTURE|Animations sportives",
            "98310000-9|Services de blanchisserie et de nettoyage à sec|LAUNDRY|Entretien du linge",
            "98311000-6|Services de ramassage de linge|LAUNDRY|Location et entretien des vêtements de travail",
            "65100000-4|Distribution d'eau et services connexes|WATER|Exploitation du service de distribution d'eau potable",
            "65300000-6|Distribution d'électricité et services connexes|ENERGY|Acheminement et fourniture d'électricité",
            "63712400-7|Services de parc de stationnement|PARKING|Exploitation des parcs de stationnement",
            "73200000-4|Services de conseil en recherche et développement|CONSULTING|Étude de faisabilité",
            "51000000-9|Services d'installation (à l'exception des logiciels)|MAINTENANCE|Installation d'équipements",
    };

    private static final List<CpvEntry> ALL;
    private static final Map<Family, List<CpvEntry>> BY_FAMILY = new EnumMap<>(Family.class);

    static {
        List<CpvEntry> all = new ArrayList<>();
        for (String row : TABLE) {
            String[] p = row.split("\\|");
            CpvEntry e = new CpvEntry(p[0], p[1], Family.valueOf(p[2]), p[3]);
            all.add(e);
            BY_FAMILY.computeIfAbsent(e.family(), f -> new ArrayList<>()).add(e);
        }
        ALL = List.copyOf(all);
    }

    private CpvCatalog() {
    }

    static List<CpvEntry> all() {
        return ALL;
    }

    static List<CpvEntry> of(Family family) {
        return BY_FAMILY.getOrDefault(family, List.of());
    }
}
