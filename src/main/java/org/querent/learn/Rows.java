package org.querent.learn;

/**
 * Embeddings read row by row into a caller's buffer, so a pool held in a compact form (one flat float16 array)
 * is predicted without a float[] per row.
 */
public interface Rows {
    int size();

    int dimension();

    /** Writes row {@code row} into {@code into} (length {@link #dimension()}). */
    void copyRow(int row, float[] into);
}
