package fr.achatlas.classify.run;

import fr.achatlas.classify.Classification;
import fr.achatlas.classify.ClassificationEngine;
import fr.achatlas.classify.ClassificationInput;
import fr.achatlas.classify.Cpv;
import fr.achatlas.classify.ManualDecision;
import fr.achatlas.classify.Status;
import fr.achatlas.classify.SubjectKind;
import fr.achatlas.classify.SubjectRef;
import fr.achatlas.classify.SupplierProfiles;
import fr.achatlas.classify.TextTraining;
import fr.achatlas.classify.nomenclature.CpvCrosswalk;
import fr.achatlas.classify.nomenclature.CrosswalkRule;
import fr.achatlas.classify.nomenclature.Nomenclature;
import fr.achatlas.classify.nomenclature.NomenclatureFiles;
import fr.achatlas.classify.nomenclature.RuleKind;
import fr.achatlas.classify.text.TextModel;
import fr.achatlas.classify.text.TrainingSet;
import fr.achatlas.query.ClassificationQueries;
import fr.achatlas.store.ClassificationStore;
import fr.achatlas.store.Database;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Classifies everything in the store from its current state — nomenclature, rules, people's decisions — without
 * re-importing anything, and carries out the actions of the validation loop (accept, override, correction → rule).
 */
public final class Reclassifier {

    public record Result(int contracts, long classified, long conflicts, long toReview, long trainingRecords,
                         int vocabulary, double seconds, int spendingLines, long spendingClassified) {
    }

    private final Database db;
    private final ClassificationQueries queries;
    private final ClassificationStore store;
    private Result lastResult;

    public Reclassifier(Database db) {
        this.db = db;
        this.queries = new ClassificationQueries(db.connection());
        this.store = new ClassificationStore(db);
    }

    /** The active nomenclature, installing the shipped default on first use. */
    public Nomenclature nomenclature(String user) throws SQLException {
        var active = queries.activeNomenclature();
        if (active.isPresent()) return active.get();
        NomenclatureFiles.Parsed defaults = NomenclatureFiles.defaults();
        store.saveNomenclature(defaults.nomenclature(), defaults.texts(), "défaut", user);
        return queries.activeNomenclature().orElseThrow();
    }

    /** Reclassifies every contract (and, once they are in the store, spending lines) from scratch. */
    public Result run(String user) throws SQLException {
        long t0 = System.nanoTime();
        Nomenclature n = nomenclature(user);
        List<ClassificationInput> contracts = queries.contractInputs();
        Map<SubjectRef, ManualDecision> decisions = queries.decisions();
        TrainingSet builder = TextTraining.builder(n);
        CpvCrosswalk cpv = new CpvCrosswalk(n.rules(RuleKind.CPV));
        SupplierProfiles suppliers = new SupplierProfiles();
        TextTraining.LabelledTexts texts = new TextTraining.LabelledTexts();
        for (ClassificationInput in : contracts) {
            texts.add(cpv, in);
            if (Cpv.isSpecific(in.cpv())) {
                CrosswalkRule r = cpv.match(in.cpv(), in.buyerId());
                if (r != null) suppliers.add(in.supplierSiren(), r.familyCode());
            }
        }
        texts.addTo(builder);
        long training = texts.records();
        TextModel model = TextTraining.fit(builder);
        ClassificationEngine engine = new ClassificationEngine(n, model, suppliers, decisions, null);
        List<Classification> results = contracts.parallelStream().map(engine::classify).toList();
        store.replaceAll(SubjectKind.CONTRACT, results, user);
        long classified = results.stream().filter(c -> c.familyCode() != null).count();
        long conflicts = results.stream().filter(Classification::conflict).count();
        long review = results.stream().filter(Classification::needsReview).count();

        // Spending lines: the same engine, with their account, label, supplier and the family of their linked contract.
        List<ClassificationInput> lines = queries.spendingInputs();
        long linesClassified = 0;
        if (!lines.isEmpty()) {
            Map<Long, String> contractFamilies = new HashMap<>();
            for (Classification c : results) {
                if (c.familyCode() != null) contractFamilies.put(c.key(), c.familyCode());
            }
            ClassificationEngine lineEngine = new ClassificationEngine(n, model, suppliers, decisions, contractFamilies::get);
            List<Classification> lineResults = lines.parallelStream().map(lineEngine::classify).toList();
            store.replaceAll(SubjectKind.SPENDING_LINE, lineResults, user);
            linesClassified = lineResults.stream().filter(c -> c.familyCode() != null).count();
        }
        lastResult = new Result(contracts.size(), classified, conflicts, review, training, model.vocabularySize(),
                (System.nanoTime() - t0) / 1e9, lines.size(), linesClassified);
        return lastResult;
    }

