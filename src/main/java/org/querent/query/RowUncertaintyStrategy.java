package org.querent.query;

import org.querent.common.LogitMatrix;

/**
 * A strategy that scores each pool row on its own prediction (least confidence, margin, entropy): the loop over rows
 * lives here, the measure in the subclass. Rows are scored from the logits when the context has them
 * ({@link QueryContext#logits()}), else from the probabilities, both without saturating ({@link Uncertainty}). Equal
 * scores are ordered by the logit margin (smallest first), and only then by the seeded order.
 */
abstract class RowUncertaintyStrategy implements ScoringStrategy {
    /** Rough cost of one class of one row (an exp and a few compares) in multiply-adds, for ParallelRows. */
    private static final long WORK_PER_ROW = 20;

    @Override
    public final boolean readsEmbeddings() {
        return false;
    }

    @Override
    public final boolean ranksFromLogitsAlone() {
        return true;
    }

    @Override
    public final double[] scores(QueryContext context) {
        QueryInputs.checkLogitsOrProbabilities(context);
        double[][] p = context.probabilities();
        LogitMatrix z = QueryInputs.logits(context);
        int n = context.poolSize();
        double[] scores = new double[n];
        // Each row writes only its own score: the same result on any number of cores (a million rows, 2 cores: ~2x).
        // A logit row is copied into one buffer per run of rows, not allocated per row (ADR 0025).
        ParallelRows.forEachRange(n, WORK_PER_ROW * classes(context), (from, to) -> {
            double[] row = z == null ? null : new double[z.columns()];
            for (int i = from; i < to; i++) {
                if (z != null) {
                    z.copyRow(i, row);
                    scores[i] = context.multiLabel() ? multiLabelLogitScore(row) : logitScore(row);
                } else {
                    scores[i] = context.multiLabel() ? multiLabelRowScore(p[i]) : rowScore(p[i]);
                }
            }
        });
        return scores;
    }

    @Override
    public final Ranking select(QueryContext context, int size) {
        double[] scores = scores(QueryInputs.checkLogitsOrProbabilities(context, size));
        LogitMatrix z = context.logits();
        double[][] p = context.probabilities();
        double[] tieBreak = new double[scores.length];
        ParallelRows.forEachRange(scores.length, WORK_PER_ROW * classes(context), (from, to) -> {
            double[] row = z == null ? null : new double[z.columns()];
            for (int i = from; i < to; i++) {
                if (z != null) {
                    z.copyRow(i, row);
                }
                double lead;
                if (context.multiLabel()) {
                    lead = Uncertainty.smallestAbsolute(z != null ? row : logOdds(p[i]));
                } else {
                    lead = z != null ? Uncertainty.logitMargin(row) : Uncertainty.logitMarginOfProbabilities(p[i]);
                }
                tieBreak[i] = -lead; // higher tie-break first: the smaller lead
            }
        });
        return TopK.select(scores, tieBreak, size, context.seed());
    }

    private static int classes(QueryContext context) {
        if (context.logits() != null) {
            return context.logits().columns();
        }
        double[][] p = context.probabilities();
        return p.length == 0 ? 1 : p[0].length;
    }

    private static double[] logOdds(double[] p) {
        double[] z = new double[p.length];
        for (int c = 0; c < p.length; c++) {
            z[c] = Math.log(p[c]) - Math.log1p(-p[c]);
        }
        return z;
    }

    /** Single-label uncertainty of one probability row. */
    abstract double rowScore(double[] p);

    /** Multi-label uncertainty of one row of independent label probabilities. */
    abstract double multiLabelRowScore(double[] p);

    /** Single-label uncertainty of one logit row (softmax link). */
    abstract double logitScore(double[] z);

    /** Multi-label uncertainty of one logit row (independent sigmoids). */
    abstract double multiLabelLogitScore(double[] z);
}
