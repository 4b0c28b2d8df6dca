package org.querent.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints throughput of the bare prepare+run loop ({@link BareInferenceLoop}); run with {@code mvn -Pbenchmark test
 * -Dtest=InferenceBenchmark}. Figures on 2 shared cores are noisy: compare runs made back to back.
 */
@Tag("benchmark")
class InferenceBenchmark {
    private static final Path MAILS = org.querent.SharedDatasets.root().resolve("mailing-lists");
    private static final Path FASHION = org.querent.SharedDatasets.root().resolve("fashion-mnist");

    @TempDir
    Path dir;

    @Test
    void minilmTextsPerSecond() {
        org.querent.SharedDatasets.require("mailing-lists");
        List<ModelInput> texts = BareInferenceLoop.textsFrom(MAILS, 512);
        try (EmbeddingModel model = ModelLoader.open(BuiltinModels.MINILM, Path.of("."))) {
            BareInferenceLoop.run(model, texts.subList(0, 64), 32); // warm-up
            for (int pass = 1; pass <= 2; pass++) {
                System.out.println("MiniLM int8 bare loop, pass " + pass + ": "
                        + BareInferenceLoop.run(model, texts, 32));
            }
        }
    }

    @Test
    void pcaImagesPerSecond() throws Exception {
        org.querent.SharedDatasets.require("fashion-mnist");
        List<Path> images;
        try (Stream<Path> files = Files.walk(FASHION)) {
            images = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        long start = System.nanoTime();
        ImageFeatureExtractorBuilder.Result built = ImageFeatureExtractorBuilder.build(images, 28, 28, 64, 42L, dir);
        System.out.printf("PCA extractor build: %d images, %.0f ms%n", built.imagesUsed(), (System.nanoTime() - start) / 1e6);
        List<ModelInput> inputs = images.stream().map(ModelInput::image).toList();
        try (EmbeddingModel model = ModelLoader.open(built.manifestFile().toString(), dir)) {
            BareInferenceLoop.run(model, inputs.subList(0, 256), 64);
            System.out.println("PCA image features bare loop: " + BareInferenceLoop.run(model, inputs, 64));
            float[][] embeddings = model.embed(inputs).embeddings();
            System.out.printf("PCA-64 leave-one-out 1-NN accuracy (cosine) on %d images: %.3f%n", images.size(),
                    nearestNeighbourAccuracy(embeddings, images.stream().map(p -> p.getParent().getFileName().toString()).toList()));
        }
    }

    /** How often an item's nearest other item has the same label: a quick, label-free-training check of features. */
    static double nearestNeighbourAccuracy(float[][] unitVectors, List<String> labels) {
        int correct = 0;
        for (int i = 0; i < unitVectors.length; i++) {
            int best = -1;
            double bestSimilarity = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < unitVectors.length; j++) {
                double similarity = j == i ? Double.NEGATIVE_INFINITY : VectorMath.dot(unitVectors[i], unitVectors[j]);
                if (similarity > bestSimilarity) {
                    bestSimilarity = similarity;
                    best = j;
                }
            }
            correct += labels.get(best).equals(labels.get(i)) ? 1 : 0;
        }
        return correct / (double) unitVectors.length;
    }
}
