package org.querent.learn;

import org.querent.common.QuerentException;

/**
 * Labelled embeddings to train or evaluate a head on. Row i of {@code x} has the label indices {@code labels[i]}.
 *
 * @param x          embeddings, all of the same length
 * @param labels     label indices per item; single-label: exactly one each; multi-label: zero or more distinct
 * @param classes    number of classes (or labels) in the taxonomy, including those with no example yet
 * @param multiLabel whether an item may carry several labels
 */
public record TrainingData(float[][] x, int[][] labels, int classes, boolean multiLabel) {

    public TrainingData {
        if (x == null || labels == null) {
            throw QuerentException.usage("training data needs embeddings and labels");
        }
        if (x.length != labels.length) {
            throw QuerentException.usage("one label set per embedding: received x.length=" + x.length
                    + ", labels.length=" + labels.length);
        }
        if (classes < 1) {
            throw QuerentException.usage("training data needs at least one class: received classes=" + classes);
        }
        int dimension = x.length == 0 ? 0 : x[0].length;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != dimension) {
                throw QuerentException.usage("embeddings differ in length: x[0].length=" + dimension + ", x[" + i
                        + "].length=" + (x[i] == null ? "null" : x[i].length));
            }
            int[] row = labels[i];
            if (row == null || (!multiLabel && row.length != 1)) {
                throw QuerentException.usage("single-label item " + i + " needs exactly one label: received "
                        + (row == null ? "null" : row.length));
            }
            for (int label : row) {
                if (label < 0 || label >= classes) {
                    throw QuerentException.usage("label index out of range at item " + i + ": label=" + label
                            + ", classes=" + classes);
                }
            }
        }
    }

    /** Single-label data from one class index per item. */
    public static TrainingData singleLabel(float[][] x, int[] labels, int classes) {
        int[][] wrapped = new int[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            wrapped[i] = new int[] {labels[i]};
        }
        return new TrainingData(x, wrapped, classes, false);
    }

    /** Number of labelled items. */
    public int size() {
        return x.length;
    }

    /** Embedding length, 0 when there are no items. */
    public int dimension() {
        return x.length == 0 ? 0 : x[0].length;
    }

    /**
     * One label per item for stratifying: the class for single-label data, the first label (or -1 for none) for
     * multi-label data.
     */
    public int[] primaryLabels() {
        int[] primary = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            primary[i] = labels[i].length == 0 ? -1 : labels[i][0];
        }
        return primary;
    }

    /** How many items carry each class. */
    public int[] countsPerClass() {
        int[] counts = new int[classes];
        for (int[] row : labels) {
            for (int label : row) {
                counts[label]++;
            }
        }
        return counts;
    }

    /** The rows at {@code indices}, in that order (arrays are shared, not copied). */
    public TrainingData subset(int[] indices) {
        float[][] sx = new float[indices.length][];
        int[][] sl = new int[indices.length][];
        for (int k = 0; k < indices.length; k++) {
            sx[k] = x[indices[k]];
            sl[k] = labels[indices[k]];
        }
        return new TrainingData(sx, sl, classes, multiLabel);
    }
}
