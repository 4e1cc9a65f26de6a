package fr.achatlas.query.cube;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every dimension and measure of the cube. Names coming from users (URLs, API) are looked up here and rejected when
 * unknown: they never reach SQL as text.
 */
public final class Registry {

    private static final Set<Fact> BOTH = Set.of(Fact.CONTRACT, Fact.SPENDING);
    private static final Set<Fact> CONTRACT = Set.of(Fact.CONTRACT);
    private static final Set<Fact> SPENDING = Set.of(Fact.SPENDING);

    /** Buckets of "how many buyers of the territory buy this family" (CPV division until classification lands). */
    static final String MUTUAL_KEY = MutualisationLevel.sql("mutual_buyers", false);
    static final String MUTUAL_LABEL = MutualisationLevel.sql("mutual_buyers", true);
    static final String SHARING_KEY = MUTUAL_KEY.replace("mutual_buyers", "supplier_buyers");
    static final String SHARING_LABEL = "CASE WHEN supplier_buyers IS NULL THEN NULL WHEN supplier_buyers = 1 THEN 'Fournisseur d''un seul acheteur' "
            + "WHEN supplier_buyers <= 3 THEN 'Partagé par 2 à 3 acheteurs' WHEN supplier_buyers <= 7 THEN 'Partagé par 4 à 7 acheteurs' "
            + "ELSE 'Partagé par 8 acheteurs ou plus' END";

    private static final List<Dimension> DIMENSIONS = List.of(
            d("buyer", "Acheteur", "buyer_id", "buyer_name", null, "direction", BOTH),
            d("buyer_kind", "Type d'acheteur", "buyer_kind", null, null, "buyer", BOTH),
            new Dimension("direction", "Direction", "direction", null, "buyer", "service", SPENDING, false, true, null),
            new Dimension("service", "Service", "service", null, "direction", null, SPENDING, false, true, null),
            d("segment", "Segment d'achat", "segment_code", "coalesce(segment_label, segment_code)", null, "family", BOTH),
            d("family", "Famille d'achat", "family_code", "coalesce(family_label, family_code)", "segment", null, BOTH),
            d("cpv_division", "Division CPV", "cpv_division", null, null, "cpv", BOTH),
            d("cpv", "Code CPV", "cpv", null, "cpv_division", null, BOTH),
            d("supplier", "Fournisseur", "supplier_id", "coalesce(supplier_name, supplier_id)", null, null, BOTH),
            d("supplier_size", "Catégorie d'entreprise", "supplier_size", null, null, "supplier", BOTH),
            d("supplier_ess", "Économie sociale et solidaire", "supplier_ess", yesNo("supplier_ess"), null, "supplier", BOTH),
            d("supplier_inclusion", "Structure d'insertion ou adaptée (ESAT, EA, SIAE)", "supplier_inclusion", null, null, "supplier", BOTH),
            d("supplier_region", "Région du fournisseur", "supplier_region", null, null, "supplier_departement", BOTH),
            d("supplier_departement", "Département du fournisseur", "supplier_departement", null, "supplier_region", "supplier_epci", BOTH),
            d("supplier_epci", "EPCI du fournisseur", "supplier_epci", null, "supplier_departement", "supplier_commune", BOTH),
            d("supplier_commune", "Commune du fournisseur", "supplier_commune", null, "supplier_epci", "supplier", BOTH),
            d("supplier_local", "Fournisseur local", "supplier_local", yesNo("supplier_local"), null, "supplier", BOTH),
            new Dimension("mutualisation", "Niveau de mutualisation (acheteurs de la même famille)", MUTUAL_KEY, MUTUAL_LABEL,
                    null, "buyer", BOTH, true, false, "mutual"),
            new Dimension("supplier_sharing", "Fournisseurs partagés (acheteurs servis)", SHARING_KEY, SHARING_LABEL,
                    null, "supplier", BOTH, true, false, "sharing"),
            d("joint", "Marché publié par plusieurs acheteurs", "joint", yesNo("joint"), null, "buyer", CONTRACT),
            d("has_social", "Considération sociale", "has_social", yesNo("has_social"), null, "procedure", CONTRACT),
            d("has_environmental", "Considération environnementale", "has_environmental", yesNo("has_environmental"), null, "procedure", CONTRACT),
            d("innovative", "Marché innovant", "innovative", yesNo("innovative"), null, null, CONTRACT),
            d("procedure", "Procédure", "procedure", null, null, "nature", CONTRACT),
            d("nature", "Nature", "nature", null, null, null, CONTRACT),
            d("kind", "Type de contrat", "kind", "CASE kind WHEN 'MARCHE' THEN 'Marché' WHEN 'CONCESSION' THEN 'Concession' ELSE kind END",
                    null, "nature", CONTRACT),
            new Dimension("year", "Année", "year", null, null, "month", BOTH, true, false, null),
            new Dimension("month", "Mois", "printf('%04d-%02d', year, month)", null, "year", null, BOTH, true, false, null),
            d("source", "Source", "source", null, null, null, BOTH),
            d("account", "Compte budgétaire", "account", null, null, null, SPENDING));

