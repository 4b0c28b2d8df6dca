package org.querent.simulate;

import java.util.List;

/**
 * Embedded items with their true class, ready to simulate on.
 *
 * @param paths      item keys, for reporting
 * @param embeddings row per item
 * @param truth      class index per item
 * @param classes    class names, in index order
 */
public record LabelledDataset(List<String> paths, float[][] embeddings, int[] truth, List<String> classes) {
    public int size() {
        return truth.length;
    }
}
