package org.querent.learn;

/**
 * Single-label head: multinomial logistic regression. Each prediction row sums to 1.
 */
public final class SoftmaxHead extends Head {

    /**
     * @param weights [classes][dimension], copied
     * @param bias    one per class, copied
     */
    public SoftmaxHead(float[][] weights, double[] bias) {
        super(weights, bias);
    }

    @Override
    public boolean multiLabel() {
        return false;
    }

    @Override
    void applyLink(double[] logits) {
        softmaxInPlace(logits);
    }

    /** Subtracts the maximum first so that exp never overflows. */
    public static void softmaxInPlace(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < z.length; c++) {
            z[c] /= sum;
        }
    }
}
