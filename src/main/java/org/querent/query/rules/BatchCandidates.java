package org.querent.query.rules;

import java.util.function.IntFunction;

/**
 * What the rules need to know about the candidates (row i of every array is candidate i of the ranking)
 * and about the items already labelled.
 *
 * @param vectorOf            candidate i's embedding, asked for only for the candidates a rule looks at (a million
 *                            candidates are never decoded at once)
 * @param sources             candidate source folder ("" at the root)
 * @param addedOrder          when each candidate was added; higher is newer (item ids do)
 * @param labelledEmbeddings  embeddings of the labelled items, for the near-duplicate rule
 */
public record BatchCandidates(IntFunction<float[]> vectorOf, String[] sources, long[] addedOrder,
                              float[][] labelledEmbeddings) {

    public BatchCandidates {
        if (addedOrder.length != sources.length) {
            throw new IllegalArgumentException("one source and one added order per candidate: received sources.length="
                    + sources.length + ", addedOrder.length=" + addedOrder.length);
        }
    }

    /** Candidates whose embeddings are all at hand. */
    public BatchCandidates(float[][] embeddings, String[] sources, long[] addedOrder, float[][] labelledEmbeddings) {
        this(i -> embeddings[i], check(embeddings, sources), addedOrder, labelledEmbeddings);
    }

    private static String[] check(float[][] embeddings, String[] sources) {
        if (sources.length != embeddings.length) {
            throw new IllegalArgumentException("one source and one added order per candidate: received embeddings.length="
                    + embeddings.length + ", sources.length=" + sources.length);
        }
        return sources;
    }

    public int size() {
        return sources.length;
    }

    /** Candidate i's embedding. */
    public float[] vector(int i) {
        return vectorOf.apply(i);
    }
}
