package org.querent.learn;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;

import org.querent.common.LogitMatrix;
import org.querent.common.QuerentException;

/**
 * A linear classifier over embeddings: {@code logits = W x + b}, then a link function turns logits into
 * probabilities. {@link SoftmaxHead} is single-label (rows of the prediction sum to 1), {@link SigmoidHead} is
 * multi-label (one independent probability per label).
 *
 * <p>Immutable and thread-safe. Weights are kept as {@code float} because that is what the embeddings are and
 * because ranking a pool of 100,000 items is bound by memory traffic; training works in {@code double} and
 * rounds once at the end.
 */
public abstract sealed class Head permits SoftmaxHead, SigmoidHead {

    /** Pools at least this large are split across cores; below it the fork/join overhead is not worth it. */
    static final int PARALLEL_ROWS = 4096;
    private static final int ROWS_PER_TASK = 2048;

    static final byte[] MAGIC = "QHED".getBytes(StandardCharsets.US_ASCII);
    /** Version 1: magic, int version, byte kind, int classes, int dimension, float weights, double bias. */
    static final int FORMAT_VERSION = 1;
    private static final byte KIND_SOFTMAX = 1;
    private static final byte KIND_SIGMOID = 2;
    private static final int HEADER_BYTES = 4 + 4 + 1 + 4 + 4;

    /** Row-major [classes][dimension]. */
    private final float[][] weights;
    private final double[] bias;

    Head(float[][] weights, double[] bias) {
        if (weights.length == 0 || weights.length != bias.length) {
            throw new IllegalArgumentException("a head needs at least one class and one bias per class: received weights.length="
                    + weights.length + ", bias.length=" + bias.length);
        }
        int dimension = weights[0].length;
        this.weights = new float[weights.length][];
        for (int c = 0; c < weights.length; c++) {
            if (weights[c].length != dimension) {
                throw new IllegalArgumentException("ragged weights: weights[0].length=" + dimension
                        + ", weights[" + c + "].length=" + weights[c].length);
            }
            this.weights[c] = weights[c].clone();
        }
        this.bias = bias.clone();
    }

    /** Number of classes (single-label) or labels (multi-label). */
    public final int classes() {
        return weights.length;
    }

    /** Length of the embeddings this head accepts. */
    public final int dimension() {
        return weights[0].length;
    }

    /** True for a per-label sigmoid head, false for a softmax head. */
    public abstract boolean multiLabel();

    /** A copy of the weights, [classes][dimension]. */
    public final float[][] weights() {
        float[][] copy = new float[weights.length][];
        for (int c = 0; c < weights.length; c++) {
            copy[c] = weights[c].clone();
        }
        return copy;
    }

    /** A copy of the bias, one per class. */
    public final double[] bias() {
        return bias.clone();
    }

    /** Probabilities for one embedding. */
    public final double[] predict(float[] x) {
        checkDimension(x, 0);
        double[] out = new double[classes()];
        logitsInto(x, out);
        applyLink(out);
        return out;
    }

    /**
     * Probabilities for many embeddings, one row per input row. Pools of {@value #PARALLEL_ROWS} rows or more are
     * split across cores: 1.9x faster for 100,000 x 384 on 2 cores with little other load, but no gain (0.7-1.1x)
     * when other processes keep the cores busy (HeadBenchmark). Kept because the pool is re-ranked while the user
     * waits, which is when the machine is most likely idle.
     */
    public final double[][] predict(float[][] x) {
        return predict(x, x.length >= PARALLEL_ROWS);
    }

    /**
     * Raw scores {@code W x + b} per input row, before the link function: what temperature scaling divides
     * ({@link TemperatureScaling}), so that calibration is exact rather than recovered from rounded probabilities.
     */
    public final double[][] logits(float[][] x) {
        for (int i = 0; i < x.length; i++) {
            checkDimension(x[i], i);
        }
        double[][] out = new double[x.length][classes()];
        if (x.length >= PARALLEL_ROWS && Runtime.getRuntime().availableProcessors() > 1) {
            int tasks = (x.length + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
            IntStream.range(0, tasks).parallel().forEach(t -> {
                for (int i = t * ROWS_PER_TASK; i < Math.min(x.length, (t + 1) * ROWS_PER_TASK); i++) {
                    logitsInto(x[i], out[i]);
                }
            });
        } else {
            for (int i = 0; i < x.length; i++) {
                logitsInto(x[i], out[i]);
            }
        }
        return out;
    }

    /** The head's link (softmax or sigmoid) applied to copies of logit rows: probabilities. */
    public final double[][] linkOf(double[][] logits) {
        double[][] out = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            out[i] = logits[i].clone();
            applyLink(out[i]);
        }
        return out;
    }

