package org.querent.query;

/**
 * "entropy": the items whose whole predicted distribution is most spread out. Score {@code -sum_c p_c ln p_c} in
 * nats (0 ln 0 = 0); the largest possible value is ln(classes).
 *
 * <p>Multi-label: the mean over labels of the binary entropy {@code -p ln p - (1 - p) ln(1 - p)}.
 */
public final class EntropyStrategy extends RowUncertaintyStrategy {

    public static final String NAME = "entropy";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    double rowScore(double[] p) {
        return score(p);
    }

    @Override
    double multiLabelRowScore(double[] p) {
        return multiLabelScore(p);
    }

    @Override
    double logitScore(double[] z) {
        return Uncertainty.entropyOfLogits(z);
    }

    @Override
    double multiLabelLogitScore(double[] z) {
        double sum = 0;
        for (double v : z) {
            sum += Uncertainty.binaryEntropyOfLogit(v);
        }
        return sum / z.length;
    }

    /** Single-label score of one probability row. */
    public static double score(double[] p) {
        return Uncertainty.entropy(p);
    }

    /** Multi-label score of one row of independent label probabilities. */
    public static double multiLabelScore(double[] p) {
        double sum = 0;
        for (double q : p) {
            sum -= plogp(q) + plogp(1 - q);
        }
        return sum / p.length;
    }

    private static double plogp(double q) {
        return q > 0 ? q * Math.log(q) : 0;
    }
}
