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

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;

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

    /** Records classified at a time: enough to keep every core busy, few enough for a small heap. */
    private int batchSize = 50_000;

    /**
     * Reclassifies every contract (and, once they are in the store, spending lines) from scratch. The store is read
     * twice through cursors — once to learn from the contracts, once to classify them batch by batch as the results are
     * written — so a national-scale store (millions of records) classifies within a 1 GB heap.
     */
    public Result run(String user) throws SQLException {
        long t0 = System.nanoTime();
        Nomenclature n = nomenclature(user);
        Map<SubjectRef, ManualDecision> decisions = queries.decisions();
        TrainingSet builder = TextTraining.builder(n);
        CpvCrosswalk cpv = new CpvCrosswalk(n.rules(RuleKind.CPV));
        SupplierProfiles suppliers = new SupplierProfiles();
        TextTraining.LabelledTexts texts = new TextTraining.LabelledTexts();
        try (ClassificationQueries.InputCursor contracts = queries.contractInputCursor()) {
            while (contracts.hasNext()) {
                ClassificationInput in = contracts.next();
                texts.add(cpv, in);
                if (Cpv.isSpecific(in.cpv())) {
                    CrosswalkRule r = cpv.match(in.cpv(), in.buyerId());
                    if (r != null) suppliers.add(in.supplierSiren(), r.familyCode());
                }
            }
        }
        texts.addTo(builder);
        long training = texts.records();
        TextModel model = TextTraining.fit(builder);

        // The family of a contract is evidence for the spending lines that pay it: kept for those contracts only.
        Set<Long> linked = queries.contractsLinkedToSpending();
        Map<Long, String> contractFamilies = new HashMap<>();
        Tally contractTally = new Tally();
        ClassificationEngine engine = new ClassificationEngine(n, model, suppliers, decisions, null);
        try (Connection reading = db.duplicate();
             ClassificationQueries.InputCursor contracts = new ClassificationQueries(reading).contractInputCursor()) {
            store.replaceAll(SubjectKind.CONTRACT, classified(contracts, engine, c -> {
                contractTally.add(c);
                if (c.familyCode() != null && linked.contains(c.key())) contractFamilies.put(c.key(), c.familyCode());
            }), user);
        }

        Tally lineTally = new Tally();
        if (queries.spendingLineCount() > 0) {
            ClassificationEngine lineEngine = new ClassificationEngine(n, model, suppliers, decisions, contractFamilies::get);
            try (Connection reading = db.duplicate();
                 ClassificationQueries.InputCursor lines = new ClassificationQueries(reading).spendingInputCursor()) {
                store.replaceAll(SubjectKind.SPENDING_LINE, classified(lines, lineEngine, lineTally::add), user);
            }
        }
        lastResult = new Result((int) contractTally.records, contractTally.classified, contractTally.conflicts,
                contractTally.review, training, model.vocabularySize(), (System.nanoTime() - t0) / 1e9,
                (int) lineTally.records, lineTally.classified);
        return lastResult;
    }

    /** Another batch size (tests: several batches on a small store). */
    Reclassifier batchSize(int records) {
        this.batchSize = records;
        return this;
    }

    /** The inputs classified a batch at a time (on every core), as the store consumes them. */
    private Iterable<Classification> classified(Iterator<ClassificationInput> inputs, ClassificationEngine engine,
                                                       Consumer<Classification> seen) {
        return () -> new Iterator<>() {
            private Iterator<Classification> batch = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!batch.hasNext()) {
                    if (!inputs.hasNext()) return false;
                    List<ClassificationInput> in = new ArrayList<>(batchSize);
                    while (in.size() < batchSize && inputs.hasNext()) in.add(inputs.next());
                    List<Classification> out = in.parallelStream().map(engine::classify).toList();
                    out.forEach(seen);
                    batch = out.iterator();
                }
                return true;
            }

            @Override
            public Classification next() {
                if (!hasNext()) throw new NoSuchElementException();
                return batch.next();
            }
        };
    }

    /** Counts of one kind of records classified. */
    private static final class Tally {
        long records;
        long classified;
        long conflicts;
        long review;

        void add(Classification c) {
            records++;
            if (c.familyCode() != null) classified++;
            if (c.conflict()) conflicts++;
            if (c.needsReview()) review++;
        }
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
