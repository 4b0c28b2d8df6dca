package org.querent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.TestData;
import org.querent.common.Cancellation;
import org.querent.common.ProgressListener;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.store.LabelDefinition;

/**
 * What the UI thread reads from a labelling session (the item in front, the next items, the settings)
 * must never wait for the session's monitor, which a re-rank or a decision may hold for long.
 */
class LabellingSessionReadsTest {
    @TempDir
    static Path dir;
    static Project project;
    static ModelSession models;

    @BeforeAll
    static void scoredProject() {
        TestData.copyEmails(dir.resolve("data"), 3);
        List<LabelDefinition> labels = TestData.emailLabels().stream().map(l -> new LabelDefinition(l, "", null)).toList();
        project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"),
                dir.resolve("data"), "builtin:minilm", labels, false, null));
        new ImportService(project).run(false, ProgressListener.NONE, Cancellation.none());
        models = new ModelSession(project);
        new ScoringService(project, models).score(8, ProgressListener.NONE, Cancellation.none());
    }

    @AfterAll
    static void closeProject() {
        models.close();
        project.close();
    }

    @Test
    void readsAnswerWhileAnotherThreadHoldsTheSessionMonitor() throws Exception {
        LabellingSession session = new LabellingSession(project, models, "tester",
                new LabellingSession.Settings("margin", 5, 0), Runnable::run);
        session.start();
        long inFront = session.current().orElseThrow().item().id();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            synchronized (session) { // what a long re-rank did: hold the monitor
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        holder.start();
        assertTrue(held.await(10, TimeUnit.SECONDS));
        try {
            CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> {
                session.settings();
                session.upcoming(3);
                session.predictions();
                return session.current().orElseThrow().item().id();
            });
            assertEquals(inFront, read.get(5, TimeUnit.SECONDS), "the reads did not wait for the monitor");
        } finally {
            release.countDown();
            holder.join();
        }
    }

    @Test
    void aRetrainSwapsInAQueueWithoutTheItemsDecidedMeanwhile() {
        LabellingSession session = new LabellingSession(project, models, "tester",
                new LabellingSession.Settings("margin", 6, 0), Runnable::run);
        session.start();
        for (String label : TestData.emailLabels()) {
            session.label(List.of(label));
        }
        long inFront = session.current().orElseThrow().item().id();
        session.retrainNow(); // runs inline here: trains, ranks, swaps
        assertEquals(inFront, session.current().orElseThrow().item().id(), "the item in front stays");
        for (var next : session.upcoming(50)) {
            assertNotEquals(inFront, next.item().id());
            assertTrue(project.decisions().currentLabels().get(next.item().id()) == null,
                    "only undecided items are queued: " + next.item().key());
        }
    }
}
