package org.querent.interop;

import java.util.List;

/**
 * One item as an export writes it.
 *
 * @param text        the item's text, or null (images, or when the export leaves texts out)
 * @param image       the image's path relative to the dataset folder, or null for other items
 * @param audio       the audio file's path relative to the dataset folder, or null for other items
 * @param labels      its current labels, or empty when unlabelled
 * @param predictions pre-labels of Querent's version in use and of external models
 */
public record ExportTask(long itemId, String itemKey, String path, boolean isImage, String text, String image, String audio,
                         List<String> labels, String annotator, String decidedAt, String origin,
                         List<Prediction> predictions) {
    public ExportTask {
        labels = List.copyOf(labels);
        predictions = List.copyOf(predictions);
    }

    /** A model's pre-label of the item. */
    public record Prediction(String modelVersion, List<String> labels, Double score) {
        public Prediction {
            labels = List.copyOf(labels);
        }
    }
}
