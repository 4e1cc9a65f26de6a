package fr.achatlas.parse;

import fr.achatlas.model.Contract;
import fr.achatlas.model.ContractKind;
import fr.achatlas.model.Finding;
import fr.achatlas.model.Modification;
import fr.achatlas.model.ParsedRecord;
import fr.achatlas.model.Party;
import fr.achatlas.model.Place;
import fr.achatlas.model.Provenance;
import fr.achatlas.model.Rule;
import fr.achatlas.model.SourceFormat;
import fr.achatlas.model.SubcontractAct;
import fr.achatlas.normalise.BooleanNormaliser;
import fr.achatlas.normalise.CpvNormaliser;
import fr.achatlas.normalise.DateNormaliser;
import fr.achatlas.normalise.IdentifierNormaliser;
import fr.achatlas.normalise.Normalised;
import fr.achatlas.normalise.NumberNormaliser;
import fr.achatlas.normalise.Texts;
import fr.achatlas.normalise.Vocabularies;
import fr.achatlas.normalise.Vocabulary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps one record, read by any of the four readers into a generic tree, to a {@link Contract}. All four formats share
 * this mapper, so every nesting variant is handled here once.
 *
 * <p>The tree is made of {@code TreeObject}, {@code List<Object>}, {@code String}, {@link JsonNumberText} and
 * {@code Boolean}. JSON and XML give different shapes for the same DECP content ({@code "titulaires":[{"titulaire":{…}}]}
 * in v2 JSON, {@code <titulaires><titulaire>…} in XML, a bare list in 2019 JSON, and in the wild lists nested in lists
 * or {@code {"titulaire":[…]}}); {@link #collectObjects} and {@link #collectStrings} unwrap all of them.
 *
 * <p>Canonical vocabularies (one per field, for both formats) are those of {@link Vocabularies}: the schemas' own labels,
 * the union of 2019 and v2 where v2 dropped a 2019 label, pre-2019 procedure labels mapped to the current ones
 * ("Marché négocié sans publicité ni mise en concurrence préalable" → "Marché passé sans publicité ni mise en concurrence
 * préalable", "Procédure concurrentielle avec négociation" → "Procédure avec négociation"). See docs/formats.md.
 *
 * <p>Conventions: lists and sets are never null (empty instead), except {@link Modification#holders()} which is null
 * when the modification does not carry holders. {@code uid} is the aggregators' {@code uid}, or their {@code uuid}
 * when there is no uid. The buyer's id type is SIRET: both schemas require a SIRET for the buyer and publish no type.
 * Sub-contracting acts and their modifications share one rank sequence (acts first), so a rank identifies one entry.
 * Never throws on content.
 */
public final class DecpRecordMapper {

    /** Keys that only a DECP record has: an object with none of them is not a contract. */
    private static final Set<String> DECP_KEYS = Set.of("id", "uid", "uuid", "acheteur", "acheteur.id", "autoriteConcedante",
            "objet", "nature", "codeCPV", "procedure", "montant", "valeurGlobale", "titulaires", "concessionnaires",
            "dateNotification", "dateSignature", "dureeMois", "lieuExecution", "_type", "modifications");

    private static final Set<String> CONCESSION_KEYS = Set.of("autoriteConcedante", "concessionnaires", "valeurGlobale",
            "dateSignature", "dateDebutExecution", "montantSubventionPublique", "donneesExecution");

    /** Everything the mapper needs to know about where a record sits. */
    public record Context(String fileName, String fileSha256, long position, SourceFormat format) {
    }

    /**
     * @param tree          the record as read (anything: a non-object gives NOT_A_CONTRACT)
     * @param kindHint      the kind when the container says it (v2 lists, XML element names), or null to use {@code _type}
     * @param readerFindings findings the reader raised on this record (control characters), may be empty
     */
    public ParsedRecord map(Object tree, ContractKind kindHint, Context ctx, List<Finding> readerFindings) {
        List<Finding> f = new ArrayList<>(readerFindings);
        if (!(tree instanceof TreeObject rec)) {
            Provenance p = provenance(ctx, null);
            f.add(Rule.NOT_A_CONTRACT.finding("enregistrement", preview(tree),
                    "L'élément n° " + ctx.position() + " n'est pas un objet (marché ou contrat de concession)."));
            return new ParsedRecord(null, f, p);
        }
        String platform = plain(rec.get("source"));
        Provenance prov = provenance(ctx, platform == null || platform.isBlank() ? null : platform.strip());
        ContractKind kind = kind(rec, kindHint);
        if (kind == null) {
            f.add(Rule.NOT_A_CONTRACT.finding("enregistrement", preview(tree),
                    "L'objet n° " + ctx.position() + " n'a aucun champ d'un marché ou d'un contrat de concession."));
            return new ParsedRecord(null, f, prov);
        }
        try {
            return new ParsedRecord(contract(rec, kind, prov, f), f, prov);
        } catch (RuntimeException e) {
            // A mapping bug must not stop an import of millions of records: the record is rejected, visibly.
            f.add(Rule.PARSE_ERROR.finding("enregistrement", String.valueOf(e),
                    "Enregistrement n° " + ctx.position() + " impossible à interpréter : " + e.getMessage()));
            return new ParsedRecord(null, f, prov);
        }
    }

    private static Provenance provenance(Context ctx, String platform) {
        return new Provenance(ctx.fileName(), ctx.fileSha256(), ctx.position(), ctx.format(), platform);
    }

    private static ContractKind kind(TreeObject rec, ContractKind hint) {
        boolean decp = false;
        for (int i = 0; i < rec.size(); i++) {
            if (DECP_KEYS.contains(rec.key(i))) {
                decp = true;
                break;
            }
        }
        if (!decp) return null;
        if (hint != null) return hint;
        String type = plain(rec.get("_type"));
        if (type != null) {
            String t = type.strip().toLowerCase();
            if (t.contains("concession")) return ContractKind.CONCESSION;
            if (t.startsWith("march")) return ContractKind.MARCHE;
        }
        for (int i = 0; i < rec.size(); i++) if (CONCESSION_KEYS.contains(rec.key(i))) return ContractKind.CONCESSION;
        return ContractKind.MARCHE;
    }

    private Contract contract(TreeObject r, ContractKind kind, Provenance prov, List<Finding> f) {
        boolean concession = kind == ContractKind.CONCESSION;
        String id = text(r, "id", "id", f);
        String uid = text(r, "uid", "uid", f);
        if (uid == null) uid = text(r, "uuid", "uuid", f);

        Party buyer = buyer(r, concession, f);
        if (buyer == null) buyer = buyer(r, !concession, f);

        String natureRaw = text(r, "nature", "nature", f);
        String nature = Vocabularies.NATURE.normalise("nature", natureRaw).into(f);
        String object = text(r, "objet", "objet", f);

        String cpvRaw = plain(r.get("codeCPV"));
        Normalised<String> cpvN = CpvNormaliser.normalise("codeCPV", cpvRaw);
        String cpv = cpvN.into(f);
        String cpvOriginal = cpvRaw != null && !cpvRaw.equals(cpv) && !isNotProvided(cpvN) ? cpvRaw : null;
        if (cpv == null && !concession && (cpvRaw == null || isNotProvided(cpvN))) {
            f.add(Rule.CPV_MISSING.finding("codeCPV", null, "Code CPV absent."));
        }

        String procedureRaw = text(r, "procedure", "procedure", f);
        String procedure = Vocabularies.PROCEDURE.normalise("procedure", procedureRaw).into(f);

        Set<String> techniques = labels(r.get("techniques"), "technique", "techniques", Vocabularies.TECHNIQUE, f);
        Set<String> modes = labels(r.get("modalitesExecution"), "modaliteExecution", "modalitesExecution",
                Vocabularies.EXECUTION_MODE, f);
        Place place = place(r, f);

        String durationRaw = plain(r.get("dureeMois"));
        Normalised<Integer> durationN = NumberNormaliser.integer("dureeMois", durationRaw);
        Integer duration = durationN.into(f);
        String durationOriginal = numberOriginal(durationRaw, durationN);

        String notifRaw = plain(r.get("dateNotification"));
        Normalised<LocalDate> notifN = DateNormaliser.normalise("dateNotification", notifRaw);
        LocalDate notification = notifN.into(f);
        String notificationOriginal = notifN.finding() != null && !isNotProvided(notifN) ? notifRaw : null;
        LocalDate signature = date(r, "dateSignature", "dateSignature", f);
        LocalDate publication = date(r, "datePublicationDonnees", "datePublicationDonnees", f);
        LocalDate executionStart = date(r, "dateDebutExecution", "dateDebutExecution", f);

        String amountKey = concession && r.containsKey("valeurGlobale") ? "valeurGlobale"
                : r.containsKey("montant") ? "montant" : "valeurGlobale";
        String amountRaw = plain(r.get(amountKey));
        Normalised<BigDecimal> amountN = NumberNormaliser.decimal(amountKey, amountRaw);
        BigDecimal amount = amountN.into(f);
        String amountOriginal = numberOriginal(amountRaw, amountN);
        BigDecimal subsidy = decimal(r, "montantSubventionPublique", "montantSubventionPublique", f);

        String priceForm = Vocabularies.PRICE_FORM.normalise("formePrix", text(r, "formePrix", "formePrix", f)).into(f);
        Set<String> priceTypes = labels(r.get("typesPrix"), "typePrix", "typesPrix", Vocabularies.PRICE_TYPE, f);
        Boolean advance = bool(r, "attributionAvance", "attributionAvance", f);
        BigDecimal advanceRate = decimal(r, "tauxAvance", "tauxAvance", f);
        BigDecimal originUe = decimal(r, "origineUE", "origineUE", f);
        BigDecimal originFrance = decimal(r, "origineFrance", "origineFrance", f);
        String ccag = Vocabularies.CCAG.normalise("ccag", text(r, "ccag", "ccag", f)).into(f);
        Integer offers = NumberNormaliser.integer("offresRecues", plain(r.get("offresRecues"))).into(f);
        Boolean innovative = bool(r, "marcheInnovant", "marcheInnovant", f);
        String grouping = Vocabularies.GROUPING.normalise("typeGroupementOperateurs",
                text(r, "typeGroupementOperateurs", "typeGroupementOperateurs", f)).into(f);
        String frameworkId = text(r, "idAccordCadre", "idAccordCadre", f);
        Set<String> social = labels(r.get("considerationsSociales"), "considerationSociale", "considerationsSociales",
                Vocabularies.SOCIAL, f);
        Set<String> environmental = labels(r.get("considerationsEnvironnementales"), "considerationEnvironnementale",
                "considerationsEnvironnementales", Vocabularies.ENVIRONMENTAL, f);
        Boolean subcontractingDeclared = bool(r, "sousTraitanceDeclaree", "sousTraitanceDeclaree", f);
        List<SubcontractAct> subcontracts = subcontracts(r, f);

        String holdersKey = concession && r.containsKey("concessionnaires") ? "concessionnaires"
                : r.containsKey("titulaires") ? "titulaires" : "concessionnaires";
        List<Party> holders = parties(r.get(holdersKey), holdersKey, f);
        List<Modification> modifications = modifications(r.get("modifications"), f);
        String executionData = r.containsKey("donneesExecution") ? ExecutionDataJson.of(r.get("donneesExecution")) : null;

        return new Contract(kind, id, uid, buyer, nature, changed(natureRaw, nature), object, cpv, cpvOriginal,
                procedure, changed(procedureRaw, procedure), techniques, modes, place, duration, durationOriginal,
                notification, signature, publication, executionStart, notificationOriginal, amount, amountOriginal,
                subsidy, priceForm, priceTypes, advance, advanceRate, originUe, originFrance, ccag, offers, innovative,
                grouping, frameworkId, social, environmental, subcontractingDeclared, subcontracts, holders,
                modifications, executionData, prov);
    }

    // --- parties ---------------------------------------------------------------------------------------------

    /** The buyer from {@code acheteur: {id, nom}}, or from the flat keys {@code "acheteur.id"} some exports write. */
    private Party buyer(TreeObject r, boolean concession, List<Finding> f) {
        Object node = concession ? r.get("autoriteConcedante") : r.get("acheteur");
        String prefix = concession ? "autoriteConcedante" : "acheteur";
        String id, name;
        if (node instanceof TreeObject m) {
            id = text(m, "id", prefix + ".id", f);
            name = text(m, "nom", prefix + ".nom", f);
        } else if (concession) {
            id = text(r, "autoriteConcedante.id", "autoriteConcedante.id", f);
            name = text(r, "autoriteConcedante.nom", "autoriteConcedante.nom", f);
        } else {
            id = text(r, "acheteur.id", "acheteur.id", f);
            name = text(r, "acheteur.nom", "acheteur.nom", f);
        }
        id = IdentifierNormaliser.id(id);
        if (id == null && name == null) return null;
        return new Party(id, "SIRET", null, name);
    }

    private List<Party> parties(Object node, String field, List<Finding> f) {
        List<TreeObject> objects = new ArrayList<>(2);
        String wrapper = field.equals("concessionnaires") ? "concessionnaire" : "titulaire";
        collectObjects(node, wrapper, objects);
        if (objects.isEmpty()) return List.of();
        List<Party> out = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) out.add(party(objects.get(i), field + "[" + (i + 1) + "]", f));
        return out;
    }

    private Party party(TreeObject m, String field, List<Finding> f) {
        String id = IdentifierNormaliser.id(text(m, "id", field + ".id", f));
        String typeRaw = text(m, "typeIdentifiant", field + ".typeIdentifiant", f);
        IdentifierNormaliser.IdType type = IdentifierNormaliser.type(field + ".typeIdentifiant", typeRaw).into(f);
        String name = text(m, "denominationSociale", field + ".denominationSociale", f);
        if (name == null) name = text(m, "nom", field + ".nom", f);
        return type == null ? new Party(id, null, null, name) : new Party(id, type.type(), type.original(), name);
    }

    // --- nested lists ----------------------------------------------------------------------------------------

    /**
     * Collects the leaf objects of a DECP list whatever its wrapping: a list, lists of lists, objects wrapping the
     * item under {@code wrapper} (a map or a list of maps), or a single object. Blank text (an empty XML element) is
     * an empty list.
     */
    static void collectObjects(Object node, String wrapper, List<TreeObject> out) {
        if (node instanceof List<?> list) {
            for (Object o : list) collectObjects(o, wrapper, out);
        } else if (node instanceof TreeObject m) {
            Object inner = m.get(wrapper);
            if ((inner instanceof TreeObject || inner instanceof List<?>) && (m.size() == 1 || !m.containsKey("id"))) {
                collectObjects(inner, wrapper, out);
            } else if (!m.isEmpty()) {
                out.add(m);
            }
        }
    }

    /** Labels of a DECP string list: {@code {"technique":[…]}}, {@code <techniques><technique>…}, a bare list or text. */
    static void collectStrings(Object node, String wrapper, List<String> out) {
        if (node instanceof List<?> list) {
            for (Object o : list) collectStrings(o, wrapper, out);
        } else if (node instanceof TreeObject m) {
            Object inner = m.get(wrapper);
            if (inner != null) collectStrings(inner, wrapper, out);
        } else if (node != null && !(node instanceof Boolean)) {
            String s = node.toString();
            if (!s.isBlank()) out.add(s);
        }
    }

    private Set<String> labels(Object node, String wrapper, String field, Vocabulary vocabulary, List<Finding> f) {
        if (node == null) return Set.of();
        List<String> raw = new ArrayList<>(2);
        collectStrings(node, wrapper, raw);
        if (raw.isEmpty()) return Set.of();
        if (raw.size() == 1 && !Texts.isNotProvided(raw.get(0))) {
            String label = vocabulary.normalise(field, raw.get(0)).into(f);
            return label == null ? Set.of() : Set.of(label);
        }
        Set<String> out = new LinkedHashSet<>(raw.size() * 2);
        for (String s : raw) {
            if (Texts.isNotProvided(s)) continue;
            String label = vocabulary.normalise(field, s).into(f);
            if (label != null) out.add(label);
        }
        return out;
    }

    private Place place(TreeObject r, List<Finding> f) {
        Object node = r.get("lieuExecution");
        String code, type, name;
        if (node instanceof TreeObject m) {
            code = text(m, "code", "lieuExecution.code", f);
            type = text(m, "typeCode", "lieuExecution.typeCode", f);
            name = text(m, "nom", "lieuExecution.nom", f);
        } else {
            code = text(r, "lieuExecution.code", "lieuExecution.code", f);
            type = text(r, "lieuExecution.typeCode", "lieuExecution.typeCode", f);
            name = text(r, "lieuExecution.nom", "lieuExecution.nom", f);
        }
        type = Vocabularies.PLACE_TYPE.normalise("lieuExecution.typeCode", type).into(f);
        if (code == null && type == null && name == null) return null;
        return new Place(code, type, name);
    }

    // --- modifications and sub-contracting --------------------------------------------------------------------

    private List<Modification> modifications(Object node, List<Finding> f) {
        if (node == null) return List.of();
        List<TreeObject> objects = new ArrayList<>(2);
        collectObjects(node, "modification", objects);
        if (objects.isEmpty()) return List.of();
        List<Modification> out = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            TreeObject m = objects.get(i);
            String p = "modifications[" + (i + 1) + "].";
            String notifKey = m.containsKey("dateNotificationModification") ? "dateNotificationModification" : "dateSignatureModification";
            String amountKey = m.containsKey("montant") ? "montant" : "valeurGlobale";
            String holdersKey = m.containsKey("titulaires") ? "titulaires" : "concessionnaires";
            List<Party> holders = null;
            if (m.containsKey(holdersKey)) {
                holders = parties(m.get(holdersKey), p + holdersKey, f);
                if (holders.isEmpty()) holders = null;
            }
            out.add(new Modification(i + 1, text(m, "id", p + "id", f),
                    text(m, "objetModification", p + "objetModification", f),
                    date(m, notifKey, p + notifKey, f),
                    date(m, "datePublicationDonneesModification", p + "datePublicationDonneesModification", f),
                    NumberNormaliser.integer(p + "dureeMois", plain(m.get("dureeMois"))).into(f),
                    decimal(m, amountKey, p + amountKey, f),
                    holders));
        }
        return out;
    }

    private List<SubcontractAct> subcontracts(TreeObject r, List<Finding> f) {
        Object acts = r.get("actesSousTraitance");
        Object mods = r.get("modificationsActesSousTraitance");
        if (acts == null && mods == null) return List.of();
        List<TreeObject> actObjects = new ArrayList<>(2);
        collectObjects(acts, "acteSousTraitance", actObjects);
        List<TreeObject> modObjects = new ArrayList<>(2);
        collectObjects(mods, "modificationActeSousTraitance", modObjects);
        List<SubcontractAct> out = new ArrayList<>(actObjects.size() + modObjects.size());
        int rank = 0;
        for (int i = 0; i < actObjects.size(); i++) {
            TreeObject m = actObjects.get(i);
            String p = "actesSousTraitance[" + (i + 1) + "].";
            Party sub = null;
            Object st = m.get("sousTraitant");
            if (st instanceof TreeObject sm) sub = party(sm, p + "sousTraitant", f);
            out.add(new SubcontractAct(++rank, text(m, "id", p + "id", f), false, sub,
                    NumberNormaliser.integer(p + "dureeMois", plain(m.get("dureeMois"))).into(f),
                    date(m, "dateNotification", p + "dateNotification", f),
                    date(m, "datePublicationDonnees", p + "datePublicationDonnees", f),
                    decimal(m, "montant", p + "montant", f),
                    Vocabularies.PRICE_VARIATION.normalise(p + "variationPrix", text(m, "variationPrix", p + "variationPrix", f)).into(f)));
        }
        for (int i = 0; i < modObjects.size(); i++) {
            TreeObject m = modObjects.get(i);
            String p = "modificationsActesSousTraitance[" + (i + 1) + "].";
            out.add(new SubcontractAct(++rank, text(m, "id", p + "id", f), true, null,
                    NumberNormaliser.integer(p + "dureeMois", plain(m.get("dureeMois"))).into(f),
                    date(m, "dateNotificationModificationSousTraitance", p + "dateNotificationModificationSousTraitance", f),
                    date(m, "datePublicationDonnees", p + "datePublicationDonnees", f),
                    decimal(m, "montant", p + "montant", f),
                    null));
        }
        return out;
    }

    // --- scalar helpers --------------------------------------------------------------------------------------

    /** The scalar as text (JSON numbers and booleans included); null for absent values and for objects/lists. */
    static String plain(Object v) {
        if (v instanceof String s) return s;
        if (v instanceof JsonNumberText n) return n.text();
        if (v instanceof Boolean b) return b.toString();
        return null;
    }

    /** Trimmed text of a field; placeholders ("NC", empty…) are absent with an INFO. */
    private static String text(TreeObject m, String key, String field, List<Finding> f) {
        String raw = plain(m.get(key));
        if (raw == null) return null;
        if (Texts.isNotProvided(raw)) {
            f.add(Texts.notProvided(field, raw));
            return null;
        }
        return raw.strip();
    }

    private static LocalDate date(TreeObject m, String key, String field, List<Finding> f) {
        return DateNormaliser.normalise(field, plain(m.get(key))).into(f);
    }

    private static BigDecimal decimal(TreeObject m, String key, String field, List<Finding> f) {
        return NumberNormaliser.decimal(field, plain(m.get(key))).into(f);
    }

    private static Boolean bool(TreeObject m, String key, String field, List<Finding> f) {
        return BooleanNormaliser.normalise(field, plain(m.get(key))).into(f);
    }

    private static boolean isNotProvided(Normalised<?> n) {
        return n.finding() != null && n.finding().rule().equals(Rule.VALUE_NOT_PROVIDED.name());
    }

    /** The published text of a number when it was unreadable or not written in the standard way ("1 234,56"). */
    private static String numberOriginal(String raw, Normalised<?> n) {
        if (raw == null || isNotProvided(n)) return null;
        if (n.value() == null || !NumberNormaliser.isPlain(raw)) return raw;
        return null;
    }

    private static String changed(String raw, String normalised) {
        return raw == null || raw.equals(normalised) ? null : raw;
    }

    private static String preview(Object tree) {
        String s = String.valueOf(tree);
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
