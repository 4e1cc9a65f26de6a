package fr.achatlas.generate;

import fr.achatlas.generate.CpvCatalog.CpvEntry;
import fr.achatlas.generate.SyntheticContract.Change;
import fr.achatlas.generate.SyntheticContract.SubcontractAct;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Draws realistic contracts for one buyer: amounts log-normal per family, procedures by amount against the EU
 * thresholds of the year, durations, prices, offers, considerations, subcontracting and modifications at the rates
 * documented in docs/generator.md.
 */
final class ContractFactory {

    static final BigDecimal SMALL_THRESHOLD = BigDecimal.valueOf(40_000);

    private static final Map<BuyerKind, String[]> SITES = new EnumMap<>(BuyerKind.class);

    static {
        SITES.put(BuyerKind.DEPARTEMENT, new String[]{"du collège Anne de Bretagne", "du collège Les Gayeulles",
                "de la RD 177", "de la RD 837", "des routes départementales de l'agence de Redon",
                "des centres départementaux d'action sociale", "de l'hôtel du Département", "du collège de la Binquenais",
                "de l'agence départementale du pays de Vitré", "des aires de covoiturage"});
        SITES.put(BuyerKind.COMMUNAUTE_AGGLOMERATION, new String[]{"de la station d'épuration de la Vilaine",
                "du réseau de bus communautaire", "des déchèteries communautaires", "du centre aquatique communautaire",
                "de la zone d'activités de la Bihardais", "du pôle d'échanges multimodal", "des sites communautaires",
                "de l'hôtel d'agglomération"});
        String[] commune = {"du groupe scolaire Jean Moulin", "de la salle des sports du Pâtis", "de l'hôtel de ville",
                "de la médiathèque", "du parc de la Prévalaye", "du restaurant scolaire", "de l'école maternelle Les Lilas",
                "du centre technique municipal", "de l'espace culturel", "du complexe sportif", "des bâtiments communaux",
                "du cimetière paysager", "de la place de l'Église", "du centre-bourg"};
        SITES.put(BuyerKind.VILLE_CENTRE, commune);
        SITES.put(BuyerKind.COMMUNE, commune);
        SITES.put(BuyerKind.CCAS, new String[]{"de la résidence autonomie", "du foyer-logement Les Tilleuls",
                "du service de portage de repas à domicile", "de l'EHPAD municipal"});
        SITES.put(BuyerKind.CENTRE_HOSPITALIER, new String[]{"du pôle de gériatrie", "du bloc opératoire",
                "de l'EHPAD Les Charmilles", "du service des urgences", "du bâtiment de psychiatrie", "des unités de soins"});
        SITES.put(BuyerKind.OFFICE_HABITAT, new String[]{"de la résidence Les Hortensias (48 logements)",
                "du patrimoine du secteur Sud", "de 32 logements rue de la Poterie", "de la résidence Le Clos Joury",
                "de 24 logements individuels à Guichen", "des logements du quartier des Champs Bleus"});
        SITES.put(BuyerKind.SDIS, new String[]{"du centre d'incendie et de secours de Guichen", "des centres de secours",
                "de l'école départementale des sapeurs-pompiers", "de la direction départementale"});
        SITES.put(BuyerKind.SYNDICAT_MIXTE, new String[]{"du secteur Sud", "de l'unité de valorisation énergétique",
                "des quais de transfert", "du territoire syndical"});
    }

    private static final String[] LOT_LABELS = {"Gros œuvre", "Charpente", "Couverture", "Menuiseries extérieures",
            "Menuiseries intérieures", "Plâtrerie", "Électricité", "Plomberie – chauffage", "Peinture", "Revêtements de sols",
            "Voirie et réseaux divers", "Espaces verts", "Serrurerie", "Désamiantage"};

    private final RandomGenerator rnd;
    private final SupplierPool suppliers;
    private final Map<String, Integer> sequences = new java.util.HashMap<>();

    ContractFactory(RandomGenerator rnd, SupplierPool suppliers) {
        this.rnd = rnd;
        this.suppliers = suppliers;
    }

