package org.querent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.querent.runtime.ModelManifest.EmbeddingSpec;
import org.querent.runtime.ModelManifest.ImageSpec;
import org.querent.runtime.ModelManifest.InputKind;
import org.querent.runtime.ModelManifest.Layout;
import org.querent.runtime.ModelManifest.Pooling;

/**
 * The appended graph against Querent's Java path, on an RGB model with per-channel mean and std, a [N, C, h, w]
 * feature map mean-pooled, L2-normalised and rounded to float16 as the project stores it (both layouts), with a calibrated softmax head and a sigmoid head.
 */
class ModelExporterTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Layout.class)
    void exportedGraphMatchesJavaPoolingNormalisationAndHeads(Layout layout) throws Exception {
        int w = 6;
        int h = 5;
        Path source = dir.resolve("source");
        // a feature map: the preprocessed pixels times a per-channel gain, [N, 3, h, w]
        OnnxGraphBuilder graph = new OnnxGraphBuilder("rgb-features")
                .output("features", DataType.FLOAT, -1, 3, h, w)
                .floats("gain", new float[] {1.5f, -0.5f, 2f}, 3, 1, 1);
        if (layout == Layout.NHWC) {
            graph.input("pixels", DataType.FLOAT, -1, h, w, 3)
                    .node("Transpose", new String[] {"pixels"}, new String[] {"chw"}, "perm", new long[] {0, 3, 1, 2})
                    .node("Mul", new String[] {"chw", "gain"}, new String[] {"features"});
        } else {
            graph.input("pixels", DataType.FLOAT, -1, 3, h, w)
                    .node("Mul", new String[] {"pixels", "gain"}, new String[] {"features"});
        }
        graph.write(source.resolve("model.onnx"));
        ImageSpec image = new ImageSpec(w, h, 3, layout, 255.0, List.of(0.485, 0.456, 0.406), List.of(0.229, 0.224, 0.225));
        new ModelManifest("rgb", "model.onnx", InputKind.IMAGE, null, image, new EmbeddingSpec("features", Pooling.MEAN, true),
                null).write(source.resolve("model.json"));

        List<ModelInput> inputs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            inputs.add(ModelInput.image(TestImages.grey(dir.resolve("g" + i + ".png"), w + i, h + 2 * i, 40 * i)));
        }
        inputs.add(ModelInput.image(TestImages.rgb(dir.resolve("rgb.png"), w, h)));
        float[][] embeddings;
        try (EmbeddingModel model = ModelLoader.open(source.resolve("model.json").toString(), dir)) {
            embeddings = model.embed(inputs).embeddings();
        }
        // as the project stores them: float16, to nearest even (the export rounds there too, ADR 0019)
        for (float[] e : embeddings) {
            for (int j = 0; j < e.length; j++) {
                e[j] = org.querent.store.Vectors.halfToFloat(org.querent.store.Vectors.toHalf(e[j]));
            }
        }
        Random random = new Random(7);
        float[][] weights = new float[3][3];
        double[] bias = new double[3];
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < 3; j++) {
                weights[c][j] = (float) random.nextGaussian() * 3;
            }
            bias[c] = random.nextGaussian();
        }
        List<String> labels = List.of("red", "green", "blue");
        ModelLoader.ResolvedModel resolved = ModelLoader.resolve(source.resolve("model.json").toString(), dir);
        for (boolean multiLabel : new boolean[] {false, true}) {
            double temperature = multiLabel ? 1.0 : 1.7;
            Path out = dir.resolve("export-" + layout + "-" + multiLabel);
            ModelExporter.export(resolved, new ModelExporter.HeadSpec(weights, bias, temperature, multiLabel, labels),
                    "exported", out);
            try (EmbeddingModel exported = ModelLoader.open(out.resolve("model.json").toString(), dir)) {
                ModelOutput got = exported.embed(inputs);
                assertEquals(labels, exported.info().classLabels());
                double worst = 0;
                for (int i = 0; i < inputs.size(); i++) {
                    for (int j = 0; j < 3; j++) {
                        worst = Math.max(worst, Math.abs(got.embeddings()[i][j] - embeddings[i][j]));
                    }
                    double[] expected = javaHead(weights, bias, temperature, multiLabel, embeddings[i]);
                    for (int c = 0; c < 3; c++) {
                        worst = Math.max(worst, Math.abs(got.classScores()[i][c] - expected[c]));
                    }
                }
                assertTrue(worst < 1e-5, layout + (multiLabel ? " sigmoid" : " softmax") + ": largest difference " + worst);
            }
        }
    }

    private static double[] javaHead(float[][] weights, double[] bias, double temperature, boolean multiLabel, float[] x) {
        double[] z = new double[weights.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < z.length; c++) {
            z[c] = bias[c];
            for (int j = 0; j < x.length; j++) {
                z[c] += weights[c][j] * x[j];
            }
            if (multiLabel) {
                z[c] = 1 / (1 + Math.exp(-z[c]));
            } else {
                z[c] /= temperature;
                max = Math.max(max, z[c]);
            }
        }
        if (!multiLabel) {
            double sum = 0;
            for (int c = 0; c < z.length; c++) {
                z[c] = Math.exp(z[c] - max);
                sum += z[c];
            }
            for (int c = 0; c < z.length; c++) {
                z[c] /= sum;
            }
        }
        return z;
    }
}
