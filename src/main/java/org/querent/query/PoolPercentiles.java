package org.querent.query;

import java.util.Arrays;

/**
 * Where a score stands in its pool, for display ("more uncertain than 93% of the pool"). Built once per ranking
 * from a sorted copy (O(n log n)); each look-up is a binary search.
 *
 * <p>Percentile = 100 x (items scoring below + half the items scoring the same) / pool size: the mid-rank
 * definition, so a pool where every score is equal puts every item at 50, not at 0 or 100. NaN scores are
 * left out of the pool.
 */
public final class PoolPercentiles {

    private final double[] sorted;

    private PoolPercentiles(double[] sorted) {
        this.sorted = sorted;
    }

    /** From the scores of a {@link ScoringStrategy}. */
    public static PoolPercentiles of(double[] scores) {
        double[] finite = Arrays.stream(scores).filter(s -> !Double.isNaN(s)).toArray();
        Arrays.sort(finite);
        return new PoolPercentiles(finite);
    }

    /** Percentile of {@code score} in the pool, 0..100; NaN for an empty pool or a NaN score. */
    public double percentile(double score) {
        if (sorted.length == 0 || Double.isNaN(score)) {
            return Double.NaN;
        }
        int below = firstIndexNotBelow(score);
        int equal = firstIndexAbove(score) - below;
        return 100.0 * (below + 0.5 * equal) / sorted.length;
    }

    /** The percentile of every score, in the same order. */
    public double[] percentiles(double[] scores) {
        double[] result = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            result[i] = percentile(scores[i]);
        }
        return result;
    }

    /** Number of scores in the pool (NaN excluded). */
    public int poolSize() {
        return sorted.length;
    }

    private int firstIndexNotBelow(double score) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < score) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private int firstIndexAbove(double score) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= score) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