    /** Log-normal amount for a family, clamped to [cap floor, cap]. */
    BigDecimal drawAmount(Family family, double cap) {
        double a;
        if (rnd.nextDouble() < 0.08) {
            // Buyers publish some contracts below the 40 k€ obligation (voluntary transparency).
            a = 8_000 + rnd.nextDouble() * 32_000;
        } else {
            a = family.medianEuros * Math.exp(family.sigma * rnd.nextGaussian());
            a = Math.max(a, 40_000 + rnd.nextDouble() * 5_000);
        }
        a = Math.min(a, cap);
        BigDecimal bd = BigDecimal.valueOf(a);
        // Frameworks are often published with a round maximum; works with cents.
        if (rnd.nextDouble() < 0.35) return bd.divide(BigDecimal.valueOf(1000), 0, RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(1000)).setScale(2);
        return bd.setScale(2, RoundingMode.HALF_UP);
    }

    private LocalDate notifiedUntil;

    String nextId(Buyer buyer, int year) {
        int n = sequences.merge(buyer.siret() + year, 1, Integer::sum);
        int yy = year % 100;
        return switch (buyer.kind()) {
            case DEPARTEMENT -> year + "-DAJ-" + String.format("%04d", n);
            case COMMUNAUTE_AGGLOMERATION -> yy + "S" + String.format("%04d", n);
            case CENTRE_HOSPITALIER -> year + "MAR" + String.format("%03d", n);
            case OFFICE_HABITAT -> "OPH" + yy + "-" + String.format("%03d", n);
            case SDIS -> year + "SDIS" + String.format("%03d", n);
            case SYNDICAT_MIXTE -> "SM" + year + String.format("%03d", n);
            default -> year + "-" + String.format("%05d", n);
        };
    }

