package org.querent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

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
 * "Nothing waits for the model" is remembered after a count finds nothing (migration 7), and forgotten by every
 * change that can make an item wait: a new file, a changed file, an item coming back. Each case fails if the stamp
 * outlived the change.
 */
class ScoredStampTest {
    @TempDir
    Path dir;

    @Test
    void theStampNeverHidesAnItemThatWaits() throws Exception {
        Path data = dir.resolve("data");
        TestData.copyEmails(data, 2); // 12 emails
        List<LabelDefinition> labels = TestData.emailLabels().stream().map(l -> new LabelDefinition(l, "", null)).toList();
        try (Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"), data,
                "builtin:minilm", labels, false, null)); ModelSession models = new ModelSession(project)) {
            ImportService imports = new ImportService(project);
            ScoringService scoring = new ScoringService(project, models);
            imports.run(false, ProgressListener.NONE, Cancellation.none());
            assertEquals(12, scoring.pendingCount(models.hash()));
            scoring.score(8, ProgressListener.NONE, Cancellation.none());
            assertEquals(0, scoring.pendingCount(models.hash()));
            assertTrue(project.meta().get(ScoringService.SCORED_KEY).isPresent(), "a count of zero is stamped");
            assertEquals(0, scoring.pendingCount(models.hash()), "and the stamp answers the next count");

            Files.writeString(data.resolve("new-one.txt"), "A new message about the quarterly budget review.");
            imports.run(false, ProgressListener.NONE, Cancellation.none());
            assertEquals(1, scoring.pendingCount(models.hash()), "a new item waits");
            scoring.score(8, ProgressListener.NONE, Cancellation.none());
            assertEquals(0, scoring.pendingCount(models.hash()));

            Path changed = Files.list(data).filter(p -> !p.getFileName().toString().equals("new-one.txt")).findFirst()
                    .orElseThrow();
            Files.writeString(changed, Files.readString(changed) + "\nP.S. one more line, so the content changes.");
            Files.setLastModifiedTime(changed, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5_000));
            imports.run(false, ProgressListener.NONE, Cancellation.none());
            assertEquals(1, scoring.pendingCount(models.hash()), "an item whose content changed waits (same item id)");

            // Two new files with one content are one content to score: the count is what pending() would list.
            Files.writeString(data.resolve("twin-a.txt"), "The same words in two files about the offsite agenda.");
            Files.writeString(data.resolve("twin-b.txt"), "The same words in two files about the offsite agenda.");
            imports.run(false, ProgressListener.NONE, Cancellation.none());
            assertEquals(scoring.pending(models.hash()).size(), scoring.pendingCount(models.hash()));
            assertEquals(2, scoring.pendingCount(models.hash()), "the changed one and the twins' one content");
        }
    }
}
