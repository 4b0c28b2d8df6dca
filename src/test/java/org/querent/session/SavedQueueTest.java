package org.querent.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.TestData;
import org.querent.common.Cancellation;
import org.querent.common.ProgressListener;
import org.querent.learn.TrainSettings;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.session.QueueService.QueueEntry;
import org.querent.store.LabelDefinition;

/**
 * Opening a project starts from the queue saved when it closed (ADR 0020): the first item comes without loading
 * the pool, its pre-label is the head's answer from the whole pool's prediction, and the saved queue is refused
 * whenever a fresh ranking could differ in what it shows first.
 */
class SavedQueueTest {
    private static final LabellingSession.Settings MARGIN = new LabellingSession.Settings("margin", 6, 0);

    @TempDir
    Path dir;
    private List<LabelDefinition> labels;
    private Path file;

    @BeforeEach
    void aScoredProjectWithAHead() {
        TestData.copyEmails(dir.resolve("data"), 6); // 36 emails
        labels = TestData.emailLabels().stream().map(l -> new LabelDefinition(l, "", null)).toList();
        file = dir.resolve("p.querent");
        try (Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(file, dir.resolve("data"),
                "builtin:minilm", labels, false, null)); ModelSession models = new ModelSession(project)) {
            new ImportService(project).run(false, ProgressListener.NONE, Cancellation.none());
            new ScoringService(project, models).score(8, ProgressListener.NONE, Cancellation.none());
            LabellingSession first = new LabellingSession(project, models, "ana", MARGIN, Runnable::run);
            first.start();
            for (int i = 0; i < 12; i++) {
                first.label(List.of(labels.get(i % labels.size()).name()));
            }
            new TrainingService(project).train(Pool.load(project, models.hash()), TrainSettings.defaults(),
                    Cancellation.none());
        }
    }

    /** Opens the project, starts a full session, saves its queue, and returns what it showed. */
    private List<QueueEntry> rankAndClose() {
        try (OpenProject open = new ProjectOpener().open(file).project()) {
            LabellingSession session = open.newSession("ana", MARGIN, Runnable::run, Runnable::run);
            open.attach(session);
            session.start();
            assertNotNull(session.pool(), "no saved queue yet: the whole pool was ranked");
            List<QueueEntry> shown = new java.util.ArrayList<>();
            shown.add(session.current().orElseThrow());
            shown.addAll(session.upcoming(100));
            return shown;
        } // close saves the queue
    }

    @Test
    void theNextOpenShowsTheSameItemWithTheSamePreLabelBeforeThePoolIsLoaded() {
        List<QueueEntry> before = rankAndClose();
        try (OpenProject open = new ProjectOpener().open(file).project()) {
            Queue<Runnable> ranking = new ArrayDeque<>();
            LabellingSession session = open.newSession("ana", MARGIN, Runnable::run, ranking::add);
            session.start();
            QueueEntry first = session.current().orElseThrow();
            assertNull(session.pool(), "shown from the saved queue: the pool is still to load");
            assertEquals(before.get(0).item().id(), first.item().id());
            assertEquals(before.get(0).preLabel(), first.preLabel());
            assertArrayEquals(before.get(0).probabilities(), first.probabilities(), 0.0,
                    "the head's probabilities, bit for bit, from the item's own vector");
            assertEquals(before.stream().skip(1).map(e -> e.item().id()).toList(),
                    session.upcoming(100).stream().map(e -> e.item().id()).toList());

            ranking.poll().run(); // the load behind it: the whole pool, ranked again, the item in front kept
            assertNotNull(session.pool());
            assertEquals(first.item().id(), session.current().orElseThrow().item().id());
            assertFalse(session.upcoming(100).isEmpty());
        }
    }

    @Test
    void itemsDecidedSinceTheSaveAreLeftOut() {
        List<QueueEntry> before = rankAndClose();
        try (Project project = new ProjectService(Clock.systemUTC()).open(file)) {
            new LabellingService(project).label(before.get(0).item().id(), List.of(labels.get(0).name()), "bo");
        }
        try (OpenProject open = new ProjectOpener().open(file).project()) {
            LabellingSession session = open.newSession("ana", MARGIN, Runnable::run, r -> { });
            session.start();
            assertNull(session.pool());
            assertEquals(before.get(1).item().id(), session.current().orElseThrow().item().id());
        }
    }

    @Test
    void aNewHeadOrOtherSettingsRankTheWholePoolInstead() {
        rankAndClose();
        try (OpenProject open = new ProjectOpener().open(file).project()) {
            LabellingSession session = open.newSession("ana", new LabellingSession.Settings("entropy", 6, 0),
                    Runnable::run, r -> { });
            session.start();
            assertNotNull(session.pool(), "another strategy: the saved margin queue does not stand");
        }
        rankAndClose();
        try (Project project = new ProjectService(Clock.systemUTC()).open(file); ModelSession models = new ModelSession(project)) {
            LabellingSession more = new LabellingSession(project, models, "ana", MARGIN, Runnable::run);
            more.start();
            more.label(List.of(labels.get(1).name()));
            new TrainingService(project).train(Pool.load(project, models.hash()), TrainSettings.defaults(),
                    Cancellation.none());
        }
        try (OpenProject open = new ProjectOpener().open(file).project()) {
            LabellingSession session = open.newSession("ana", MARGIN, Runnable::run, r -> { });
            session.start();
            assertNotNull(session.pool(), "a newer head: its ranking, not the old head's queue");
        }
    }

    @Test
    void labellingPastTheSavedItemsWaitsForThePoolAndNeverShowsAnItemTwice() throws Exception {
        List<QueueEntry> before = rankAndClose();
        try (OpenProject open = new ProjectOpener().open(file).project()) {
            Queue<Runnable> ranking = new java.util.concurrent.ConcurrentLinkedQueue<>();
            LabellingSession session = open.newSession("ana", MARGIN, Runnable::run, ranking::add);
            session.start();
            assertNull(session.pool());
            // The load arrives late, while the person is already past the saved items.
            Thread late = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
                ranking.poll().run();
            });
            late.start();
            Set<Long> served = new HashSet<>();
            for (int i = 0; i < before.size() + 3; i++) {
                long id = session.current().orElseThrow().item().id();
                assertTrue(served.add(id), "item " + id + " shown twice");
                session.label(List.of(labels.get(i % labels.size()).name()));
            }
            late.join();
            assertNotNull(session.pool());
            assertTrue(served.containsAll(before.stream().map(e -> e.item().id()).toList()));
        }
    }
}