    /** Accepts the current family of a record (status VALIDATED); it then survives reclassifications. */
    public Classification accept(SubjectRef ref, String user, String comment) throws SQLException {
        Classification current = queries.classification(ref)
                .orElseThrow(() -> new IllegalArgumentException("enregistrement non classé : " + ref.kind() + " " + ref.key()));
        if (current.familyCode() == null) throw new IllegalArgumentException("rien à valider : l'enregistrement n'a pas de famille ; utilisez une correction");
        return decide(new ManualDecision(ref, current.familyCode(), Status.VALIDATED, user, LocalDateTime.now(), comment));
    }

    /** Sets another family for one record (status OVERRIDDEN). */
    public Classification override(SubjectRef ref, String familyCode, String user, String comment) throws SQLException {
        Nomenclature n = nomenclature(user);
        if (n.family(familyCode) == null) throw new IllegalArgumentException("famille inconnue : " + familyCode);
        if (queries.classification(ref).isEmpty()) throw new IllegalArgumentException("enregistrement inconnu ou non classé : " + ref.kind() + " " + ref.key());
        return decide(new ManualDecision(ref, familyCode, Status.OVERRIDDEN, user, LocalDateTime.now(), comment));
    }

    private Classification decide(ManualDecision d) throws SQLException {
        Nomenclature n = nomenclature(d.user());
        ClassificationEngine engine = new ClassificationEngine(n, null, null, Map.of(d.ref(), d), null);
        Classification applied = engine.classify(new ClassificationInput(d.ref().kind(), d.ref().key(), null, null, null, null, null, null, null, null));
        store.decide(d, applied);
        return applied;
    }

    /**
     * Turns the family a person gave one record into a rule for every similar record, for its buyer only or, with
     * {@code territoryWide}, for the whole territory; then reclassifies everything. A contract gives a rule on its CPV
     * code (trailing zeros dropped, so the code and those under it); a spending line a rule on its nature account
     * (the full account: "615221", not "6152", which would sweep other families along).
     */
    public CrosswalkRule ruleFromCorrection(SubjectRef ref, boolean territoryWide, String user, String comment) throws SQLException {
        Classification current = queries.classification(ref)
                .orElseThrow(() -> new IllegalArgumentException("enregistrement non classé : " + ref.key()));
        if (current.status() == Status.AUTO || current.familyCode() == null) {
            throw new IllegalArgumentException("l'enregistrement n'a pas été corrigé ni validé : corrigez-le d'abord (classify override)");
        }
        CrosswalkRule rule = ref.kind() == SubjectKind.CONTRACT
                ? cpvRule(ref, current, territoryWide, user, comment)
                : accountRule(ref, current, territoryWide, user, comment);
        long id = store.addRule(rule, user, comment);
        run(user);
        return rule.withId(id);
    }

    private CrosswalkRule cpvRule(SubjectRef ref, Classification current, boolean territoryWide, String user, String comment) throws SQLException {
        ClassificationInput in = queries.contractInput(ref.key()).orElseThrow();
        if (!Cpv.isValid(in.cpv())) {
            throw new IllegalArgumentException("le marché n'a pas de code CPV valide : pas de règle possible, la correction reste sur ce seul marché");
        }
        String prefix = in.cpv().replaceFirst("0+$", "");
        if (prefix.length() < 2) prefix = in.cpv().substring(0, 2);
        return new CrosswalkRule(0, RuleKind.CPV, prefix, current.familyCode(), 1.0,
                territoryWide ? null : in.buyerId(), CrosswalkRule.USER,
                comment != null ? comment : "d'après la correction du marché " + ref.key(), user, LocalDateTime.now());
    }

    private CrosswalkRule accountRule(SubjectRef ref, Classification current, boolean territoryWide, String user, String comment) throws SQLException {
        ClassificationInput in = queries.spendingInput(ref.key())
                .orElseThrow(() -> new IllegalArgumentException("ligne de dépense inconnue : " + ref.key()));
        if (in.account() == null || in.account().isBlank()) {
            throw new IllegalArgumentException("la ligne n'a pas de compte par nature : pas de règle possible, la correction reste sur cette seule ligne");
        }
        return new CrosswalkRule(0, RuleKind.ACCOUNT, in.account().strip(), current.familyCode(), 1.0,
                territoryWide ? null : in.buyerId(), CrosswalkRule.USER,
                comment != null ? comment : "d'après la correction de la ligne de dépense " + ref.key(), user, LocalDateTime.now());
    }

    /** The result of the latest reclassification this instance ran (a rule made from a correction runs one). */
    public Result lastResult() {
        return lastResult;
    }

    public Database database() {
        return db;
    }
}
