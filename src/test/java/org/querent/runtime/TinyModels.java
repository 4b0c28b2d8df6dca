package org.querent.runtime;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.querent.runtime.ModelManifest.ClassesSpec;
import org.querent.runtime.ModelManifest.EmbeddingSpec;
import org.querent.runtime.ModelManifest.ImageSpec;
import org.querent.runtime.ModelManifest.InputKind;
import org.querent.runtime.ModelManifest.Layout;
import org.querent.runtime.ModelManifest.Pooling;
import org.querent.runtime.ModelManifest.TextSpec;

/**
 * Tiny ONNX fixtures written from Java, small enough to build in each test. Public so that tests of other
 * packages (session, learn) can use a real model without the 23 MB encoder.
 */
public final class TinyModels {
    public static final String PIXELS = "pixels";
    public static final String EMBEDDING = "embedding";
    public static final String LOGITS = "logits";
    public static final List<String> LABELS = List.of("light", "dark");

    private TinyModels() {
    }

    /**
     * A 2-class "light"/"dark" image classifier. Output {@code embedding} is the preprocessed pixels flattened in
     * CHW order (for NHWC the graph transposes first, so both layouts give the same numbers); output
     * {@code logits} is {@code 10 * (meanPixel - 0.5) * [1, -1]}. Manifest: scale 255, mean 0, std 1, no normalisation.
     *
     * @return the model.json written into {@code dir}
     */
    public static Path imageClassifier(Path dir, int width, int height, int channels, Layout layout) {
        int d = width * height * channels;
        float[] weights = new float[d * 2];
        for (int j = 0; j < d; j++) {
            weights[j * 2] = 10f / d;
            weights[j * 2 + 1] = -10f / d;
        }
        OnnxGraphBuilder graph = new OnnxGraphBuilder("tiny-light-dark")
                .output(EMBEDDING, DataType.FLOAT, -1, d)
                .output(LOGITS, DataType.FLOAT, -1, 2)
                .floats("w", weights, d, 2)
                .floats("b", new float[] {-5f, 5f}, 2);
        String chw = PIXELS;
        if (layout == Layout.NHWC) {
            graph.input(PIXELS, DataType.FLOAT, -1, height, width, channels)
                    .node("Transpose", new String[] {PIXELS}, new String[] {"chw"}, "perm", new long[] {0, 3, 1, 2});
            chw = "chw";
        } else {
            graph.input(PIXELS, DataType.FLOAT, -1, channels, height, width);
        }
        graph.node("Flatten", new String[] {chw}, new String[] {EMBEDDING}, "axis", 1L)
                .node("Gemm", new String[] {EMBEDDING, "w", "b"}, new String[] {LOGITS})
                .write(dir.resolve("model.onnx"));
        ImageSpec image = new ImageSpec(width, height, channels, layout, 255.0,
                java.util.Collections.nCopies(channels, 0.0), java.util.Collections.nCopies(channels, 1.0));
        ModelManifest manifest = new ModelManifest("tiny light/dark " + layout, "model.onnx", InputKind.IMAGE, null, image,
                new EmbeddingSpec(EMBEDDING, Pooling.NONE, false), new ClassesSpec(LOGITS, ModelManifest.Activation.SOFTMAX, LABELS));
        Path file = dir.resolve(ModelManifest.FILE_NAME);
        manifest.write(file);
        return file;
    }

    /**
     * A text "encoder" that looks each token up in a random table ([vocab, 8] -> {@code last_hidden_state}
     * [B, T, 8]), with MiniLM's tokenizer. Not int8, so batches run together: padding must be masked out exactly.
     */
    public static Path textEncoder(Path dir) throws IOException {
        int vocab = 30522;
        int hidden = 8;
        float[] table = new float[vocab * hidden];
        Random random = new Random(7);
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) random.nextGaussian();
        }
        new OnnxGraphBuilder("tiny-lookup-encoder")
                .input("input_ids", DataType.INT64, -1, -1)
                .input("attention_mask", DataType.INT64, -1, -1)
                .output("last_hidden_state", DataType.FLOAT, -1, -1, hidden)
                .floats("table", table, vocab, hidden)
                .node("Gather", new String[] {"table", "input_ids"}, new String[] {"last_hidden_state"}, "axis", 0L)
                .write(dir.resolve("model.onnx"));
        try (InputStream tokenizer = TinyModels.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            Files.copy(tokenizer, dir.resolve("tokenizer.json"));
        }
        ModelManifest manifest = new ModelManifest("tiny lookup encoder", "model.onnx", InputKind.TEXT,
                new TextSpec("tokenizer.json", 16), null, new EmbeddingSpec("last_hidden_state", Pooling.MEAN, true), null);
        Path file = dir.resolve(ModelManifest.FILE_NAME);
        manifest.write(file);
        return file;
    }
}
