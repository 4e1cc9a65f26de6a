package fr.achatlas.spending;

/** A small streaming 64-bit hash (FNV-1a over chars, murmur3 finaliser) for line content: fast and stable. */
final class Hash64 {
    private long h = 0xcbf29ce484222325L;

    static Hash64 start() {
        return new Hash64();
    }

    Hash64 add(String s) {
        if (s == null) {
            h = (h ^ 0xFF) * 0x100000001b3L;
        } else {
            for (int i = 0; i < s.length(); i++) h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ 0x1F) * 0x100000001b3L; // field separator
        return this;
    }

    Hash64 add(long v) {
        for (int i = 0; i < 8; i++) {
            h = (h ^ (v & 0xFF)) * 0x100000001b3L;
            v >>>= 8;
        }
        h = (h ^ 0x1F) * 0x100000001b3L;
        return this;
    }

    long value() {
        long x = h;
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }
}
