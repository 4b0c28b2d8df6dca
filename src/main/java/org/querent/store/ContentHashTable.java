package org.querent.store;

/**
 * An exact set of SHA-256 content hashes (64 lowercase hex characters), 32 bytes each in an open-addressing
 * table: a million items cost 64 MB, against about 180 MB as a {@code HashSet<String>}. It lets an import
 * decide in memory whether a row's content is an item of the project, instead of an index lookup per row.
 */
final class ContentHashTable {
    private long[] slots; // 4 longs a slot; all zero marks an empty slot
    private boolean hasZero; // the all-zero hash, which cannot mark itself
    private int size;
    private int mask;

    ContentHashTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new long[4 * capacity];
        mask = capacity - 1;
    }

    /** Parses a hash into 4 longs; false when it is not 64 lowercase hex characters. */
    static boolean parse(String hash, long[] out) {
        if (hash == null || hash.length() != 64) {
            return false;
        }
        for (int part = 0; part < 4; part++) {
            long v = 0;
            for (int i = part * 16; i < part * 16 + 16; i++) {
                char ch = hash.charAt(i);
                int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
                if (d < 0) {
                    return false;
                }
                v = v << 4 | d;
            }
            out[part] = v;
        }
        return true;
    }

    /** Adds a hash; false (and nothing added) when it is not a lowercase SHA-256 hex string. */
    boolean add(String hash) {
        long[] h = new long[4];
        if (!parse(hash, h)) {
            return false;
        }
        if (isZero(h)) {
            hasZero = true;
            return true;
        }
        if ((size + 1) * 4L > (mask + 1) * 3L) {
            grow();
        }
        if (insert(slots, mask, h)) {
            size++;
        }
        return true;
    }

    boolean contains(String hash) {
        long[] h = new long[4];
        if (!parse(hash, h)) {
            return false;
        }
        if (isZero(h)) {
            return hasZero;
        }
        for (int slot = spread(h[0]) & mask; ; slot = (slot + 1) & mask) {
            int at = 4 * slot;
            if (slots[at] == 0 && slots[at + 1] == 0 && slots[at + 2] == 0 && slots[at + 3] == 0) {
                return false;
            }
            if (slots[at] == h[0] && slots[at + 1] == h[1] && slots[at + 2] == h[2] && slots[at + 3] == h[3]) {
                return true;
            }
        }
    }

    int size() {
        return size + (hasZero ? 1 : 0);
    }

    private static boolean insert(long[] table, int mask, long[] h) {
        for (int slot = spread(h[0]) & mask; ; slot = (slot + 1) & mask) {
            int at = 4 * slot;
            if (table[at] == 0 && table[at + 1] == 0 && table[at + 2] == 0 && table[at + 3] == 0) {
                System.arraycopy(h, 0, table, at, 4);
                return true;
            }
            if (table[at] == h[0] && table[at + 1] == h[1] && table[at + 2] == h[2] && table[at + 3] == h[3]) {
                return false;
            }
        }
    }

    private void grow() {
        int capacity = (mask + 1) * 2;
        long[] bigger = new long[4 * capacity];
        long[] h = new long[4];
        for (int at = 0; at < slots.length; at += 4) {
            if (slots[at] != 0 || slots[at + 1] != 0 || slots[at + 2] != 0 || slots[at + 3] != 0) {
                System.arraycopy(slots, at, h, 0, 4);
                insert(bigger, capacity - 1, h);
            }
        }
        slots = bigger;
        mask = capacity - 1;
    }

    private static boolean isZero(long[] h) {
        return h[0] == 0 && h[1] == 0 && h[2] == 0 && h[3] == 0;
    }

    /** Hashes are uniform already, but test and synthetic ones may share their first bits: mix them anyway. */
    private static int spread(long v) {
        v ^= v >>> 33;
        v *= 0xff51afd7ed558ccdL;
        v ^= v >>> 33;
        return (int) v;
    }
}
