package org.querent.session;

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
import java.util.Map;
import java.util.Queue;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.TestData;
import org.querent.common.Cancellation;
import org.querent.common.ProgressListener;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.session.QueueService.QueueEntry;
import org.querent.store.LabelDefinition;

/**
 * A large pool with no saved queue starts from a batch ranked on a uniform sample, read by id, and loads the whole
 * pool behind it (ADR 0020). The bounds are lowered so that 36 real emails are "large" and 12 are the sample.
 */
class SampleStartTest {
    private static final LabellingSession.Settings MARGIN = new LabellingSession.Settings("margin", 4, 0);

    @TempDir
    Path dir;
    private List<LabelDefinition> labels;
    private Path file;

    @BeforeEach
    void aScoredProject() {
        TestData.copyEmails(dir.resolve("data"), 6); // 36 emails
        labels = TestData.emailLabels().stream().map(l -> new LabelDefinition(l, "", null)).toList();
        file = dir.resolve("p.querent");
        try (Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(file, dir.resolve("data"),
                "builtin:minilm", labels, false, null)); ModelSession models = new ModelSession(project)) {
            new ImportService(project).run(false, ProgressListener.NONE, Cancellation.none());
            new ScoringService(project, models).score(8, ProgressListener.NONE, Cancellation.none());
        }
    }

    private Map<String, Object> roundSettings(long itemId) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT r.settings FROM round r JOIN round_item ri"
                     + " ON ri.round_id = r.id WHERE ri.item_id = ? ORDER BY r.id DESC LIMIT 1")) {
            ps.setLong(1, itemId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "item " + itemId + " was selected in no round");
                return org.querent.store.Json.map(rs.getString(1));
            }
        }
    }

    @Test
    void theFirstBatchComesFromASampleAndTheWholePoolRanksBehindIt() throws Exception {
        try (OpenProject open = new ProjectOpener().open(file).project()) {
            Queue<Runnable> ranking = new ArrayDeque<>();
            LabellingSession session = open.newSession("ana", MARGIN, Runnable::run, ranking::add);
            session.startFromASampleAbove(20, 12);
            session.start();
            assertNull(session.pool(), "the whole pool is still to load");
            QueueEntry first = session.current().orElseThrow();
            String provisional = (String) roundSettings(first.item().id()).get("provisional");
            assertNotNull(provisional, "the round says it was ranked on a sample");
            int sampled = Integer.parseInt(provisional.replaceAll("^a uniform sample of (\\d+) .*$", "$1"));
            assertTrue(sampled > 0 && sampled <= 12, provisional);
            assertEquals("typiclust", session.whyCurrent().orElseThrow().selection().strategy(),
                    "no head yet: a cold start, on the sample");
            int queuedBeforeTheLoad = session.upcoming(100).size() + 1;
            assertTrue(queuedBeforeTheLoad > MARGIN.batchSize() && queuedBeforeTheLoad <= 3 * MARGIN.batchSize(),
                    "several batches to label while the pool loads, not one: " + queuedBeforeTheLoad);

            // Two decisions before the pool arrives, then the load: the item in front is kept, nothing decided
            // comes back, and the queue is now the whole pool's ranking.
            Set<Long> decided = new HashSet<>();
            decided.add(first.item().id());
            session.label(List.of(labels.get(0).name()));
            decided.add(session.current().orElseThrow().item().id());
            session.label(List.of(labels.get(1).name()));
            QueueEntry front = session.current().orElseThrow();
            assertFalse(ranking.isEmpty());
            ranking.poll().run();
            assertNotNull(session.pool());
            assertEquals(36, session.pool().size());
            assertEquals(front.item().id(), session.current().orElseThrow().item().id());
            List<QueueEntry> upcoming = session.upcoming(100);
            assertFalse(upcoming.isEmpty());
            upcoming.forEach(e -> assertFalse(decided.contains(e.item().id()), "decided item " + e.item().id()));
            assertNull(roundSettings(upcoming.get(0).item().id()).get("provisional"),
                    "ranked on the whole pool once it loaded");
        }
    }

    @Test
    void aPoolBelowTheBoundIsRankedWholeAtOnce() {
        try (OpenProject open = new ProjectOpener().open(file).project()) {
            LabellingSession session = open.newSession("ana", MARGIN, Runnable::run, r -> { });
            session.startFromASampleAbove(36, 12); // 36 candidates: not above
            session.start();
            assertNotNull(session.pool());
        }
    }
}
