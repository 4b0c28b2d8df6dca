package org.querent.session;

import java.util.List;
import java.util.function.UnaryOperator;

import org.querent.common.LogitMatrix;

/**
 * Class probabilities over the taxonomy for every pool row, and where they came from.
 *
 * <p>A head's predictions keep only the calibrated logits, in one chunked matrix ({@link LogitMatrix}); a row's
 * probabilities are computed from its logits when asked for, by the same arithmetic that used to fill a
 * {@code double[][]} for the whole pool (a million rows: 24 MB instead of about 100 MB of row objects, ADR 0025).
 * Other sources (zero-shot, model classes, spreading, none) are held as the rows they were given.
 */
public final class Predictions {
    private final int size;
    private final double[][] rows;
    private final LogitMatrix source;
    private final UnaryOperator<double[]> toProbabilities;
    private final LogitMatrix logits;
    private final List<String> labels;
    private final String predictor;
    private final Integer modelVersion;

    private Predictions(int size, double[][] rows, LogitMatrix source, UnaryOperator<double[]> toProbabilities,
                        LogitMatrix logits, List<String> labels, String predictor, Integer modelVersion) {
        this.size = size;
        this.rows = rows;
        this.source = source;
        this.toProbabilities = toProbabilities;
        this.logits = logits;
        this.labels = labels;
        this.predictor = predictor;
        this.modelVersion = modelVersion;
    }

    /**
     * Predictions held as probability rows.
     *
     * @param probabilities row per pool item, column per taxonomy label (kept, not copied)
     * @param labels        the taxonomy, in column order
     * @param predictor     "head v3", "model classes", "zero-shot" or "none" (no pre-labels yet)
     * @param modelVersion  the head version, or null when no head made them
     */
    public Predictions(double[][] probabilities, List<String> labels, String predictor, Integer modelVersion) {
        this(probabilities.length, probabilities, null, null, null, labels, predictor, modelVersion);
    }

    /**
     * Predictions computed from a head's calibrated logits {@code z / T}, a row at a time.
     *
     * @param calibrated      the head's calibrated logits, in the head's class order
     * @param toProbabilities a row of {@code calibrated} (a fresh copy it may change) to its probabilities over the
     *                        taxonomy
     * @param taxonomyLogits  whether the head's classes are the taxonomy's, in its order (and its link the project's):
     *                        only then are the logits offered to uncertainty ({@link #logits()})
     */
    static Predictions ofLogits(LogitMatrix calibrated, UnaryOperator<double[]> toProbabilities, boolean taxonomyLogits,
                                List<String> labels, String predictor, Integer modelVersion) {
        return new Predictions(calibrated.rows(), null, calibrated, toProbabilities,
                taxonomyLogits ? calibrated : null, labels, predictor, modelVersion);
    }

    /** Number of pool rows. */
    public int size() {
        return size;
    }

    /**
     * The probabilities of pool row {@code row}, column per taxonomy label. Computed from the logits when the
     * predictions are a head's (a fresh array each call); otherwise the row as given. Callers do not change it.
     */
    public double[] probabilities(int row) {
        if (rows != null) {
            return rows[row];
        }
        return toProbabilities.apply(source.row(row));
    }

    /** Every row's probabilities: for small pools (an evaluation set, an export check) and tests. */
    public double[][] probabilityRows() {
        if (rows != null) {
            return rows;
        }
        double[][] out = new double[size][];
        for (int i = 0; i < size; i++) {
            out[i] = probabilities(i);
        }
        return out;
    }

    /**
     * The calibrated logits {@code z / T} behind the probabilities (same rows and columns), or null when the source has
     * none (zero-shot, model classes, spreading) or its classes are not the taxonomy's. Uncertainty is computed from
     * them where they exist, because a probability rounded to 1.0 has lost the ranking.
     */
    public LogitMatrix logits() {
        return logits;
    }

    /** The taxonomy, in column order. */
    public List<String> labels() {
        return labels;
    }

    /** "head v3", "model classes", "zero-shot" or "none" (no pre-labels yet). */
    public String predictor() {
        return predictor;
    }

    /** The head version, or null when no head made them. */
    public Integer modelVersion() {
        return modelVersion;
    }

    public boolean hasPreLabels() {
        return !"none".equals(predictor);
    }
}
