package org.querent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.querent.common.QuerentException;
import org.querent.runtime.ImageFeatureExtractorBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent build-image-model: writes a small PCA feature extractor for greyscale images as ONNX. */
@Command(name = "build-image-model", description = "Build a small ONNX feature extractor for greyscale images "
        + "(pixels projected on their principal components, fitted on your images) with its model.json. "
        + "A baseline for image projects when no pretrained ONNX model is at hand.")
final class BuildImageModelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--images", required = true, paramLabel = "DIR", description = "Images to fit on (searched recursively).")
    Path images;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for model.onnx and model.json.")
    Path out;
    @Option(names = "--width", defaultValue = "28", paramLabel = "PX", description = "Input width (default: ${DEFAULT-VALUE}).")
    int width;
    @Option(names = "--height", defaultValue = "28", paramLabel = "PX", description = "Input height (default: ${DEFAULT-VALUE}).")
    int height;
    @Option(names = "--components", defaultValue = "64", paramLabel = "K", description = "Embedding size (default: ${DEFAULT-VALUE}).")
    int components;
    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed of the image sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (!Files.isDirectory(images)) {
            throw QuerentException.notFound("image folder not found: " + images.toAbsolutePath());
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(images)) {
            files = walk.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".bmp")
                        || name.endsWith(".gif");
            }).sorted().toList();
        } catch (IOException e) {
            throw QuerentException.notFound("cannot read the image folder " + images + ": " + e.getMessage());
        }
        if (files.size() < 2) {
            throw QuerentException.usage("found " + files.size() + " images (.png .jpg .bmp .gif) in " + images
                    + ": principal components need at least 2, and a useful model many more");
        }
        // PCA over n images has at most n - 1 meaningful components (and no more than the pixels).
        int supported = Math.max(1, Math.min(files.size() - 1, width * height));
        if (components > supported) {
            System.err.printf("warning: %d images support at most %d components; using %d instead of %d"
                    + " (add images for a richer model)%n", files.size(), supported, supported, components);
            components = supported;
        }
        ImageFeatureExtractorBuilder.Result result = ImageFeatureExtractorBuilder.build(files, width, height, components,
                seed, out);
        spec.commandLine().getOut().printf("wrote %s: PCA over %d images (%d skipped), %dx%d grey -> %d features%n",
                result.manifestFile(), result.imagesUsed(), result.imagesSkipped(), width, height, components);
        return 0;
    }
}
