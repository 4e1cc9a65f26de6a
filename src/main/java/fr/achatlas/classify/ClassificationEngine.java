package fr.achatlas.classify;

import fr.achatlas.classify.nomenclature.CpvCrosswalk;
import fr.achatlas.classify.nomenclature.CrosswalkRule;
import fr.achatlas.classify.nomenclature.Nomenclature;
import fr.achatlas.classify.nomenclature.RuleKind;
import fr.achatlas.classify.text.TextModel;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * Gives any record (contract or spending line) a family, a confidence and the evidence behind it. Sources, strongest
 * first: a person's decision on the record; the buyer's own code; a specific CPV code; the contract a spending line
 * pays; the nature account; then, when no code decides, the text, the supplier's dominant family and its NAF activity
 * combined. Whatever decides, the other sources are checked against it and a strong disagreement is flagged as a
 * conflict with the alternative family. Immutable and thread-safe.
 */
public final class ClassificationEngine {

    /** Confidence of a decision by code, before the text confirms or contradicts it. */
    static final double BUYER_CODE_CONFIDENCE = 0.95;
    static final double CPV_CONFIDENCE = 0.9;
    static final double CPV_COARSE_CONFIDENCE = 0.8;
    static final double LINKED_CONFIDENCE = 0.9;
    static final double ACCOUNT_CONFIDENCE = 0.75;
    /** The text contradicts a code when it is at least this sure of another family... */
    static final double TEXT_CONFLICT_PROBABILITY = 0.6;
    /** ...and gives the code's family less than this. */
    static final double TEXT_CONFLICT_RESIDUAL = 0.1;
    /** A supplier contradicts a code when this share of at least {@link #SUPPLIER_MIN_RECORDS} records is elsewhere. */
    static final double SUPPLIER_CONFLICT_SHARE = 0.9;
    static final int SUPPLIER_MIN_RECORDS = 5;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);

    private final Nomenclature nomenclature;
    private final TextModel model;
    private final SupplierProfiles suppliers;
    private final Map<SubjectRef, ManualDecision> decisions;
    private final LongFunction<String> linkedContractFamily;
    private final CpvCrosswalk cpv;
    private final CpvCrosswalk accounts;
    private final CpvCrosswalk naf;
    private final Map<String, CrosswalkRule> buyerCodes = new HashMap<>();
    private final Map<String, BitSet> familiesByDivision = new HashMap<>();
    private static final int PREDICTION_CACHE = 500_000;
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.Optional<TextModel.Prediction>> predictions =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param model                may be null (no text evidence)
     * @param linkedContractFamily family of a contract by key, for spending lines that pay one (null when unknown)
     */
    public ClassificationEngine(Nomenclature nomenclature, TextModel model, SupplierProfiles suppliers,
                                Map<SubjectRef, ManualDecision> decisions, LongFunction<String> linkedContractFamily) {
        this.nomenclature = nomenclature;
        this.model = model;
        this.suppliers = suppliers == null ? new SupplierProfiles() : suppliers;
        this.decisions = decisions == null ? Map.of() : Map.copyOf(decisions);
        this.linkedContractFamily = linkedContractFamily == null ? k -> null : linkedContractFamily;
        this.cpv = new CpvCrosswalk(nomenclature.rules(RuleKind.CPV));
        this.accounts = new CpvCrosswalk(nomenclature.rules(RuleKind.ACCOUNT));
        this.naf = new CpvCrosswalk(nomenclature.rules(RuleKind.NAF));
        for (CrosswalkRule r : nomenclature.rules(RuleKind.BUYER_CODE)) buyerCodes.put(r.buyerId() + "|" + r.code(), r);
        if (model != null) {
            for (CrosswalkRule r : nomenclature.rules(RuleKind.CPV)) {
                int idx = model.classIndex(r.familyCode());
                if (idx >= 0 && r.isTerritoryWide()) familiesByDivision.computeIfAbsent(r.code().substring(0, 2), d -> new BitSet()).set(idx);
            }
        }
    }

    public Nomenclature nomenclature() {
        return nomenclature;
    }

    /** The CPV crosswalk this engine applies (territory rules and buyers' overrides). */
    public CpvCrosswalk cpvCrosswalk() {
        return cpv;
    }

    public Classification classify(ClassificationInput in) {
        ManualDecision decision = decisions.get(in.ref());
        if (decision != null) return manual(in, decision);
        TextModel.Prediction text = model == null || in.text() == null ? null : predict(in.text());

        if (in.buyerCode() != null && in.buyerId() != null) {
            CrosswalkRule r = buyerCodes.get(in.buyerId() + "|" + in.buyerCode());
            if (r != null) {
                return byCode(in, Method.BUYER_CODE, r.familyCode(), BUYER_CODE_CONFIDENCE, r.id(),
                        "code acheteur " + in.buyerCode() + " → " + nomenclature.describe(r.familyCode()) + " (règle " + r.reference() + ")", text);
            }
        }
        if (Cpv.isSpecific(in.cpv())) {
            CrosswalkRule r = cpv.match(in.cpv(), in.buyerId());
            if (r != null) {
                double base = r.code().length() >= 4 || !r.isTerritoryWide() ? CPV_CONFIDENCE : CPV_COARSE_CONFIDENCE;
                return byCode(in, Method.CPV, r.familyCode(), base, r.id(),
                        "CPV " + in.cpv() + " → " + nomenclature.describe(r.familyCode()) + " (règle " + r.reference() + ")", text);
            }
        }
        if (in.linkedContractKey() != null) {
            String f = linkedContractFamily.apply(in.linkedContractKey());
            if (f != null) {
                return byCode(in, Method.LINKED_CONTRACT, f, LINKED_CONFIDENCE, null,
                        "marché lié " + in.linkedContractKey() + " classé en " + nomenclature.describe(f), text);
            }
        }
        if (in.account() != null && !in.account().isBlank()) {
            CrosswalkRule r = accounts.match(in.account().strip(), in.buyerId());
            if (r != null) {
                return byCode(in, Method.ACCOUNT, r.familyCode(), ACCOUNT_CONFIDENCE, r.id(),
                        "compte " + in.account().strip() + " → " + nomenclature.describe(r.familyCode()) + " (règle " + r.reference() + ")", text);
            }
        }
        return byEvidence(in, text);
    }

    /** Identical texts get identical predictions: remembered (up to a bound) for the run's lifetime. */
    private TextModel.Prediction predict(String text) {
        java.util.Optional<TextModel.Prediction> known = predictions.get(text);
        if (known != null) return known.orElse(null);
        TextModel.Prediction p = model.predict(text);
        if (predictions.size() < PREDICTION_CACHE) predictions.put(text, java.util.Optional.ofNullable(p));
        return p;
    }

    /** Same, over the families of a CPV division; remembered per (division, text) in the same bounded cache. */
    private TextModel.Prediction predictWithin(String text, String division, BitSet allowed) {
        String key = division + '\u0000' + text;
        java.util.Optional<TextModel.Prediction> known = predictions.get(key);
        if (known != null) return known.orElse(null);
        TextModel.Prediction p = model.predict(text, allowed::get);
        if (predictions.size() < PREDICTION_CACHE) predictions.put(key, java.util.Optional.ofNullable(p));
        return p;
    }

    private Classification manual(ClassificationInput in, ManualDecision d) {
        String verb = d.status() == Status.VALIDATED ? "validé" : "corrigé";
        String evidence = "classement " + verb + " par " + d.user() + (d.at() == null ? "" : " le " + d.at().format(DATE))
                + " : " + nomenclature.describe(d.familyCode())
                + (d.comment() == null || d.comment().isBlank() ? "" : " (« " + d.comment() + " »)");
        return new Classification(in.kind(), in.key(), d.familyCode(), 1.0, Method.MANUAL, evidence, false, null, d.status(), null);
    }

    /** A code decided; the text, the supplier and its NAF activity may confirm or contradict it. */
    private Classification byCode(ClassificationInput in, Method method, String family, double base, Long ruleId,
                                  String evidence, TextModel.Prediction text) {
        StringBuilder ev = new StringBuilder(evidence);
        double confidence = base;
        boolean conflict = false;
        String alternative = null;
        if (text != null) {
            String textBest = model.classes().get(text.best());
            double pFamily = text.probabilityOf(model.classIndex(family));
            if (textBest.equals(family)) {
                confidence = Math.min(0.99, base + 0.08);
                ev.append(" ; texte concordant").append(terms(text.terms()));
            } else if (text.probability() >= TEXT_CONFLICT_PROBABILITY && pFamily < TEXT_CONFLICT_RESIDUAL) {
                conflict = true;
                alternative = textBest;
                confidence = base - 0.4;
                ev.append(" ; CONFLIT : le texte oriente vers ").append(nomenclature.describe(textBest))
                        .append(String.format(Locale.FRANCE, " (p = %.2f", text.probability())).append(termsInline(text.terms())).append(')');
            }
        }
        SupplierProfiles.Profile p = suppliers.dominant(in.supplierSiren());
        if (p != null && p.records() >= SUPPLIER_MIN_RECORDS && !p.familyCode().equals(family) && p.share() >= SUPPLIER_CONFLICT_SHARE) {
            if (!conflict) {
                conflict = true;
                alternative = p.familyCode();
                confidence = Math.min(confidence, base - 0.3);
            }
            ev.append(" ; CONFLIT : fournisseur classé à ").append(percent(p.share())).append(" en ")
                    .append(nomenclature.describe(p.familyCode())).append(" (").append(p.records()).append(" marchés)");
        }
        if (in.supplierNaf() != null) {
            CrosswalkRule r = naf.match(normaliseNaf(in.supplierNaf()), in.buyerId());
            if (r != null && !r.familyCode().equals(family)) {
                String segment = nomenclature.family(family) == null ? null : nomenclature.family(family).segmentCode();
                String nafSegment = nomenclature.family(r.familyCode()) == null ? null : nomenclature.family(r.familyCode()).segmentCode();
                if (r.weight() >= 0.5 && segment != null && !segment.equals(nafSegment)) {
                    if (!conflict) {
                        conflict = true;
                        alternative = r.familyCode();
                        confidence = Math.min(confidence, base - 0.2);
                    }
                    ev.append(" ; CONFLIT : activité NAF ").append(in.supplierNaf()).append(" du fournisseur → ")
                            .append(nomenclature.describe(r.familyCode()));
                }
            }
        }
        return new Classification(in.kind(), in.key(), family, round(confidence), method, ev.toString(), conflict, alternative, Status.AUTO, ruleId);
    }

    /**
     * No code decides: text, supplier and NAF each support a family with a strength; the family with the most support
     * wins and its supports combine like independent witnesses (1 − Π(1 − s)).
     */
    private Classification byEvidence(ClassificationInput in, TextModel.Prediction text) {
        StringBuilder ev = new StringBuilder();
        BitSet allowed = null;
        if (Cpv.isDivisionOnly(in.cpv())) {
            allowed = familiesByDivision.get(in.cpv().substring(0, 2));
            ev.append("CPV ").append(in.cpv()).append(" trop générique (division ").append(in.cpv(), 0, 2).append(')');
            if (allowed != null && text != null) text = predictWithin(in.text(), in.cpv().substring(0, 2), allowed);
        } else if (in.cpv() != null && !in.cpv().isBlank()) {
            ev.append("CPV « ").append(in.cpv()).append(" » invalide");
        } else if (in.kind() == SubjectKind.CONTRACT) {
            ev.append("sans CPV");
        } else {
            ev.append("sans code exploitable");
        }
        Map<String, List<Support>> support = new HashMap<>();
        if (text != null) {
            for (int j = 0; j < model.classes().size(); j++) {
                double p = text.probabilityOf(j);
                if (p >= 0.05) support.computeIfAbsent(model.classes().get(j), f -> new ArrayList<>())
                        .add(new Support(Method.TEXT, 0.9 * p, j == text.best() ? terms(text.terms()) : ""));
            }
        }
        SupplierProfiles.Profile p = suppliers.dominant(in.supplierSiren());
        if (p != null && p.records() >= 2) {
            support.computeIfAbsent(p.familyCode(), f -> new ArrayList<>()).add(new Support(Method.SUPPLIER,
                    0.7 * p.share() * Math.min(1.0, p.records() / 5.0),
                    " (" + percent(p.share()) + " de ses " + p.records() + " marchés)"));
        }
        if (in.supplierNaf() != null) {
            CrosswalkRule r = naf.match(normaliseNaf(in.supplierNaf()), in.buyerId());
            if (r != null) support.computeIfAbsent(r.familyCode(), f -> new ArrayList<>())
                    .add(new Support(Method.NAF, 0.6 * r.weight(), " (NAF " + in.supplierNaf() + ", règle " + r.reference() + ")"));
        }
        if (allowed != null) {
            BitSet a = allowed;
            support.keySet().removeIf(f -> model == null || model.classIndex(f) < 0 || !a.get(model.classIndex(f)));
        }
        if (support.isEmpty()) {
            if (Cpv.isDivisionOnly(in.cpv())) {
                CrosswalkRule r = cpv.match(in.cpv(), in.buyerId());
                ev.append(" ; ni texte ni fournisseur concluant : famille par défaut de la division → ")
                        .append(nomenclature.describe(r.familyCode())).append(" (règle ").append(r.reference()).append(')');
                return new Classification(in.kind(), in.key(), r.familyCode(), 0.3, Method.CPV_DIVISION, ev.toString(), false, null, Status.AUTO, r.id());
            }
            ev.append(" ; aucun indice : non classé");
            return new Classification(in.kind(), in.key(), null, 0, Method.NONE, ev.toString(), false, null, Status.AUTO, null);
        }
        String best = null;
        double bestConfidence = -1;
        for (Map.Entry<String, List<Support>> e : support.entrySet()) {
            double c = combined(e.getValue());
            if (c > bestConfidence || c == bestConfidence && e.getKey().compareTo(best) < 0) {
                best = e.getKey();
                bestConfidence = c;
            }
        }
        List<Support> winners = support.get(best);
        winners.sort((a, b) -> Double.compare(b.strength, a.strength));
        Method method = winners.getFirst().method;
        ev.append(" ; proposition ").append(nomenclature.describe(best)).append(" d'après ")
                .append(winners.stream().map(s -> s.method.label() + s.detail).collect(Collectors.joining(", ")));
        String alternative = null;
        boolean conflict = false;
        for (Map.Entry<String, List<Support>> e : support.entrySet()) {
            if (e.getKey().equals(best)) continue;
            for (Support s : e.getValue()) {
                if (s.method != Method.TEXT && s.strength >= 0.4) {
                    conflict = true;
                    alternative = e.getKey();
                    ev.append(" ; CONFLIT : ").append(s.method.label()).append(" → ").append(nomenclature.describe(e.getKey())).append(s.detail);
                }
            }
        }
        if (!conflict && text != null && text.second() >= 0 && !model.classes().get(text.best()).equals(best) && text.probability() >= TEXT_CONFLICT_PROBABILITY) {
            conflict = true;
            alternative = model.classes().get(text.best());
            ev.append(" ; CONFLIT : le texte oriente vers ").append(nomenclature.describe(alternative));
        }
        return new Classification(in.kind(), in.key(), best, round(bestConfidence), method, ev.toString(), conflict, alternative, Status.AUTO, null);
    }

    private record Support(Method method, double strength, String detail) {
    }

    private static double combined(List<Support> supports) {
        double miss = 1;
        for (Support s : supports) miss *= 1 - s.strength;
        return 1 - miss;
    }

    static String normaliseNaf(String naf) {
        return naf.replace(".", "").replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static String terms(List<String> terms) {
        return terms.isEmpty() ? "" : " (" + termsList(terms) + ")";
    }

    private static String termsInline(List<String> terms) {
        return terms.isEmpty() ? "" : " : " + termsList(terms);
    }

    private static String termsList(List<String> terms) {
        return terms.stream().map(t -> "« " + t + " »").collect(Collectors.joining(", "));
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    private static double round(double v) {
        return Math.round(Math.max(0, Math.min(1, v)) * 1000) / 1000.0;
    }
}
