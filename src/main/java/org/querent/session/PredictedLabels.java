package org.querent.session;

import java.util.Arrays;
import java.util.List;

import org.querent.session.QueueService.PreLabel;

/**
 * The pre-label of every scored item under the current predictions, by item id: what the browser shows in
 * its "predicted" column. Empty when there are no pre-labels yet. Holds the pool's item ids (8 bytes an item)
 * beside the predictions it was made from and works a pre-label out when asked: a map of a million boxed
 * pre-labels would cost more heap than the pool's vectors leave.
 */
public final class PredictedLabels {
    /** No predictions (no labelling session yet, or nothing that can pre-label). */
    public static final PredictedLabels NONE = new PredictedLabels(new long[0], null, false);

    private final long[] ids;
    private final Predictions predictions;
    private final boolean multiLabel;

    private PredictedLabels(long[] ids, Predictions predictions, boolean multiLabel) {
        this.ids = ids;
        this.predictions = predictions;
        this.multiLabel = multiLabel;
    }

    /**
     * Lines up prediction rows with items.
     *
     * @param poolIds item ids in pool row order, ascending (see {@code ItemRepository.scoredIds})
     * @return NONE when the predictions have no pre-labels, or when their rows no longer match the items (an
     *         import since the pool was loaded): a wrong label shown next to an item is worse than none
     */
    public static PredictedLabels align(long[] poolIds, Predictions predictions, boolean multiLabel) {
        if (predictions == null || !predictions.hasPreLabels() || predictions.size() != poolIds.length
                || poolIds.length == 0) {
            return NONE;
        }
        for (int i = 1; i < poolIds.length; i++) {
            if (poolIds[i] <= poolIds[i - 1]) {
                throw new IllegalArgumentException("pool ids must ascend (rows are in id order)");
            }
        }
        return new PredictedLabels(poolIds, predictions, multiLabel);
    }

    /** The pre-label of an item, or null when it is not scored. */
    public PreLabel of(long itemId) {
        int row = Arrays.binarySearch(ids, itemId);
        return row < 0 ? null : preLabel(row);
    }

    /** Ids of the items whose pre-label includes the label, ascending. One pass over the predictions. */
    public long[] idsPredictedAs(String label) {
        long[] out = new long[Math.min(ids.length, 1024)];
        int n = 0;
        for (int row = 0; row < ids.length; row++) {
            if (includes(preLabel(row), label)) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = ids[row];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Where the predictions come from ("head v3", "zero-shot", ...) or "none". */
    public String predictor() {
        return predictions == null ? "none" : predictions.predictor();
    }

    public boolean isEmpty() {
        return ids.length == 0;
    }

    private PreLabel preLabel(int row) {
        return PreLabel.of(predictions.probabilities(row), predictions.labels(), multiLabel);
    }

    static boolean includes(PreLabel pre, String label) {
        return pre != null && List.of(pre.labels().split(",")).contains(label);
    }
}
