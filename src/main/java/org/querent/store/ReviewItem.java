package org.querent.store;

import java.util.List;

/**
 * A current label waiting for review.
 *
 * @param uid      the label decision's global id, which a review refers to
 * @param labels   the labels as they read today (through the taxonomy versions)
 * @param accepted true: the annotator accepted the pre-label; false: corrected it; null: none shown
 */
public record ReviewItem(long itemId, String itemKey, String source, String uid, List<String> labels, String annotator,
                         String decidedAt, Boolean accepted, String preLabel, String origin) {
}
