package org.querent.query;

/**
 * "least-confidence": the items whose most likely class is least likely. Score {@code 1 - max_c p_c}.
 *
 * <p>Multi-label: each label is a yes/no question whose confidence is {@code max(p, 1 - p)}; the score is the mean
 * over labels of {@code 1 - max(p, 1 - p)}, i.e. of {@code min(p, 1 - p)}.
 */
public final class LeastConfidenceStrategy extends RowUncertaintyStrategy {

    public static final String NAME = "least-confidence";

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
        return Uncertainty.leastConfidence(Uncertainty.softmax(z));
    }

    @Override
    double multiLabelLogitScore(double[] z) {
        double sum = 0;
        for (double v : z) {
            sum += Uncertainty.sigmoid(-Math.abs(v)); // min(p, 1 - p) without rounding p
        }
        return sum / z.length;
    }

    /** Single-label score of one probability row: {@code 1 - max p}, as the sum of the other probabilities. */
    public static double score(double[] p) {
        return Uncertainty.leastConfidence(p);
    }

    /** Multi-label score of one row of independent label probabilities. */
    public static double multiLabelScore(double[] p) {
        double sum = 0;
        for (double q : p) {
            sum += Math.min(q, 1 - q);
        }
        return sum / p.length;
    }
}
