package org.querent.session;

import java.util.List;

/**
 * Class probabilities over the taxonomy for every pool row, and where they came from.
 *
 * @param probabilities row per pool item, column per taxonomy label
 * @param labels        the taxonomy, in column order
 * @param predictor     "head v3", "model classes", "zero-shot" or "none" (no pre-labels yet)
 * @param modelVersion  the head version, or null when no head made them
 * @param logits        the calibrated logits {@code z / T} behind {@code probabilities} (same rows and columns), or
 *                      null when the source has none (zero-shot, model classes, spreading). Uncertainty is computed
 *                      from them where they exist, because a probability rounded to 1.0 has lost the ranking
 */
public record Predictions(double[][] probabilities, List<String> labels, String predictor, Integer modelVersion,
                          double[][] logits) {

    /** Predictions without logits. */
    public Predictions(double[][] probabilities, List<String> labels, String predictor, Integer modelVersion) {
        this(probabilities, labels, predictor, modelVersion, null);
    }

    public boolean hasPreLabels() {
        return !"none".equals(predictor);
    }
}
