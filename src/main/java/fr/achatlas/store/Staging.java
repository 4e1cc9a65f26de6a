package fr.achatlas.store;

import fr.achatlas.dedup.DedupKey;
import fr.achatlas.dedup.KeySet;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Appends the records of one import inside the import's transaction (nothing is visible to other connections before
 * the commit, and a crash loses only this transaction).
 *
 * <p>Deduplication is decided here, record by record, against the keys already in the store and those already seen
 * in the batch: a new contract goes to the {@code new_*} temp twins of the final tables, copied over in one statement
 * each by {@link BatchMerge}; a copy of a known contract goes to small staging tables, from which BatchMerge unites its
 * modifications and records its provenance. The first copy read is the one kept.
 */
final class Staging implements AutoCloseable {

    private static final BigDecimal MAX_STORABLE = new BigDecimal("1e15");
    private static final Set<String> SUSPECT_AMOUNT_RULES = Set.of("AMOUNT_NEGATIVE", "AMOUNT_TOO_LOW", "AMOUNT_TOO_HIGH");

    /** Final tables that new contracts fill, through their temp twins {@code new_<table>}. */
    static final List<String> NEW_ROW_TABLES = List.of("contract", "contract_holder", "contract_modification",
            "subcontract", "finding", "contract_source");
    /** List columns travel as one text each (values joined by U+001F): the appender's list path costs far more. */
    static final List<String> LIST_COLUMNS = List.of("techniques", "execution_modes", "price_types",
            "social_considerations", "environmental_considerations");
    private static final char LIST_SEPARATOR = '\u001f';
    private static final String LIST_COLUMNS_AS_TEXT = String.join(", ",
            LIST_COLUMNS.stream().map(c -> "NULL::VARCHAR AS " + c).toList());

    private final int batchId;
    private final KeySet existing;
    private final KeySet kept = new KeySet(1 << 16);
    private final Set<String> parties = new HashSet<>();
    private final Map<String, String> buyers = new HashMap<>();
    private boolean buyersWritten;

    private final DuckDBAppender contracts;
    private final DuckDBAppender holders;
    private final DuckDBAppender modifications;
    private final DuckDBAppender subcontracts;
    private final DuckDBAppender findings;
    private final DuckDBAppender sources;
    private final DuckDBAppender dupSources;
    private final DuckDBAppender dupModifications;
    private final DuckDBAppender dupHolders;
    private final DuckDBAppender rejects;
    private final DuckDBAppender partyRows;
    private final DuckDBAppender buyerRows;
    private final List<DuckDBAppender> all;

    private long loaded;
    private long duplicates;
    private long rejected;

