package org.querent.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.Cancellation;
import org.querent.common.ProgressListener;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.runtime.AudioFeatureExtractorBuilder;
import org.querent.runtime.BareInferenceLoop;
import org.querent.runtime.EmbeddingModel;
import org.querent.runtime.ModelInput;
import org.querent.runtime.ModelLoader;
import org.querent.store.LabelDefinition;

/**
 * Clips per second through {@code score} (read, decode, resample, infer, store, pipelined) against a bare
 * decode + features + inference loop on the same session, on the 500 spoken-languages clips:
 * <pre>mvn -o test -Pbenchmark -Dtest=AudioScoringBenchmark</pre>
 */
@Tag("benchmark")
class AudioScoringBenchmark {
    private static final int BATCH = 32;

    @TempDir
    Path dir;

    @Test
    void scoringThroughputAgainstABareLoop() throws Exception {
        Path data = org.querent.SharedDatasets.require("spoken-languages");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        AudioFeatureExtractorBuilder.build(files, new AudioFeatureExtractorBuilder.Settings(8000, 40, 25, 10, 10, 32),
                42, dir.resolve("model"));
        String reference = dir.resolve("model/model.json").toString();
        List<LabelDefinition> labels = List.of("english", "french", "italian", "russian", "spanish").stream()
                .map(l -> new LabelDefinition(l, "", null)).toList();
        List<ModelInput> inputs = new ArrayList<>();
        files.forEach(f -> inputs.add(ModelInput.audio(f)));
        double seconds = 0;
        for (Path f : files) {
            seconds += org.querent.common.audio.AudioDecoder.decode(f).seconds();
        }
        try (EmbeddingModel model = ModelLoader.open(reference, dir)) {
            BareInferenceLoop.run(model, inputs.subList(0, 64), 1); // warm-up
            for (int pass = 1; pass <= 3; pass++) {
                BareInferenceLoop.Measurement bare = BareInferenceLoop.run(model, inputs, 1);
                Path file = dir.resolve("pass" + pass + ".querent");
                try (Project project = new ProjectService(Clock.systemUTC()).create(
                        new NewProject(file, data, reference, labels, false, null))) {
                    new ImportService(project).run(false, ProgressListener.NONE, Cancellation.none());
                    ScoringService.Report report = new ScoringService(project, ModelSession.sharing(project, model))
                            .score(BATCH, ProgressListener.NONE, Cancellation.none());
                    double bareRate = bare.itemsPerSecond();
                    System.out.printf("pass %d: %d clips (%.0f s of audio): bare decode+features+inference loop "
                                    + "%.1f clips/s (prepare %.0f ms, run %.0f ms), score %.1f clips/s, ratio %.2f%n",
                            pass, files.size(), seconds, bareRate, bare.prepareNanos() / 1e6, bare.runNanos() / 1e6,
                            report.itemsPerSecond(), report.itemsPerSecond() / bareRate);
                }
            }
        }
    }
}
