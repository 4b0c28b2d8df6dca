package org.querent.learn.pool;

import java.util.Arrays;

import org.querent.learn.graph.NeighbourGraph;

/**
 * Label spreading (Zhou et al., 2004, "Learning with local and global consistency") over a k-nearest-neighbour
 * graph: {@code F <- alpha S F + (1 - alpha) Y} with {@code S = D^-1/2 W D^-1/2}, W the symmetrised graph weighted by
 * cosine similarity (negative similarities count as a tiny positive weight, so every edge still connects). Each
 * labelled row keeps pulling towards its label; every other row takes the labels of the region it lies in, which
 * is how a class shaped like a crescent gets labelled where a linear boundary cannot follow it.
 *
 * <p>The graph's adjacency is built once per instance (compressed rows), so spreading again with other labels,
 * as cross-validation does, costs only the iterations: O(iterations x edges x classes).
 */
public final class LabelSpreading {

    /** Default share of each row's score that comes from its neighbours. */
    public static final double DEFAULT_ALPHA = 0.9;
    static final int MAX_ITERATIONS = 200;
    static final double TOLERANCE = 1e-6;
    private static final float MIN_WEIGHT = 1e-3f;

    private final int n;
    /** Compressed rows of the symmetric normalised matrix S. */
    private final int[] start;
    private final int[] column;
    private final float[] value;

    public LabelSpreading(NeighbourGraph graph) {
        n = graph.size();
        // symmetrise: w_ij = w_ji = max over both directions of the similarity
        int[] degree = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j : graph.neighbours()[i]) {
                degree[i]++;
                degree[j]++;
            }
        }
        int[][] adjacency = new int[n][];
        float[][] weight = new float[n][];
        int[] fill = new int[n];
        for (int i = 0; i < n; i++) {
            adjacency[i] = new int[degree[i]];
            weight[i] = new float[degree[i]];
        }
        for (int i = 0; i < n; i++) {
            int[] nb = graph.neighbours()[i];
            float[] sim = graph.similarities()[i];
            for (int m = 0; m < nb.length; m++) {
                float w = Math.max(MIN_WEIGHT, sim[m]);
                int j = nb[m];
                adjacency[i][fill[i]] = j;
                weight[i][fill[i]++] = w;
                adjacency[j][fill[j]] = i;
                weight[j][fill[j]++] = w;
            }
        }
        // merge duplicate edges (i lists j and j lists i) into one, keeping the larger weight
        start = new int[n + 1];
        int[][] mergedColumns = new int[n][];
        float[][] mergedWeights = new float[n][];
        for (int i = 0; i < n; i++) {
            Integer[] order = new Integer[adjacency[i].length];
            for (int m = 0; m < order.length; m++) {
                order[m] = m;
            }
            int[] adj = adjacency[i];
            Arrays.sort(order, (a, b) -> Integer.compare(adj[a], adj[b]));
            int[] cols = new int[order.length];
            float[] ws = new float[order.length];
            int size = 0;
            for (int m : order) {
                if (size > 0 && cols[size - 1] == adj[m]) {
                    ws[size - 1] = Math.max(ws[size - 1], weight[i][m]);
                } else {
                    cols[size] = adj[m];
                    ws[size++] = weight[i][m];
                }
            }
            mergedColumns[i] = Arrays.copyOf(cols, size);
            mergedWeights[i] = Arrays.copyOf(ws, size);
            start[i + 1] = start[i] + size;
        }
        double[] rowSum = new double[n];
        for (int i = 0; i < n; i++) {
            for (float w : mergedWeights[i]) {
                rowSum[i] += w;
            }
        }
        column = new int[start[n]];
        value = new float[start[n]];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < mergedColumns[i].length; m++) {
                int j = mergedColumns[i][m];
                column[start[i] + m] = j;
                value[start[i] + m] = (float) (mergedWeights[i][m] / Math.sqrt(rowSum[i] * rowSum[j]));
            }
        }
    }

    /** Rows of the graph. */
    public int size() {
        return n;
    }

    /**
     * Spreads the labels of {@code labelledRows} over the graph.
     *
     * @param labels per labelled row, its label indices (one for single-label data)
     * @return per graph row, a distribution over the classes (rows sum to 1), or null for a row that no label
     * reached (a component of the graph with no labelled row in it)
     */
    public double[][] spread(int[] labelledRows, int[][] labels, int classes, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): received " + alpha);
        }
        double[][] y = new double[n][];
        for (int r = 0; r < labelledRows.length; r++) {
            double[] row = y[labelledRows[r]] == null ? new double[classes] : y[labelledRows[r]];
            for (int label : labels[r]) {
                row[label] = 1;
            }
            y[labelledRows[r]] = row;
        }
        double[][] f = new double[n][classes];
        double[][] next = new double[n][classes];
        for (int i = 0; i < n; i++) {
            if (y[i] != null) {
                System.arraycopy(y[i], 0, f[i], 0, classes);
            }
        }
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double change = 0;
            double scale = 0;
            for (int i = 0; i < n; i++) {
                double[] out = next[i];
                Arrays.fill(out, 0);
                for (int e = start[i]; e < start[i + 1]; e++) {
                    double w = alpha * value[e];
                    double[] from = f[column[e]];
                    for (int c = 0; c < classes; c++) {
                        out[c] += w * from[c];
                    }
                }
                if (y[i] != null) {
                    for (int c = 0; c < classes; c++) {
                        out[c] += (1 - alpha) * y[i][c];
                    }
                }
                for (int c = 0; c < classes; c++) {
                    change = Math.max(change, Math.abs(out[c] - f[i][c]));
                    scale = Math.max(scale, Math.abs(out[c]));
                }
            }
            double[][] t = f;
            f = next;
            next = t;
            if (change <= TOLERANCE * Math.max(scale, 1e-12)) {
                break;
            }
        }
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (double v : f[i]) {
                sum += v;
            }
            if (sum > 0) {
                out[i] = new double[classes];
                for (int c = 0; c < classes; c++) {
                    out[i][c] = f[i][c] / sum;
                }
            }
        }
        return out;
    }
}