    private static final List<Measure> MEASURES = List.of(
            new Measure("amount_initial", "Montant initial engagé (€ HT)", Fact.CONTRACT, "sum(amount_initial_share)", Measure.Kind.AMOUNT, true),
            new Measure("amount_current", "Montant engagé après modifications (€ HT)", Fact.CONTRACT, "sum(amount_current_share)", Measure.Kind.AMOUNT, true),
            new Measure("contracts", "Nombre de marchés", Fact.CONTRACT, "count(DISTINCT contract_key)", Measure.Kind.COUNT, false),
            new Measure("suppliers", "Nombre de fournisseurs", Fact.CONTRACT, "count(DISTINCT supplier_id)", Measure.Kind.COUNT, false),
            new Measure("buyers", "Nombre d'acheteurs", Fact.CONTRACT, "count(DISTINCT buyer_id)", Measure.Kind.COUNT, false),
            new Measure("amount_spent", "Montant dépensé (€ HT)", Fact.SPENDING, "sum(amount_spent)", Measure.Kind.AMOUNT, true),
            new Measure("lines", "Nombre de lignes de dépense", Fact.SPENDING, "count(*)", Measure.Kind.COUNT, true),
            new Measure("spending_suppliers", "Nombre de fournisseurs payés", Fact.SPENDING, "count(DISTINCT supplier_id)", Measure.Kind.COUNT, false),
            new Measure("spending_buyers", "Nombre d'acheteurs payeurs", Fact.SPENDING, "count(DISTINCT buyer_id)", Measure.Kind.COUNT, false));

    private static final Map<String, Dimension> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, Measure> MEASURE_BY_NAME = new LinkedHashMap<>();

    static {
        DIMENSIONS.forEach(d -> BY_NAME.put(d.name(), d));
        MEASURES.forEach(m -> MEASURE_BY_NAME.put(m.name(), m));
    }

    private Registry() {
    }

    private static Dimension d(String name, String label, String key, String labelExpr, String parent, String child, Set<Fact> facts) {
        return new Dimension(name, label, key, labelExpr, parent, child, facts, false, false, null);
    }

    private static String yesNo(String col) {
        return "CASE WHEN " + col + " THEN 'Oui' WHEN NOT " + col + " THEN 'Non' END";
    }

    /** Where a click drills to when the hierarchy's next level does not exist on a fact (contracts have no direction). */
    private static final Map<String, String> ALTERNATE_CHILD = Map.of("buyer", "cpv_division", "buyer_kind", "buyer");

    /** The finer dimension a click on {@code d} drills to on {@code fact}, or null (then the rows are shown). */
    public static String childOn(Dimension d, Fact fact) {
        String c = d.child();
        while (c != null && !dimension(c).on(fact)) c = dimension(c).child();
        if (c == null && ALTERNATE_CHILD.containsKey(d.name()) && dimension(ALTERNATE_CHILD.get(d.name())).on(fact)) {
            c = ALTERNATE_CHILD.get(d.name());
        }
        return c;
    }

    /** Dimensions whose value is a property of the supplier (one value per supplier identifier). */
    private static final Set<String> SUPPLIER_PROPERTIES = Set.of("supplier", "supplier_size", "supplier_ess", "supplier_inclusion",
            "supplier_region", "supplier_departement", "supplier_epci", "supplier_commune", "supplier_local", "supplier_sharing");

