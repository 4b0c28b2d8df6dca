package org.querent.query;

/**
 * "egl": expected gradient length (Settles, Craven and Ray 2008): how much the head would change if the item were
 * labelled, averaged over the labels the head expects. For the linear softmax head {@code z = W x + b} the gradient
 * of the log-loss for label y with respect to {@code [W | b]} is {@code (p - e_y) outer (x, 1)}, whose norm is
 * {@code ||p - e_y|| * sqrt(||x||^2 + 1)}, so
 * <pre>  score = sqrt(||x||^2 + 1) * sum_y p_y * sqrt(||p||^2 - 2 p_y + 1)</pre>
 * (the L2 penalty's gradient is the same for every item and left out). Uncertain items score high, and among equally
 * uncertain ones those with larger embeddings, which move the weights more.
 *
 * <p>Multi-label (independent sigmoids): the gradient is {@code (p - t) outer (x, 1)} for a 0/1 target vector t;
 * its expected norm has no closed form, so we use the bound {@code sqrt(E||p - t||^2) = sqrt(sum_c p_c (1 - p_c))}
 * (Jensen), which orders items the same way for a single label.
 */
public final class ExpectedGradientLengthStrategy implements ScoringStrategy {

    public static final String NAME = "egl";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[] scores(QueryContext context) {
        double[][] p = QueryInputs.check(context).probabilities();
        float[][] x = QueryInputs.embeddings(context, NAME);
        double[] scores = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double inputNorm = Math.sqrt(Vectors.dot(x[i], x[i]) + 1);
            scores[i] = inputNorm * (context.multiLabel() ? multiLabelLength(p[i]) : expectedLength(p[i]));
        }
        return scores;
    }

    /**
     * {@code sum_y p_y ||p - e_y||} for one softmax row, with {@code ||p - e_y||^2 = sum_{c != y} p_c^2 + (1 - p_y)^2}
     * and {@code 1 - p_y} the sum of the other probabilities: a confident row keeps its small, distinct length instead
     * of cancelling to 0.
     */
    static double expectedLength(double[] p) {
        double squared = 0;
        for (double q : p) {
            squared += q * q;
        }
        double sum = 0;
        for (int y = 0; y < p.length; y++) {
            double others = 0;
            for (int c = 0; c < p.length; c++) {
                others += c == y ? 0 : p[c];
            }
            double rest = squared - p[y] * p[y];
            sum += p[y] * Math.sqrt(Math.max(0, rest + others * others));
        }
        return sum;
    }

    /** {@code sqrt(sum_c p_c (1 - p_c))} for one row of independent label probabilities. */
    static double multiLabelLength(double[] p) {
        double sum = 0;
        for (double q : p) {
            sum += q * (1 - q);
        }
        return Math.sqrt(sum);
    }
}
