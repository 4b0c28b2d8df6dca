package org.querent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
 * A real project file: the L2 strength is chosen by cross-validation on its labels, recorded in each version's
 * provenance, kept while the labels grow by less than a quarter, searched again after, and shown in status and in
 * the progress figures; a C given by the caller is used as given.
 */
class RegularisationChoiceTest {
    private static final String MODEL = "blobs";
    private static final List<String> LABELS = List.of("a", "b", "c");

    @TempDir
    Path dir;

    private Project create() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        List<LabelDefinition> labels = LABELS.stream().map(l -> new LabelDefinition(l, "", null)).toList();
        Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"), data,
                "builtin:minilm", labels, false, null));
        SplittableRandom random = new SplittableRandom(11);
        List<NewItem> items = new ArrayList<>();
        List<Embedding> vectors = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String folder = LABELS.get(i % 3);
            String key = String.format("%s/t-%03d.txt", folder, i);
            items.add(new NewItem(key, key, -1, ItemKind.TEXT, folder, 4, 4, 0, "h" + i, "text " + i, null, null));
            float[] v = new float[8];
            for (int j = 0; j < 8; j++) {
                v[j] = (float) (random.nextGaussian() * 0.8 + (j == i % 3 ? 1 : 0));
            }
            vectors.add(new Embedding("h" + i, v, null));
        }
        project.items().upsert(items);
        project.embeddings().registerModel(MODEL, "test", "test", "text", 8, List.of());
        project.embeddings().saveAll(MODEL, vectors);
        return project;
    }

    private static void label(Project project, Pool pool, int upTo) {
        LabellingService labelling = new LabellingService(project);
        for (int i = 0; i < upTo; i++) {
            labelling.label(pool.items().get(i).id(), List.of(pool.items().get(i).source()), "ana");
        }
    }

    @Test
    void chosenByCrossValidationRecordedKeptAndSearchedAgainAsLabelsGrow() throws Exception {
        try (Project project = create()) {
            Pool pool = Pool.load(project, MODEL);
            TrainingService training = new TrainingService(project, new PoolGraphCache(dir.resolve("cache")));
            label(project, pool, 40);
            TrainingService.Trained first = training.train(pool, TrainSettings.defaults(), Cancellation.none());
            assertTrue(first.regularisation().searched(), first.regularisation().how());
            assertTrue(first.regularisation().how().contains("by 3-fold cross-validation on 40 labels"),
                    first.regularisation().how());
            assertEquals(first.regularisation().c(), first.report().settings().c(), "trained with the chosen C");
            HeadRecord v1 = project.heads().latest(MODEL).orElseThrow();
            Map<?, ?> stored = (Map<?, ?>) v1.provenance().get(TrainingService.REGULARISATION_KEY);
            assertEquals(first.regularisation().c(), ((Number) stored.get("c")).doubleValue());
            assertEquals(4, ((List<?>) stored.get("grid")).size());

            label(project, pool, 45); // 45 < 1.25 x 40: kept
            TrainingService.Trained second = training.train(pool, TrainSettings.defaults(), Cancellation.none());
            assertEquals(first.regularisation().c(), second.regularisation().c());
            assertTrue(second.regularisation().how().endsWith("kept at 45 labels (searched again from 50)"),
                    second.regularisation().how());

            label(project, pool, 50);
            TrainingService.Trained third = training.train(pool, TrainSettings.defaults(), Cancellation.none());
            assertTrue(third.regularisation().how().contains("cross-validation on 50 labels"),
                    third.regularisation().how());
            assertFalse(third.regularisation().how().contains("kept"));

            TrainingService.Trained given = training.train(pool, TrainSettings.defaults(), HeadKind.SUPERVISED, 0.5,
                    Cancellation.none());
            assertEquals("C=0.5 given", given.regularisation().how());
            assertEquals(0.5, given.report().settings().c());

            StatusService.Status status = new StatusService(project).status(MODEL);
            assertEquals(4, status.versions().size());
            assertEquals(first.regularisation().c(), status.versions().get(0).c());
            assertEquals(0.5, status.versions().get(3).c());
            assertEquals("C=0.5 given", status.versions().get(3).cChoice());
            ProgressFigures.Figures figures = new ProgressFigures(project).load("ana", MODEL);
            assertNotNull(figures.versions().get(0).c());
            assertEquals(0.5, figures.versions().get(3).c());
        }
    }
}
