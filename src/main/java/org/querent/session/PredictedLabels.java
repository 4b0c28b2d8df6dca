package org.querent.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.querent.session.QueueService.PreLabel;

/**
 * The pre-label of every scored item under the current predictions, by item id: what the browser shows in
 * its "predicted" column. Empty when there are no pre-labels yet.
 */
public final class PredictedLabels {
    /** No predictions (no labelling session yet, or nothing that can pre-label). */
    public static final PredictedLabels NONE = new PredictedLabels(Map.of(), "none");

    private final Map<Long, PreLabel> byItem;
    private final String predictor;

    private PredictedLabels(Map<Long, PreLabel> byItem, String predictor) {
        this.byItem = byItem;
        this.predictor = predictor;
    }

    /**
     * Lines up prediction rows with items.
     *
     * @param poolIds item ids in pool row order (see {@code ItemRepository.scoredIds})
     * @return NONE when the predictions have no pre-labels, or when their rows no longer match the items (an
     *         import since the pool was loaded): a wrong label shown next to an item is worse than none
     */
    public static PredictedLabels align(List<Long> poolIds, Predictions predictions, boolean multiLabel) {
        if (predictions == null || !predictions.hasPreLabels()
                || predictions.size() != poolIds.size()) {
            return NONE;
        }
        Map<Long, PreLabel> byItem = new HashMap<>(poolIds.size() * 2);
        for (int row = 0; row < predictions.size(); row++) {
            byItem.put(poolIds.get(row), PreLabel.of(predictions.probabilities(row), predictions.labels(), multiLabel));
        }
        return new PredictedLabels(byItem, predictions.predictor());
    }

    /** The pre-label of an item, or null when it is not scored. */
    public PreLabel of(long itemId) {
        return byItem.get(itemId);
    }

    /** Where the predictions come from ("head v3", "zero-shot", ...) or "none". */
    public String predictor() {
        return predictor;
    }

    public boolean isEmpty() {
        return byItem.isEmpty();
    }
}
