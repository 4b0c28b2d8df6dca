package org.querent.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.Cancellation;
import org.querent.common.ItemKind;
import org.querent.learn.Head;
import org.querent.learn.TrainSettings;
import org.querent.learn.pool.HeadKind;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.query.MarginStrategy;
import org.querent.query.QueryContext;
import org.querent.query.Ranking;
import org.querent.store.DecisionRepository.NewDecision;
import org.querent.store.EmbeddingRepository.Embedding;
import org.querent.store.HeadRecord;
import org.querent.store.LabelDefinition;
import org.querent.store.NewItem;

/**
 * A head's predictions held as a chunked logit matrix, probabilities computed a row at a time (ADR 0025), are those
 * of the former path that filled {@code double[][]} for the whole pool, bit for bit, and a margin queue ranks the
 * same items in the same order with the same scores. A real project file, a head trained and calibrated on it.
 */
class HeadPredictionsTest {
    private static final String MODEL = "m";
    private static final List<String> LABELS = List.of("a", "b", "c");
    private static final int ITEMS = 6000;

    @TempDir
    Path dir;

    private Project create() throws Exception {
        Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"),
                Files.createDirectories(dir.resolve("data")), "builtin:minilm",
                LABELS.stream().map(l -> new LabelDefinition(l, "", null)).toList(), false, null));
        Random random = new Random(21);
        float[][] centres = new float[3][16];
        for (float[] c : centres) {
            for (int d = 0; d < c.length; d++) {
                c[d] = (float) random.nextGaussian();
            }
        }
        List<NewItem> items = new ArrayList<>();
        List<Embedding> vectors = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add(new NewItem("t" + i, "t" + i + ".txt", -1, ItemKind.TEXT, "s", 4, 4, 0, "h" + i, "text " + i,
                    null, null));
            float[] v = new float[16];
            for (int d = 0; d < v.length; d++) {
                v[d] = centres[i % 3][d] * 0.4f + (float) random.nextGaussian(); // overlapping: many near ties
            }
            vectors.add(new Embedding("h" + i, v, null));
        }
        project.items().upsert(items);
        project.embeddings().registerModel(MODEL, "test", "test", "text", 16, List.of());
        project.embeddings().saveAll(MODEL, vectors);
        List<NewDecision> decisions = new ArrayList<>();
        for (long id = 1; id <= 120; id++) {
            decisions.add(new NewDecision(id, "label", List.of(LABELS.get((int) ((id - 1) % 3))), "ana", null, null,
                    null, null, null, null, null, null, "annotator"));
        }
        project.decisions().appendAll(decisions);
        return project;
    }

    @Test
    void probabilitiesLogitsAndTheMarginQueueAreThoseOfTheFormerPath() throws Exception {
        try (Project project = create()) {
            Pool pool = Pool.load(project, MODEL);
            new TrainingService(project).train(pool, TrainSettings.defaults(), HeadKind.SUPERVISED, Cancellation.none());
            HeadRecord head = project.heads().latest(MODEL).orElseThrow();
            double temperature = TrainingService.temperatureOf(head);
            assertNotEquals(1.0, temperature, "a calibrated head, so that the division by T is compared too");

            // The former path, as Predictor computed it before ADR 0025.
            Head model = Head.fromBytes(head.weights());
            double[][] formerLogits = Predictor.calibrate(model.logits(pool), temperature);
            double[][] formerProbabilities = Predictor.toTaxonomy(model.linkOf(formerLogits), head.classNames(), LABELS,
                    false);

            Predictions now = Predictor.predict(project, pool, head, List.of(), null);
            assertEquals(pool.size(), now.size());
            for (int row = 0; row < pool.size(); row++) {
                assertArrayEquals(formerProbabilities[row], now.probabilities(row), 0.0, "row " + row);
                assertArrayEquals(formerLogits[row], now.logits().row(row), 0.0, "row " + row);
            }

            // The former queue: the candidates' probability and logit rows, as QueueService gathered them.
            QueueService queues = new QueueService(project);
            List<Integer> rows = QueueService.candidateRows(pool, queues.excludedItems());
            double[][] p = new double[rows.size()][];
            double[][] z = new double[rows.size()][];
            for (int k = 0; k < rows.size(); k++) {
                p[k] = formerProbabilities[rows.get(k)];
                z[k] = formerLogits[rows.get(k)];
            }
            Ranking former = new MarginStrategy().select(new QueryContext(p, null, false, 9).withLogits(z), 200);
            QueueService.Queue queue = queues.next(pool, now, "margin", 200, 9);
            assertEquals(200, queue.entries().size());
            for (int r = 0; r < 200; r++) {
                QueueService.QueueEntry entry = queue.entries().get(r);
                assertEquals(pool.id(rows.get(former.indices()[r])), entry.item().id(), "rank " + (r + 1));
                assertEquals(former.scores()[r], entry.score(), 0.0, "rank " + (r + 1));
                assertArrayEquals(formerProbabilities[rows.get(former.indices()[r])], entry.probabilities(), 0.0);
            }
        }
    }
}
