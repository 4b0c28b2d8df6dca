package org.querent.query.rules;

/**
 * What the rules need to know about the candidates (row i of every array is candidate i of the ranking)
 * and about the items already labelled.
 *
 * @param embeddings          candidate embeddings
 * @param sources             candidate source folder ("" at the root)
 * @param addedOrder          when each candidate was added; higher is newer (item ids do)
 * @param labelledEmbeddings  embeddings of the labelled items, for the near-duplicate rule
 */
public record BatchCandidates(float[][] embeddings, String[] sources, long[] addedOrder, float[][] labelledEmbeddings) {

    public BatchCandidates {
        if (sources.length != embeddings.length || addedOrder.length != embeddings.length) {
            throw new IllegalArgumentException("one source and one added order per candidate: received embeddings.length="
                    + embeddings.length + ", sources.length=" + sources.length + ", addedOrder.length=" + addedOrder.length);
        }
    }

    public int size() {
        return embeddings.length;
    }
}
