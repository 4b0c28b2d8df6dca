package org.querent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;

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
 * The next batch is ranked ahead while the person labels the last items of this one (issue 8, item 2). The
 * look-ahead runs when the test says, so decisions land while it is "running": no item is served twice, none that
 * was decided comes back, and the decision path never ranked in line while a look-ahead was pending.
 */
class RankingAheadTest {
    @TempDir
    Path dir;

    @Test
    void decisionsWhileTheNextBatchIsRankedNeverServeAnItemTwice() {
        TestData.copyEmails(dir.resolve("data"), 6); // 36 emails
        List<LabelDefinition> labels = TestData.emailLabels().stream().map(l -> new LabelDefinition(l, "", null)).toList();
        try (Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"),
                dir.resolve("data"), "builtin:minilm", labels, false, null)); ModelSession models = new ModelSession(project)) {
            new ImportService(project).run(false, ProgressListener.NONE, Cancellation.none());
            new ScoringService(project, models).score(8, ProgressListener.NONE, Cancellation.none());
            Queue<Runnable> ahead = new ArrayDeque<>();
            LabellingSession session = new LabellingSession(project, models, "ana",
                    new LabellingSession.Settings("margin", 6, 0), Runnable::run, ahead::add);
            session.start();
            Set<Long> served = new HashSet<>();
            int lookAheads = 0;
            for (int i = 0; i < 30; i++) {
                long id = session.current().orElseThrow().item().id();
                assertTrue(served.add(id), "item " + id + " served twice");
                session.label(List.of(labels.get(i % labels.size()).name()));
                // Let the look-ahead finish one decision late: the person labelled while it ranked.
                if (ahead.size() > 0 && i % 2 == 1) {
                    ahead.poll().run();
                    lookAheads++;
                }
            }
            assertTrue(lookAheads >= 3, "the next batches were ranked ahead: " + lookAheads);
            assertFalse(session.upcoming(100).stream().anyMatch(e -> served.contains(e.item().id())),
                    "no decided item is queued again");
            assertEquals(30, project.decisions().currentLabels().size());
        }
    }
}
