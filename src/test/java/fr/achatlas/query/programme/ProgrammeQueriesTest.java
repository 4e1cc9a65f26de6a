package fr.achatlas.query.programme;

import fr.achatlas.model.ProgrammeEntryDraft;
import fr.achatlas.model.ProgrammeState;
import fr.achatlas.query.cube.AccessDenied;
import fr.achatlas.query.cube.Role;
import fr.achatlas.query.cube.Scope;
import fr.achatlas.store.Database;
import fr.achatlas.store.ProgrammeStore;
import fr.achatlas.testing.ProgrammeFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import static fr.achatlas.testing.ProgrammeFixture.A;
import static fr.achatlas.testing.ProgrammeFixture.B;
import static fr.achatlas.testing.ProgrammeFixture.C;
import static fr.achatlas.testing.ProgrammeFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Proposals derived from {@link ProgrammeFixture}, entries, states and their history. */
class ProgrammeQueriesTest {

    @TempDir
    static Path dir;
    static Database db;
    static final Scope ADMIN = new Scope("admin", Role.ADMIN, Set.of(), Set.of());
    static final LocalDateTime NOW = TODAY.atTime(10, 0);

    @BeforeAll
    static void load() throws Exception {
        db = Database.open(dir.resolve("t.duckdb"));
        ProgrammeFixture.load(db);
    }

