package fr.achatlas.generate;

import fr.achatlas.generate.Buyer.Direction;
import fr.achatlas.generate.GenerationSummary.FileWritten;
import fr.achatlas.model.SourceFormat;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Generates a fictional but plausible agglomeration-led territory in Ille-et-Vilaine: its buyers, a supplier pool and
 * several years of DECP files in the mixed formats and platforms of real life, with real-world defects planted at
 * documented rates (docs/generator.md). Same seed and settings, same bytes.
 */
public final class TerritoryGenerator {

    public static final String TERRITORY_NAME = "Vilaine-Seiche (territoire fictif)";

    /**
     * @param buyers               number of buyers (8 fixed bodies plus communes; at least 9)
     * @param firstYear            first notification year
     * @param lastYear             last notification year
     * @param annualPurchases      territory purchases per year, all buyers, in euros HT
     * @param decpShare            share of those purchases published as DECP contracts
     * @param suppliers            size of the supplier pool
     * @param notifiedUntil        null for full years; else the last notification date, in {@code lastYear}, which is
     *                             then a partial year (budgets prorated, no spending export: it is not closed)
     */
    public record Settings(int buyers, int firstYear, int lastYear, double annualPurchases, double decpShare, int suppliers,
                           java.time.LocalDate notifiedUntil) {
        public Settings {
            if (buyers < 9 || buyers > 8 + COMMUNES.length) throw new IllegalArgumentException("buyers must be 9.." + (8 + COMMUNES.length));
            if (lastYear < firstYear) throw new IllegalArgumentException("lastYear < firstYear");
            if (decpShare <= 0 || decpShare > 1) throw new IllegalArgumentException("decpShare in ]0,1]");
            if (notifiedUntil != null && notifiedUntil.getYear() != lastYear) throw new IllegalArgumentException("notifiedUntil must be in lastYear");
        }

        public Settings(int buyers, int firstYear, int lastYear, double annualPurchases, double decpShare, int suppliers) {
            this(buyers, firstYear, lastYear, annualPurchases, decpShare, suppliers, null);
        }

        /** 15 buyers, the three years ending with the last full year, 700 M€ a year, 60 % published as DECP. */
        public static Settings defaults() {
            int last = Year.now().getValue() - 1;
            return new Settings(15, last - 2, last, 700_000_000, 0.60, 1500);
        }

        public Settings withYears(int first, int last) {
            return new Settings(buyers, first, last, annualPurchases, decpShare, suppliers);
        }

        /** The same full years, plus contracts of the following year notified up to {@code date} (the demo's "current year"). */
        public Settings withNotificationsUntil(java.time.LocalDate date) {
            if (date.getYear() <= lastFullYear()) return this;
            return new Settings(buyers, firstYear, date.getYear(), annualPurchases, decpShare, suppliers, date);
        }

        /** The last closed year: spending exports and referentials stop there. */
        public int lastFullYear() {
            return notifiedUntil == null ? lastYear : lastYear - 1;
        }

        /** The share of a year's purchases notified in it: prorated for the partial year. */
        double fraction(int year) {
            return notifiedUntil != null && year == notifiedUntil.getYear() ? notifiedUntil.getDayOfYear() / 365.0 : 1.0;
        }
    }

    /** The member communes (INSEE, population weight) in order of size; Bruz is the ville-centre. */
    private static final String[][] COMMUNES = {{"35126", "9.3"}, {"35066", "8.0"}, {"35352", "8.2"}, {"35206", "7.1"},
            {"35139", "5.3"}, {"35208", "4.9"}, {"35363", "4.2"}, {"35266", "3.3"}};

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public GenerationSummary generate(Path outDir, long seed) throws IOException {
        return generate(outDir, seed, Settings.defaults());
    }