    /**
     * Whether the values of {@code m} for the keys of {@code d} add up to its value over several keys — what lets the
     * cube compute "Autres" and totals from the groups it already has. Sums and row counts always do; a distinct
     * count does when each counted entity has exactly one value of {@code d}: contracts for every dimension but the
     * supplier's (a contract may have several holders), suppliers for the supplier's properties, buyers for the buyer.
     */
    static boolean addsUpOver(Measure m, Dimension d, Fact fact) {
        if (m.additive()) return true;
        return switch (m.name()) {
            case "contracts" -> fact == Fact.CONTRACT && !SUPPLIER_PROPERTIES.contains(d.name());
            case "suppliers" -> fact == Fact.CONTRACT && SUPPLIER_PROPERTIES.contains(d.name());
            case "spending_suppliers" -> d.name().equals("supplier");
            case "buyers", "spending_buyers" -> d.name().equals("buyer") || d.name().equals("buyer_kind");
            default -> false;
        };
    }

    /** The columns each spending dimension reads (key, label, derivation), to know which rollup can answer. */
    private static final Map<String, List<String>> COLUMNS_READ = Map.ofEntries(
            Map.entry("buyer", List.of("buyer_id", "buyer_name")),
            Map.entry("segment", List.of("segment_code", "segment_label")),
            Map.entry("family", List.of("family_code", "family_label")),
            Map.entry("supplier", List.of("supplier_id", "supplier_name")),
            Map.entry("supplier_sharing", List.of("supplier_id", "buyer_id", "buyer_in_territory")),
            Map.entry("mutualisation", List.of("family_code", "cpv_division", "buyer_id", "buyer_in_territory")),
            Map.entry("month", List.of("year", "month")));

    /**
     * What each measure reads: amounts, lines and contracts are carried by every rollup of their fact; a measure
     * missing here (suppliers of contracts) needs the rows.
     */
    private static final Map<String, List<String>> MEASURE_COLUMNS = Map.of(
            "amount_spent", List.of(), "lines", List.of(),
            "spending_buyers", List.of("buyer_id"), "spending_suppliers", List.of("supplier_id"),
            "amount_initial", List.of(), "amount_current", List.of(), "contracts", List.of(), "buyers", List.of("buyer_id"));

    /**
     * The rollup table that can answer an aggregate — the first of {@link FactSnapshots#rollups} whose group key
     * holds every column its axes, filters and measures read (the scope reads buyer_id, which all hold) — or empty
     * when only the rows can.
     */
    static java.util.Optional<String> rollupFor(Fact fact, List<Dimension> axes, Set<String> filters, List<Measure> measures) {
        Set<String> needed = new java.util.HashSet<>(List.of("buyer_id"));
        for (Measure m : measures) {
            List<String> cols = MEASURE_COLUMNS.get(m.name());
            if (cols == null) return java.util.Optional.empty();
            needed.addAll(cols);
        }
        List<String> dims = new java.util.ArrayList<>(filters);
        axes.forEach(d -> dims.add(d.name()));
        for (String d : dims) needed.addAll(COLUMNS_READ.getOrDefault(d, List.of(dimension(d).keyExpr())));
        return FactSnapshots.rollups(fact).stream().filter(r -> r.columns().containsAll(needed))
                .map(FactSnapshots.Rollup::table).findFirst();
    }

    /** The measure as computed over the rollup's groups: lines and contracts are counted there, so added up here. */
    static Measure overRollup(Measure m) {
        return switch (m.name()) {
            case "lines" -> new Measure(m.name(), m.label(), m.fact(), "sum(lines)", m.kind(), m.additive());
            case "contracts" -> new Measure(m.name(), m.label(), m.fact(), "sum(contracts)", m.kind(), m.additive());
            default -> m;
        };
    }

    public static List<Dimension> dimensions() {
        return DIMENSIONS;
    }

    public static List<Measure> measures() {
        return MEASURES;
    }

    /** The dimension of that name, or an {@link IllegalArgumentException} naming the unknown value. */
    public static Dimension dimension(String name) {
        Dimension d = BY_NAME.get(name);
        if (d == null) throw new IllegalArgumentException("Axe inconnu : " + name);
        return d;
    }

    public static Measure measure(String name) {
        Measure m = MEASURE_BY_NAME.get(name);
        if (m == null) throw new IllegalArgumentException("Mesure inconnue : " + name);
        return m;
    }
}
