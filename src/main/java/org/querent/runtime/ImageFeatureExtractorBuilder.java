package org.querent.runtime;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.querent.common.QuerentException;
import org.querent.runtime.ModelManifest.EmbeddingSpec;
import org.querent.runtime.ModelManifest.ImageSpec;
import org.querent.runtime.ModelManifest.InputKind;
import org.querent.runtime.ModelManifest.Layout;
import org.querent.runtime.ModelManifest.Pooling;

/**
 * Builds a small image feature extractor from the project's own images, for when no pretrained image model is at
 * hand: greyscale pixels projected on their top principal components. Graph: {@code pixels} [N,1,H,W] -> Flatten
 * -> Sub(mean) -> Gemm(directions) -> {@code embedding} [N,k]. It is linear: it captures global shape and
 * brightness, not texture, and is a baseline rather than a replacement for a trained CNN.
 */
public final class ImageFeatureExtractorBuilder {
    /** Images beyond this many are sampled (seeded): PCA on 2,000 images is already stable for small images. */
    public static final int MAX_SAMPLE = 2000;
    public static final int DEFAULT_COMPONENTS = 64;
    public static final String INPUT = "pixels";
    public static final String OUTPUT = "embedding";

    /** What was built. */
    public record Result(Path manifestFile, PcaProjection projection, int imagesUsed, int imagesSkipped) {
    }

    private ImageFeatureExtractorBuilder() {
    }

    /** The preprocessing the built model declares: grey, width x height, pixel / 255. */
    public static ImageSpec imageSpec(int width, int height) {
        return new ImageSpec(width, height, 1, Layout.NCHW, 255.0, List.of(0.0), List.of(1.0));
    }

    /**
     * Fits PCA on (a seeded sample of) {@code images} and writes {@code model.onnx} and {@code model.json} into
     * {@code outDir}. Unreadable images are skipped and counted.
     */
    public static Result build(List<Path> images, int width, int height, int components, long seed, Path outDir) {
        int inputLength = width * height;
        if (components <= 0 || components > inputLength) {
            throw QuerentException.usage("asked for " + components + " components but " + width + "x" + height
                    + " images have " + inputLength + " pixels; choose 1.." + inputLength);
        }
        List<Path> sample = new ArrayList<>(images);
        Collections.shuffle(sample, new Random(seed));
        sample = sample.subList(0, Math.min(MAX_SAMPLE, sample.size()));

        ImagePreprocessor preprocessor = new ImagePreprocessor(imageSpec(width, height));
        List<float[]> rows = new ArrayList<>();
        int skipped = 0;
        for (Path image : sample) {
            try {
                rows.add(preprocessor.preprocess(image));
            } catch (QuerentException unreadable) {
                skipped++;
            }
        }
        if (rows.size() < 2) {
            throw QuerentException.usage("need at least 2 readable images to build an image feature extractor, found "
                    + rows.size() + " of " + images.size());
        }
        PcaProjection projection = Pca.fit(rows.toArray(float[][]::new), components, seed);
        writeOnnx(projection, width, height, outDir.resolve("model.onnx"));
        ModelManifest manifest = new ModelManifest("PCA image features (" + width + "x" + height + " grey, "
                + components + " components)", "model.onnx", InputKind.IMAGE, null, imageSpec(width, height),
                new EmbeddingSpec(OUTPUT, Pooling.NONE, true), null);
        Path manifestFile = outDir.resolve(ModelManifest.FILE_NAME);
        manifest.write(manifestFile);
        return new Result(manifestFile, projection, rows.size(), skipped);
    }

    private static void writeOnnx(PcaProjection projection, int width, int height, Path file) {
        int d = width * height;
        int k = projection.components();
        new OnnxGraphBuilder("querent-pca-image-features")
                .input(INPUT, DataType.FLOAT, -1, 1, height, width)
                .output(OUTPUT, DataType.FLOAT, -1, k)
                .floats("mean", projection.mean(), d)
                .floats("directions", projection.asColumnMatrix(), d, k)
                .node("Flatten", new String[] {INPUT}, new String[] {"flat"}, "axis", 1L)
                .node("Sub", new String[] {"flat", "mean"}, new String[] {"centred"})
                .node("Gemm", new String[] {"centred", "directions"}, new String[] {OUTPUT})
                .write(file);
    }
}