    public GenerationSummary generate(Path outDir, long seed, Settings settings) throws IOException {
        Files.createDirectories(outDir);
        SplittableRandom root = new SplittableRandom(seed);
        List<Buyer> buyers = buyers(settings, root.split());
        SupplierPool pool = SupplierPool.generate(settings.suppliers(), root.split());
        ContractFactory factory = new ContractFactory(root.split(), pool);
        factory.notifyUntil(settings.notifiedUntil());
        RandomGenerator rnd = root.split();

        // 1. Contracts per buyer and year, joint contracts and concessions first so that budgets account for them.
        Map<Buyer, List<SyntheticContract>> byBuyer = new LinkedHashMap<>();
        for (Buyer b : buyers) byBuyer.put(b, new ArrayList<>());
        int jointGroups = 0;
        int concessions = 0;
        for (int year = settings.firstYear(); year <= settings.lastYear(); year++) {
            double yearFactor = 0.97 + 0.03 * (year - settings.firstYear()) + rnd.nextDouble() * 0.02;
            Map<Buyer, Double> spent = new LinkedHashMap<>();
            for (Buyer b : buyers) spent.put(b, 0.0);
            jointGroups += jointContracts(year, buyers, factory, rnd, byBuyer, spent, settings);
            for (Buyer b : buyers) {
                boolean eligible = b.kind() == BuyerKind.COMMUNAUTE_AGGLOMERATION || b.kind() == BuyerKind.VILLE_CENTRE
                        || b.kind() == BuyerKind.SYNDICAT_MIXTE || b.kind() == BuyerKind.COMMUNE && b.budgetWeight() > 0.012;
                boolean forced = year == settings.firstYear() && b.kind() == BuyerKind.COMMUNAUTE_AGGLOMERATION;
                if (eligible && (forced || rnd.nextDouble() < 0.3)) {
                    byBuyer.get(b).add(factory.concession(b, year, "DSP" + year + "-" + (concessions + 1)));
                    concessions++;
                }
                double budget = settings.annualPurchases() * settings.decpShare() * b.budgetWeight() * yearFactor * settings.fraction(year);
                double sum = spent.get(b);
                WeightedChoice<Family> families = WeightedChoice.of(b.kind().familyWeights);
                double cap = Math.min(0.2 * budget, 30_000_000);
                while (sum < budget) {
                    Family f = families.pick(rnd);
                    BigDecimal amount = factory.drawAmount(f, Math.max(cap, 45_000));
                    double remaining = budget - sum;
                    if (amount.doubleValue() > remaining) {
                        if (remaining < 40_000) break;
                        amount = BigDecimal.valueOf(remaining).setScale(2, RoundingMode.HALF_UP);
                    }
                    byBuyer.get(b).add(factory.marche(b, year, f, amount, factory.nextId(b, year), null, null, false));
                    sum += amount.doubleValue();
                }
            }
        }

        // 2. Route each buyer's records to its platform files, plant duplicates and defects.
        Publisher publisher = new Publisher(settings, rnd);
        for (Map.Entry<Buyer, List<SyntheticContract>> e : byBuyer.entrySet()) {
            for (SyntheticContract c : e.getValue()) publisher.publish(e.getKey(), c);
        }
        publisher.plantRejected();

        // 3. Write.
        List<FileWritten> files = new ArrayList<>();
        for (Publisher.OutFile f : publisher.files()) {
            write(outDir.resolve(f.name), f);
            files.add(new FileWritten(f.name, f.format.name(), f.records.size()));
        }
        writeTerritory(outDir.resolve("territory.json"), buyers);
        // Spending exports, SIRENE-shaped extract and inclusive list (own random stream: DECP output unchanged).
        new SpendingGenerator(seed, buyers, pool, byBuyer, settings).write(outDir);
        MAPPER.writeValue(outDir.resolve("suppliers.json").toFile(), pool.all());

        SortedMap<Integer, BigDecimal> amounts = new TreeMap<>();
        SortedMap<Integer, BigDecimal> purchases = new TreeMap<>();
        int contracts = 0;
        for (List<SyntheticContract> list : byBuyer.values()) {
            for (SyntheticContract c : list) {
                contracts++;
                if (c.concession()) continue;
                amounts.merge(c.notificationDate().getYear(), c.amount(), BigDecimal::add);
            }
        }
        amounts.replaceAll((y, v) -> v.setScale(2, RoundingMode.HALF_UP));
        amounts.forEach((y, v) -> purchases.put(y, v.divide(BigDecimal.valueOf(settings.decpShare()), 0, RoundingMode.HALF_UP)));
        GenerationSummary summary = new GenerationSummary(seed, TERRITORY_NAME, settings.firstYear(), settings.lastYear(),
                List.copyOf(files), buyers.size(), pool.all().size(), contracts, jointGroups, concessions,
                publisher.publishedCount(), publisher.defectCounts().getOrDefault(Defect.DUPLICATE_ACROSS_PLATFORMS.name(), 0),
                publisher.defectCounts(), publisher.rejectedCount(),
                BigDecimal.valueOf(settings.annualPurchases()).setScale(0, RoundingMode.HALF_UP), settings.decpShare(),
                amounts, purchases);
        MAPPER.writeValue(outDir.resolve("generation-summary.json").toFile(), summary);
        return summary;
    }