    SyntheticContract marche(Buyer buyer, int year, Family family, BigDecimal amount, String id, String forcedObject,
                             List<Supplier> forcedHolders, boolean joint) {
        List<CpvEntry> entries = CpvCatalog.of(family);
        CpvEntry cpv = entries.get(rnd.nextInt(entries.size()));
        String type = cpv.marketType();
        boolean works = "Travaux".equals(type);

        String object = forcedObject != null ? forcedObject : object(buyer, cpv, works);
        LocalDate notification = businessDay(year);
        LocalDate publication = published(notification.plusDays(3 + rnd.nextInt(55)));

        boolean framework = !works && rnd.nextDouble() < 0.45 || works && rnd.nextDouble() < 0.08;
        boolean subsequent = framework && (family == Family.IT || family == Family.ENGINEERING || family == Family.OFFICE)
                && rnd.nextDouble() < 0.25;
        List<String> techniques = framework ? List.of("Accord-cadre") : List.of("Sans objet");
        List<String> modalities = subsequent ? List.of("Marchés subséquents")
                : framework ? List.of("Bons de commande")
                : works && rnd.nextDouble() < 0.15 ? List.of("Tranches") : List.of("Sans objet");
        String frameworkId = subsequent ? (year - 1 - rnd.nextInt(2)) + "AC" + String.format("%03d", 1 + rnd.nextInt(40)) : null;

        String procedure = procedure(amount, works, year);
        int duration = works ? 3 + rnd.nextInt(22)
                : framework ? new int[]{12, 24, 36, 48, 48, 36}[rnd.nextInt(6)]
                : 1 + rnd.nextInt(24);

        String priceForm;
        double p = rnd.nextDouble();
        if (works) priceForm = p < 0.70 ? "Forfaitaire" : p < 0.80 ? "Unitaire" : "Mixte";
        else if (framework) priceForm = p < 0.75 ? "Unitaire" : p < 0.85 ? "Forfaitaire" : "Mixte";
        else priceForm = p < 0.55 ? "Forfaitaire" : p < 0.85 ? "Unitaire" : "Mixte";
        String priceType = duration > 12 ? (rnd.nextDouble() < 0.8 ? "Définitif révisable" : "Définitif actualisable")
                : (rnd.nextDouble() < 0.7 ? "Définitif ferme" : "Définitif actualisable");

        String ccag = family.ccag;
        if (family == Family.ENGINEERING && cpv.objectStem().contains("aîtrise d'œuvre")) ccag = "Maitrise d'œuvre";
        if (works) ccag = "Travaux";
        if (rnd.nextDouble() < 0.06) ccag = "Pas de CCAG";

        int offers = procedure.startsWith("Marché passé sans") ? 1
                : rnd.nextDouble() < 0.12 ? 1 : 2 + (int) Math.min(8, Math.floor(-Math.log(1 - rnd.nextDouble()) * 2.2));
        boolean innovative = rnd.nextDouble() < 0.01;
        boolean advance = rnd.nextDouble() < (works ? 0.40 : 0.15);
        BigDecimal advanceRate = advance ? BigDecimal.valueOf(new int[]{5, 10, 20, 30}[rnd.nextInt(4)], 2) : BigDecimal.ZERO;

        String grouping = "Pas de groupement";
        int holderCount = 1;
        double g = rnd.nextDouble();
        if (works && g < 0.12 || g < 0.05) {
            grouping = rnd.nextDouble() < 0.65 ? "Conjoint" : "Solidaire";
            holderCount = 2 + (rnd.nextDouble() < 0.3 ? 1 : 0);
        }
        List<Supplier> holders = forcedHolders != null ? forcedHolders : pickHolders(family, amount, holderCount);
        if (forcedHolders != null && forcedHolders.size() == 1) grouping = "Pas de groupement";

        List<String> social = new ArrayList<>();
        boolean inclusiveHolder = holders.stream().anyMatch(s -> s.inclusionType() != null);
        if (inclusiveHolder && rnd.nextDouble() < 0.6) social.add("Marché réservé");
        if (rnd.nextDouble() < 0.19) {
            social.add("Clause sociale");
            if (rnd.nextDouble() < 0.3) social.add("Critère social");
        }
        if (social.isEmpty()) social.add("Pas de considération sociale");
        List<String> env = new ArrayList<>();
        if (rnd.nextDouble() < 0.30) {
            double e = rnd.nextDouble();
            if (e < 0.45) env.add("Clause environnementale");
            else if (e < 0.75) env.add("Critère environnemental");
            else {
                env.add("Clause environnementale");
                env.add("Critère environnemental");
            }
        } else env.add("Pas de considération environnementale");

        List<SubcontractAct> subs = new ArrayList<>();
        if (rnd.nextDouble() < (works ? 0.25 : 0.05)) {
            int n = 1 + (rnd.nextDouble() < 0.3 ? 1 : 0);
            for (int i = 1; i <= n; i++) {
                Supplier sub = pick(suppliers.of(family));
                BigDecimal share = amount.multiply(BigDecimal.valueOf(0.05 + rnd.nextDouble() * 0.25)).setScale(2, RoundingMode.HALF_UP);
                LocalDate d = notification.plusDays(10 + rnd.nextInt(120));
                subs.add(new SubcontractAct(i, sub, Math.max(1, duration / 2), d, d.plusDays(2 + rnd.nextInt(20)), share,
                        new String[]{"Ferme", "Actualisable", "Révisable"}[rnd.nextInt(3)]));
            }
        }

        List<Change> changes = new ArrayList<>();
        if (rnd.nextDouble() < 0.15) {
            int n = rnd.nextDouble() < 0.8 ? 1 : 2;
            BigDecimal current = amount;
            int currentDuration = duration;
            LocalDate d = notification;
            for (int i = 1; i <= n; i++) {
                d = d.plusDays(60 + rnd.nextInt(240));
                double k = rnd.nextDouble();
                BigDecimal newAmount = null;
                Integer newDuration = null;
                List<Supplier> newHolders = null;
                String reason;
                if (k < 0.05) {
                    newHolders = List.of(pickHolders(family, amount, 1).get(0));
                    reason = "Cession du marché à la suite d'une opération de restructuration du titulaire";
                } else {
                    if (k < 0.75) newAmount = current = current.multiply(BigDecimal.valueOf(1.02 + rnd.nextDouble() * 0.13)).setScale(2, RoundingMode.HALF_UP);
                    if (k >= 0.50) newDuration = currentDuration = currentDuration + 2 + rnd.nextInt(10);
                    reason = newAmount != null && newDuration != null ? "Travaux supplémentaires et prolongation du délai d'exécution"
                            : newAmount != null ? "Prestations supplémentaires" : "Prolongation de la durée du marché";
                }
                LocalDate modPublished = d.plusDays(2 + rnd.nextInt(25));
                // Data published by the partial year's last day cannot hold a modification published after it.
                if (notifiedUntil == null || !modPublished.isAfter(notifiedUntil)) {
                    changes.add(new Change(i, d, modPublished, newDuration, newAmount, newHolders, reason));
                }
            }
        }

        String placeCode = buyer.kind() == BuyerKind.DEPARTEMENT && rnd.nextBoolean() ? Geography.DEPARTEMENT
                : rnd.nextDouble() < 0.6 ? buyer.communeInsee() : buyer.postcode();
        String placeType = placeCode.length() == 2 ? "Code département" : placeCode.equals(buyer.communeInsee()) ? "Code commune" : "Code postal";
        String placeName = placeCode.length() == 2 ? Geography.DEPARTEMENT_NAME : buyer.communeName();

        return new SyntheticContract(false, id, buyer.siret(), buyer.name(), rnd.nextDouble() < 0.002 ? "Marché de partenariat" : "Marché",
                object, cpv.code(), procedure, techniques, modalities, frameworkId, placeCode, placeType, placeName, duration,
                notification, publication, amount, priceForm, priceType, ccag, offers, innovative, advance, advanceRate,
                grouping, List.copyOf(social), List.copyOf(env), List.copyOf(subs), List.copyOf(holders), List.copyOf(changes),
                null, null, null, null, joint);
    }

