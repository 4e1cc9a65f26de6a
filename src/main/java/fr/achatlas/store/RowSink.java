package fr.achatlas.store;

import org.duckdb.DuckDBAppender;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Where the values of one row go, column by column in table order: a DuckDB appender (small staging tables) or a line
 * of a spool file (the rows of new contracts, see {@link SpoolRows}). The row layouts are written once, in
 * {@link ContractRows}, against this interface.
 */
interface RowSink {

    RowSink beginRow() throws SQLException;

    RowSink endRow() throws SQLException;

    RowSink appendNull() throws SQLException;

    RowSink append(String v) throws SQLException;

    RowSink append(long v) throws SQLException;

    RowSink append(int v) throws SQLException;

    RowSink append(boolean v) throws SQLException;

    RowSink append(Integer v) throws SQLException;

    RowSink append(Boolean v) throws SQLException;

    RowSink append(Double v) throws SQLException;

    /** A DECIMAL value (already at the column's scale), or NULL. */
    RowSink decimal(BigDecimal v) throws SQLException;

    /** A DATE value, or NULL. */
    RowSink date(LocalDate v) throws SQLException;

    static RowSink of(DuckDBAppender a) {
        return new AppenderSink(a);
    }

    /** The appender behind the interface: one call per value, as before. */
    record AppenderSink(DuckDBAppender a) implements RowSink {
        @Override
        public RowSink beginRow() throws SQLException {
            a.beginRow();
            return this;
        }

        @Override
        public RowSink endRow() throws SQLException {
            a.endRow();
            return this;
        }

        @Override
        public RowSink appendNull() throws SQLException {
            a.appendNull();
            return this;
        }

        @Override
        public RowSink append(String v) throws SQLException {
            a.append(v);
            return this;
        }

        @Override
        public RowSink append(long v) throws SQLException {
            a.append(v);
            return this;
        }

        @Override
        public RowSink append(int v) throws SQLException {
            a.append(v);
            return this;
        }

        @Override
        public RowSink append(boolean v) throws SQLException {
            a.append(v);
            return this;
        }

        @Override
        public RowSink append(Integer v) throws SQLException {
            a.append(v);
            return this;
        }

        @Override
        public RowSink append(Boolean v) throws SQLException {
            a.append(v);
            return this;
        }

        @Override
        public RowSink append(Double v) throws SQLException {
            a.append(v);
            return this;
        }

        @Override
        public RowSink decimal(BigDecimal v) throws SQLException {
            if (v == null) a.appendNull();
            else a.append(v);
            return this;
        }

        @Override
        public RowSink date(LocalDate v) throws SQLException {
            if (v == null) a.appendNull();
            else a.append(v);
            return this;
        }
    }
}
