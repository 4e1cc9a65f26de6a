package fr.achatlas.generate;

import fr.achatlas.generate.CpvCatalog.CpvEntry;
import fr.achatlas.generate.SyntheticContract.Change;
import fr.achatlas.generate.SyntheticContract.SubcontractAct;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes one national-scale DECP v2 JSON file for benchmarks: thousands of buyers, a realistic mix of marchés and
 * concessions, modifications, duplicates and a low rate of defects. Streams with a Jackson {@link JsonGenerator}, no
 * pretty printing; memory stays flat whatever the record count because every record is drawn from its own seed
 * (a duplicate is record j drawn again), so nothing has to be kept.
 */
public final class NationalGenerator {

    /** What was written. {@code defectsPlanted} counts records per defect class. */
    public record Summary(long records, long marches, long concessions, long duplicates, long rejectedByDesign,
                          SortedMap<String, Long> defectsPlanted, long bytes) {
    }

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final double CONCESSION_RATE = 0.02;
    private static final double DUPLICATE_RATE = 0.03;
    private static final int FIRST_YEAR = 2019;
    private static final int YEARS = 7;
    private static final String[] SITES = {"des bâtiments communaux", "du groupe scolaire", "de la voirie communale",
            "du collège", "des services", "de l'hôtel de ville", "du centre hospitalier", "des équipements sportifs",
            "du réseau d'assainissement", "des sites de la collectivité", "du patrimoine", "de la médiathèque"};
    private static final String[] DEPARTEMENTS = {"01", "02", "06", "13", "14", "17", "21", "25", "29", "31", "33", "34",
            "35", "37", "38", "44", "45", "49", "51", "54", "56", "57", "59", "62", "63", "64", "67", "69", "72", "74", "75",
            "76", "77", "78", "80", "83", "84", "85", "86", "87", "91", "92", "93", "94", "95", "2A", "2B", "971", "974"};
    private static final String[] PROCEDURES = {"Procédure adaptée", "Appel d'offres ouvert", "Appel d'offres restreint",
            "Procédure avec négociation", "Marché passé sans publicité ni mise en concurrence préalable", "Dialogue compétitif"};

    private final List<CpvEntry> cpv = CpvCatalog.all();

