package fr.achatlas.store;

import fr.achatlas.dedup.DedupKey;
import fr.achatlas.model.Contract;
import fr.achatlas.model.CurrentState;
import fr.achatlas.model.Finding;
import fr.achatlas.model.Modification;
import fr.achatlas.model.Party;
import fr.achatlas.model.Severity;
import fr.achatlas.model.SubcontractAct;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Appends the records of one import to temporary staging tables, inside the import's transaction. Nothing here is
 * visible to other connections, and a crash loses only the staging: the store stays as it was.
 */
final class Staging implements AutoCloseable {

    private static final BigDecimal MAX_STORABLE = new BigDecimal("1e15");
    private static final Set<String> SUSPECT_AMOUNT_RULES = Set.of("AMOUNT_NEGATIVE", "AMOUNT_TOO_LOW", "AMOUNT_TOO_HIGH");

    /** List columns travel as one text each (values joined by U+001F): the appender's list path costs far more. */
    static final List<String> LIST_COLUMNS = List.of("techniques", "execution_modes", "price_types",
            "social_considerations", "environmental_considerations");
    static final char LIST_SEPARATOR = '\u001f';
    private static final String LIST_COLUMNS_AS_TEXT = String.join(", ",
            LIST_COLUMNS.stream().map(c -> "NULL::VARCHAR AS " + c).toList());

    private final DuckDBAppender contracts;
    private final DuckDBAppender holders;
    private final DuckDBAppender modifications;
    private final DuckDBAppender subcontracts;
    private final DuckDBAppender findings;
    private final DuckDBAppender rejects;