    /** Each test starts from an empty programme (the fixture's contracts and spending are read-only). */
    @BeforeEach
    void emptyProgramme() throws Exception {
        try (var st = db.connection().createStatement()) {
            st.execute("DELETE FROM programme_state_change");
            st.execute("DELETE FROM programme_entry");
        }
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    static ProgrammeEntryDraft manual(String object, List<String> buyers) {
        return new ProgrammeEntryDraft("MANUAL", null, object, "ENV03", buyers, new BigDecimal("80000"), false,
                LocalDate.of(2027, 3, 1), "Procédure adaptée", 2, true, true, false, "note interne");
    }

    @Test
    void proposalsComeFromContractEndsFrameworksAndRecurringSpending() throws Exception {
        List<ProgrammeQueries.Proposal> p = new ProgrammeQueries(db.connection()).proposals(ADMIN, TODAY, 24, 4);
        assertThat(p).extracting(x -> x.source() + "/" + x.buyerId() + "/" + x.plannedLaunch())
                .containsExactly("CONTRACT_END/" + A + "/2026-11-22",      // ends 2027-02-10: six months before is past
                        "FRAMEWORK_END/" + C + "/2026-11-22",              // accord-cadre ending 2027-01-01
                        "CONTRACT_END/" + B + "/2026-12-01",               // ends 2027-06-01
                        "RECURRING_SPENDING/" + C + "/2027-02-22");       // DEC01 paid 6 then 5 months
        assertThat(p.get(0).endDate()).isEqualTo(LocalDate.of(2027, 2, 10));
        assertThat(p.get(0).familyCode()).isEqualTo("ENV03");
        assertThat(p.get(3).familyCode()).isEqualTo("DEC01");
        assertThat(p.get(3).estimatedAmount()).isEqualByComparingTo("5500"); // 11 000 € over two years
        // Stricter recurrence (6 months in each year) drops C's DEC01 (5 months in the last one).
        assertThat(new ProgrammeQueries(db.connection()).proposals(ADMIN, TODAY, 24, 6))
                .noneMatch(x -> x.source().equals("RECURRING_SPENDING"));
        // An analyst of A sees the open-data contract ends but not C's spending.
        assertThat(new ProgrammeQueries(db.connection()).proposals(new Scope("alice", Role.ANALYST, Set.of(A), Set.of()), TODAY, 24, 4))
                .extracting(ProgrammeQueries.Proposal::source).doesNotContain("RECURRING_SPENDING");
        assertThatThrownBy(() -> new ProgrammeQueries(db.connection()).proposals(Scope.anonymous(), TODAY, 24, 4))
                .isInstanceOf(AccessDenied.class);
    }

    @Test
    void adoptedProposalsDisappearAndStatesAreHistorised() throws Exception {
        ProgrammeQueries q = new ProgrammeQueries(db.connection());
        ProgrammeQueries.Proposal first = q.proposals(ADMIN, TODAY, 24, 4).get(0);
        ProgrammeStore store = new ProgrammeStore(db.connection());
        long id = store.create(new ProgrammeEntryDraft(first.source(), first.sourceRef(), first.object(), first.familyCode(),
                List.of(first.buyerId()), first.estimatedAmount(), false, first.plannedLaunch(), first.procedure(), null,
                false, false, false, null), "alice", Set.of(A), NOW);
        assertThat(q.proposals(ADMIN, TODAY, 24, 4)).hasSize(3).noneMatch(p -> p.sourceRef().equals(first.sourceRef()));
        store.transition(id, ProgrammeState.VALIDATED, "alice", Set.of(A), "ok", NOW.plusHours(1));
        store.transition(id, ProgrammeState.PUBLISHED, "admin", null, null, NOW.plusHours(2));
        assertThat(q.history(id)).extracting(h -> h.from() + ">" + h.to() + ":" + h.by())
                .containsExactly("null>DRAFT:alice", "DRAFT>VALIDATED:alice", "VALIDATED>PUBLISHED:admin");
        assertThatThrownBy(() -> store.transition(id, ProgrammeState.DRAFT, "admin", null, null, NOW))
                .isInstanceOf(ProgrammeStore.Refused.class).hasMessageContaining("Publié");
        assertThatThrownBy(() -> store.transition(id, ProgrammeState.LAUNCHED, "bob", Set.of(B), null, NOW))
                .isInstanceOf(ProgrammeStore.Refused.class);
        assertThatThrownBy(() -> store.transition(999, ProgrammeState.VALIDATED, "admin", null, null, NOW))
                .isInstanceOf(ProgrammeStore.Refused.class);
    }

    @Test
    void jointEntriesAnalystRightsAndPublicView() throws Exception {
        ProgrammeStore store = new ProgrammeStore(db.connection());
        assertThatThrownBy(() -> store.create(manual("Groupement", List.of(A, B)), "alice", Set.of(A), NOW))
                .isInstanceOf(ProgrammeStore.Refused.class);
        long joint = store.create(manual("Groupement plants", List.of(B, A)), "admin", null, NOW);
        long draftOfB = store.create(manual("Brouillon de Bêta", List.of(B)), "admin", null, NOW);
        long hidden = store.create(new ProgrammeEntryDraft("MANUAL", null, "Montant caché", "DEC01", List.of(C),
                new BigDecimal("123456.78"), true, LocalDate.of(2027, 5, 1), null, null, false, false, false, "secret"),
                ProgrammeState.PUBLISHED, "admin", null, NOW);
        store.transition(joint, ProgrammeState.VALIDATED, "admin", null, null, NOW);
        store.transition(joint, ProgrammeState.PUBLISHED, "admin", null, null, NOW);
        ProgrammeQueries q = new ProgrammeQueries(db.connection());
        List<PublicEntry> pub = q.published(ProgrammeQueries.PublicFilter.none());
        assertThat(pub).extracting(PublicEntry::id).containsExactly(joint, hidden);
        assertThat(pub.get(0).joint()).isTrue();
        assertThat(pub.get(0).buyerNames()).containsExactly("Commune d'Alpha", "Commune de Bêta");
        assertThat(pub.get(1).estimatedAmount()).isNull();
        assertThat(q.publishedEntry(draftOfB)).isEmpty();
        assertThat(q.published(new ProgrammeQueries.PublicFilter(null, null, null, null, true))).extracting(PublicEntry::id).containsExactly(joint);
        assertThat(q.published(new ProgrammeQueries.PublicFilter("DEC01", null, null, null, null))).extracting(PublicEntry::id).containsExactly(hidden);
        assertThat(q.published(new ProgrammeQueries.PublicFilter(null, A, null, null, null))).extracting(PublicEntry::id).containsExactly(joint);
        assertThat(q.published(new ProgrammeQueries.PublicFilter(null, null, LocalDate.of(2027, 4, 1), null, null))).extracting(PublicEntry::id).containsExactly(hidden);
        // An analyst of A sees the joint entry (theirs) and the published one of C, not B's draft.
        assertThat(q.entries(new Scope("alice", Role.ANALYST, Set.of(A), Set.of()))).extracting(ProgrammeQueries.Entry::id)
                .containsExactlyInAnyOrder(joint, hidden);
        assertThat(q.entries(ADMIN)).hasSize(3);
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        assertThatThrownBy(() -> manual(" ", List.of(A))).hasMessageContaining("objet");
        assertThatThrownBy(() -> manual("x", List.of())).hasMessageContaining("acheteur");
        assertThatThrownBy(() -> new ProgrammeEntryDraft("MANUAL", null, "x", null, List.of(A), new BigDecimal("-1"), false,
                null, null, null, false, false, false, null)).hasMessageContaining("négatif");
        assertThatThrownBy(() -> ProgrammeState.parse("PUBLIE")).hasMessageContaining("État inconnu");
    }
}
