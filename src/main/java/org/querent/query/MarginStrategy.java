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

    /** Single-label score of one probability row; a one-class row has margin 1 (score 0). */
    public static double score(double[] p) {
        double first = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (double q : p) {
            if (q > first) {
                second = first;
                first = q;
            } else if (q > second) {
                second = q;
            }
        }
        return p.length < 2 ? 0 : 1 - (first - second);
    }

    /** Multi-label score of one row of independent label probabilities. */
    public static double multiLabelScore(double[] p) {
        double sum = 0;
        for (double q : p) {
            sum += 1 - Math.abs(2 * q - 1);
        }
        return sum / p.length;
    }
}