    /** Probabilities for rows read one at a time into a buffer per task (a compact pool), split across cores. */
    public final double[][] predict(Rows x) {
        return rowsOf(x, true);
    }

    /** {@link #logits(float[][])} for rows read one at a time. */
    public final double[][] logits(Rows x) {
        return rowsOf(x, false);
    }

    private double[][] rowsOf(Rows x, boolean link) {
        if (x.dimension() != dimension()) {
            throw QuerentException.usage("embedding has the wrong length for this head: head.dimension()=" + dimension()
                    + ", rows of " + x.dimension());
        }
        int n = x.size();
        double[][] out = new double[n][classes()];
        int tasks = (n + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        IntStream.range(0, tasks).parallel().forEach(t -> {
            float[] row = new float[dimension()];
            for (int i = t * ROWS_PER_TASK; i < Math.min(n, (t + 1) * ROWS_PER_TASK); i++) {
                x.copyRow(i, row);
                logitsInto(row, out[i]);
                if (link) {
                    applyLink(out[i]);
                }
            }
        });
        return out;
    }

    /**
     * {@link #logits(Rows)} divided by {@code temperature} (1 leaves them as they are; the division is skipped then),
     * into one chunked matrix: no object per row. Each value is the same double {@code logits(x)[i][c] / temperature}
     * gives, so what is ranked from them does not change (ADR 0025). Split across cores as {@link #predict(Rows)}.
     */
    public final LogitMatrix logitMatrix(Rows x, double temperature) {
        if (x.dimension() != dimension()) {
            throw QuerentException.usage("embedding has the wrong length for this head: head.dimension()=" + dimension()
                    + ", rows of " + x.dimension());
        }
        int n = x.size();
        LogitMatrix out = new LogitMatrix(n, classes());
        int tasks = (n + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        IntStream.range(0, tasks).parallel().forEach(t -> {
            float[] row = new float[dimension()];
            double[] z = new double[classes()];
            for (int i = t * ROWS_PER_TASK; i < Math.min(n, (t + 1) * ROWS_PER_TASK); i++) {
                x.copyRow(i, row);
                logitsInto(row, z);
                if (temperature != 1.0) {
                    for (int c = 0; c < z.length; c++) {
                        z[c] /= temperature;
                    }
                }
                out.setRow(i, z);
            }
        });
        return out;
    }

    /** Turns one row of logits into probabilities in place, with the head's link (softmax or sigmoid). */
    public final void link(double[] logits) {
        applyLink(logits);
    }

    /** Visible for the benchmark, which compares the serial and the parallel path. */
    final double[][] predict(float[][] x, boolean parallel) {
        for (int i = 0; i < x.length; i++) {
            checkDimension(x[i], i);
        }
        double[][] out = new double[x.length][classes()];
        if (parallel && Runtime.getRuntime().availableProcessors() > 1) {
            int tasks = (x.length + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
            IntStream.range(0, tasks).parallel().forEach(t ->
                    predictRows(x, out, t * ROWS_PER_TASK, Math.min(x.length, (t + 1) * ROWS_PER_TASK)));
        } else {
            predictRows(x, out, 0, x.length);
        }
        return out;
    }

    private void predictRows(float[][] x, double[][] out, int from, int to) {
        for (int i = from; i < to; i++) {
            logitsInto(x[i], out[i]);
            applyLink(out[i]);
        }
    }

    /** Raw scores {@code W x + b}, written into {@code out} (no allocation). */
    final void logitsInto(float[] x, double[] out) {
        int c = 0;
        // Classes three at a time: twelve independent sums over one read of x keep both FP ports busy, where one
        // class's four sums wait on each other's latency. Each class's sums are dot()'s, so the bits are the same.
        for (; c + 2 < weights.length; c += 3) {
            dot3(weights[c], weights[c + 1], weights[c + 2], x, out, c);
        }
        for (; c < weights.length; c++) {
            out[c] = bias[c] + dot(weights[c], x);
        }
    }

    /** {@code bias + dot(w, x)} for three classes at once, each summed exactly as {@link #dot} sums it. */
    private void dot3(float[] wa, float[] wb, float[] wc, float[] x, double[] out, int c) {
        float a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        float b0 = 0, b1 = 0, b2 = 0, b3 = 0;
        float c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        int n = x.length;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            float x0 = x[j];
            float x1 = x[j + 1];
            float x2 = x[j + 2];
            float x3 = x[j + 3];
            a0 += wa[j] * x0;
            a1 += wa[j + 1] * x1;
            a2 += wa[j + 2] * x2;
            a3 += wa[j + 3] * x3;
            b0 += wb[j] * x0;
            b1 += wb[j + 1] * x1;
            b2 += wb[j + 2] * x2;
            b3 += wb[j + 3] * x3;
            c0 += wc[j] * x0;
            c1 += wc[j + 1] * x1;
            c2 += wc[j + 2] * x2;
            c3 += wc[j + 3] * x3;
        }
        for (; j < n; j++) {
            a0 += wa[j] * x[j];
            b0 += wb[j] * x[j];
            c0 += wc[j] * x[j];
        }
        out[c] = bias[c] + ((a0 + a1) + (a2 + a3));
        out[c + 1] = bias[c + 1] + ((b0 + b1) + (b2 + b3));
        out[c + 2] = bias[c + 2] + ((c0 + c1) + (c2 + c3));
    }

    /** Turns logits into probabilities in place. */
    abstract void applyLink(double[] logits);

    /**
     * Four independent accumulators: the JIT does not reorder a floating-point sum (that would change the rounding),
     * so one accumulator makes every add wait for the previous one. With four, one core predicts 100,000 x 384 x 6 in
     * 0.57-0.96 of the time of a plain single-accumulator loop (183 against 323 ms at best; HeadBenchmark, 4 runs).
     */
    static float dot(float[] w, float[] x) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int n = w.length;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += w[j] * x[j];
            s1 += w[j + 1] * x[j + 1];
            s2 += w[j + 2] * x[j + 2];
            s3 += w[j + 3] * x[j + 3];
        }
        for (; j < n; j++) {
            s0 += w[j] * x[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private void checkDimension(float[] x, int row) {
        if (x == null || x.length != dimension()) {
            throw QuerentException.usage("embedding has the wrong length for this head: head.dimension()=" + dimension()
                    + ", x[" + row + "].length=" + (x == null ? "null" : x.length));
        }
    }

    /** The head in a small versioned little-endian format; see {@link #fromBytes(byte[])}. */
    public final byte[] toBytes() {
        int classes = classes();
        int dimension = dimension();
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + 4 * classes * dimension + 8 * classes)
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(MAGIC).putInt(FORMAT_VERSION).put(multiLabel() ? KIND_SIGMOID : KIND_SOFTMAX)
                .putInt(classes).putInt(dimension);
        for (float[] row : weights) {
            buffer.asFloatBuffer().put(row);
            buffer.position(buffer.position() + 4 * dimension);
        }
        for (double b : bias) {
            buffer.putDouble(b);
        }
        return buffer.array();
    }

    /**
     * Reads a head written by {@link #toBytes()}.
     *
     * @throws QuerentException of kind MODEL if the bytes are not a head, are damaged, or are from a newer version
     */
    public static Head fromBytes(byte[] bytes) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            byte[] magic = new byte[MAGIC.length];
            buffer.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw QuerentException.model("stored classifier head is damaged or not a head (bad magic bytes)");
            }
            int version = buffer.getInt();
            if (version != FORMAT_VERSION) {
                throw QuerentException.model("stored classifier head has format version " + version
                        + ", this Querent reads version " + FORMAT_VERSION + ": retrain the head or update Querent");
            }
            byte kind = buffer.get();
            int classes = buffer.getInt();
            int dimension = buffer.getInt();
            long expected = HEADER_BYTES + 4L * classes * dimension + 8L * classes;
            if (classes <= 0 || dimension <= 0 || expected != bytes.length) {
                throw QuerentException.model("stored classifier head is damaged: classes=" + classes + ", dimension="
                        + dimension + ", expected " + expected + " bytes, received " + bytes.length);
            }
            float[][] weights = new float[classes][dimension];
            for (float[] row : weights) {
                buffer.asFloatBuffer().get(row);
                buffer.position(buffer.position() + 4 * dimension);
            }
            double[] bias = new double[classes];
            for (int c = 0; c < classes; c++) {
                bias[c] = buffer.getDouble();
            }
            return switch (kind) {
                case KIND_SOFTMAX -> new SoftmaxHead(weights, bias);
                case KIND_SIGMOID -> new SigmoidHead(weights, bias);
                default -> throw QuerentException.model("stored classifier head has unknown kind " + kind);
            };
        } catch (BufferUnderflowException e) {
            throw QuerentException.model("stored classifier head is truncated (" + bytes.length + " bytes)", e);
        }
    }

    /** Creates the head kind that fits the data: sigmoid for multi-label, softmax otherwise. */
    static Head of(boolean multiLabel, float[][] weights, double[] bias) {
        return multiLabel ? new SigmoidHead(weights, bias) : new SoftmaxHead(weights, bias);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[classes=" + classes() + ", dimension=" + dimension() + "]";
    }
}
