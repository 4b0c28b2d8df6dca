package org.querent.session;

import java.util.List;

/**
 * Class probabilities over the taxonomy for every pool row, and where they came from.
 *
 * @param probabilities row per pool item, column per taxonomy label
 * @param labels        the taxonomy, in column order
 * @param predictor     "head v3", "model classes", "zero-shot" or "none" (no pre-labels yet)
 * @param modelVersion  the head version, or null when no head made them
 */
public record Predictions(double[][] probabilities, List<String> labels, String predictor, Integer modelVersion) {

    public boolean hasPreLabels() {
        return !"none".equals(predictor);
    }
}
