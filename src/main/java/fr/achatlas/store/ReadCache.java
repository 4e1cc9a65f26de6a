package fr.achatlas.web;

import fr.achatlas.store.StoreChanges;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Values read from the store (a user, a token's owner) kept while the store's revision stays the same and for at most
 * {@code maxAgeMillis}: every request used to re-read them, three small queries per API call. A store nobody
 * watches is read every time. Absent values are not kept, so a stream of unknown keys does not fill memory.
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
