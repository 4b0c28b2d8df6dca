package org.querent.learn;

/**
 * Multi-label head: one independent logistic regression per label (one-vs-rest). Each probability is the
 * chance that the label applies; a row need not sum to 1.
 */
public final class SigmoidHead extends Head {

    /**
     * @param weights [labels][dimension], copied
     * @param bias    one per label, copied
     */
    public SigmoidHead(float[][] weights, double[] bias) {
        super(weights, bias);
    }

    @Override
    public boolean multiLabel() {
        return true;
    }

    @Override
    void applyLink(double[] logits) {
        for (int c = 0; c < logits.length; c++) {
            logits[c] = sigmoid(logits[c]);
        }
    }

    /** Written in two branches so that exp never overflows for large |z|. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }
}
