package org.querent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFeatureExtractorBuilderTest {
    private static final Path FASHION = org.querent.SharedDatasets.root().resolve("fashion-mnist");

    @TempDir
    Path dir;

    /** Fashion-MNIST when present (300 images; required on CI), else synthetic grey images. */
    private List<Path> images() throws Exception {
        if (Files.isDirectory(FASHION) || System.getenv("CI") != null) {
            org.querent.SharedDatasets.require("fashion-mnist");
            try (Stream<Path> files = Files.walk(FASHION)) {
                List<Path> all = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
                List<Path> every10th = new ArrayList<>();
                for (int i = 0; i < all.size(); i += 10) {
                    every10th.add(all.get(i));
                }
                return every10th;
            }
        }
        List<Path> synthetic = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            synthetic.add(TestImages.grey(dir.resolve("s" + i + ".png"), 28, 28, i * 17));
        }
        return synthetic;
    }

    @Test
    void builtModelRunsInOrtAndMatchesTheJavaProjection() throws Exception {
        List<Path> images = images();
        ImageFeatureExtractorBuilder.Result built = ImageFeatureExtractorBuilder.build(images, 28, 28, 16, 42L,
                dir.resolve("pca"));
        assertEquals(0, built.imagesSkipped());
        PcaProjection pca = built.projection();
        ImagePreprocessor preprocessor = new ImagePreprocessor(ImageFeatureExtractorBuilder.imageSpec(28, 28));
        List<Path> probe = images.subList(0, 8);
        try (EmbeddingModel model = ModelLoader.open(built.manifestFile().toString(), dir)) {
            assertEquals(16, model.info().dimension());
            float[][] fromOrt = model.embed(probe.stream().map(ModelInput::image).toList()).embeddings();
            for (int i = 0; i < probe.size(); i++) {
                float[] expected = pca.project(preprocessor.preprocess(probe.get(i)));
                VectorMath.l2Normalize(expected);
                for (int c = 0; c < 16; c++) {
                    assertEquals(expected[c], fromOrt[i][c], 1e-5f, "image " + i + " component " + c);
                }
            }
        }
    }

    @Test
    void directionsAreOrthonormalAndSortedByVariance() throws Exception {
        PcaProjection pca = ImageFeatureExtractorBuilder.build(images(), 28, 28, 12, 1L, dir.resolve("pca")).projection();
        for (int a = 0; a < 12; a++) {
            for (int b = 0; b < 12; b++) {
                double dot = 0;
                for (int j = 0; j < 784; j++) {
                    dot += (double) pca.directions()[a][j] * pca.directions()[b][j];
                }
                assertEquals(a == b ? 1.0 : 0.0, dot, 1e-5, "directions " + a + "," + b);
            }
            if (a > 0) {
                assertTrue(pca.variances()[a] <= pca.variances()[a - 1] * (1 + 1e-9), "variance order at " + a);
            }
        }
    }

    @Test
    void topComponentCapturesTheLargestVarianceLikeAnExactEigenSolve() {
        // data with a known dominant direction: variance 100 along e0, 1 along e1, 0.01 elsewhere
        java.util.Random random = new java.util.Random(3);
        float[][] rows = new float[500][10];
        for (float[] row : rows) {
            row[0] = (float) (10 * random.nextGaussian());
            row[1] = (float) random.nextGaussian();
            for (int j = 2; j < 10; j++) {
                row[j] = (float) (0.1 * random.nextGaussian());
            }
        }
        PcaProjection pca = Pca.fit(rows, 2, 5L);
        assertEquals(1.0, Math.abs(pca.directions()[0][0]), 1e-3);
        assertEquals(1.0, Math.abs(pca.directions()[1][1]), 1e-2);
        assertEquals(100, pca.variances()[0], 15);
    }
}
