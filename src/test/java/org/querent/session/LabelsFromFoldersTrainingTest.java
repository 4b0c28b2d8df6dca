package org.querent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

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
 * Labels taken from class folders at import are labels like any other: opening the session learns from them at
 * once, so the status and the pre-labels are a trained model's without the person pressing R (issue 8, item 17).
 */
class LabelsFromFoldersTrainingTest {
    @TempDir
    Path dir;

    private Project scoredProject(boolean labelsFromFolders) throws IOException {
        // The DIR/label/file layout: each email in the folder of its mailing list.
        Map<String, String> truth = TestData.copyEmails(dir.resolve("flat"), 3);
        for (Map.Entry<String, String> e : truth.entrySet()) {
            Path folder = Files.createDirectories(dir.resolve("data").resolve(e.getValue()));
            Files.move(dir.resolve("flat").resolve(e.getKey()), folder.resolve(e.getKey()));
        }
        List<LabelDefinition> labels = TestData.emailLabels().stream().map(l -> new LabelDefinition(l, "", null)).toList();
        Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"),
                dir.resolve("data"), "builtin:minilm", labels, false, null));
        new ImportService(project).run(labelsFromFolders, ProgressListener.NONE, Cancellation.none());
        try (ModelSession models = new ModelSession(project)) {
            new ScoringService(project, models).score(8, ProgressListener.NONE, Cancellation.none());
        }
        return project;
    }

    @Test
    void aSessionOverFolderLabelsTrainsItsFirstModelWhenItStarts() throws IOException {
        try (Project project = scoredProject(true); ModelSession models = new ModelSession(project)) {
            assertEquals(0, project.heads().count(), "import alone trains nothing");
            LabellingSession session = new LabellingSession(project, models, "ana",
                    new LabellingSession.Settings("margin", 5, 0), Runnable::run);
            session.start();
            assertEquals(1, project.heads().count(), "the folder labels were learnt from at start");
            assertNotNull(session.predictions().modelVersion(), "pre-labels come from the trained model");
        }
    }

    @Test
    void withoutLabelsNothingIsTrainedAtStart() throws IOException {
        try (Project project = scoredProject(false); ModelSession models = new ModelSession(project)) {
            LabellingSession session = new LabellingSession(project, models, "ana",
                    new LabellingSession.Settings("margin", 5, 0), Runnable::run);
            session.start();
            assertEquals(0, project.heads().count());
            assertNull(session.predictions().modelVersion());
            assertTrue(session.current().isPresent());
        }
    }
}
