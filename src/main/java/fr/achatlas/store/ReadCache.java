package fr.achatlas.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Values derived from the store (a user, a token's owner, the cube snapshot found up to date) kept while the store's
 * {@linkplain StoreChanges revision} stays the same and for at most {@code maxAgeMillis}: the web server used to
 * re-read them on every request. A store nobody watches is read every time. Absent values are not kept, so a
 * stream of unknown keys does not fill memory. The revision is read before the value: a change reported while it is
 * read leaves the entry older than the store, so it is read again next time.
 */
public final class ReadCache<K, V> {

    /** Reads the value; {@code null} when there is none. */
    @FunctionalInterface
    public interface Loader<K, V> {
        V load(Connection conn, K key) throws SQLException;
    }

    private record Entry<V>(V value, long revision, long atNanos) {
    }

    private final ConcurrentMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long maxAgeNanos;

    public ReadCache(long maxAgeMillis) {
        this.maxAgeNanos = maxAgeMillis * 1_000_000L;
    }

    public V get(Connection conn, K key, Loader<K, V> loader) throws SQLException {
        OptionalLong revision = StoreChanges.revision(conn);
        if (revision.isEmpty()) return loader.load(conn, key);
        Entry<V> e = entries.get(key);
        long now = System.nanoTime();
        if (e != null && e.revision() == revision.getAsLong() && now - e.atNanos() < maxAgeNanos) return e.value();
        V v = loader.load(conn, key);
        if (v == null) entries.remove(key);
        else entries.put(key, new Entry<>(v, revision.getAsLong(), now));
        return v;
    }
}
