package fr.achatlas.export;

import fr.achatlas.query.ContractRows;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/** Exports every contract in its current state; the rows and their numbers come from the query layer. */
public final class ContractExport {

    private final ContractRows rows;

    public ContractExport(ContractRows rows) {
        this.rows = rows;
    }

    /** Writes the file and returns the number of rows written (for Parquet, as counted by the query layer). */
    public long write(ExportFormat format, Path out, boolean csvStandard) throws IOException, SQLException {
        if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
        if (format == ExportFormat.PARQUET) {
            return rows.copyToParquet(out);
        }
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
             TableWriter writer = switch (format) {
                 case CSV -> new CsvTableWriter(stream, !csvStandard);
                 case XLSX -> new XlsxTableWriter(stream, "Marchés");
                 case JSON -> new JsonTableWriter(stream);
                 case PARQUET -> throw new IllegalStateException();
             }) {
            writer.header(ContractRows.COLUMNS);
            long[] n = {0};
            rows.forEach(values -> {
                writer.row(values);
                n[0]++;
            });
            return n[0];
        }
    }
}
