package org.querent.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.querent.common.QuerentException;
import org.querent.runtime.ModelManifest.ClassesSpec;
import org.querent.runtime.ModelManifest.EmbeddingSpec;

/**
 * Turns a session's raw outputs into a {@link ModelOutput}: pools the embedding output, normalises it, and
 * applies the class activation. Pooling rules: NONE flattens each item; CLS takes position 0 of a
 * [batch, tokens, hidden] output; MEAN averages [batch, tokens, hidden] over tokens (only those the attention
 * mask marks, for text) or a [batch, channels, h, w] feature map over h and w.
 */
final class OutputDecoder {
    private final EmbeddingSpec embedding;
    private final ClassesSpec classes;

    OutputDecoder(ModelManifest manifest) {
        this.embedding = manifest.embedding();
        this.classes = manifest.classes();
    }

    /** Names of the outputs to ask the session for (fewer outputs, less copying). */
    Set<String> requestedOutputs() {
        return classes == null ? Set.of(embedding.output())
                : Set.of(embedding.output(), classes.output());
    }

    /**
     * @param attentionMask flat [batch, tokens] mask for text models, or null
     */
    ModelOutput decode(OrtSession.Result result, int batchSize, long[] attentionMask) {
        RawTensor raw = read(result, embedding.output(), batchSize);
        float[][] vectors = switch (embedding.pooling()) {
            case NONE -> raw.perItem();
            case CLS -> firstPosition(raw);
            case MEAN -> attentionMask != null ? maskedMean(raw, attentionMask) : spatialMean(raw);
        };
        if (embedding.normalize()) {
            for (float[] v : vectors) {
                VectorMath.l2Normalize(v);
            }
        }
        return new ModelOutput(vectors, classes == null ? null : classScores(result, batchSize));
    }

    private float[][] classScores(OrtSession.Result result, int batchSize) {
        float[][] scores = read(result, classes.output(), batchSize).perItem();
        for (float[] row : scores) {
            if (row.length != classes.labels().size()) {
                throw QuerentException.model("model.json lists " + classes.labels().size() + " labels but output '"
                        + classes.output() + "' gave " + row.length + " scores per item");
            }
            switch (classes.activation()) {
                case SOFTMAX -> VectorMath.softmax(row);
                case SIGMOID -> VectorMath.sigmoid(row);
                case NONE -> { }
            }
        }
        return scores;
    }

    private static float[][] firstPosition(RawTensor raw) {
        raw.requireRank(3, "cls");
        int tokens = (int) raw.shape[1];
        int hidden = (int) raw.shape[2];
        float[][] out = new float[raw.batch()][];
        for (int b = 0; b < out.length; b++) {
            int start = b * tokens * hidden;
            out[b] = Arrays.copyOfRange(raw.data, start, start + hidden);
        }
        return out;
    }

    private static float[][] maskedMean(RawTensor raw, long[] mask) {
        raw.requireRank(3, "mean");
        int tokens = (int) raw.shape[1];
        int hidden = (int) raw.shape[2];
        if (mask.length != raw.batch() * tokens) {
            throw QuerentException.model("the model returned " + tokens + " token positions per item but was fed "
                    + mask.length / Math.max(1, raw.batch()) + "; its output is not per input token");
        }
        float[][] out = new float[raw.batch()][hidden];
        for (int b = 0; b < out.length; b++) {
            float[] sum = out[b];
            int counted = 0;
            for (int t = 0; t < tokens; t++) {
                if (mask[b * tokens + t] == 0) {
                    continue;
                }
                counted++;
                int offset = (b * tokens + t) * hidden;
                for (int h = 0; h < hidden; h++) {
                    sum[h] += raw.data[offset + h];
                }
            }
            for (int h = 0; h < hidden; h++) {
                sum[h] /= Math.max(1, counted);
            }
        }
        return out;
    }

    /** [B, T, H] -> mean over T; [B, C, h, w] -> mean over h*w. */
    private static float[][] spatialMean(RawTensor raw) {
        int rank = raw.shape.length;
        if (rank != 3 && rank != 4) {
            throw QuerentException.model("pooling \"mean\" needs an output of rank 3 or 4 but '" + raw.name + "' is "
                    + Arrays.toString(raw.shape) + "; use pooling \"none\" in model.json");
        }
        int features = (int) (rank == 3 ? raw.shape[2] : raw.shape[1]);
        int positions = (int) (rank == 3 ? raw.shape[1] : raw.shape[2] * raw.shape[3]);
        float[][] out = new float[raw.batch()][features];
        for (int b = 0; b < out.length; b++) {
            int base = b * features * positions;
            for (int p = 0; p < positions; p++) {
                for (int f = 0; f < features; f++) {
                    // rank 3 is position-major ([T, H]); rank 4 is feature-major ([C, h*w]).
                    int index = rank == 3 ? base + p * features + f : base + f * positions + p;
                    out[b][f] += raw.data[index];
                }
            }
            for (int f = 0; f < features; f++) {
                out[b][f] /= positions;
            }
        }
        return out;
    }

    private static RawTensor read(OrtSession.Result result, String name, int batchSize) {
        Optional<OnnxValue> value = result.get(name);
        if (value.isEmpty() || !(value.get() instanceof OnnxTensor tensor)) {
            throw QuerentException.model("the model did not return a tensor named '" + name + "'");
        }
        long[] shape = tensor.getInfo().getShape();
        FloatBuffer buffer = tensor.getFloatBuffer();
        if (buffer == null) {
            throw QuerentException.model("output '" + name + "' is " + tensor.getInfo().type
                    + ", not float; Querent reads float outputs only");
        }
        if (shape.length == 0 || shape[0] != batchSize) {
            throw QuerentException.model("output '" + name + "' has shape " + Arrays.toString(shape) + " for a batch of "
                    + batchSize + "; the first dimension must be the batch");
        }
        float[] data = new float[buffer.remaining()];
        buffer.get(data);
        return new RawTensor(name, shape, data);
    }

    /** A float output copied out of native memory. */
    private record RawTensor(String name, long[] shape, float[] data) {
        int batch() {
            return (int) shape[0];
        }

        float[][] perItem() {
            int width = data.length / batch();
            float[][] out = new float[batch()][];
            for (int b = 0; b < out.length; b++) {
                out[b] = Arrays.copyOfRange(data, b * width, (b + 1) * width);
            }
            return out;
        }

        void requireRank(int rank, String pooling) {
            if (shape.length != rank) {
                throw QuerentException.model("pooling \"" + pooling + "\" needs an output of rank " + rank + " but '"
                        + name + "' is " + Arrays.toString(shape));
            }
        }
    }

}
