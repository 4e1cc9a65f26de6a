package fr.achatlas.export;

import fr.achatlas.query.Column;
import fr.achatlas.query.ParquetTables;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes any table of the query layer (a cube view, the rows under a cell) in a file format: CSV Excel-FR, XLSX,
 * JSON, or Parquet (through DuckDB, hence the connection).
 */
public final class TableExport {

    private TableExport() {
    }

    public static String contentType(ExportFormat f) {
        return switch (f) {
            case CSV -> "text/csv; charset=UTF-8";
            case XLSX -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case JSON -> "application/json";
            case PARQUET -> "application/vnd.apache.parquet";
        };
    }

    public static String extension(ExportFormat f) {
        return f.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Writes the table to {@code out} and returns the number of rows written. */
    public static long write(ExportFormat format, String sheetName, List<Column> columns, ParquetTables.RowSource rows,
                             OutputStream out, Connection conn) throws IOException, SQLException {
        if (format == ExportFormat.PARQUET) {
            Path tmp = Files.createTempFile("achatlas-export", ".parquet");
            try {
                Files.delete(tmp);
                long n = ParquetTables.write(conn, columns, rows, tmp);
                Files.copy(tmp, out);
                return n;
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        try (TableWriter writer = switch (format) {
            case CSV -> new CsvTableWriter(new NonClosing(out), true);
            case XLSX -> new XlsxTableWriter(new NonClosing(out), sheetName);
            case JSON -> new JsonTableWriter(new NonClosing(out));
            case PARQUET -> throw new IllegalStateException();
        }) {
            writer.header(columns);
            long[] n = {0};
            rows.forEach(values -> {
                writer.row(values);
                n[0]++;
            });
            return n[0];
        }
    }

    /** The servlet container owns the response stream: writers flush it but must not close it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