    Staging(DuckDBConnection conn, int batchId) throws SQLException {
        this.batchId = batchId;
        this.existing = existingKeys(conn);
        try (Statement st = conn.createStatement()) {
            st.execute("""
                    CREATE OR REPLACE TEMP TABLE stg_dup (record_position BIGINT, contract_key BIGINT, source_format VARCHAR,
                        platform VARCHAR)""");
            st.execute("CREATE OR REPLACE TEMP TABLE stg_dup_modification AS SELECT 0::BIGINT AS record_position, * FROM contract_modification LIMIT 0");
            st.execute("CREATE OR REPLACE TEMP TABLE stg_dup_holder AS SELECT 0::BIGINT AS record_position, * FROM contract_holder LIMIT 0");
            st.execute("""
                    CREATE OR REPLACE TEMP TABLE stg_reject AS SELECT record_position, rule, field, value, message, buyer_id, contract_id
                    FROM reject LIMIT 0""");
            st.execute("CREATE OR REPLACE TEMP TABLE stg_party (supplier_id VARCHAR, id_type VARCHAR, siren VARCHAR, name VARCHAR)");
            st.execute("CREATE OR REPLACE TEMP TABLE stg_buyer (buyer_id VARCHAR, name VARCHAR)");
            // New contracts: appended to in-memory twins of the final tables, then copied set-wise by BatchMerge —
            // measured several times faster than appending row by row into the persistent tables.
            st.execute("CREATE OR REPLACE TEMP TABLE new_contract AS SELECT * REPLACE (" + LIST_COLUMNS_AS_TEXT + ") FROM contract LIMIT 0");
            for (String t : NEW_ROW_TABLES) {
                if (!t.equals("contract")) st.execute("CREATE OR REPLACE TEMP TABLE new_" + t + " AS SELECT * FROM " + t + " LIMIT 0");
            }
        }
        contracts = conn.createAppender("temp", "main", "new_contract");
        holders = conn.createAppender("temp", "main", "new_contract_holder");
        modifications = conn.createAppender("temp", "main", "new_contract_modification");
        subcontracts = conn.createAppender("temp", "main", "new_subcontract");
        findings = conn.createAppender("temp", "main", "new_finding");
        sources = conn.createAppender("temp", "main", "new_contract_source");
        dupSources = conn.createAppender("temp", "main", "stg_dup");
        dupModifications = conn.createAppender("temp", "main", "stg_dup_modification");
        dupHolders = conn.createAppender("temp", "main", "stg_dup_holder");
        rejects = conn.createAppender("temp", "main", "stg_reject");
        partyRows = conn.createAppender("temp", "main", "stg_party");
        buyerRows = conn.createAppender("temp", "main", "stg_buyer");
        all = List.of(contracts, holders, modifications, subcontracts, findings, sources, dupSources, dupModifications,
                dupHolders, rejects, partyRows, buyerRows);
    }

