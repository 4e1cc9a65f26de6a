package fr.achatlas.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a long-running process knows of its own writes to a store. DuckDB lets one process at a time open a store file
 * for writing; the web server holds it for its whole life and writes only while serving a mutating request. Once the
 * server {@linkplain #watch watches} its store and reports the end of each such request ({@link #changed}), state
 * derived from the store (the cube snapshots' signature, users and tokens) can be trusted as long as the revision
 * has not moved, instead of being re-read on every request — re-reading cost a quarter of a drill-down's time.
 *
 * <p>A store nobody watches (the CLI, a test writing directly) has no revision: readers then check the store itself
 * every time, as before.
 */
public final class StoreChanges {

    private static final ConcurrentMap<String, AtomicLong> WATCHED = new ConcurrentHashMap<>();

    private StoreChanges() {
    }

    /** From now on, every write to this store is reported through {@link #changed}. */
    public static void watch(Connection conn) throws SQLException {
        WATCHED.putIfAbsent(key(conn), new AtomicLong());
    }

    public static void unwatch(Connection conn) throws SQLException {
        WATCHED.remove(key(conn));
    }

    /** The store's current revision, or empty when nobody watches it (then nothing derived from it may be trusted). */
    public static OptionalLong revision(Connection conn) throws SQLException {
        AtomicLong r = WATCHED.get(key(conn));
        return r == null ? OptionalLong.empty() : OptionalLong.of(r.get());
    }

    /** The store may have changed: whatever was derived from it before this call must be read again. */
    public static void changed(Connection conn) throws SQLException {
        AtomicLong r = WATCHED.get(key(conn));
        if (r != null) r.incrementAndGet();
    }

    // Duplicated connections share their database's URL (the file's absolute path): one revision per store file.
    private static String key(Connection conn) throws SQLException {
        return conn.getMetaData().getURL();
    }
}
