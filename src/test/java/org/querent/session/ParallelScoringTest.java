package org.querent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.TestData;
import org.querent.common.Cancellation;
import org.querent.common.ProgressListener;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.runtime.EmbeddingModel;
import org.querent.runtime.ModelInput;
import org.querent.runtime.ModelLoader;
import org.querent.runtime.RuntimeOptions;
import org.querent.store.EmbeddingRepository.Embedding;
import org.querent.store.ItemRecord;
import org.querent.store.LabelDefinition;

/** Scoring on three sessions at once stores, for every item, the vector one session gives it alone. */
class ParallelScoringTest {
    @TempDir
    Path dir;

    @Test
    void threeLanesStoreTheVectorsOfOne() throws Exception {
        Path data = dir.resolve("data");
        TestData.copyEmails(data, 6); // 36 emails
        List<LabelDefinition> labels = TestData.emailLabels().stream().map(l -> new LabelDefinition(l, "", null)).toList();
        RuntimeOptions one = new RuntimeOptions(false, 1, null);
        try (EmbeddingModel alone = ModelLoader.open("builtin:minilm", dir, one);
             EmbeddingModel three = ModelLoader.open("builtin:minilm", dir, one.withSessions(3, 1));
             Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"), data,
                     "builtin:minilm", labels, false, null))) {
            assertEquals(1, alone.parallelRuns());
            assertEquals(3, three.parallelRuns());
            new ImportService(project).run(false, ProgressListener.NONE, Cancellation.none());
            ScoringService.Report report = new ScoringService(project, ModelSession.sharing(project, three))
                    .score(4, ProgressListener.NONE, Cancellation.none()); // 9 batches over 3 lanes
            assertEquals(36, report.scored());
            assertFalse(report.cancelled());
            Map<String, Embedding> stored = project.embeddings().all(three.info().hash());
            assertEquals(36, stored.size());
            for (ItemRecord item : project.items().inState("active")) {
                float[] expected = alone.embed(List.of(ModelInput.text(Files.readString(data.resolve(item.path())))))
                        .embeddings()[0];
                float[] got = stored.get(item.contentHash()).vector();
                for (int d = 0; d < expected.length; d++) {
                    assertEquals(expected[d], got[d], Math.abs(expected[d]) * 0x1p-11f + 1e-6f, item.path() + "[" + d + "]");
                }
            }
            // A cancelled run on three lanes stops, stores whole batches only, and the next run finishes the rest.
            Project second = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("q.querent"), data,
                    "builtin:minilm", labels, false, null));
            try (second) {
                new ImportService(second).run(false, ProgressListener.NONE, Cancellation.none());
                Cancellation cancel = Cancellation.none();
                ScoringService scoring = new ScoringService(second, ModelSession.sharing(second, three));
                ScoringService.Report stopped = scoring.score(2, (done, total, note) -> {
                    if (done >= 6) {
                        cancel.cancel();
                    }
                }, cancel);
                int kept = second.embeddings().count(three.info().hash());
                assertEquals(stopped.scored(), kept);
                assertEquals(0, kept % 2);
                ScoringService.Report rest = scoring.score(2, ProgressListener.NONE, Cancellation.none());
                assertEquals(36, kept + rest.scored());
                assertEquals(36, second.embeddings().count(three.info().hash()));
            }
        }
    }

    /** An image model on two lanes (a reader each) stores, for every image, the vector one session gives it alone. */
    @Test
    void twoImageLanesStoreTheVectorsOfOne() throws Exception {
        Path sample = Path.of("sample-projects", "fashion").toAbsolutePath();
        Path data = Files.createDirectories(dir.resolve("images"));
        try (var files = Files.list(sample.resolve("data"))) {
            for (Path f : files.sorted().limit(90).toList()) {
                Files.copy(f, data.resolve(f.getFileName()));
            }
        }
        String reference = sample.resolve("model").resolve("model.json").toString();
        List<LabelDefinition> labels = List.of(new LabelDefinition("a", "", null), new LabelDefinition("b", "", null));
        RuntimeOptions one = new RuntimeOptions(false, 1, null);
        try (EmbeddingModel alone = ModelLoader.open(reference, dir, one);
             EmbeddingModel two = ModelLoader.open(reference, dir, one.withSessions(2, 1));
             Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("i.querent"), data,
                     reference, labels, false, null))) {
            assertEquals(2, two.parallelRuns());
            assertEquals(RuntimeOptions.imageDefaults().sessions(), Runtime.getRuntime().availableProcessors());
            new ImportService(project).run(false, ProgressListener.NONE, Cancellation.none());
            ScoringService.Report report = new ScoringService(project, ModelSession.sharing(project, two))
                    .score(8, ProgressListener.NONE, Cancellation.none()); // 12 batches over 2 lanes
            assertEquals(90, report.scored());
            Map<String, Embedding> stored = project.embeddings().all(two.info().hash());
            for (ItemRecord item : project.items().inState("active")) {
                float[] expected = alone.embed(List.of(ModelInput.image(data.resolve(item.path())))).embeddings()[0];
                float[] got = stored.get(item.contentHash()).vector();
                for (int d = 0; d < expected.length; d++) {
                    assertEquals(expected[d], got[d], Math.abs(expected[d]) * 0x1p-11f + 1e-6f, item.path() + "[" + d + "]");
                }
            }
        }
    }

    /**
     * Lanes that read their own batches (a lane per core) stop on a cancel, quarantine an image damaged after the
     * import with the reason, and the next run scores the rest.
     */
    @Test
    void imageLanesThatReadTheirOwnBatchesCancelAndQuarantine() throws Exception {
        Path sample = Path.of("sample-projects", "fashion").toAbsolutePath();
        Path data = Files.createDirectories(dir.resolve("own"));
        List<Path> copied = new java.util.ArrayList<>();
        try (var files = Files.list(sample.resolve("data"))) {
            for (Path f : files.sorted().limit(120).toList()) {
                copied.add(Files.copy(f, data.resolve(f.getFileName())));
            }
        }
        String reference = sample.resolve("model").resolve("model.json").toString();
        List<LabelDefinition> labels = List.of(new LabelDefinition("a", "", null), new LabelDefinition("b", "", null));
        int cores = Runtime.getRuntime().availableProcessors();
        try (EmbeddingModel lanes = ModelLoader.open(reference, dir, new RuntimeOptions(false, 1, null).withSessions(cores, 1));
             Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("o.querent"), data,
                     reference, labels, false, null))) {
            new ImportService(project).run(false, ProgressListener.NONE, Cancellation.none());
            Path damaged = copied.get(100);
            Files.write(damaged, new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3}); // broken after the import checked it
            ScoringService scoring = new ScoringService(project, ModelSession.sharing(project, lanes));
            // 120 small images score within one commit interval, so progress cannot cancel midway: a cancel asked
            // for before the start must stop every lane at its first batch (the text test above cancels midway).
            Cancellation cancel = Cancellation.none();
            cancel.cancel();
            ScoringService.Report stopped = scoring.score(4, ProgressListener.NONE, cancel);
            assertTrue(stopped.cancelled());
            int kept = project.embeddings().count(lanes.info().hash());
            assertEquals(stopped.scored(), kept);
            assertEquals(0, kept, "nothing scored after the cancel");
            ScoringService.Report rest = scoring.score(4, ProgressListener.NONE, Cancellation.none());
            assertFalse(rest.cancelled());
            assertEquals(119, kept + rest.scored());
            assertEquals(1, stopped.quarantined() + rest.quarantined());
            var quarantined = project.items().inState("quarantined");
            assertEquals(1, quarantined.size());
            assertEquals(damaged.getFileName().toString(), quarantined.get(0).path());
            assertTrue(quarantined.get(0).quarantineReason().contains("could not read"), quarantined.get(0).quarantineReason());
            assertEquals(0, scoring.pendingCount(lanes.info().hash()));
        }
    }
}
