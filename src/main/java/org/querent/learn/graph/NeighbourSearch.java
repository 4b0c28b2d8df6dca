package org.querent.learn.graph;

import org.querent.common.Cancellation;

/**
 * Builds the k-nearest-neighbour graph of a set of vectors under cosine similarity.
 *
 * <p>{@link #forPool(int)} picks the implementation: exact below {@value #EXACT_UP_TO} rows (deterministic, and
 * faster than an index there), the approximate {@link JVectorNeighbourSearch} above.
 */
public interface NeighbourSearch {

    /** Pools up to this size get the exact graph: 5,000 x 384 takes about 3 s on one core, the index is no faster. */
    int EXACT_UP_TO = 5_000;

    /**
     * @param x vectors, all of one length (need not be normalised: cosine is taken)
     * @param k neighbours per row, at least 1
     */
    NeighbourGraph build(float[][] x, int k, Cancellation cancellation);

    /** Exact for small pools, approximate for large ones. */
    static NeighbourSearch forPool(int rows) {
        return rows <= EXACT_UP_TO ? new ExactNeighbourSearch() : new JVectorNeighbourSearch();
    }

    /** Unit-length copies (zero vectors stay zero), so a dot product is the cosine. */
    static float[][] normalised(float[][] x) {
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            double norm = 0;
            for (float v : x[i]) {
                norm += v * v;
            }
            float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
            out[i] = new float[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                out[i][j] = x[i][j] * scale;
            }
        }
        return out;
    }
}
