package fr.achatlas.query;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes any table of the query layer (columns + rows) as Parquet, through DuckDB: rows are appended to a temporary
 * table typed after the columns, then copied out (typed, compressed, as data teams expect).
 */
public final class ParquetTables {

    /** Something that streams rows in the order of its columns. */
    @FunctionalInterface
    public interface RowSource {
        void forEach(RowHandler handler) throws SQLException, IOException;
    }

    private static final AtomicLong SEQ = new AtomicLong();

    private ParquetTables() {
    }

    public static long write(Connection connection, List<Column> columns, RowSource rows, Path out) throws SQLException, IOException {
        DuckDBConnection conn = connection.unwrap(DuckDBConnection.class);
        String table = "parquet_out_" + SEQ.incrementAndGet();
        StringBuilder ddl = new StringBuilder("CREATE TEMP TABLE ").append(table).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            ddl.append(i == 0 ? "" : ", ").append('"').append(columns.get(i).name().replace("\"", "")).append("\" ").append(switch (columns.get(i).type()) {
                case AMOUNT -> "DECIMAL(18,2)";
                case INTEGER -> "BIGINT";
                case DATE -> "DATE";
                case BOOLEAN -> "BOOLEAN";
                case PERCENT -> "DOUBLE";
                case TEXT -> "VARCHAR";
            });
        }
        ddl.append(')');
        long[] n = {0};
        try (Statement st = conn.createStatement()) {
            st.execute(ddl.toString());
            try {
                try (DuckDBAppender app = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
                    rows.forEach(values -> {
                        try {
                            app.beginRow();
                            for (int i = 0; i < values.length; i++) append(app, columns.get(i), values[i]);
                            app.endRow();
                            n[0]++;
                        } catch (SQLException e) {
                            throw new IOException(e);
                        }
                    });
                }
                String target = out.toAbsolutePath().toString().replace("'", "''");
                st.execute("COPY " + table + " TO '" + target + "' (FORMAT parquet, COMPRESSION zstd)");
            } finally {
                st.execute("DROP TABLE IF EXISTS " + table);
            }
        }
        return n[0];
    }

    private static void append(DuckDBAppender app, Column c, Object v) throws SQLException {
        if (v == null) {
            app.appendNull();
            return;
        }
        switch (c.type()) {
            case AMOUNT -> app.append(v instanceof BigDecimal b ? b : new BigDecimal(v.toString()));
            case INTEGER -> app.append(((Number) v).longValue());
            case PERCENT -> app.append(((Number) v).doubleValue());
            case BOOLEAN -> app.append((Boolean) v);
            case DATE -> app.append(v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v);
            case TEXT -> app.append(v.toString());
        }
    }
}
