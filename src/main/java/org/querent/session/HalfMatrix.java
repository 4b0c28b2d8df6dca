package org.querent.session;

import java.util.Arrays;

import org.querent.store.Vectors;

/**
 * Rows of float16 values in small chunks (at most 256 KB each: 256 rows at 384 dimensions), grown as rows arrive.
 * One flat array of a million rows would be a single 768 MB object, and even 48 MB chunks are "humongous" objects
 * to G1, placed in runs of whole free regions that a full 1 GB heap cannot always find: the million-item benchmark
 * ran out of memory on exactly that with 700 MB free. Chunks this small are ordinary objects that the collector
 * can move, and growing never copies what is already held.
 */
final class HalfMatrix {
    /** Bytes per chunk at most: well under half of G1's smallest region (1 MB), so never humongous. */
    private static final int CHUNK_BYTES = 256 * 1024;

    private final int dimension;
    private final int chunkShift;
    private final int rowMask;
    private short[][] chunks = new short[0][];
    private int rows;

    HalfMatrix(int dimension) {
        this.dimension = dimension;
        int chunkRows = Integer.highestOneBit(Math.max(1, CHUNK_BYTES / 2 / Math.max(1, dimension)));
        this.chunkShift = Integer.numberOfTrailingZeros(chunkRows);
        this.rowMask = chunkRows - 1;
    }

    int rows() {
        return rows;
    }

    int dimension() {
        return dimension;
    }

    /** Appends a row stored as little-endian float16 bytes (the project file's form). */
    void appendHalfBytes(byte[] halfBytes) {
        int row = nextRow();
        Vectors.halfBytesInto(halfBytes, chunks[row >>> chunkShift], (row & rowMask) * dimension);
    }

    /** Appends a row of float16 values. */
    void appendHalves(short[] halves, int from) {
        int row = nextRow();
        System.arraycopy(halves, from, chunks[row >>> chunkShift], (row & rowMask) * dimension, dimension);
    }

    /** Copies row {@code row}'s float16 values into {@code into} at {@code at}. */
    void copyHalves(int row, short[] into, int at) {
        System.arraycopy(chunks[row >>> chunkShift], (row & rowMask) * dimension, into, at, dimension);
    }

    /** Row {@code row} decoded to float32. */
    void copyRow(int row, float[] into) {
        short[] chunk = chunks[row >>> chunkShift];
        int base = (row & rowMask) * dimension;
        for (int d = 0; d < dimension; d++) {
            into[d] = Vectors.halfToFloat(chunk[base + d]);
        }
    }

    private int nextRow() {
        int row = rows;
        int chunk = row >>> chunkShift;
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, Math.max(chunk + 1, chunk * 3 / 2)); // the index grows, never the rows
            chunks[chunk] = new short[(rowMask + 1) * dimension];
        } else if (chunks[chunk] == null) {
            chunks[chunk] = new short[(rowMask + 1) * dimension];
        }
        rows++;
        return row;
    }

    /** Frees the unused tail of the last chunk once every row is in (a pool is loaded once and then only read). */
    void trim() {
        int last = rows == 0 ? -1 : (rows - 1) >>> chunkShift;
        chunks = Arrays.copyOf(chunks, last + 1);
        if (last >= 0) {
            int used = (rows - (last << chunkShift)) * dimension;
            if (used < chunks[last].length) {
                chunks[last] = Arrays.copyOf(chunks[last], used);
            }
        }
    }
}