    private int jointContracts(int year, List<Buyer> buyers, ContractFactory factory, RandomGenerator rnd,
                               Map<Buyer, List<SyntheticContract>> byBuyer, Map<Buyer, Double> spent, Settings settings) {
        Buyer coordinator = first(buyers, BuyerKind.COMMUNAUTE_AGGLOMERATION);
        int groups = 0;
        for (Family family : Family.values()) {
            if (!family.jointPurchase || rnd.nextDouble() > 0.7) continue;
            List<Buyer> members = new ArrayList<>();
            for (Buyer b : buyers) {
                boolean member = switch (b.kind()) {
                    case COMMUNAUTE_AGGLOMERATION, VILLE_CENTRE -> true;
                    case CCAS -> family != Family.FUEL;
                    case COMMUNE -> rnd.nextDouble() < 0.7;
                    case SYNDICAT_MIXTE -> family == Family.ENERGY || family == Family.FUEL;
                    default -> false;
                };
                if (member) members.add(b);
            }
            double totalWeight = members.stream().mapToDouble(Buyer::budgetWeight).sum();
            double total = family.medianEuros * 3 * Math.exp(0.5 * rnd.nextGaussian());
            String id = year + "GC" + family.name().substring(0, Math.min(3, family.name().length())) + String.format("%02d", ++groups);
            SyntheticContract base = factory.marche(coordinator, year, family, BigDecimal.valueOf(total).setScale(2, RoundingMode.HALF_UP),
                    id, null, null, true);
            String object = "Groupement de commandes – " + base.object();
            base = new SyntheticContract(false, id, base.buyerId(), base.buyerName(), base.nature(), object, base.cpv(),
                    "Appel d'offres ouvert", List.of("Accord-cadre"), List.of("Bons de commande"), null, base.placeCode(),
                    base.placeType(), base.placeName(), 48, base.notificationDate(), base.publicationDate(), base.amount(),
                    "Unitaire", "Définitif révisable", base.ccag(), base.offersReceived(), false, false, BigDecimal.ZERO,
                    base.grouping(), base.social(), base.environmental(), List.of(), base.holders(), List.of(), null, null,
                    null, null, true);
            for (Buyer m : members) {
                BigDecimal share = BigDecimal.valueOf(total * m.budgetWeight() / totalWeight).setScale(2, RoundingMode.HALF_UP);
                byBuyer.get(m).add(base.withBuyer(m.siret(), m.name(), share));
                spent.merge(m, share.doubleValue(), Double::sum);
            }
        }
        return groups;
    }

