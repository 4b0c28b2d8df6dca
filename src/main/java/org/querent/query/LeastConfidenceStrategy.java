package org.querent.query;

/**
 * "least-confidence": the items whose most likely class is least likely. Score {@code 1 - max_c p_c}.
 *
 * <p>Multi-label: each label is a yes/no question whose confidence is {@code max(p, 1 - p)}; the score is the mean
 * over labels of {@code 1 - max(p, 1 - p)}, i.e. of {@code min(p, 1 - p)}.
 */
public final class LeastConfidenceStrategy implements ScoringStrategy {

    public static final String NAME = "least-confidence";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[] scores(QueryContext context) {
        double[][] p = QueryInputs.check(context).probabilities();
        double[] scores = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            scores[i] = context.multiLabel() ? multiLabelScore(p[i]) : score(p[i]);
        }
        return scores;
    }

    /** Single-label score of one probability row. */
    public static double score(double[] p) {
        double max = p[0];
        for (int c = 1; c < p.length; c++) {
            max = Math.max(max, p[c]);
        }
        return 1 - max;
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
