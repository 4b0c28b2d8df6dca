package org.querent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.TestData;
import org.querent.common.Cancellation;
import org.querent.common.ProgressListener;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.store.LabelDefinition;

/** Scoring stops cleanly, or is killed outright, and a second run finishes the job without scoring anything twice. */
class ScoringResumeTest {
    @TempDir
    Path dir;

    private Path newProject(int perClass) {
        TestData.copyEmails(dir.resolve("data"), perClass);
        Path file = dir.resolve("p.querent");
        List<LabelDefinition> labels = TestData.emailLabels().stream().map(l -> new LabelDefinition(l, "", null)).toList();
        try (Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(file, dir.resolve("data"),
                "builtin:minilm", labels, false, null))) {
            new ImportService(project).run(false, ProgressListener.NONE, Cancellation.none());
        }
        return file;
    }

    @Test
    void aCancelledRunKeepsFinishedBatchesAndTheNextRunDoesTheRest() {
        // 72 emails: the writer commits every 250 ms (ADR 0026) and reports progress at each commit, so the cancel
        // comes at the first commit, while most emails are still to score.
        Path file = newProject(12);
        try (Project project = new ProjectService(Clock.systemUTC()).open(file); ModelSession model = new ModelSession(project)) {
            Cancellation cancel = new Cancellation();
            ScoringService scoring = new ScoringService(project, model);
            ScoringService.Report first = scoring.score(4, (done, total, m) -> {
                if (done > 0) {
                    cancel.cancel();
                }
            }, cancel);
            assertTrue(first.cancelled(), "cancelled at the first commit");
            int stored = project.embeddings().count(model.hash());
            assertTrue(stored > 0 && stored < 72, "stopped part way: " + stored);

            ScoringService.Report second = scoring.score(4, ProgressListener.NONE, Cancellation.none());
            assertEquals(72 - stored, second.scored(), "only what was missing");
            assertEquals(72, project.embeddings().count(model.hash()));
        }
    }

    @Test
    void aKillInTheMiddleOfScoringCorruptsNothingAndTheNextRunContinues() throws Exception {
        Path file = newProject(12); // 72 emails
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                "org.querent.app.Launcher", "score", file.toString(), "--batch-size", "4")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        AtomicLong stored = new AtomicLong();
        // Wait until some batches are committed, then kill -9: no shutdown hook, no clean close.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && child.isAlive()) {
            stored.set(countStored(dir.resolve("p.querent")));
            if (stored.get() >= 8) {
                break;
            }
            Thread.sleep(100);
        }
        String childState = child.isAlive() ? "alive" : "exited " + child.exitValue();
        child.destroyForcibly().waitFor();
        try (Project project = new ProjectService(Clock.systemUTC()).open(file); ModelSession model = new ModelSession(project)) {
            int before = project.embeddings().count(model.hash());
            assertTrue(before >= 8 && before < 72, "killed part way: " + before + ", child " + childState + ", stored seen " + stored.get() + ", said: "
                    + java.nio.file.Files.readString(dir.resolve("child.log")));
            ScoringService.Report rest = new ScoringService(project, model).score(8, ProgressListener.NONE, Cancellation.none());
            assertEquals(72 - before, rest.scored());
            assertEquals(72, project.embeddings().count(model.hash()));
            assertEquals(72, Pool.load(project, model.hash()).size());
        }
    }

    /** Reads the embedding count with plain SQLite while the child holds the project (WAL allows a reader). */
    private static long countStored(Path file) {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file + "?open_mode=1");
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM embedding")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (java.sql.SQLException e) {
            return 0;
        }
    }
}
