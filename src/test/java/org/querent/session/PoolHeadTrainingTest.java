package org.querent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.Cancellation;
import org.querent.common.ItemKind;
import org.querent.learn.TrainSettings;
import org.querent.learn.pool.HeadKind;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.store.EmbeddingRepository.Embedding;
import org.querent.store.HeadRecord;
import org.querent.store.LabelDefinition;
import org.querent.store.NewItem;

/**
 * A real project file whose 300 items lie on two moons (cosine neighbours follow the crescents, no line separates
 * them), 6 labelled: the spreading head's pre-labels follow the moons, its provenance says which head and why, and
 * its neighbour graph is derived data in a cache folder, rebuilt when it is gone.
 */
class PoolHeadTrainingTest {
    private static final String MODEL = "moons";
    private static final int ITEMS = 300;

    @TempDir
    Path dir;

    private static float[] moon(int i, SplittableRandom random) {
        double t = Math.PI * random.nextDouble();
        double x = i % 2 == 0 ? Math.cos(t) : 1 - Math.cos(t);
        double y = i % 2 == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
        return new float[] {(float) (x + 0.05 * random.nextGaussian()), (float) (y + 0.05 * random.nextGaussian()), 3f};
    }

    private Project create() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"), data,
                "builtin:minilm", List.of(new LabelDefinition("upper", "", null), new LabelDefinition("lower", "", null)),
                false, null));
        SplittableRandom random = new SplittableRandom(4);
        List<NewItem> items = new ArrayList<>();
        List<Embedding> vectors = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            String folder = i % 2 == 0 ? "upper" : "lower";
            String key = String.format("%s/t-%03d.txt", folder, i);
            items.add(new NewItem(key, key, -1, ItemKind.TEXT, folder, 4, 4, 0, "h" + i, "text " + i, null, null));
            vectors.add(new Embedding("h" + i, moon(i, random), null));
        }
        project.items().upsert(items);
        project.embeddings().registerModel(MODEL, "test", "test", "text", 3, List.of());
        project.embeddings().saveAll(MODEL, vectors);
        return project;
    }

    private static double accuracy(Pool pool, Predictions predictions) {
        int right = 0;
        for (int i = 0; i < pool.size(); i++) {
            double[] p = predictions.probabilities(i);
            String predicted = p[0] >= p[1] ? "upper" : "lower";
            right += predicted.equals(pool.items().get(i).source()) ? 1 : 0;
        }
        return right / (double) pool.size();
    }

    @Test
    void spreadingHeadLabelsThePoolAlongTheMoonsAndSaysWhy() throws Exception {
        PoolGraphCache graphs = new PoolGraphCache(dir.resolve("cache"));
        try (Project project = create()) {
            Pool pool = Pool.load(project, MODEL);
            LabellingService labelling = new LabellingService(project);
            for (int i = 0; i < 6; i++) {
                labelling.label(pool.items().get(i).id(), List.of(pool.items().get(i).source()), "ana");
            }
            TrainingService training = new TrainingService(project, graphs);
            training.train(pool, TrainSettings.defaults(), HeadKind.SUPERVISED, Cancellation.none());
            Ranker ranker = new Ranker(project, new ModelSession(project), graphs);
            double supervised = accuracy(pool, ranker.predict(pool));

            TrainingService.setHead(project, HeadKind.SPREADING);
            TrainingService.Trained trained = training.train(pool, TrainSettings.defaults(), Cancellation.none());
            assertEquals(HeadKind.SPREADING, trained.head());
            HeadRecord head = project.heads().latest(MODEL).orElseThrow();
            Map<?, ?> provenance = (Map<?, ?>) head.provenance().get("head");
            assertEquals("spreading", provenance.get("kind"));
            assertEquals("spreading (the project's head setting)", provenance.get("reason"));
            assertTrue(((Map<?, ?>) provenance.get("details")).get("graph").toString().startsWith("exact"));

            Predictions spread = ranker.predict(pool);
            assertTrue(spread.predictor().endsWith("(spreading)"), spread.predictor());
            double spreading = accuracy(pool, spread);
            assertTrue(spreading >= 0.97, "spreading pre-labels " + spreading);
            assertTrue(spreading > supervised + 0.05, "spreading " + spreading + " against supervised " + supervised);

            // derived data: one cache file, and a pool without it rebuilds the same predictions
            Path file = graphs.fileOf(pool);
            assertTrue(Files.isRegularFile(file));
            Files.delete(file);
            Files.writeString(dir.resolve("cache").resolve(file.getFileName()), "damaged");
            assertEquals(spreading, accuracy(pool, ranker.predict(pool)), 1e-12);
            assertTrue(Files.size(file) > 100, "rebuilt over the damaged file");
        }
        try (Project reopened = new ProjectService(Clock.systemUTC()).open(dir.resolve("p.querent"))) {
            assertEquals(HeadKind.SPREADING, TrainingService.headOf(reopened));
        }
    }

    @Test
    void autoRecordsItsChoiceAndTheCrossValidatedFigures() throws Exception {
        try (Project project = create()) {
            Pool pool = Pool.load(project, MODEL);
            LabellingService labelling = new LabellingService(project);
            for (int i = 0; i < 40; i++) {
                labelling.label(pool.items().get(i).id(), List.of(pool.items().get(i).source()), "ana");
            }
            TrainingService.Trained trained = new TrainingService(project, new PoolGraphCache(dir.resolve("cache")))
                    .train(pool, TrainSettings.defaults(), HeadKind.AUTO, Cancellation.none());
            assertEquals(HeadKind.SPREADING, trained.head(), trained.headReason());
            assertTrue(trained.headReason().startsWith("auto: spreading validates best (5-fold accuracy supervised "),
                    trained.headReason());
            Map<?, ?> head = (Map<?, ?>) project.heads().latest(MODEL).orElseThrow().provenance().get("head");
            assertEquals("auto", head.get("requested"));
            Map<?, ?> cv = (Map<?, ?>) ((Map<?, ?>) head.get("selection")).get("crossValidation");
            assertEquals(java.util.Set.of("supervised", "spreading", "self-training"), cv.keySet());
            assertFalse(project.heads().latest(MODEL).orElseThrow().provenance().containsKey("calibration"),
                    "the temperature belongs to the supervised head");
        }
    }
}
