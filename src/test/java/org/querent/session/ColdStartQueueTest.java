package org.querent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.Cancellation;
import org.querent.common.ItemKind;
import org.querent.learn.TrainSettings;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.store.EmbeddingRepository.Embedding;
import org.querent.store.LabelDefinition;
import org.querent.store.NewItem;

/**
 * With no trained head and no classes of the model's own, the queue is a cold start: TypiClust covers the pool's
 * groups (here three tight groups of 40, 25 and 15 items: one pick from each), whatever uncertainty strategy was asked
 * for, and the round says so. Once a head is trained, or when the model has its own classes, the asked strategy ranks.
 */
class ColdStartQueueTest {
    private static final String MODEL = "groups";
    private static final List<String> LABELS = List.of("north", "east", "up");
    private static final int[] SIZES = {40, 25, 15};

    @TempDir
    Path dir;

    private Project create() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"), data,
                "builtin:minilm", LABELS.stream().map(l -> new LabelDefinition(l, "", null)).toList(), false, null));
        SplittableRandom random = new SplittableRandom(3);
        List<NewItem> items = new ArrayList<>();
        List<Embedding> vectors = new ArrayList<>();
        int i = 0;
        for (int g = 0; g < SIZES.length; g++) {
            for (int m = 0; m < SIZES[g]; m++, i++) {
                String key = String.format("%s/t-%03d.txt", LABELS.get(g), i);
                items.add(new NewItem(key, key, -1, ItemKind.TEXT, LABELS.get(g), 4, 4, 0, "h" + i, "text " + i,
                        null, null));
                float[] v = new float[3];
                for (int j = 0; j < 3; j++) {
                    v[j] = (float) ((j == g ? 1 : 0) + 0.05 * random.nextGaussian());
                }
                vectors.add(new Embedding("h" + i, v, null));
            }
        }
        project.items().upsert(items);
        project.embeddings().registerModel(MODEL, "test", "test", "text", 3, List.of());
        project.embeddings().saveAll(MODEL, vectors);
        return project;
    }

    private static Predictions none(Project project, Pool pool) {
        return Predictor.predict(project, pool, null, List.of(), null);
    }

    @Test
    void theFirstBatchCoversThePoolsGroupsAndSaysItIsAColdStart() throws Exception {
        try (Project project = create()) {
            Pool pool = Pool.load(project, MODEL);
            QueueService queues = new QueueService(project);
            QueueService.Queue first = queues.next(pool, none(project, pool), "margin", 3, 1);
            assertEquals("typiclust", first.strategy());
            assertEquals("cold start: TypiClust, not margin (no trained head yet, and the model has no classes of "
                    + "its own)", first.coldStart());
            Set<String> groups = new HashSet<>();
            for (QueueService.QueueEntry e : first.entries()) {
                groups.add(e.item().source());
                assertEquals("typiclust", project.rounds().latestSelection(e.item().id()).orElseThrow().strategy());
            }
            assertEquals(Set.copyOf(LABELS), groups, "one pick from each group, the small one included");

            // labelled, still no head: the next batch is a cold start too, and leaves the labelled items out
            LabellingService labelling = new LabellingService(project);
            for (QueueService.QueueEntry e : first.entries()) {
                labelling.label(e.item().id(), List.of(e.item().source()), "ana");
            }
            QueueService.Queue second = queues.next(pool, none(project, pool), "entropy", 3, 2);
            assertEquals("typiclust", second.strategy());
            for (QueueService.QueueEntry e : second.entries()) {
                assertTrue(first.entries().stream().noneMatch(f -> f.item().id() == e.item().id()));
            }

            assertNull(queues.next(pool, none(project, pool), "random", 3, 3).coldStart(), "random stays random");
            Predictions modelClasses = new Predictions(none(project, pool).probabilityRows(), LABELS,
                    Predictor.MODEL_CLASSES, null);
            QueueService.Queue byModel = queues.next(pool, modelClasses, "margin", 3, 4);
            assertEquals("margin", byModel.strategy());
            assertNull(byModel.coldStart());

            new TrainingService(project, new PoolGraphCache(dir.resolve("cache"))).train(pool, TrainSettings.defaults(),
                    Cancellation.none());
            Ranker ranker = new Ranker(project, new ModelSession(project), new PoolGraphCache(dir.resolve("cache")));
            QueueService.Queue trained = queues.next(pool, ranker.predict(pool), "margin", 3, 5);
            assertEquals("margin", trained.strategy());
            assertNull(trained.coldStart());
        }
    }
}
