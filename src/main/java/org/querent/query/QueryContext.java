package org.querent.query;

/**
 * The unlabelled pool as a strategy sees it. Row i of every array is the same pool item.
 *
 * @param probabilities predicted class probabilities per pool item (rows sum to 1 for single-label;
 *                      independent per-label probabilities for multi-label)
 * @param embeddings    the pool's embeddings (may be used by diversity strategies)
 * @param multiLabel    whether probabilities are per-label independent
 * @param seed          seed for any random choice
 */
public record QueryContext(double[][] probabilities, float[][] embeddings, boolean multiLabel, long seed) {
    public int poolSize() {
        return probabilities.length;
    }
}
