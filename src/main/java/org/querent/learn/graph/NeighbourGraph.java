package org.querent.learn.graph;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The k nearest other rows of every row and their cosine similarities, best first. Row i never lists itself.
 * A row may list fewer than k neighbours (a pool of k or fewer rows, or an approximate search that came back short).
 *
 * <p>Immutable once built; the arrays are not copied, so callers must not change them.
 *
 * @param neighbours   per row, the neighbour rows, most similar first
 * @param similarities per row, the cosine similarity of each neighbour, same order
 * @param k            the number of neighbours asked for
 * @param method       how it was built ("exact" or the ANN library and its settings), for provenance
 */
public record NeighbourGraph(int[][] neighbours, float[][] similarities, int k, String method) {

    private static final byte[] MAGIC = "QKNN".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT_VERSION = 1;

    public NeighbourGraph {
        if (neighbours.length != similarities.length) {
            throw new IllegalArgumentException("one similarity row per neighbour row: neighbours.length="
                    + neighbours.length + ", similarities.length=" + similarities.length);
        }
        for (int i = 0; i < neighbours.length; i++) {
            if (neighbours[i].length != similarities[i].length) {
                throw new IllegalArgumentException("row " + i + " has " + neighbours[i].length + " neighbours and "
                        + similarities[i].length + " similarities");
            }
        }
    }

    /** Number of rows (pool items). */
    public int size() {
        return neighbours.length;
    }

    /** Share of rows whose neighbour lists equal (as sets) those of {@code exact}: how close an ANN graph came. */
    public double recallAgainst(NeighbourGraph exact) {
        long hit = 0;
        long all = 0;
        for (int i = 0; i < size(); i++) {
            int[] truth = exact.neighbours[i];
            int[] mine = neighbours[i].clone();
            Arrays.sort(mine);
            for (int t : truth) {
                hit += Arrays.binarySearch(mine, t) >= 0 ? 1 : 0;
            }
            all += truth.length;
        }
        return all == 0 ? 1 : hit / (double) all;
    }

    /** A small versioned little-endian format: magic, version, rows, k, method, then per row a count and pairs. */
    public byte[] toBytes() {
        byte[] methodBytes = method.getBytes(StandardCharsets.UTF_8);
        long total = 4 + 4 + 4 + 4 + 4 + methodBytes.length;
        for (int[] row : neighbours) {
            total += 4 + 8L * row.length;
        }
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(total)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putInt(FORMAT_VERSION).putInt(size()).putInt(k).putInt(methodBytes.length).put(methodBytes);
        for (int i = 0; i < size(); i++) {
            b.putInt(neighbours[i].length);
            for (int j = 0; j < neighbours[i].length; j++) {
                b.putInt(neighbours[i][j]).putFloat(similarities[i][j]);
            }
        }
        return b.array();
    }

    /**
     * Reads {@link #toBytes()}.
     *
     * @throws IllegalArgumentException when the bytes are not a graph of this version or are damaged: the caller
     *                                  rebuilds the graph (it is derived data)
     */
    public static NeighbourGraph fromBytes(byte[] bytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            byte[] magic = new byte[MAGIC.length];
            b.get(magic);
            if (!Arrays.equals(magic, MAGIC) || b.getInt() != FORMAT_VERSION) {
                throw new IllegalArgumentException("not a neighbour graph of format version " + FORMAT_VERSION);
            }
            int rows = b.getInt();
            int k = b.getInt();
            byte[] methodBytes = new byte[b.getInt()];
            b.get(methodBytes);
            int[][] neighbours = new int[rows][];
            float[][] similarities = new float[rows][];
            for (int i = 0; i < rows; i++) {
                int count = b.getInt();
                if (count < 0 || count > rows) {
                    throw new IllegalArgumentException("damaged neighbour graph: row " + i + " has " + count + " neighbours");
                }
                neighbours[i] = new int[count];
                similarities[i] = new float[count];
                for (int j = 0; j < count; j++) {
                    int n = b.getInt();
                    if (n < 0 || n >= rows) {
                        throw new IllegalArgumentException("damaged neighbour graph: row " + i + " names row " + n);
                    }
                    neighbours[i][j] = n;
                    similarities[i][j] = b.getFloat();
                }
            }
            if (b.hasRemaining()) {
                throw new IllegalArgumentException("damaged neighbour graph: " + b.remaining() + " trailing bytes");
            }
            return new NeighbourGraph(neighbours, similarities, k, new String(methodBytes, StandardCharsets.UTF_8));
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated neighbour graph (" + bytes.length + " bytes)", e);
        }
    }
}