    private static KeySet existingKeys(DuckDBConnection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            int n;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM contract")) {
                rs.next();
                n = rs.getInt(1);
            }
            KeySet keys = new KeySet(n);
            try (ResultSet rs = st.executeQuery("SELECT contract_key FROM contract")) {
                while (rs.next()) keys.add(rs.getLong(1));
            }
            return keys;
        }
    }

    long loaded() {
        return loaded;
    }

    long duplicates() {
        return duplicates;
    }

    long rejected() {
        return rejected;
    }


    void add(StagedRecord r) throws SQLException {
        long pos = r.provenance().recordPosition();
        if (r.rejected()) {
            rejected++;
            addReject(r, pos);
            return;
        }
        Contract c = r.contract();
        long key = r.contractKey();
        String format = r.provenance().format() == null ? null : r.provenance().format().name();
        String platform = r.provenance().platform();
        registerParties(c);
        if (existing.contains(key) || !kept.add(key)) {
            duplicates++;
            dupSources.beginRow().append(pos).append(key).append(format).append(platform).endRow();
            addModifications(dupModifications, dupHolders, pos, key, c.modifications(), true);
            return;
        }
        loaded++;
        sources.beginRow().append(key).append(batchId).append(pos).append(format).append(platform).append(true).endRow();
        int warnings = 0;
        boolean suspect = false;
        for (Finding f : r.findings()) {
            if (f.severity() == Severity.WARNING) warnings++;
            if (SUSPECT_AMOUNT_RULES.contains(f.rule())) suspect = true;
            findings.beginRow().append(key).append(batchId).append(pos).append(f.rule()).append(f.severity().name())
                    .append(f.field()).append(f.value()).append(f.message()).endRow();
        }
        BigDecimal amount = storable(c.amount());
        if (amount == null && c.amount() != null) suspect = true;
        appendContract(c, key, amount, suspect, warnings, format, platform);
        addHolders(holders, -1, key, 0L, c.holders());
        addModifications(modifications, holders, -1, key, c.modifications(), false);
        if (c.subcontracts() != null) {
            for (SubcontractAct s : c.subcontracts()) {
                subcontracts.beginRow().append(key).append(s.rank()).append(s.sourceId()).append(s.isModification())
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

    private void appendContract(Contract c, long key, BigDecimal amount, boolean suspect, int warnings, String format,
                                String platform) throws SQLException {
        LocalDate award = c.awardDate();
        DuckDBAppender a = contracts.beginRow();
        a.append(key).append(c.kind().name()).append(c.buyer().id()).append(c.buyer().name())
                .append(c.id()).append(DedupKey.identity(c)).append(c.uid()).append(c.nature()).append(c.natureOriginal())
                .append(c.object()).append(c.cpv()).append(c.cpvOriginal()).append(c.procedure()).append(c.procedureOriginal());
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
        a.append(warnings).append(format).append(platform).append(batchId).endRow();
    }

    /**
     * The current state of the record as published (same order as {@link CurrentState#ORDER}, same rules as
     * BatchMerge's recomputation, which only runs for contracts that gain modifications from another copy).
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

    /** Modifications of one record, each content once (a record may repeat an avenant). Staging rows carry the position. */
    private static void addModifications(DuckDBAppender mods, DuckDBAppender holderRows, long pos, long key,
                                         List<Modification> list, boolean staged) throws SQLException {
        if (list == null || list.isEmpty()) return;
        Set<Long> seen = new HashSet<>();
        for (Modification m : list) {
            long modKey = DedupKey.of(m);
            if (!seen.add(modKey)) continue;
            boolean changesHolders = m.holders() != null && !m.holders().isEmpty();
            mods.beginRow();
            if (staged) mods.append(pos);
            mods.append(key).append(modKey).append(m.rank()).append(m.sourceId()).append(m.object());
            date(mods, m.notificationDate());
            date(mods, m.publicationDate());
            mods.append(m.durationMonths());
            decimal(mods, storable(m.amount()));
            mods.append(changesHolders).endRow();
            if (changesHolders) addHolders(holderRows, staged ? pos : -1, key, modKey, m.holders());
        }
    }

    private static void addHolders(DuckDBAppender a, long pos, long key, long modKey, List<Party> parties) throws SQLException {
        if (parties == null) return;
        int i = 0;
        for (Party p : parties) {
            a.beginRow();
            if (pos >= 0) a.append(pos);
            a.append(key).append(modKey).append(++i).append(p.id()).append(p.idType()).append(p.idTypeOriginal())
                    .append(p.name()).append(siren(p)).endRow();
        }
    }

    private static String siren(Party p) {
        String id = p.id();
        return id != null && id.length() == 14 && "SIRET".equals(p.idType()) ? id.substring(0, 9) : null;
    }

    /** Buyers and holders seen in the batch, once each; the merge adds those the store does not know yet. */
    private void registerParties(Contract c) throws SQLException {
        String buyerId = c.buyer().id();
        String buyerName = c.buyer().name();
        if (!buyers.containsKey(buyerId) || (buyers.get(buyerId) == null && buyerName != null)) buyers.put(buyerId, buyerName);
        registerHolders(c.holders());
        if (c.modifications() != null) {
            for (Modification m : c.modifications()) registerHolders(m.holders());
        }
    }

    private void registerHolders(List<Party> list) throws SQLException {
        if (list == null) return;
        for (Party p : list) {
            if (p.id() != null && parties.add(p.id())) {
                partyRows.beginRow().append(p.id()).append(p.idType()).append(siren(p)).append(p.name()).endRow();
            }
        }
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

    /** SQL that copies the new contracts' rows from their temp twins into the final tables, lists restored. */
    static List<String> copyNewRows() {
        String lists = String.join(", ", LIST_COLUMNS.stream().map(c -> "string_split(" + c + ", chr(31)) AS " + c).toList());
        return NEW_ROW_TABLES.stream().map(t -> t.equals("contract")
                ? "INSERT INTO contract SELECT * REPLACE (" + lists + ") FROM new_contract"
                : "INSERT INTO " + t + " SELECT * FROM new_" + t).toList();
    }

    void flush() throws SQLException {
        if (!buyersWritten) {
            buyersWritten = true;
            for (Map.Entry<String, String> b : buyers.entrySet()) buyerRows.beginRow().append(b.getKey()).append(b.getValue()).endRow();
        }
        for (DuckDBAppender a : all) a.flush();
    }

    @Override
    public void close() throws SQLException {
        for (DuckDBAppender a : all) {
            if (!a.isClosed()) a.close();
        }
    }
}
