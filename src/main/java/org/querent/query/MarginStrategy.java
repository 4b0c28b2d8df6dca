package org.querent.query;

/**
 * "margin": the items whose two most likely classes are closest, i.e. where the head hesitates between two
 * answers. Score {@code 1 - (p1 - p2)} with p1 >= p2 the two largest probabilities, so a near tie scores near 1.
 *
 * <p>Multi-label: each label's margin is between "yes" and "no", {@code |p - (1 - p)| = |2p - 1|}; the score is
 * the mean over labels of {@code 1 - |2p - 1|}.
 */
public final class MarginStrategy extends RowUncertaintyStrategy {

    public static final String NAME = "margin";

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
        return z.length < 2 ? 0 : Uncertainty.margin(Uncertainty.softmax(z));
    }

    @Override
    double multiLabelLogitScore(double[] z) {
        double sum = 0;
        for (double v : z) {
            sum += 2 * Uncertainty.sigmoid(-Math.abs(v)); // 1 - |2p - 1| without rounding p
        }
        return sum / z.length;
    }

    /** Single-label score of one probability row; a one-class row has margin 1 (score 0). */
    public static double score(double[] p) {
        return Uncertainty.margin(p);
    }

    /** Multi-label score of one row of independent label probabilities. */
    public static double multiLabelScore(double[] p) {
        double sum = 0;
        for (double q : p) {
            sum += 2 * Math.min(q, 1 - q);
        }
        return sum / p.length;
    }
}
