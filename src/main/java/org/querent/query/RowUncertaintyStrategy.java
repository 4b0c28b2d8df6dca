package org.querent.query;

/**
 * A strategy that scores each pool row on its own probabilities (least confidence, margin, entropy):
 * the loop over rows lives here, the measure in the subclass.
 */
abstract class RowUncertaintyStrategy implements ScoringStrategy {

    @Override
    public final boolean readsEmbeddings() {
        return false;
    }

    @Override
    public final double[] scores(QueryContext context) {
        double[][] p = QueryInputs.check(context).probabilities();
        double[] scores = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            scores[i] = context.multiLabel() ? multiLabelRowScore(p[i]) : rowScore(p[i]);
        }
        return scores;
    }

    /** Single-label uncertainty of one probability row. */
    abstract double rowScore(double[] p);

    /** Multi-label uncertainty of one row of independent label probabilities. */
    abstract double multiLabelRowScore(double[] p);
}
