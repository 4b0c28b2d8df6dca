package org.querent.interop;

import java.util.List;

/**
 * One label (or external prediction) read from a file.
 *
 * @param line         1-based line of a CSV or JSONL row; for Label Studio the 1-based task number
 * @param labels       label names as the file gives them
 * @param annotator    who, or null when the file does not say
 * @param decidedAt    ISO-8601 UTC instant, or null
 * @param note         e.g. the Prodigy session, or null
 * @param prediction   a model's pre-label rather than a person's label
 * @param modelVersion the predicting model (predictions), or null
 * @param score        the prediction's score, or null
 */
public record LabelRow(int line, ItemLocator item, List<String> labels, String annotator, String decidedAt, String note,
                       boolean prediction, String modelVersion, Double score) {
    public LabelRow {
        labels = List.copyOf(labels);
    }
}
