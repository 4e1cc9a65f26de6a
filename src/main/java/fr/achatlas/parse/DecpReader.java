package fr.achatlas.parse;

import fr.achatlas.model.ParsedRecord;
import fr.achatlas.model.SourceFormat;

import java.io.IOException;

/**
 * Streams the records of one DECP file, one at a time, with memory flat whatever the file size.
 *
 * <p>Never throws for bad content: a record that cannot be read comes back with a null contract and a FATAL finding
 * (PARSE_ERROR / NOT_A_CONTRACT) so that it is counted as rejected. After a syntax error that leaves the rest of the
 * file unreadable, the reader returns one such record for the broken part and then ends. IOException is for the file
 * system only.
 */
public interface DecpReader extends AutoCloseable {

    SourceFormat format();

    /** The next record, or null when the file is exhausted. */
    ParsedRecord next() throws IOException;

    @Override
    void close() throws IOException;
}
