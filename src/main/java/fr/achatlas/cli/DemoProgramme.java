package fr.achatlas.cli;

import fr.achatlas.model.ProgrammeEntryDraft;
import fr.achatlas.model.ProgrammeState;
import fr.achatlas.query.cube.Role;
import fr.achatlas.query.cube.Scope;
import fr.achatlas.query.mutualisation.MutualisationQueries;
import fr.achatlas.query.programme.ProgrammeQueries;
import fr.achatlas.store.Database;
import fr.achatlas.store.ProgrammeStore;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * The demo's purchase programme: a handful of derived proposals adopted and moved along the states (most published,
 * one launched, one left in draft and one validated, so the public page and the management page both have something
 * to show), plus a joint entry for the territory's first mutualisation opportunity. The rest of the proposals stay
 * proposals. Deterministic for a given store and date.
 */
final class DemoProgramme {

    private DemoProgramme() {
    }

    static int seed(Database db, LocalDate today) throws Exception {
        Connection c = db.connection();
        Scope admin = new Scope("demo", Role.ADMIN, Set.of(), Set.of());
        ProgrammeStore store = new ProgrammeStore(c);
        LocalDateTime now = today.atTime(9, 0);
        // One proposal per buyer (the first to launch after today), so the public page shows several buyers.
        java.util.Map<String, ProgrammeQueries.Proposal> byBuyer = new java.util.LinkedHashMap<>();
        for (ProgrammeQueries.Proposal p : new ProgrammeQueries(c).proposals(admin, today, 18, 4)) {
            if (p.familyCode() != null && p.estimatedAmount() != null && p.plannedLaunch().isAfter(today)) byBuyer.putIfAbsent(p.buyerId(), p);
        }
        List<ProgrammeQueries.Proposal> proposals = byBuyer.values().stream().limit(8).toList();
        ProgrammeState[] states = {ProgrammeState.PUBLISHED, ProgrammeState.PUBLISHED, ProgrammeState.LAUNCHED, ProgrammeState.PUBLISHED,
                ProgrammeState.DRAFT, ProgrammeState.PUBLISHED, ProgrammeState.VALIDATED, ProgrammeState.PUBLISHED};
        int n = 0;
        for (int i = 0; i < proposals.size(); i++) {
            ProgrammeQueries.Proposal p = proposals.get(i);
            boolean reserved = i % 4 == 1;
            ProgrammeEntryDraft d = new ProgrammeEntryDraft(p.source(), p.sourceRef(), "Renouvellement : " + p.object(), p.familyCode(),
                    List.of(p.buyerId()), thousand(p.estimatedAmount()), i == 3, p.plannedLaunch(), p.procedure(), 1 + i % 3, reserved,
                    i % 2 == 0, i % 3 == 0, "Note interne de démonstration : budget à confirmer");
            long id = store.create(d, "demo", null, now);
            walk(store, id, states[i % states.length], now);
            n++;
        }
        List<MutualisationQueries.Opportunity> top = new MutualisationQueries(c)
                .opportunities(new MutualisationQueries.Params(today, 3, 36), admin);
        if (!top.isEmpty()) {
            MutualisationQueries.Opportunity o = top.get(0);
            List<MutualisationQueries.BuyerShare> shares = new MutualisationQueries(c)
                    .buyers(o.familyKey(), new MutualisationQueries.Params(today, 3, 36)).stream().limit(4).toList();
            List<String> buyers = shares.stream().map(MutualisationQueries.BuyerShare::buyerId).toList();
            // Four years of these buyers' average yearly purchases (three-year window), to the thousand.
            BigDecimal estimate = thousand(shares.stream().map(MutualisationQueries.BuyerShare::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add).multiply(BigDecimal.valueOf(4)).divide(BigDecimal.valueOf(3), 0, java.math.RoundingMode.HALF_UP));
            if (buyers.size() > 1) {
                ProgrammeEntryDraft joint = new ProgrammeEntryDraft("MANUAL", null, "Groupement de commandes : " + o.familyLabel(),
                        o.familyKey().length() > 2 ? o.familyKey() : null, buyers, estimate,
                        false, o.prepareBy() != null && o.prepareBy().isAfter(today) ? o.prepareBy() : today.plusMonths(4),
                        "Appel d'offres ouvert", 3, false, true, true, "Coordonnateur à désigner");
                walk(store, store.create(joint, "demo", null, now), ProgrammeState.PUBLISHED, now);
                n++;
            }
        }
        return n;
    }

    private static BigDecimal thousand(BigDecimal v) {
        return v.divide(BigDecimal.valueOf(1000), 0, java.math.RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(1000));
    }

    /** Moves a fresh draft step by step to {@code target}, so the history shows every step. */
    private static void walk(ProgrammeStore store, long id, ProgrammeState target, LocalDateTime now) throws Exception {
        ProgrammeState[] path = {ProgrammeState.VALIDATED, ProgrammeState.PUBLISHED, ProgrammeState.LAUNCHED, ProgrammeState.AWARDED};
        for (ProgrammeState s : path) {
            if (s.compareTo(target) > 0) break;
            store.transition(id, s, "demo", null, "Démonstration", now);
        }
    }
}
