package fr.achatlas.parse;

import java.util.Arrays;

/**
 * An object of a record tree (a JSON object or an XML element with children): keys and values in two small arrays.
 * Cheaper than a HashMap for the 1 to 40 keys a DECP object has, and records are built by the million.
 *
 * <p>Keys are interned strings (the readers intern them: Jackson's INTERN_PROPERTY_NAMES, {@code intern()} for XML
 * names) and lookups must use interned keys too (the mapper uses string literals only), so a lookup is an identity
 * scan: most lookups are for keys a record does not have, and an equals pass would make those the expensive case.
 * On a repeated key, the last value wins, as in most JSON readers.
 */
final class TreeObject {
    private String[] keys;
    private Object[] values;
    private int size;

    TreeObject(int capacity) {
        keys = new String[capacity];
        values = new Object[capacity];
    }

    void put(String key, Object value) {
        if (size == keys.length) {
            int n = Math.max(4, size * 2);
            keys = Arrays.copyOf(keys, n);
            values = Arrays.copyOf(values, n);
        }
        keys[size] = key;
        values[size++] = value;
    }

    Object get(String key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    boolean containsKey(String key) {
        return indexOf(key) >= 0;
    }

    private int indexOf(String key) {
        for (int i = size - 1; i >= 0; i--) if (keys[i] == key) return i;
        return -1;
    }

    /** Replaces the value of an existing key (used by the XML reader to turn a repeated element into a list). */
    void set(String key, Object value) {
        values[indexOf(key)] = value;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    String key(int i) {
        return keys[i];
    }

    Object value(int i) {
        return values[i];
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            if (i > 0) sb.append(", ");
            sb.append(keys[i]).append('=').append(values[i]);
        }
        return sb.append('}').toString();
    }
}
