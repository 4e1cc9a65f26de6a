package fr.achatlas.query;

import java.io.IOException;

/** Receives rows one at a time, so exports stream whatever the size of the store. */
@FunctionalInterface
public interface RowHandler {
    void row(Object[] values) throws IOException;
}
