package fr.achatlas.dedup;

/**
 * A set of 64-bit contract keys with open addressing: 8 bytes a key instead of ~60 for a boxed HashSet, so the keys of
 * millions of contracts fit in a small heap. Key 0 is stored aside (it is the table's "empty" marker).
 */
public final class KeySet {

    private long[] table;
    private int size;
    private boolean hasZero;

    public KeySet(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        table = new long[cap];
    }

    public KeySet() {
        this(1 << 10);
    }

    /** Adds the key; returns false when it was already there. */
    public boolean add(long key) {
        if (key == 0) {
            boolean added = !hasZero;
            hasZero = true;
            if (added) size++;
            return added;
        }
        if ((size + 1) * 2 > table.length) grow();
        return insert(table, key);
    }

    public boolean contains(long key) {
        if (key == 0) return hasZero;
        int mask = table.length - 1;
        for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
            long v = table[i];
            if (v == 0) return false;
            if (v == key) return true;
        }
    }

    public int size() {
        return size;
    }

    private boolean insert(long[] t, long key) {
        int mask = t.length - 1;
        for (int i = spread(key) & mask; ; i = (i + 1) & mask) {
            long v = t[i];
            if (v == key) return false;
            if (v == 0) {
                t[i] = key;
                if (t == table) size++;
                return true;
            }
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        for (long v : old) {
            if (v != 0) insert(table, v);
        }
    }

    private static int spread(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
