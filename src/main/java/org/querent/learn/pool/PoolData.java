package org.querent.learn.pool;

import org.querent.common.QuerentException;
import org.querent.learn.TrainingData;

/**
 * The whole pool and which of its rows are labelled: what a head that learns from the pool sees.
 *
 * @param x            every pool row's embedding (labelled and not)
 * @param labelledRows rows of {@code x} that carry labels, each at most once
 * @param labels       per labelled row, its label indices
 * @param classes      classes of the taxonomy
 * @param multiLabel   whether an item may carry several labels
 */
public record PoolData(float[][] x, int[] labelledRows, int[][] labels, int classes, boolean multiLabel) {

    public PoolData {
        if (labelledRows.length != labels.length) {
            throw QuerentException.usage("one label set per labelled row: received labelledRows.length="
                    + labelledRows.length + ", labels.length=" + labels.length);
        }
        boolean[] seen = new boolean[x.length];
        for (int row : labelledRows) {
            if (row < 0 || row >= x.length || seen[row]) {
                throw QuerentException.usage("labelled row " + row + " is outside the pool of " + x.length
                        + " rows or listed twice");
            }
            seen[row] = true;
        }
    }

    /** Single-label data from one class per labelled row. */
    public static PoolData singleLabel(float[][] x, int[] labelledRows, int[] labels, int classes) {
        int[][] wrapped = new int[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            wrapped[i] = new int[] {labels[i]};
        }
        return new PoolData(x, labelledRows, wrapped, classes, false);
    }

    /** The labelled rows as training data, in {@link #labelledRows} order. */
    public TrainingData labelled() {
        float[][] lx = new float[labelledRows.length][];
        for (int i = 0; i < labelledRows.length; i++) {
            lx[i] = x[labelledRows[i]];
        }
        return new TrainingData(lx, labels, classes, multiLabel);
    }

    /** The same pool with only the labels at positions {@code keep} of {@link #labelledRows}: the others become unlabelled. */
    public PoolData keepLabels(int[] keep) {
        int[] rows = new int[keep.length];
        int[][] kept = new int[keep.length][];
        for (int i = 0; i < keep.length; i++) {
            rows[i] = labelledRows[keep[i]];
            kept[i] = labels[keep[i]];
        }
        return new PoolData(x, rows, kept, classes, multiLabel);
    }

    /** True at every labelled row. */
    public boolean[] labelledMask() {
        boolean[] mask = new boolean[x.length];
        for (int row : labelledRows) {
            mask[row] = true;
        }
        return mask;
    }
}