    /** A concession (DSP) of the kinds a territory really signs: water, car parks, school catering, waste recovery. */
    SyntheticContract concession(Buyer buyer, int year, String id) {
        record Kind(Family family, String nature, String object, int months, double value, String tariffLabel, double tariff) {
        }
        List<Kind> kinds = switch (buyer.kind()) {
            case COMMUNAUTE_AGGLOMERATION -> List.of(
                    new Kind(Family.WATER, "Délégation de service public", "Délégation de service public pour l'exploitation du service de l'eau potable", 144, 38e6, "Prix du m3 d'eau potable (part délégataire)", 1.12),
                    new Kind(Family.TRANSPORT, "Délégation de service public", "Délégation de service public pour l'exploitation du réseau de transport urbain", 84, 74e6, "Ticket unitaire", 1.50));
            case VILLE_CENTRE -> List.of(
                    new Kind(Family.PARKING, "Concession de service public", "Concession de service public pour l'exploitation des parcs de stationnement du centre-ville", 120, 11e6, "Tarif horaire", 1.80),
                    new Kind(Family.CATERING, "Délégation de service public", "Délégation de service public de la restauration scolaire", 60, 7.5e6, "Prix du repas enfant", 3.65));
            case SYNDICAT_MIXTE -> List.of(
                    new Kind(Family.WASTE, "Délégation de service public", "Délégation de service public pour l'exploitation de l'unité de valorisation énergétique", 180, 62e6, "Prix de la tonne incinérée", 98.0));
            default -> List.of(
                    new Kind(Family.CULTURE, "Concession de service", "Concession de service pour l'exploitation du camping municipal", 72, 1.4e6, "Emplacement par nuit", 16.5));
        };
        Kind k = kinds.get(rnd.nextInt(kinds.size()));
        LocalDate signature = businessDay(year);
        BigDecimal value = BigDecimal.valueOf(k.value * (0.7 + rnd.nextDouble() * 0.6)).setScale(0, RoundingMode.HALF_UP).setScale(2);
        List<Supplier> pool = suppliers.of(k.family).stream().filter(s -> !"PME".equals(s.size())).toList();
        Supplier holder = pool.isEmpty() ? pick(suppliers.of(k.family)) : pick(pool);
        List<Change> changes = new ArrayList<>();
        if (rnd.nextDouble() < 0.2) {
            LocalDate d = signature.plusDays(200 + rnd.nextInt(300));
            changes.add(new Change(1, d, d.plusDays(10), k.months + 12, value.multiply(BigDecimal.valueOf(1.06)).setScale(2, RoundingMode.HALF_UP),
                    null, "Avenant de prolongation et d'investissements complémentaires"));
        }
        String procedure = rnd.nextDouble() < 0.85 ? "Procédure négociée ouverte" : "Procédure négociée restreinte";
        return new SyntheticContract(true, id, buyer.siret(), buyer.name(), k.nature, k.object, null, procedure, List.of(),
                List.of(), null, buyer.communeInsee(), "Code commune", buyer.communeName(), k.months, signature,
                signature.plusDays(15 + rnd.nextInt(30)), value, null, null, null, 2 + rnd.nextInt(3), false, false, null,
                "Pas de groupement", List.of(rnd.nextDouble() < 0.3 ? "Clause sociale" : "Pas de considération sociale"),
                List.of(rnd.nextDouble() < 0.5 ? "Critère environnemental" : "Pas de considération environnementale"),
                List.of(), List.of(holder), List.copyOf(changes), signature.plusMonths(2).withDayOfMonth(1),
                BigDecimal.ZERO.setScale(2), k.tariffLabel, BigDecimal.valueOf(k.tariff).setScale(2, RoundingMode.HALF_UP), false);
    }

