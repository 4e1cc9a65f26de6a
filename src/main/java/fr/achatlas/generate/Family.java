package fr.achatlas.generate;

/**
 * Purchase families used to draw amounts, suppliers and objects. The median and spread of the log-normal amount are
 * per family because a fuel supply contract and a collège construction do not live on the same scale.
 */
enum Family {
    BUILDING(380_000, 1.05, "4120B", "Travaux", false, false),
    HOUSING(320_000, 0.95, "4399C", "Travaux", false, false),
    ROADS(260_000, 1.05, "4211Z", "Travaux", false, false),
    NETWORKS(300_000, 1.0, "4221Z", "Travaux", false, false),
    GREEN_SPACES(85_000, 0.85, "8130Z", "Fournitures courantes et services", false, true),
    ENERGY(900_000, 0.9, "3514Z", "Fournitures courantes et services", true, false),
    FUEL(280_000, 0.8, "4671Z", "Fournitures courantes et services", true, false),
    FOOD(95_000, 0.8, "4639B", "Fournitures courantes et services", false, false),
    CATERING(380_000, 0.9, "5629A", "Fournitures courantes et services", false, true),
    PRINTING(55_000, 0.7, "1812Z", "Fournitures courantes et services", false, true),
    MAIL(85_000, 0.7, "5310Z", "Fournitures courantes et services", false, true),
    OFFICE(48_000, 0.6, "4666Z", "Fournitures courantes et services", true, false),
    IT(160_000, 1.0, "6202A", "Techniques de l'information et de la communication", true, false),
    TELECOM(150_000, 0.8, "6110Z", "Techniques de l'information et de la communication", true, false),
    MEDICAL(210_000, 1.05, "4646Z", "Fournitures courantes et services", false, false),
    HOSPITAL(300_000, 1.0, "4120B", "Travaux", false, false),
    VEHICLES(120_000, 0.8, "4511Z", "Fournitures courantes et services", false, false),
    FIRE(240_000, 0.9, "2920Z", "Marchés industriels", false, false),
    CLOTHING(52_000, 0.6, "1412Z", "Fournitures courantes et services", false, false),
    FURNITURE(62_000, 0.7, "3101Z", "Fournitures courantes et services", false, false),
    CLEANING(125_000, 0.9, "8121Z", "Fournitures courantes et services", false, true),
    MAINTENANCE(120_000, 0.9, "4322B", "Fournitures courantes et services", false, false),
    TRANSPORT(320_000, 1.0, "4939A", "Fournitures courantes et services", false, false),
    INSURANCE(150_000, 0.9, "6512Z", "Pas de CCAG", true, false),
    ENGINEERING(90_000, 0.9, "7112B", "Prestations intellectuelles", false, false),
    CONSULTING(62_000, 0.7, "7022Z", "Prestations intellectuelles", false, false),
    TRAINING(45_000, 0.6, "8559A", "Prestations intellectuelles", false, false),
    SOCIAL(160_000, 0.9, "8810A", "Fournitures courantes et services", false, true),
    CULTURE(50_000, 0.8, "9001Z", "Fournitures courantes et services", false, false),
    WASTE(800_000, 1.0, "3811Z", "Fournitures courantes et services", false, true),
    WATER(210_000, 1.0, "3600Z", "Fournitures courantes et services", false, false),
    LAUNDRY(90_000, 0.7, "9601A", "Fournitures courantes et services", false, true),
    SECURITY(105_000, 0.7, "8010Z", "Fournitures courantes et services", false, false),
    PARKING(250_000, 0.8, "5221Z", "Fournitures courantes et services", false, false);

    final double medianEuros;
    final double sigma;
    final String naf;
    final String ccag;
    /** Bought through groupements de commandes between the territory's buyers. */
    final boolean jointPurchase;
    /** Families where ESAT, EA and SIAE really operate (green spaces, cleaning, laundry, catering, printing, mail…). */
    final boolean inclusive;

    Family(double medianEuros, double sigma, String naf, String ccag, boolean jointPurchase, boolean inclusive) {
        this.medianEuros = medianEuros;
        this.sigma = sigma;
        this.naf = naf;
        this.ccag = ccag;
        this.jointPurchase = jointPurchase;
        this.inclusive = inclusive;
    }
}