    Staging(DuckDBConnection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE stg_contract AS SELECT * EXCLUDE (first_batch_id) REPLACE ("
                    + LIST_COLUMNS_AS_TEXT + ") FROM contract LIMIT 0");
            st.execute("ALTER TABLE stg_contract ADD COLUMN record_position BIGINT");
            st.execute("ALTER TABLE stg_contract ADD COLUMN staged_modifications INTEGER");
            st.execute("CREATE OR REPLACE TEMP TABLE stg_holder AS SELECT 0::BIGINT AS record_position, * FROM contract_holder LIMIT 0");
            st.execute("CREATE OR REPLACE TEMP TABLE stg_modification AS SELECT 0::BIGINT AS record_position, * FROM contract_modification LIMIT 0");
            st.execute("CREATE OR REPLACE TEMP TABLE stg_subcontract AS SELECT 0::BIGINT AS record_position, * FROM subcontract LIMIT 0");
            st.execute("""
                    CREATE OR REPLACE TEMP TABLE stg_finding AS SELECT record_position, contract_key, rule, severity, field, value, message
                    FROM finding LIMIT 0""");
            st.execute("""
                    CREATE OR REPLACE TEMP TABLE stg_reject AS SELECT record_position, rule, field, value, message, buyer_id, contract_id
                    FROM reject LIMIT 0""");
        }
        contracts = conn.createAppender("temp", "main", "stg_contract");
        holders = conn.createAppender("temp", "main", "stg_holder");
        modifications = conn.createAppender("temp", "main", "stg_modification");
        subcontracts = conn.createAppender("temp", "main", "stg_subcontract");
        findings = conn.createAppender("temp", "main", "stg_finding");
        rejects = conn.createAppender("temp", "main", "stg_reject");
    }

    void add(StagedRecord r) throws SQLException {
        long pos = r.provenance().recordPosition();
        if (r.rejected()) {
            addReject(r, pos);
            return;
        }
        Contract c = r.contract();
        long key = r.contractKey();
        int warnings = 0;
        boolean suspect = false;
        for (Finding f : r.findings()) {
            if (f.severity() == Severity.WARNING) warnings++;
            if (SUSPECT_AMOUNT_RULES.contains(f.rule())) suspect = true;
            findings.beginRow().append(pos).append(key).append(f.rule()).append(f.severity().name())
                    .append(f.field()).append(f.value()).append(f.message()).endRow();
        }
        BigDecimal amount = storable(c.amount());
        if (amount == null && c.amount() != null) suspect = true;
        LocalDate award = c.awardDate();
        DuckDBAppender a = contracts.beginRow();
        a.append(key).append(c.kind().name()).append(c.buyer().id()).append(c.buyer().name())
                .append(c.id()).append(c.uid()).append(c.nature()).append(c.natureOriginal()).append(c.object())
                .append(c.cpv()).append(c.cpvOriginal()).append(c.procedure()).append(c.procedureOriginal());
        list(a, c.techniques());
        list(a, c.executionModes());
        a.append(c.place() == null ? null : c.place().code())
                .append(c.place() == null ? null : c.place().typeCode())
                .append(c.place() == null ? null : c.place().name())
                .append(c.durationMonths()).append(c.durationOriginal());
        date(a, c.notificationDate());
        date(a, c.signatureDate());
        date(a, c.publicationDate());
        date(a, c.executionStartDate());
        a.append(c.notificationDateOriginal());
        date(a, award);
        a.append(award == null ? null : award.getYear());
        decimal(a, amount);
        a.append(c.amountOriginal()).append(suspect);
        decimal(a, storable(c.publicSubsidy()));
        a.append(c.priceForm());
        list(a, c.priceTypes());
        a.append(c.advance()).append(dbl(c.advanceRate())).append(dbl(c.originUe())).append(dbl(c.originFrance()))
                .append(c.ccag()).append(c.offersReceived()).append(c.innovative()).append(c.groupingType())
                .append(c.frameworkId());
        list(a, c.socialConsiderations());
        list(a, c.environmentalConsiderations());
        a.append(c.subcontractingDeclared()).append(c.executionDataJson());
        appendCurrentState(a, c);
        a.append(warnings)
                .append(r.provenance().format() == null ? null : r.provenance().format().name())
                .append(r.provenance().platform())
                .append(pos)
                .append(c.modifications() == null ? 0 : c.modifications().size())
                .endRow();

        addHolders(pos, key, 0L, c.holders());
        if (c.modifications() != null) {
            for (Modification m : c.modifications()) {
                long modKey = DedupKey.of(m);
                boolean changesHolders = m.holders() != null && !m.holders().isEmpty();
                modifications.beginRow().append(pos).append(key).append(modKey).append(m.rank()).append(m.sourceId())
                        .append(m.object());
                date(modifications, m.notificationDate());
                date(modifications, m.publicationDate());
                modifications.append(m.durationMonths());
                decimal(modifications, storable(m.amount()));
                modifications.append(changesHolders).endRow();
                if (changesHolders) addHolders(pos, key, modKey, m.holders());
            }
        }
        if (c.subcontracts() != null) {
            for (SubcontractAct s : c.subcontracts()) {
                subcontracts.beginRow().append(pos).append(key).append(s.rank()).append(s.sourceId()).append(s.isModification())
                        .append(s.subcontractor() == null ? null : s.subcontractor().id())
                        .append(s.subcontractor() == null ? null : s.subcontractor().idType())
                        .append(s.durationMonths());
                date(subcontracts, s.notificationDate());
                date(subcontracts, s.publicationDate());
                decimal(subcontracts, storable(s.amount()));
                subcontracts.append(s.priceVariation()).endRow();
            }
        }
    }

    /**
     * The current state of the record as published, computed here so that the merge only recomputes contracts whose
     * modifications come from several copies (same order as {@link CurrentState#ORDER}, same rules as BatchMerge).
     */
    private static void appendCurrentState(DuckDBAppender a, Contract c) throws SQLException {
        CurrentState cs = c.currentState();
        long holdersMod = 0;
        Set<Long> distinct = new HashSet<>();
        if (c.modifications() != null) {
            for (Modification m : c.modifications().stream().sorted(CurrentState.ORDER).toList()) {
                long k = DedupKey.of(m);
                distinct.add(k);
                if (m.holders() != null && !m.holders().isEmpty()) holdersMod = k;
            }
        }
        decimal(a, storable(cs.amount()));
        a.append(cs.durationMonths()).append(holdersMod).append(distinct.size());
        date(a, cs.lastModificationDate());
        a.append(cs.holders() == null ? 0 : cs.holders().size());
    }

    private void addReject(StagedRecord r, long pos) throws SQLException {
        Contract c = r.contract();
        String buyer = c == null || c.buyer() == null ? null : c.buyer().id();
        String id = c == null ? null : c.id();
        boolean any = false;
        for (Finding f : r.findings()) {
            if (f.severity() != Severity.FATAL) continue;
            any = true;
            rejects.beginRow().append(pos).append(f.rule()).append(f.field()).append(f.value()).append(f.message())
                    .append(buyer).append(id).endRow();
        }
        if (!any) { // a null contract without a stated reason: still rejected, never lost
            rejects.beginRow().append(pos).append("NOT_A_CONTRACT").append((String) null).append((String) null)
                    .append("Enregistrement non reconnu comme un marché.").append(buyer).append(id).endRow();
        }
    }

    private void addHolders(long pos, long key, long modKey, List<Party> parties) throws SQLException {
        if (parties == null) return;
        int i = 0;
        for (Party p : parties) {
            String id = p.id();
            String siren = id != null && id.length() == 14 && "SIRET".equals(p.idType()) ? id.substring(0, 9) : null;
            holders.beginRow().append(pos).append(key).append(modKey).append(++i).append(id).append(p.idType())
                    .append(p.idTypeOriginal()).append(p.name()).append(siren).endRow();
        }
    }

    /** Amounts beyond DECIMAL(18,2) cannot be stored as numbers; their text stays in *_original and a rule flags them. */
    private static BigDecimal storable(BigDecimal v) {
        if (v == null) return null;
        if (v.abs().compareTo(MAX_STORABLE) >= 0) return null;
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static Double dbl(BigDecimal v) {
        return v == null ? null : v.doubleValue();
    }

    private static void decimal(DuckDBAppender a, BigDecimal v) throws SQLException {
        if (v == null) a.appendNull();
        else a.append(v);
    }

    private static void date(DuckDBAppender a, LocalDate d) throws SQLException {
        if (d == null) a.appendNull();
        else a.append(d);
    }

    private static void list(DuckDBAppender a, Collection<String> values) throws SQLException {
        if (values == null || values.isEmpty()) {
            a.appendNull();
            return;
        }
        StringBuilder b = new StringBuilder();
        for (String v : values) {
            if (!b.isEmpty()) b.append(LIST_SEPARATOR);
            b.append(v);
        }
        a.append(b.toString());
    }

    /** The SELECT items that turn the staged text back into lists, for the merge's INSERT. */
    static String listColumnsFromText(String alias) {
        return String.join(", ", LIST_COLUMNS.stream()
                .map(c -> "string_split(" + alias + "." + c + ", chr(31)) AS " + c).toList());
    }

    void flush() throws SQLException {
        for (DuckDBAppender a : List.of(contracts, holders, modifications, subcontracts, findings, rejects)) a.flush();
    }

    @Override
    public void close() throws SQLException {
        for (DuckDBAppender a : List.of(contracts, holders, modifications, subcontracts, findings, rejects)) a.close();
    }
}
