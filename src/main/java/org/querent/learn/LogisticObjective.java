package org.querent.learn;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The training objective of both heads, scaled so that its size does not depend on the number of labels:
 * {@code F = (1/S) * sum_i s_i * loss_i + ||W||^2 / (2 C S)}, with {@code S = sum_i s_i} (= n) and sample weights
 * {@code s_i} (1, or inverse class frequency when balanced). Multiplying by {@code C S} gives scikit-learn's
 * {@code C * sum(loss) + 0.5 ||W||^2}: the same minimiser. The bias is not penalised.
 *
 * <p>Softmax: {@code loss_i = logsumexp(z_i) - z_i[y_i]}. Sigmoid: the sum over labels of the binary log-loss,
 * i.e. independent one-vs-rest problems optimised together (they share nothing, so this equals training each alone).
 *
 * <p>Parameters are laid out as {@code [W row-major (classes x dimension) | bias (classes)]}.
 */
final class LogisticObjective implements DifferentiableFunction {

    /** Below this much work per evaluation (multiply-adds) threads cost more than they save. */
    private static final long PARALLEL_WORK = 1_000_000L;

    private final boolean multiLabel;
    private final int n;
    private final int d;
    private final int k;
    private final double c;
    /** Embeddings widened to double once, so the inner loops need no conversions. */
    private final double[][] x;
    /** Single-label: the class per row. */
    private final int[] y;
    /** Multi-label: 1 if label c applies to row i. */
    private final boolean[][] targets;
    /** Single-label: weight per row. */
    private final double[] rowWeight;
    /** Multi-label: weights of positive and negative examples per label. */
    private final double[] positiveWeight;
    private final double[] negativeWeight;
    private final double weightSum;
    private final int chunks;
    /** Per chunk: gradient rows [class][dimension] and bias gradient, so threads never share a write. */
    private final double[][][] chunkWeightGradients;
    private final double[][] chunkBiasGradients;
    private final double[] chunkLosses;
    private final double[][] chunkLogits;
    /** The weights of the current point as rows: plain arrays without offsets keep the JIT's loops tight. */
    private final double[][] weights;

    LogisticObjective(TrainingData data, double c, boolean balanced) {
        this.multiLabel = data.multiLabel();
        this.n = data.size();
        this.d = data.dimension();
        this.k = data.classes();
        this.c = c;
        this.x = new double[n][d];
        for (int i = 0; i < n; i++) {
            float[] row = data.x()[i];
            for (int j = 0; j < d; j++) {
                x[i][j] = row[j];
            }
        }
        int[] counts = data.countsPerClass();
        if (multiLabel) {
            y = null;
            rowWeight = null;
            targets = new boolean[n][k];
            for (int i = 0; i < n; i++) {
                for (int label : data.labels()[i]) {
                    targets[i][label] = true;
                }
            }
            positiveWeight = new double[k];
            negativeWeight = new double[k];
            for (int label = 0; label < k; label++) {
                // scikit-learn's one-vs-rest with class_weight="balanced": n / (2 * count) for each side
                int positives = counts[label];
                int negatives = n - positives;
                positiveWeight[label] = balanced && positives > 0 ? n / (2.0 * positives) : 1.0;
                negativeWeight[label] = balanced && negatives > 0 ? n / (2.0 * negatives) : 1.0;
            }
            weightSum = n;
        } else {
            targets = null;
            positiveWeight = null;
            negativeWeight = null;
            y = new int[n];
            rowWeight = new double[n];
            int present = 0;
            for (int count : counts) {
                present += count > 0 ? 1 : 0;
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                y[i] = data.labels()[i][0];
                // class_weight="balanced" counts only classes present, as scikit-learn does
                rowWeight[i] = balanced ? n / ((double) present * counts[y[i]]) : 1.0;
                sum += rowWeight[i];
            }
            weightSum = sum;
        }
        long work = (long) n * d * k;
        int cores = Runtime.getRuntime().availableProcessors();
        this.chunks = work >= PARALLEL_WORK ? Math.max(1, Math.min(cores, n / 256)) : 1;
        this.chunkWeightGradients = new double[chunks][k][d];
        this.chunkBiasGradients = new double[chunks][k];
        this.chunkLosses = new double[chunks];
        this.chunkLogits = new double[chunks][k];
        this.weights = new double[k][d];
    }

    /** The training rows as doubles (for the preconditioner). */
    double[][] rows() {
        return x;
    }

    /** {@code S}, the sum of the sample weights: the penalty's curvature is {@code 1 / (C S)}. */
    double weightSum() {
        return weightSum;
    }

