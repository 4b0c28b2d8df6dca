package org.querent.query;

/**
 * Uncertainty measures computed where floating point does not saturate. From logits: softmax terms as
 * {@code exp(z_c - logsumexp(z))}, so that {@code 1 - p_top} is the sum of the other (small, exactly represented)
 * probabilities instead of 1 minus a number that rounded to 1.0. From probabilities (sources without logits): the same
 * sums of the small terms, which is exact as far as those probabilities are.
 *
 * <p>Natural logarithms. Multi-label rows are independent sigmoids: {@code min(p, 1 - p) = sigmoid(-|z|)}.
 */
final class Uncertainty {

    private Uncertainty() {
    }

    /** Index of the largest entry (the first on ties). */
    static int top(double[] v) {
        int best = 0;
        for (int c = 1; c < v.length; c++) {
            if (v[c] > v[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Index of the second largest entry, -1 for a one-entry row. */
    static int second(double[] v, int top) {
        int best = -1;
        for (int c = 0; c < v.length; c++) {
            if (c != top && (best < 0 || v[c] > v[best])) {
                best = c;
            }
        }
        return best;
    }

    /** {@code logsumexp(z)}, with the largest logit subtracted first so that exp never overflows. */
    static double logSumExp(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum);
    }

    /** Softmax probabilities from logits: {@code exp(z_c - logsumexp(z))}. */
    static double[] softmax(double[] z) {
        double lse = logSumExp(z);
        double[] p = new double[z.length];
        for (int c = 0; c < z.length; c++) {
            p[c] = Math.exp(z[c] - lse);
        }
        return p;
    }

    /** {@code 1 - p_top} as the sum of the other probabilities. */
    static double leastConfidence(double[] p) {
        int t = top(p);
        double rest = 0;
        for (int c = 0; c < p.length; c++) {
            rest += c == t ? 0 : p[c];
        }
        return rest;
    }

    /** {@code 1 - (p_top - p_second) = (1 - p_top) + p_second}; 0 for a one-class row. */
    static double margin(double[] p) {
        if (p.length < 2) {
            return 0;
        }
        int t = top(p);
        return leastConfidence(p) + p[second(p, t)];
    }

    /** {@code -sum p ln p}, with {@code ln p_top = log1p(-(1 - p_top))} so a near-1 top keeps its share. */
    static double entropy(double[] p) {
        int t = top(p);
        double rest = leastConfidence(p);
        double h = p[t] > 0 ? -p[t] * Math.log1p(-Math.min(rest, 1.0)) : 0;
        for (int c = 0; c < p.length; c++) {
            if (c != t && p[c] > 0) {
                h -= p[c] * Math.log(p[c]);
            }
        }
        return h;
    }

    /** Entropy from logits: {@code sum_c p_c (logsumexp(z) - z_c)}, every term exact. */
    static double entropyOfLogits(double[] z) {
        double lse = logSumExp(z);
        double h = 0;
        for (double v : z) {
            double p = Math.exp(v - lse);
            if (p > 0) {
                h += p * (lse - v);
            }
        }
        return h;
    }

    /**
     * How far the top class leads the second in logits (for probabilities, {@code ln(p_top / p_second)}): smaller is
     * more uncertain. The tie-break when scores are equal, so that no order falls back to item order.
     */
    static double logitMargin(double[] z) {
        if (z.length < 2) {
            return Double.POSITIVE_INFINITY;
        }
        int t = top(z);
        return z[t] - z[second(z, t)];
    }

    /** {@link #logitMargin} of a probability row. */
    static double logitMarginOfProbabilities(double[] p) {
        if (p.length < 2) {
            return Double.POSITIVE_INFINITY;
        }
        int t = top(p);
        double s = p[second(p, t)];
        return s > 0 ? Math.log(p[t]) - Math.log(s) : Double.POSITIVE_INFINITY;
    }

    /** {@code sigmoid(z)} in two branches so that exp never overflows. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /** Binary entropy of {@code sigmoid(z)}: {@code softplus(-|z|) + |z| sigmoid(-|z|)}. */
    static double binaryEntropyOfLogit(double z) {
        double a = Math.abs(z);
        return Math.log1p(Math.exp(-a)) + a * sigmoid(-a);
    }

    /** The smallest |z| of a multi-label row: its most open yes/no question (the multi-label tie-break). */
    static double smallestAbsolute(double[] z) {
        double min = Double.POSITIVE_INFINITY;
        for (double v : z) {
            min = Math.min(min, Math.abs(v));
        }
        return min;
    }
}
