package org.querent.learn.pool;

import java.util.Map;

import org.querent.learn.Head;

/**
 * A head fitted on a pool.
 *
 * @param kind              the head that was fitted (never {@link HeadKind#AUTO}: auto resolves to one of the others)
 * @param head              a linear head for any embedding: the model itself for supervised and self-training; for
 *                          spreading, logistic regression on the labels and the most confident spread labels, used
 *                          for items outside the graph (and stored as the version's weights)
 * @param poolProbabilities per pool row, its class probabilities, or null where {@code head} alone predicts the pool
 * @param details           JSON-ready figures for provenance (pseudo-labels used, spreading settings, ...)
 */
public record PoolFit(HeadKind kind, Head head, double[][] poolProbabilities, Map<String, Object> details) {

    /** Probabilities of the pool rows {@code rows}, whose embeddings are {@code x[rows[i]]}. */
    public double[][] predictRows(float[][] x, int[] rows) {
        double[][] out = new double[rows.length][];
        if (poolProbabilities != null) {
            for (int i = 0; i < rows.length; i++) {
                out[i] = poolProbabilities[rows[i]].clone();
            }
            return out;
        }
        float[][] rx = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            rx[i] = x[rows[i]];
        }
        return head.predict(rx);
    }

    /**
     * Logits of the pool rows {@code rows} where {@code head} alone predicts them (supervised, self-training), null
     * for a spread (whose probabilities have no logits behind them).
     */
    public double[][] logitRows(float[][] x, int[] rows) {
        if (poolProbabilities != null) {
            return null;
        }
        float[][] rx = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            rx[i] = x[rows[i]];
        }
        return head.logits(rx);
    }

    /** Probabilities of every pool row. */
    public double[][] predictPool(float[][] x) {
        return poolProbabilities != null ? poolProbabilities : head.predict(x);
    }
}
