package org.querent.query;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * "coreset": k-center greedy over the embeddings (Sener and Savarese 2018). Each pick is the pool item farthest
 * from everything already labelled and everything picked earlier in the batch, so a batch covers the pool and never
 * holds two near-copies (a copy of a pick is at distance ~0 and is taken only when nothing else is left).
 *
 * <p>Distance is Euclidean between the embeddings' directions ({@link Vectors}). One array holds each item's
 * distance to its nearest centre and is updated after every pick: O(pool x (labelled + size) x dimension) in all.
 * Without labelled items (cold start) the first centre is a seeded random item. The score of a pick is its distance
 * to the nearest centre when it was picked (2, the distance of orthogonal directions, for a cold first pick).
 * It ignores the probabilities.
 */
public final class CoresetStrategy implements QueryStrategy {

    public static final String NAME = "coreset";
    static final double COLD_FIRST_SCORE = 2.0;
    private static final int TILE = 32;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean needsLabelled() {
        return true;
    }

    @Override
    public Ranking select(QueryContext context, int size) {
        float[][] x = QueryInputs.embeddings(QueryInputs.check(context, size), NAME);
        int n = x.length;
        int k = Math.min(size, n);
        double[] norms = Vectors.norms(x);
        double[] nearest = distancesToLabelled(x, norms, context.labelledEmbeddings());
        boolean[] picked = new boolean[n];
        int[] indices = new int[k];
        double[] scores = new double[k];
        for (int r = 0; r < k; r++) {
            int best = r == 0 && context.labelledCount() == 0
                    ? new SplittableRandom(context.seed()).nextInt(n)
                    : farthest(nearest, picked, context.seed());
            indices[r] = best;
            scores[r] = r == 0 && context.labelledCount() == 0 ? COLD_FIRST_SCORE : Math.sqrt(nearest[best]);
            picked[best] = true;
            float[] centre = x[best];
            double centreNorm = norms[best];
            ParallelRows.forEach(n, x[0].length, i ->
                    nearest[i] = Math.min(nearest[i], Vectors.unitDistance(x[i], norms[i], centre, centreNorm)));
        }
        return new Ranking(indices, scores);
    }

    /** Squared distance from each pool item to its nearest labelled item; +infinity when nothing is labelled. */
    private static double[] distancesToLabelled(float[][] x, double[] norms, float[][] labelled) {
        double[] nearest = new double[x.length];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        if (labelled == null || labelled.length == 0 || x.length == 0) {
            return nearest;
        }
        double[] labelledNorms = Vectors.norms(labelled);
        // Tiles of pool rows x labelled rows, so a tile of labelled rows stays in cache while a tile of pool rows
        // is compared with it, instead of streaming every labelled row from memory once per pool row.
        int poolTiles = (x.length + TILE - 1) / TILE;
        ParallelRows.forEach(poolTiles, (long) TILE * labelled.length * x[0].length, t -> {
            int end = Math.min(x.length, (t + 1) * TILE);
            for (int from = 0; from < labelled.length; from += TILE) {
                int to = Math.min(labelled.length, from + TILE);
                for (int i = t * TILE; i < end; i++) {
                    double min = nearest[i];
                    for (int l = from; l < to; l++) {
                        min = Math.min(min, Vectors.unitDistance(x[i], norms[i], labelled[l], labelledNorms[l]));
                    }
                    nearest[i] = min;
                }
            }
        });
        return nearest;
    }

    /** The unpicked item with the largest distance; equal distances in the seeded tie order of {@link TopK}. */
    private static int farthest(double[] nearest, boolean[] picked, long seed) {
        int best = -1;
        for (int i = 0; i < nearest.length; i++) {
            if (!picked[i] && (best < 0 || TopK.better(i, best, nearest, seed))) {
                best = i;
            }
        }
        return best;
    }
}
