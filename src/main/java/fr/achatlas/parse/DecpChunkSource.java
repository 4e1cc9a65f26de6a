package fr.achatlas.parse;

import fr.achatlas.model.ParsedRecord;
import fr.achatlas.model.SourceFormat;

import java.io.IOException;
import java.util.List;

/**
 * A DECP file delivered in chunks of consecutive records, so that several threads can parse and map them while one
 * thread reads the file: {@link #next()} runs on the reading thread, {@link Chunk#parse()} on any thread. The records
 * of all chunks, in order, are exactly those {@link DecpReader} gives for the same file.
 */
public interface DecpChunkSource extends AutoCloseable {

    /** The format detected, or null for a file in no known format (whose single record says so). */
    SourceFormat format();

    /** The next chunk in file order, or null at the end. */
    Chunk next() throws IOException, IrregularJsonException;

    @Override
    void close() throws IOException;

    /** Consecutive records of the file. */
    interface Chunk {
        /** The chunk's records, parsed and mapped; thread-safe (each thread uses its own parser and mapper). */
        List<ParsedRecord> parse() throws IrregularJsonException;
    }

    /**
     * The file departs from the plain shape the parallel reading handles (a syntax error, a record that is not an
     * object, an unexpected layout…): read it again with {@link DecpReaders#open}, which reports every such case
     * exactly. Nothing read so far may be kept.
     */
    final class IrregularJsonException extends Exception {
        public IrregularJsonException(String message) {
            super(message);
        }
    }
}