    /** A typical data-term curvature {@code p (1 - p)}: at uniform probabilities, as at a cold start. */
    double typicalCurvature() {
        return multiLabel ? 0.25 : (k - 1.0) / ((double) k * k);
    }

    @Override
    public int dimension() {
        return k * d + k;
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        for (int cls = 0; cls < k; cls++) {
            System.arraycopy(theta, cls * d, weights[cls], 0, d);
        }
        if (chunks == 1) {
            evaluateChunk(theta, 0);
        } else {
            IntStream.range(0, chunks).parallel().forEach(chunk -> evaluateChunk(theta, chunk));
        }
        // Reduce in chunk order so that the result does not depend on thread timing.
        Arrays.fill(gradient, 0);
        double loss = 0;
        for (int chunk = 0; chunk < chunks; chunk++) {
            for (int cls = 0; cls < k; cls++) {
                double[] g = chunkWeightGradients[chunk][cls];
                int offset = cls * d;
                for (int j = 0; j < d; j++) {
                    gradient[offset + j] += g[j];
                }
                gradient[k * d + cls] += chunkBiasGradients[chunk][cls];
            }
            loss += chunkLosses[chunk];
        }
        double penalty = 0;
        double scale = 1.0 / (c * weightSum);
        for (int p = 0; p < k * d; p++) {
            penalty += theta[p] * theta[p];
            gradient[p] += scale * theta[p];
        }
        return loss / weightSum + 0.5 * scale * penalty;
    }

    /** Data term of rows in this chunk, already divided by S in the gradient but not in the loss. */
    private void evaluateChunk(double[] theta, int chunk) {
        int from = (int) ((long) n * chunk / chunks);
        int to = (int) ((long) n * (chunk + 1) / chunks);
        double[][] gw = chunkWeightGradients[chunk];
        double[] gb = chunkBiasGradients[chunk];
        double[] z = chunkLogits[chunk];
        for (double[] row : gw) {
            Arrays.fill(row, 0);
        }
        Arrays.fill(gb, 0);
        double loss = 0;
        for (int i = from; i < to; i++) {
            double[] xi = x[i];
            for (int cls = 0; cls < k; cls++) {
                z[cls] = theta[k * d + cls] + dot(weights[cls], xi);
            }
            loss += multiLabel ? sigmoidRow(i, xi, z, gw, gb) : softmaxRow(i, xi, z, gw, gb);
        }
        chunkLosses[chunk] = loss;
    }

    private double softmaxRow(int i, double[] xi, double[] z, double[][] gw, double[] gb) {
        double max = Double.NEGATIVE_INFINITY;
        for (int cls = 0; cls < k; cls++) {
            max = Math.max(max, z[cls]);
        }
        double target = z[y[i]];
        double sum = 0;
        for (int cls = 0; cls < k; cls++) {
            z[cls] = Math.exp(z[cls] - max); // z now holds unnormalised probabilities
            sum += z[cls];
        }
        double w = rowWeight[i];
        double scaled = w / weightSum;
        for (int cls = 0; cls < k; cls++) {
            double r = scaled * (z[cls] / sum - (cls == y[i] ? 1.0 : 0.0));
            gb[cls] += r;
            axpy(gw[cls], r, xi);
        }
        return w * (max + Math.log(sum) - target);
    }

    private double sigmoidRow(int i, double[] xi, double[] z, double[][] gw, double[] gb) {
        double loss = 0;
        for (int cls = 0; cls < k; cls++) {
            boolean positive = targets[i][cls];
            double w = positive ? positiveWeight[cls] : negativeWeight[cls];
            double zc = z[cls];
            // log(1 + e^z) - y z, written so that neither exp overflows
            double softplus = Math.max(zc, 0) + Math.log1p(Math.exp(-Math.abs(zc)));
            loss += w * (softplus - (positive ? zc : 0));
            double r = w / weightSum * (SigmoidHead.sigmoid(zc) - (positive ? 1.0 : 0.0));
            gb[cls] += r;
            axpy(gw[cls], r, xi);
        }
        return loss;
    }

    /** Four accumulators: the JIT keeps a floating-point sum in order, so one accumulator waits on every add. */
    private static double dot(double[] a, double[] b) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int length = a.length;
        int j = 0;
        for (; j + 3 < length; j += 4) {
            s0 += a[j] * b[j];
            s1 += a[j + 1] * b[j + 1];
            s2 += a[j + 2] * b[j + 2];
            s3 += a[j + 3] * b[j + 3];
        }
        for (; j < length; j++) {
            s0 += a[j] * b[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** target += r * xi; the JIT vectorises this loop. */
    private static void axpy(double[] target, double r, double[] xi) {
        for (int j = 0; j < target.length; j++) {
            target[j] += r * xi[j];
        }
    }
}