    private String object(Buyer buyer, CpvEntry cpv, boolean works) {
        String[] sites = SITES.get(buyer.kind());
        String site = sites[rnd.nextInt(sites.length)];
        StringBuilder sb = new StringBuilder(cpv.objectStem());
        if (rnd.nextDouble() < 0.75) sb.append(' ').append(site);
        double l = rnd.nextDouble();
        if (works && l < 0.30) {
            int lot = 1 + rnd.nextInt(LOT_LABELS.length);
            sb.append(" – lot ").append(lot).append(" : ").append(LOT_LABELS[lot - 1]);
        } else if (!works && l < 0.15) {
            sb.append(" – lot ").append(1 + rnd.nextInt(4));
        }
        return sb.toString();
    }

    /** EU thresholds for local authorities: 215 k€/5.382 M€ (2022-2023), 221 k€/5.538 M€ (2024-2025), 216 k€/5.404 M€ after. */
    private String procedure(BigDecimal amount, boolean works, int year) {
        double a = amount.doubleValue();
        double threshold = works ? (year <= 2023 ? 5_382_000 : year <= 2025 ? 5_538_000 : 5_404_000)
                : (year <= 2023 ? 215_000 : year <= 2025 ? 221_000 : 216_000);
        double u = rnd.nextDouble();
        if (a < 40_000) return u < 0.6 ? "Marché passé sans publicité ni mise en concurrence préalable" : "Procédure adaptée";
        if (a < threshold) {
            if (u < (works ? 0.92 : 0.89)) return "Procédure adaptée";
            if (u < 0.96) return "Marché passé sans publicité ni mise en concurrence préalable";
            return "Appel d'offres ouvert";
        }
        if (u < 0.80) return "Appel d'offres ouvert";
        if (u < 0.84) return "Appel d'offres restreint";
        if (u < 0.92) return "Procédure avec négociation";
        if (u < 0.93) return "Dialogue compétitif";
        return "Marché passé sans publicité ni mise en concurrence préalable";
    }

    List<Supplier> pickHolders(Family family, BigDecimal amount, int count) {
        List<Supplier> pool = suppliers.of(family);
        double a = amount.doubleValue();
        boolean proximity = family == Family.BUILDING || family == Family.HOUSING || family == Family.ROADS
                || family == Family.NETWORKS || family == Family.GREEN_SPACES || family == Family.CLEANING
                || family == Family.MAINTENANCE || family == Family.FOOD;
        WeightedChoice<Supplier> choice = new WeightedChoice<>();
        for (Supplier s : pool) {
            double w = switch (s.size()) {
                case "GE" -> a > 1_000_000 ? 8 : a > 200_000 ? 3 : 0.8;
                case "ETI" -> a > 1_000_000 ? 3 : a > 200_000 ? 2 : 1;
                default -> a > 1_000_000 ? 0.5 : a > 200_000 ? 1.2 : 2;
            };
            if (s.local()) w *= proximity ? 3 : 1.5;
            if (!"FR".equals(s.country())) w *= 0.5;
            choice.add(s, w);
        }
        List<Supplier> out = new ArrayList<>(count);
        for (int guard = 0; out.size() < count && guard < 50; guard++) {
            Supplier s = choice.pick(rnd);
            if (!out.contains(s)) out.add(s);
        }
        return out;
    }

    /** A publication date, no later than the partial year's last day when there is one (the data are published by then). */
    private LocalDate published(LocalDate date) {
        return notifiedUntil != null && date.isAfter(notifiedUntil) ? notifiedUntil : date;
    }

    /** Contracts of a partial year are notified no later than {@code date} (null: full years). */
    void notifyUntil(LocalDate date) {
        this.notifiedUntil = date;
    }

    LocalDate businessDay(int year) {
        int span = notifiedUntil != null && notifiedUntil.getYear() == year ? Math.max(1, notifiedUntil.getDayOfYear() - 1) : 360;
        LocalDate d = LocalDate.of(year, 1, 2).plusDays(rnd.nextInt(span));
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) d = d.minusDays(1);
        return d;
    }

    private <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }
}