    /** Writes {@code records} records to {@code file}; same seed and count, same bytes. */
    public Summary write(Path file, long seed, long records) throws IOException {
        if (records < 0) throw new IllegalArgumentException("records < 0");
        Population pop = new Population(seed, records);
        Map<Defect, Long> counts = new EnumMap<>(Defect.class);
        long[] tally = new long[4]; // marchés, concessions, duplicates, rejected
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
             JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeName("marches");
            g.writeStartObject();
            // Two passes over the indices, marchés then concessions, as the v2 root object orders them.
            for (int pass = 0; pass < 2; pass++) {
                boolean concessions = pass == 1;
                g.writeName(concessions ? "contrat-concession" : "marche");
                g.writeStartArray();
                for (long i = 0; i < records; i++) {
                    if (isConcession(seed, i) != concessions) continue;
                    long source = i;
                    SplittableRandom r = new SplittableRandom(mix(seed, i) ^ 0x5DEECE66DL);
                    if (i > 0 && r.nextDouble() < DUPLICATE_RATE) {
                        long j = Math.max(0, i - 1 - r.nextInt(5000));
                        if (isConcession(seed, j) == concessions) {
                            source = j;
                            tally[2]++;
                            counts.merge(Defect.DUPLICATE_ACROSS_PLATFORMS, 1L, Long::sum);
                        }
                    }
                    Publication p = record(pop, seed, source, concessions);
                    for (Defect d : p.defects()) counts.merge(d, 1L, Long::sum);
                    if (p.defects().stream().anyMatch(Defect::rejectedByDesign)) tally[3]++;
                    if (concessions) {
                        V2JsonRecords.concession(g, p);
                        tally[1]++;
                    } else {
                        V2JsonRecords.marche(g, p);
                        tally[0]++;
                    }
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        SortedMap<String, Long> defects = new TreeMap<>();
        counts.forEach((d, n) -> defects.put(d.name(), n));
        return new Summary(tally[0] + tally[1], tally[0], tally[1], tally[2], tally[3], defects, Files.size(file));
    }

    private static boolean isConcession(long seed, long i) {
        return (mix(seed, i) >>> 11) * 0x1.0p-53 < CONCESSION_RATE;
    }

    /** SplitMix64 finaliser: a per-record seed, so that record i can be drawn again on its own. */
    private static long mix(long seed, long i) {
        long z = seed + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private Publication record(Population pop, long seed, long index, boolean concession) {
        SplittableRandom r = new SplittableRandom(mix(seed, index));
        int b = r.nextInt(pop.buyers.length);
        String buyer = pop.buyers[b];
        int year = FIRST_YEAR + r.nextInt(YEARS);
        LocalDate notification = LocalDate.of(year, 1, 1).plusDays(r.nextInt(365));
        LocalDate publication = notification.plusDays(2 + r.nextInt(60));
        String id = year + ID_STYLES[b & 3] + Long.toString(index, 36).toUpperCase();
        String dept = DEPARTEMENTS[b % DEPARTEMENTS.length];
        EnumSet<Defect> d = EnumSet.noneOf(Defect.class);

        if (concession) {
            BigDecimal value = BigDecimal.valueOf((long) (500_000 * Math.exp(1.3 * r.nextGaussian())) + 50_000).setScale(2);
            List<Change> changes = r.nextDouble() < 0.15
                    ? List.of(new Change(1, notification.plusDays(300), notification.plusDays(320), 120 + 12, value.multiply(BigDecimal.valueOf(1.05)).setScale(2, RoundingMode.HALF_UP), null, null))
                    : List.of();
            plantCommon(r, d, false);
            SyntheticContract c = new SyntheticContract(true, id, buyer, null,
                    r.nextBoolean() ? "Délégation de service public" : "Concession de service",
                    "Exploitation du service public " + SITES[r.nextInt(SITES.length)], null,
                    r.nextDouble() < 0.8 ? "Procédure négociée ouverte" : "Procédure non négociée ouverte", List.of(), List.of(),
                    null, dept, "Code département", null, 60 + 12 * r.nextInt(10), notification, publication, value, null, null,
                    null, 1 + r.nextInt(4), false, false, null, "Pas de groupement",
                    List.of("Pas de considération sociale"), List.of(r.nextDouble() < 0.3 ? "Critère environnemental" : "Pas de considération environnementale"),
                    List.of(), List.of(pop.supplier(r)), changes, notification.plusMonths(1), BigDecimal.ZERO, "Tarif de base",
                    BigDecimal.valueOf(100 + r.nextInt(2000), 2), false);
            return new Publication(c, d);
        }

        CpvEntry e = cpv.get(r.nextInt(cpv.size()));
        boolean works = "Travaux".equals(e.marketType());
        double a = e.family().medianEuros * Math.exp(e.family().sigma * r.nextGaussian());
        BigDecimal amount = BigDecimal.valueOf(Math.max(1_000, Math.round(a * 100)), 2);
        boolean framework = !works && r.nextDouble() < 0.4;
        int holders = r.nextDouble() < 0.08 ? 2 : 1;
        List<Supplier> hs = holders == 1 ? List.of(pop.supplier(r)) : List.of(pop.supplier(r), pop.supplier(r));
        String procedure = a < 215_000 ? (r.nextDouble() < 0.9 ? PROCEDURES[0] : PROCEDURES[4]) : PROCEDURES[r.nextDouble() < 0.8 ? 1 : 1 + r.nextInt(5)];
        int duration = works ? 2 + r.nextInt(24) : framework ? 12 * (1 + r.nextInt(4)) : 1 + r.nextInt(36);
        List<Change> changes = List.of();
        if (r.nextDouble() < 0.15) {
            LocalDate md = notification.plusDays(30 + r.nextInt(400));
            changes = List.of(new Change(1, md, md.plusDays(1 + r.nextInt(20)), r.nextBoolean() ? duration + 6 : null,
                    amount.multiply(BigDecimal.valueOf(1.02 + r.nextDouble() * 0.1)).setScale(2, RoundingMode.HALF_UP), null, null));
        }
        List<SubcontractAct> subs = works && r.nextDouble() < 0.1
                ? List.of(new SubcontractAct(1, pop.supplier(r), Math.max(1, duration / 2), notification.plusDays(20),
                notification.plusDays(25), amount.divide(BigDecimal.TEN, 2, RoundingMode.HALF_UP), "Révisable"))
                : List.of();
        plantCommon(r, d, true);
        if (e.code().startsWith("0") && r.nextDouble() < 0.01) d.add(Defect.CPV_LEADING_ZERO_LOST);
        else if (r.nextDouble() < 0.02) d.add(Defect.CPV_NO_CHECK_DIGIT);
        if (r.nextDouble() < 0.01) d.add(Defect.BOOLEAN_AS_NUMBER);
        if (hs.stream().anyMatch(s -> !"SIRET".equals(s.idType())) && r.nextDouble() < 0.3) d.add(Defect.ID_TYPE_OUT_OF_ENUM);
        if (r.nextDouble() < 0.01) d.add(Defect.HOLDER_SIRET_INVALID);
        double s = r.nextDouble();
        boolean byDepartement = r.nextBoolean();
        boolean advance = works && r.nextDouble() < 0.3;
        String object = e.objectStem() + (r.nextDouble() < 0.6 ? " " + SITES[r.nextInt(SITES.length)] : "")
                + (r.nextDouble() < 0.2 ? " – lot " + (1 + r.nextInt(8)) : "");
        SyntheticContract c = new SyntheticContract(false, id, buyer, null, "Marché", object, e.code(), procedure,
                framework ? List.of("Accord-cadre") : List.of("Sans objet"),
                framework ? List.of("Bons de commande") : List.of("Sans objet"), null,
                byDepartement ? dept : postcode(dept),
                byDepartement ? "Code département" : "Code postal", null, duration, notification, publication, amount,
                works ? "Forfaitaire" : "Unitaire", duration > 12 ? "Définitif révisable" : "Définitif ferme", e.family().ccag,
                r.nextDouble() < 0.2 ? 1 : 2 + r.nextInt(6), r.nextDouble() < 0.01, advance,
                advance ? BigDecimal.valueOf(5, 2) : BigDecimal.ZERO, holders == 1 ? "Pas de groupement" : "Conjoint",
                List.of(s < 0.2 ? "Clause sociale" : "Pas de considération sociale"),
                List.of(s > 0.7 ? "Clause environnementale" : "Pas de considération environnementale"), subs, hs, changes,
                null, null, null, null, false);
        return new Publication(c, d);
    }

    private static String postcode(String dept) {
        return switch (dept) {
            case "2A" -> "20000";
            case "2B" -> "20200";
            default -> dept.length() == 2 ? dept + "000" : dept + "00";
        };
    }

    private static final String[] ID_STYLES = {"-", "M", "AC", "_"};

    private static void plantCommon(SplittableRandom r, EnumSet<Defect> d, boolean marche) {
        double u = r.nextDouble();
        if (u < 0.0005) d.add(Defect.BUYER_ID_MISSING);
        else if (u < 0.001) d.add(Defect.CONTRACT_ID_MISSING);
        if (r.nextDouble() < 0.005) d.add(Defect.NOTIFICATION_DATE_MISSING);
        double v = r.nextDouble();
        if (v < 0.005) d.add(Defect.DURATION_NC);
        else if (v < 0.015) d.add(Defect.NUMBER_AS_STRING);
        if (marche) {
            double w = r.nextDouble();
            if (w < 0.002) d.add(Defect.AMOUNT_TIMES_100);
            else if (w < 0.007) d.add(Defect.AMOUNT_TOO_LOW);
        }
    }

    /** Buyers and suppliers: drawn once from the seed, sized with the file but capped so memory stays flat. */
    private static final class Population {
        final String[] buyers;
        final Supplier[] suppliers;

        Population(long seed, long records) {
            SplittableRandom r = new SplittableRandom(seed);
            int nb = (int) Math.min(20_000, Math.max(1_000, records / 100));
            int ns = (int) Math.min(200_000, Math.max(5_000, records / 8));
            String[] prefixes = {"21", "21", "21", "20", "22", "23", "26", "27", "28", "25", "13", "18", "19"};
            buyers = new String[nb];
            for (int i = 0; i < nb; i++) buyers[i] = Ids.siret(Ids.siren(prefixes[r.nextInt(prefixes.length)], r), 1 + r.nextInt(40));
            suppliers = new Supplier[ns];
            for (int i = 0; i < ns; i++) {
                double u = r.nextDouble();
                if (u < 0.01) suppliers[i] = new Supplier("BE0" + Ids.digits(9, r), "TVA", null, null, null, null, null, "BE", null, null, false, null, null);
                else if (u < 0.012) suppliers[i] = new Supplier("CHE" + Ids.digits(9, r), "HORS-UE", null, null, null, null, null, "CH", null, null, false, null, null);
                else suppliers[i] = new Supplier(Ids.siret(Ids.siren(String.valueOf(3 + r.nextInt(7)), r), 10 + r.nextInt(200)),
                            "SIRET", null, null, null, null, null, "FR", null, null, false, null, null);
            }
        }

        /** Few suppliers hold many contracts: a skewed draw over the pool. */
        Supplier supplier(SplittableRandom r) {
            double u = r.nextDouble();
            return suppliers[(int) (suppliers.length * u * u)];
        }
    }

}
