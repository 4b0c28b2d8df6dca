package org.querent.query;

import java.util.SplittableRandom;

/**
 * "badge": Batch Active learning by Diverse Gradient Embeddings (Ash et al. 2020). Each item's gradient embedding is
 * the last-layer gradient of the log-loss if the head's own guess were the label: {@code g = (p - onehot(argmax p))
 * outer x} (multi-label: the guess is every label with {@code p >= 0.5}). Its length grows with uncertainty, its
 * direction says which way the item would pull the head. The batch is chosen by k-means++ seeding on the g's: the
 * longest g first, then each next item with probability proportional to its squared distance to the nearest item
 * already chosen. An exact copy of a chosen item has probability 0, a near-copy nearly 0: a batch is uncertain and
 * diverse by construction.
 *
 * <p>The g's (classes x dimension long) are never built: with residual {@code r = p - guess},
 * {@code ||g_i - g_j||^2 = ||r_i||^2 ||x_i||^2 + ||r_j||^2 ||x_j||^2 - 2 (r_i . r_j)(x_i . x_j)}, so each of the
 * {@code size} passes costs O(pool x (classes + dimension)). Scores are the squared distances at the time of
 * the pick (the first: its squared gradient length).
 */
public final class BadgeStrategy implements QueryStrategy {

    public static final String NAME = "badge";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Ranking select(QueryContext context, int size) {
        double[][] p = QueryInputs.check(context, size).probabilities();
        float[][] x = QueryInputs.embeddings(context, NAME);
        int n = p.length;
        int k = Math.min(size, n);
        double[][] residual = new double[n][];
        double[] inputSquared = new double[n];
        double[] length = new double[n];
        for (int i = 0; i < n; i++) {
            residual[i] = residual(p[i], context.multiLabel());
            inputSquared[i] = Vectors.dot(x[i], x[i]);
            length[i] = dot(residual[i], residual[i]) * inputSquared[i];
        }
        int[] indices = new int[k];
        double[] scores = new double[k];
        if (k == 0) {
            return new Ranking(indices, scores);
        }
        SplittableRandom random = new SplittableRandom(context.seed());
        boolean[] picked = new boolean[n];
        double[] nearest = new double[n];
        java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        int chosen = TopK.select(length, 1, context.seed()).indices()[0];
        scores[0] = length[chosen];
        for (int r = 0; ; r++) {
            indices[r] = chosen;
            picked[chosen] = true;
            nearest[chosen] = 0;
            if (r + 1 == k) {
                break;
            }
            int centre = chosen;
            ParallelRows.forEach(n, x[0].length + residual[0].length, i -> {
                if (!picked[i]) {
                    double d = length[i] + length[centre]
                            - 2 * dot(residual[i], residual[centre]) * Vectors.dot(x[i], x[centre]);
                    nearest[i] = Math.min(nearest[i], Math.max(0, d));
                }
            });
            chosen = sample(nearest, picked, random);
            scores[r + 1] = nearest[chosen];
        }
        return new Ranking(indices, scores);
    }

    /** {@code p - guess}: the gradient's class factor when the head's own answer is taken as the label. */
    static double[] residual(double[] p, boolean multiLabel) {
        double[] r = p.clone();
        if (multiLabel) {
            for (int c = 0; c < r.length; c++) {
                r[c] -= p[c] >= 0.5 ? 1 : 0;
            }
        } else {
            // p_top - 1 as minus the other probabilities: exact where p_top has rounded to 1.0
            int top = Disagreement.argmax(p);
            r[top] = -Uncertainty.leastConfidence(p);
        }
        return r;
    }

    /**
     * D^2 sampling: an unpicked item with probability proportional to its squared distance. When every distance is 0
     * (only copies left), a uniformly random unpicked item.
     */
    private static int sample(double[] nearest, boolean[] picked, SplittableRandom random) {
        double total = 0;
        int unpicked = 0;
        for (int i = 0; i < nearest.length; i++) {
            if (!picked[i]) {
                total += nearest[i];
                unpicked++;
            }
        }
        if (total > 0) {
            double target = random.nextDouble() * total;
            int last = -1;
            for (int i = 0; i < nearest.length; i++) {
                if (!picked[i] && nearest[i] > 0) {
                    last = i;
                    target -= nearest[i];
                    if (target < 0) {
                        return i;
                    }
                }
            }
            return last; // rounding left a sliver of the total
        }
        int skip = random.nextInt(unpicked);
        for (int i = 0; i < picked.length; i++) {
            if (!picked[i] && skip-- == 0) {
                return i;
            }
        }
        throw new IllegalStateException("no unpicked item left");
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int c = 0; c < a.length; c++) {
            sum += a[c] * b[c];
        }
        return sum;
    }
}
