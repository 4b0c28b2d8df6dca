package org.querent.store;

import java.util.List;

/**
 * One recorded decision (an append-only event).
 *
 * @param kind             label, skip, flag, note or undo
 * @param labels           the label names given (label decisions)
 * @param accepted         true: the pre-label shown was accepted; false: corrected; null: none was shown
 * @param roundId          the round that selected the item, or null
 * @param guidelineVersion the guideline in force, or null
 * @param modelVersion     the head that made the pre-label, or null
 * @param undoes           for an undo: the decision it reverts
 * @param origin           "annotator", or "folders" for seed labels taken from class sub-folders
 */
public record Decision(long id, long itemId, String kind, List<String> labels, String annotator, String decidedAt,
                       Boolean accepted, String preLabel, Double preConfidence, Long roundId,
                       Integer guidelineVersion, Integer modelVersion, Long undoes, String note, String origin) {
}