    private static Buyer first(List<Buyer> buyers, BuyerKind kind) {
        return buyers.stream().filter(b -> b.kind() == kind).findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static List<Buyer> buyers(Settings s, RandomGenerator rnd) {
        Map<String, Geography.Commune> communes = new LinkedHashMap<>();
        for (Geography.Commune c : Geography.LOCAL) communes.putIfAbsent(c.insee(), c);
        Geography.Commune bruz = communes.get("35047");
        Geography.Commune rennes = communes.get("35238");
        Geography.Commune guichen = communes.get("35126");
        List<Buyer> out = new ArrayList<>();
        out.add(buyer(BuyerKind.DEPARTEMENT, "Département d'Ille-et-Vilaine", rennes, 0.35, "2235000", rnd,
                dir("Direction des routes", "Service entretien routier", "Service grands travaux"),
                dir("Direction des collèges", "Service bâtiments des collèges", "Service restauration scolaire"),
                dir("Direction de l'action sociale", "Service insertion", "Service autonomie"),
                dir("Direction des systèmes d'information", "Service infrastructures", "Service applications")));
        out.add(buyer(BuyerKind.COMMUNAUTE_AGGLOMERATION, "Vilaine-Seiche Agglomération", bruz, 0.18, "200", rnd,
                dir("Direction du cycle de l'eau", "Service assainissement", "Service eau potable"),
                dir("Direction des mobilités", "Service transports urbains"),
                dir("Direction des déchets", "Service collecte", "Service déchèteries"),
                dir("Direction des bâtiments", "Service maintenance", "Service travaux neufs"),
                dir("Direction de la commande publique", "Service marchés")));
        out.add(buyer(BuyerKind.VILLE_CENTRE, "Ville de Bruz", bruz, 0.12, "21350047", rnd,
                dir("Direction des bâtiments", "Service maintenance", "Service travaux neufs"),
                dir("Direction de l'espace public", "Service voirie", "Service espaces verts"),
                dir("Direction de l'éducation", "Service restauration scolaire", "Service entretien des écoles"),
                dir("Direction de la culture", "Médiathèque", "Service événements")));
        out.add(buyer(BuyerKind.CENTRE_HOSPITALIER, "Centre hospitalier de Vilaine-Seiche", bruz, 0.10, "2635", rnd,
                dir("Direction des achats et de la logistique", "Service approvisionnements", "Service restauration", "Blanchisserie"),
                dir("Direction des services techniques", "Service biomédical", "Service travaux"),
                dir("Direction des systèmes d'information", "Service informatique")));
        out.add(buyer(BuyerKind.OFFICE_HABITAT, "Vilaine-Seiche Habitat", communes.get("35066"), 0.07, "2735", rnd,
                dir("Direction du patrimoine", "Service réhabilitation", "Service entretien courant"),
                dir("Direction de la maîtrise d'ouvrage", "Service constructions neuves")));
        out.add(buyer(BuyerKind.SDIS, "Service départemental d'incendie et de secours d'Ille-et-Vilaine", rennes, 0.04, "2835", rnd,
                dir("Direction logistique", "Service véhicules", "Service habillement"),
                dir("Direction des systèmes d'information et de communication", "Service transmissions")));
        out.add(buyer(BuyerKind.SYNDICAT_MIXTE, "SMICTOM Vilaine-Seiche", guichen, 0.05, "2535", rnd,
                dir("Direction technique", "Service collecte", "Service traitement et valorisation")));
        out.add(buyer(BuyerKind.CCAS, "CCAS de Bruz", bruz, 0.01, "2635", rnd,
                dir("Direction de l'action sociale", "Service maintien à domicile", "Résidence autonomie")));
        int n = s.buyers() - 8;
        double popTotal = 0;
        for (int i = 0; i < n; i++) popTotal += Double.parseDouble(COMMUNES[i][1]);
        for (int i = 0; i < n; i++) {
            Geography.Commune c = communes.get(COMMUNES[i][0]);
            double w = 0.08 * Double.parseDouble(COMMUNES[i][1]) / popTotal;
            out.add(buyer(BuyerKind.COMMUNE, "Commune de " + c.name(), c, w, "2135" + c.insee().substring(2), rnd,
                    dir("Services techniques", "Service bâtiments", "Service voirie et espaces verts"),
                    dir("Direction générale des services", "Service finances et marchés")));
        }
        return List.copyOf(out);
    }

    private static Direction dir(String name, String... services) {
        return new Direction(name, List.of(services));
    }

    private static Buyer buyer(BuyerKind kind, String name, Geography.Commune c, double weight, String sirenPrefix,
                               RandomGenerator rnd, Direction... directions) {
        String siren = Ids.siren(sirenPrefix.length() > 8 ? sirenPrefix.substring(0, 8) : sirenPrefix, rnd);
        return new Buyer(Ids.siret(siren, 1), name, kind, kind.categorieJuridique, c.insee(), c.name(), c.postcode(), weight,
                List.of(directions));
    }

    private static void writeTerritory(Path file, List<Buyer> buyers) throws IOException {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", TERRITORY_NAME);
        // Ordered maps only: Map.of iteration order changes between JVM runs and would break byte-identical output.
        t.put("departements", List.of(codeName(Geography.DEPARTEMENT, Geography.DEPARTEMENT_NAME)));
        t.put("region", codeName(Geography.REGION, Geography.REGION_NAME));
        t.put("buyers", buyers);
        MAPPER.writeValue(file.toFile(), t);
    }

    private static Map<String, String> codeName(String code, String name) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", name);
        return m;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static void write(Path path, Publisher.OutFile f) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
            if (f.bom) out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            switch (f.format) {
                case DECP_V2_JSON -> writeV2Json(out, f.records);
                case DECP_2019_JSON -> write2019Json(out, f.records, f.source);
                case DECP_V2_XML, DECP_2019_XML -> writeXml(out, f.records, f.format == SourceFormat.DECP_V2_XML);
            }
        }
    }

    private static void writeV2Json(OutputStream out, List<Publication> records) {
        try (JsonGenerator g = MAPPER.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeName("marches");
            g.writeStartObject();
            g.writeName("marche");
            g.writeStartArray();
            for (Publication p : records) if (!p.contract().concession()) V2JsonRecords.marche(g, p);
            g.writeEndArray();
            if (records.stream().anyMatch(p -> p.contract().concession())) {
                g.writeName("contrat-concession");
                g.writeStartArray();
                for (Publication p : records) if (p.contract().concession()) V2JsonRecords.concession(g, p);
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private static void write2019Json(OutputStream out, List<Publication> records, String source) {
        try (JsonGenerator g = MAPPER.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeName("marches");
            g.writeStartArray();
            for (Publication p : records) Decp2019JsonRecords.write(g, p, source);
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void writeXml(OutputStream out, List<Publication> records, boolean v2) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        XmlOut x = new XmlOut(w);
        x.declaration();
        x.open("marches");
        // The XSDs put marchés before concessions, as the official examples do.
        for (Publication p : records) if (!p.contract().concession()) {
            if (v2) XmlRecords.v2(x, p);
            else XmlRecords.v2019(x, p);
        }
        for (Publication p : records) if (p.contract().concession()) {
            if (v2) XmlRecords.v2(x, p);
            else XmlRecords.v2019(x, p);
        }
        x.close("marches");
        w.flush();
    }
}
