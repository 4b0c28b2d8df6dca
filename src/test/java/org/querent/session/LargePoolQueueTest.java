package org.querent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.TestData;
import org.querent.common.Cancellation;
import org.querent.common.ProgressListener;
import org.querent.learn.TrainSettings;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.query.MarginStrategy;
import org.querent.query.TopK;
import org.querent.query.rules.BatchRules;
import org.querent.store.LabelDefinition;

/**
 * Above the large-pool bound a vector-reading strategy ranks the most uncertain candidates only, and the pool is
 * never decoded whole (ADR 0020). The bound is lowered here so that 36 real emails are a "large" pool.
 */
class LargePoolQueueTest {
    @TempDir
    Path dir;

    /** A round's recorded settings, read from the file as any SQLite reader would. */
    private java.util.Map<String, Object> settingsOf(long roundId) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("p.querent"));
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT settings FROM round WHERE id = ?")) {
            ps.setLong(1, roundId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return org.querent.store.Json.map(rs.getString(1));
            }
        }
    }

    @Test
    void coresetInALargePoolRanksTheSmallestMarginsWithoutDecodingThePool() throws Exception {
        TestData.copyEmails(dir.resolve("data"), 6); // 36 emails
        List<LabelDefinition> labels = TestData.emailLabels().stream().map(l -> new LabelDefinition(l, "", null)).toList();
        try (Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"),
                dir.resolve("data"), "builtin:minilm", labels, false, null)); ModelSession models = new ModelSession(project)) {
            new ImportService(project).run(false, ProgressListener.NONE, Cancellation.none());
            new ScoringService(project, models).score(8, ProgressListener.NONE, Cancellation.none());
            LabellingSession first = new LabellingSession(project, models, "ana", new LabellingSession.Settings("margin", 6, 0),
                    Runnable::run);
            first.start();
            for (int i = 0; i < 10; i++) {
                first.label(List.of(labels.get(i % labels.size()).name()));
            }
            new TrainingService(project).train(Pool.load(project, models.hash()), TrainSettings.defaults(), Cancellation.none());

            Pool pool = Pool.load(project, models.hash());
            Predictions predictions = new Ranker(project, models).predict(pool);
            QueueService large = new QueueService(project, 20, 8); // 36 rows is "large"; rank 8 candidates
            QueueService.Queue queue = large.next(pool, predictions, "coreset", 4, 7, Set.of(), BatchRules.none());

            assertFalse(pool.decodedAll(), "the pool was never decoded whole");
            assertEquals(4, queue.entries().size());
            // The 8 unlabelled rows with the smallest margin: every pick is one of them.
            Set<Long> labelled = project.decisions().currentLabels().keySet();
            List<Integer> rows = QueueService.candidateRows(pool, labelled);
            double[] scores = new double[rows.size()];
            for (int k = 0; k < scores.length; k++) {
                scores[k] = MarginStrategy.score(predictions.probabilities(rows.get(k)));
            }
            Set<Long> uncertain = new HashSet<>();
            for (int k : TopK.select(scores, 8, 7).indices()) {
                uncertain.add(pool.id(rows.get(k)));
            }
            queue.entries().forEach(e -> assertTrue(uncertain.contains(e.item().id()),
                    "item " + e.item().id() + " is not among the 8 most uncertain"));
            assertEquals("the 8 of 26 candidates with the smallest margin", settingsOf(queue.roundId()).get("prefiltered"));

            // Below the bound, nothing changes: the whole candidate set is ranked and no prefilter is recorded.
            QueueService.Queue small = new QueueService(project).next(pool, predictions, "coreset", 4, 7, Set.of(),
                    BatchRules.none());
            assertNull(settingsOf(small.roundId()).get("prefiltered"));
        }
    }

    /**
     * A cold start in a large pool clusters a uniform sample, and the per-source cap reads the sources of those
     * candidates only (not a map of every active item): four picks from four different folders.
     */
    @Test
    void aColdStartInALargePoolCapsPerSourceFromTheCandidatesSources() throws Exception {
        TestData.copyEmails(dir.resolve("data"), 6); // 36 emails, moved into 6 folders
        try (var files = java.nio.file.Files.list(dir.resolve("data"))) {
            List<Path> all = files.sorted().toList();
            for (int i = 0; i < all.size(); i++) {
                Path folder = java.nio.file.Files.createDirectories(dir.resolve("data").resolve("f" + i % 6));
                java.nio.file.Files.move(all.get(i), folder.resolve(all.get(i).getFileName()));
            }
        }
        List<LabelDefinition> labels = TestData.emailLabels().stream().map(l -> new LabelDefinition(l, "", null)).toList();
        try (Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"),
                dir.resolve("data"), "builtin:minilm", labels, false, null)); ModelSession models = new ModelSession(project)) {
            new ImportService(project).run(false, ProgressListener.NONE, Cancellation.none());
            new ScoringService(project, models).score(8, ProgressListener.NONE, Cancellation.none());
            Pool pool = Pool.load(project, models.hash());
            Predictions predictions = new Ranker(project, models).predict(pool);
            QueueService large = new QueueService(project, 20, 8); // 36 rows is "large"; 8 candidates
            QueueService.Queue queue = large.next(pool, predictions, "margin", 4, 7, Set.of(),
                    new BatchRules(0, 1, 0, 0));

            assertEquals("typiclust", queue.strategy());
            assertEquals("a uniform sample of 8 of 36 candidates", settingsOf(queue.roundId()).get("prefiltered"));
            assertEquals(4, queue.entries().size());
            Set<String> folders = new HashSet<>();
            queue.entries().forEach(e -> folders.add(e.item().source()));
            assertEquals(4, folders.size(), "one pick per folder: " + folders);
            assertFalse(pool.decodedAll());
        }
    }
}
