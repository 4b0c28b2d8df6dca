package org.querent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.querent.common.QuerentException;
import org.querent.common.audio.AudioDecoder;
import org.querent.runtime.AudioFeatureExtractorBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** querent build-audio-model: writes a log-mel statistics + PCA feature extractor for audio clips as one ONNX file. */
@Command(name = "build-audio-model", description = "Build a small ONNX feature extractor for audio clips (log-mel "
        + "spectrum statistics per band, projected on principal components fitted on your clips) with its model.json. "
        + "The STFT, mel filters, statistics and projection are all inside the ONNX file. A baseline for audio "
        + "projects when no pretrained ONNX model is at hand.")
final class BuildAudioModelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--audio", required = true, paramLabel = "DIR", description = "Clips to fit on (searched recursively).")
    Path audio;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for model.onnx and model.json.")
    Path out;
    @Option(names = "--sample-rate", paramLabel = "HZ", description = "Rate the model reads (default: the most common rate of the clips).")
    Integer sampleRate;
    @Option(names = "--mel-bins", defaultValue = "40", paramLabel = "M", description = "Mel bands (default: ${DEFAULT-VALUE}).")
    int melBins;
    @Option(names = "--window-ms", defaultValue = "25", paramLabel = "MS", description = "STFT window (default: ${DEFAULT-VALUE}).")
    double windowMs;
    @Option(names = "--hop-ms", defaultValue = "10", paramLabel = "MS", description = "STFT hop (default: ${DEFAULT-VALUE}).")
    double hopMs;
    @Option(names = "--clip-seconds", defaultValue = "10", paramLabel = "S", description = "Longer clips are centre-cropped to this (default: ${DEFAULT-VALUE}).")
    double clipSeconds;
    @Option(names = "--components", defaultValue = "32", paramLabel = "K", description = "Embedding size (default: ${DEFAULT-VALUE}).")
    int components;
    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed of the clip sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (!Files.isDirectory(audio)) {
            throw QuerentException.notFound("audio folder not found: " + audio.toAbsolutePath());
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(audio)) {
            files = walk.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                int dot = name.lastIndexOf('.');
                return dot > 0 && AudioDecoder.EXTENSIONS.contains(name.substring(dot + 1));
            }).sorted().toList();
        } catch (IOException e) {
            throw QuerentException.notFound("cannot read the audio folder " + audio + ": " + e.getMessage());
        }
        if (files.size() < 2) {
            throw QuerentException.usage("found " + files.size() + " clips (.wav .flac .mp3 .ogg) in " + audio
                    + ": principal components need at least 2, and a useful model many more");
        }
        int rate = sampleRate != null ? sampleRate : commonRate(files);
        int supported = Math.max(1, Math.min(files.size() - 1, 3 * melBins));
        if (components > supported) {
            spec.commandLine().getErr().printf("warning: %d clips of %d statistics support at most %d components; "
                    + "using %d instead of %d%n", files.size(), 3 * melBins, supported, supported, components);
            components = supported;
        }
        AudioFeatureExtractorBuilder.Settings settings = new AudioFeatureExtractorBuilder.Settings(rate, melBins,
                windowMs, hopMs, clipSeconds, components);
        AudioFeatureExtractorBuilder.Result result = AudioFeatureExtractorBuilder.build(files, settings, seed, out);
        for (String reason : result.skippedReasons().stream().limit(5).toList()) {
            spec.commandLine().getErr().println("warning: skipped " + reason);
        }
        spec.commandLine().getOut().printf("wrote %s: log-mel statistics (%d Hz, %d mel bins, %s/%s ms) + PCA over "
                        + "%d clips (%d skipped) -> %d features%n", result.manifestFile(), rate, melBins,
                fmt(windowMs), fmt(hopMs), result.clipsUsed(), result.clipsSkipped(), result.projection().components());
        return 0;
    }

    /** The sample rate most clips have, from up to 200 headers (decoding is cheap next to fitting). */
    private static int commonRate(List<Path> files) {
        Map<Integer, Long> rates = files.stream().limit(200).map(f -> {
            try {
                return AudioDecoder.decode(f).sampleRate();
            } catch (Exception unreadable) {
                return -1;
            }
        }).filter(r -> r > 0).collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        return rates.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(16_000);
    }

    private static String fmt(double ms) {
        return ms == Math.rint(ms) ? String.valueOf((long) ms) : String.valueOf(ms);
    }
}
