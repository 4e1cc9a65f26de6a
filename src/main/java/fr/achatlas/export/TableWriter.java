package fr.achatlas.export;

import fr.achatlas.query.Column;

import java.io.IOException;
import java.util.List;

/** Writes a table row by row into one file format. */
interface TableWriter extends AutoCloseable {

    void header(List<Column> columns) throws IOException;

    void row(Object[] values) throws IOException;

    @Override
    void close() throws IOException;
}
