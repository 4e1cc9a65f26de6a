package fr.achatlas.store;

import fr.achatlas.dedup.KeySet;
import fr.achatlas.model.Contract;
import fr.achatlas.model.Modification;
import fr.achatlas.model.Party;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stages the records of one import inside the import's transaction (nothing is visible to other connections before
 * the commit, and a crash loses only this transaction).
 *
 * <p>Deduplication is decided here, record by record in file order, against the keys already in the store and those
 * already seen in the batch: a new contract's rows, rendered beforehand in its {@link ContractChunk}, go to the
 * {@link ContractSpool}, which BatchMerge loads in one statement per table; a copy of a known contract goes to small
 * staging tables, from which BatchMerge unites its modifications and records its provenance. The first copy read is
 * the one kept.
 */
final class Staging implements AutoCloseable {

    private final KeySet existing;
    private final KeySet kept = new KeySet(1 << 16);
    private final Set<String> parties = new HashSet<>();
    private final Map<String, String> buyers = new HashMap<>();
    private boolean buyersWritten;

    private final ContractSpool spool;
    private final DuckDBAppender dupSources;
    private final DuckDBAppender dupModifications;
    private final DuckDBAppender dupHolders;
    private final DuckDBAppender rejects;
    private final DuckDBAppender partyRows;
    private final DuckDBAppender buyerRows;
    private final RowSink dupSourceSink;
    private final RowSink dupModificationSink;
    private final RowSink dupHolderSink;
    private final RowSink rejectSink;
    private final RowSink partySink;
    private final List<DuckDBAppender> all;

    private long loaded;
    private long duplicates;
    private long rejected;

    Staging(DuckDBConnection conn, java.nio.file.Path spoolDir) throws SQLException {
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
        }
        spool = new ContractSpool(conn, spoolDir);
        dupSources = conn.createAppender("temp", "main", "stg_dup");
        dupModifications = conn.createAppender("temp", "main", "stg_dup_modification");
        dupHolders = conn.createAppender("temp", "main", "stg_dup_holder");
        rejects = conn.createAppender("temp", "main", "stg_reject");
        partyRows = conn.createAppender("temp", "main", "stg_party");
        buyerRows = conn.createAppender("temp", "main", "stg_buyer");
        dupSourceSink = RowSink.of(dupSources);
        dupModificationSink = RowSink.of(dupModifications);
        dupHolderSink = RowSink.of(dupHolders);
        rejectSink = RowSink.of(rejects);
        partySink = RowSink.of(partyRows);
        all = List.of(dupSources, dupModifications, dupHolders, rejects, partyRows, buyerRows);
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

    void add(ContractChunk chunk) throws SQLException {
        List<StagedRecord> records = chunk.records;
        for (int i = 0; i < records.size(); i++) {
            StagedRecord r = records.get(i);
            if (r.rejected()) {
                rejected++;
                ContractRows.reject(r, rejectSink);
                continue;
            }
            registerParties(r.contract());
            long key = r.contractKey();
            if (existing.contains(key) || !kept.add(key)) {
                duplicates++;
                ContractRows.duplicate(r, dupSourceSink, dupModificationSink, dupHolderSink);
            } else {
                loaded++;
                spool.copy(chunk, i);
            }
        }
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
            if (p.id() != null && parties.add(p.id())) ContractRows.party(p, partySink);
        }
    }

    /** SQL that loads the new contracts' spooled rows into the final tables. */
    List<String> copyNewRows() throws SQLException {
        return spool.inserts();
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
        try {
            for (DuckDBAppender a : all) {
                if (!a.isClosed()) a.close();
            }
        } finally {
            spool.close();
        }
    }
}
