package org.querent.query;

/**
 * A strategy's picks, best first.
 *
 * @param indices pool row indices, best first
 * @param scores  the strategy's score for each pick (higher means more worth labelling)
 */
public record Ranking(int[] indices, double[] scores) {
    public int size() {
        return indices.length;
    }
}
