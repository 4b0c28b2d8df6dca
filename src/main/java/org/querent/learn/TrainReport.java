package org.querent.learn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provenance of one trained head: enough to reproduce it (trainer, settings, seed, data shape) and to judge it
 * (iterations, loss, held-out metrics). {@link #toMap()} gives plain values a caller can write as JSON.
 *
 * @param trainer        trainer name and version, e.g. "querent-lbfgs-logistic/1"
 * @param headKind       "softmax" or "sigmoid"
 * @param settings       the settings used (they include the seed)
 * @param labelCount     number of labelled items trained on
 * @param labelsPerClass items per class
 * @param dimension      embedding length
 * @param warmStarted    whether training started from a previous head
 * @param iterations     optimiser iterations
 * @param loss           final scaled objective
 * @param converged      whether the stopping rule was met
 * @param millis         training time
 * @param heldOut        cross-validated or held-out metrics, or null when there were too few labels
 */
public record TrainReport(String trainer, String headKind, TrainSettings settings, int labelCount,
                          int[] labelsPerClass, int dimension, boolean warmStarted, int iterations, double loss,
                          boolean converged, long millis, Evaluation heldOut) {

    /** Builds the report of a {@link HeadTrainer#train} call. */
    public static TrainReport of(TrainingData data, Head warmStart, TrainSettings settings, TrainResult result,
                                 Evaluation heldOut) {
        return new TrainReport(HeadTrainer.NAME + "/" + HeadTrainer.VERSION,
                result.head().multiLabel() ? "sigmoid" : "softmax", settings, data.size(), data.countsPerClass(),
                data.dimension(), HeadTrainer.canWarmStart(warmStart, data), result.iterations(), result.loss(),
                result.converged(), result.millis(), heldOut);
    }

    /** The seed, repeated at the top level because it is what people look for first. */
    public long seed() {
        return settings.seed();
    }

    /** JSON-ready: only String, Number, Boolean, List and Map values (and null for a missing estimate). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("trainer", trainer);
        map.put("headKind", headKind);
        map.put("seed", seed());
        map.put("settings", settings.toMap());
        map.put("labelCount", labelCount);
        List<Integer> perClass = new ArrayList<>();
        for (int count : labelsPerClass) {
            perClass.add(count);
        }
        map.put("labelsPerClass", perClass);
        map.put("dimension", dimension);
        map.put("warmStarted", warmStarted);
        map.put("iterations", iterations);
        map.put("loss", loss);
        map.put("converged", converged);
        map.put("millis", millis);
        map.put("heldOut", heldOut == null ? null : heldOut.toMap());
        return map;
    }
}
