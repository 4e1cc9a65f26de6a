package fr.achatlas.store;

import org.duckdb.DuckDBConnection;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of an import's new contracts, spooled to one temporary tab-separated file per table and read by DuckDB in
 * one statement per table at commit: measured several times faster than appending them (the appender's flush into
 * even an in-memory table cost more than the whole parse), and the rows are rendered on every core beforehand.
 * One {@link SpoolFile} per table.
 */
final class ContractSpool implements AutoCloseable {

    /** The tables a new contract fills, in the order of {@link ContractRows.NewRows}. */
    static final List<String> TABLES = List.of("contract", "contract_holder", "contract_modification", "subcontract",
            "finding", "contract_source");

    private final SpoolFile[] files = new SpoolFile[TABLES.size()];
    private final String[] columns = new String[TABLES.size()];

    ContractSpool(DuckDBConnection conn, Path dir) throws SQLException {
        try {
            for (int t = 0; t < files.length; t++) {
                columns[t] = columns(conn, TABLES.get(t));
                files[t] = new SpoolFile(dir, TABLES.get(t) + "-", 1 << 18);
            }
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Appends the rows of record {@code i} of the chunk to every table's file. */
    void copy(ContractChunk chunk, int i) throws SQLException {
        for (int t = 0; t < files.length; t++) {
            int from = chunk.start(t, i);
            int len = chunk.ends[t][i] - from;
            if (len > 0) files[t].write(chunk.bytes[t], from, len);
        }
    }

    /** The statements that insert the spooled rows into the final tables, list columns restored. */
    List<String> inserts() throws SQLException {
        List<String> sql = new ArrayList<>();
        for (int t = 0; t < files.length; t++) {
            if (files[t].written() == 0) continue;
            String table = TABLES.get(t);
            String select = table.equals("contract")
                    ? "* REPLACE (" + String.join(", ", ContractRows.LIST_COLUMNS.stream()
                    .map(c -> "string_split(" + c + ", chr(31)) AS " + c).toList()) + ")"
                    : "*";
            sql.add("INSERT INTO " + table + " SELECT " + select + " FROM " + files[t].scan(columns[t]));
        }
        return sql;
    }

    /** The table's columns as read_csv's {@code columns} struct; list columns are read as their joined text. */
    private static String columns(DuckDBConnection conn, String table) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("""
                SELECT string_agg('''' || column_name || ''': ''' || CASE WHEN data_type LIKE '%[]' THEN 'VARCHAR' ELSE data_type END
                                  || '''', ', ' ORDER BY ordinal_position)
                FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ? AND table_catalog = current_database()""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Override
    public void close() {
        for (SpoolFile f : files) {
            if (f != null) f.close();
        }
    }
}
