package org.querent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.TestData;
import org.querent.common.Cancellation;
import org.querent.common.ProgressListener;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.store.ItemRecord;
import org.querent.store.LabelDefinition;

/**
 * The first item comes after a first part is scored, not the whole folder (issue 8, item 17): the part is spread
 * over every folder, the rest is read behind the labelling, and the queue then ranks everything, keeping the item
 * in front. Closing the project while the rest is read stops it cleanly.
 */
class LabellingWhileScoringTest {
    @TempDir
    Path dir;

    private java.util.Map<String, String> truth;

    private OpenProject newProject() {
        truth = TestData.copyEmails(dir.resolve("data"), 8); // 48 emails
        List<LabelDefinition> labels = TestData.emailLabels().stream().map(l -> new LabelDefinition(l, "", null)).toList();
        Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"),
                dir.resolve("data"), "builtin:minilm", labels, false, null));
        new ImportService(project).run(false, ProgressListener.NONE, Cancellation.none());
        return new OpenProject(project, new ModelSession(project));
    }

    @Test
    void labellingStartsOnAFirstPartAndTheQueueRanksEverythingOnceTheRestIsRead() {
        try (OpenProject open = newProject()) {
            ScoringService.Report first = open.scoring().score(8, 12, ProgressListener.NONE, Cancellation.none());
            assertEquals(12, first.scored());
            LabellingSession session = open.newSession("ana", new LabellingSession.Settings("margin", 5, 0), Runnable::run);
            open.attach(session);
            session.start();
            assertEquals(12, session.predictions().size(), "the first ranking is over the first part");
            long inFront = session.current().orElseThrow().item().id();

            ScoringService.Report rest = open.scoreRest(8, ProgressListener.NONE);
            assertEquals(36, rest.scored());
            assertEquals(48, session.predictions().size(), "the pool grew to every item");
            assertEquals(inFront, session.current().orElseThrow().item().id(), "the item in front stays");
            session.label(List.of(TestData.emailLabels().get(0)));
            assertTrue(session.current().isPresent());
        }
    }

    @Test
    void theFirstPartIsSpreadOverEveryFolderNotTheFirstFiles() {
        try (OpenProject open = newProject()) {
            List<ItemRecord> pending = open.scoring().pending(open.models().hash());
            List<ItemRecord> part = ScoringService.spread(pending, 12);
            assertEquals(12, part.size());
            Set<String> lists = new HashSet<>();
            for (ItemRecord item : part) {
                lists.add(truth.get(item.path()));
            }
            assertEquals(new HashSet<>(truth.values()), lists, "every list is in the first part");
            assertEquals(6, lists.size());
        }
    }

    @Test
    void closingWhileTheRestIsReadStopsItAndKeepsWhatWasScored() throws Exception {
        OpenProject open = newProject();
        open.scoring().score(8, 12, ProgressListener.NONE, Cancellation.none());
        CompletableFuture<ScoringService.Report> rest = CompletableFuture.supplyAsync(() -> open.scoreRest(4,
                (done, total, message) -> sleepQuietly(50)));
        Thread.sleep(400);
        open.close();
        ScoringService.Report report = rest.get(60, TimeUnit.SECONDS);
        assertTrue(report.cancelled() || report.scored() == 36, "stopped or finished: " + report);
        try (Project again = new ProjectService(Clock.systemUTC()).open(dir.resolve("p.querent"));
             ModelSession models = new ModelSession(again)) {
            assertEquals(12 + report.scored(), again.embeddings().count(models.hash()), "what was scored is kept");
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
