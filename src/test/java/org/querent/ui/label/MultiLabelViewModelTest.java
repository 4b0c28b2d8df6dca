package org.querent.ui.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.querent.session.ImportService;
import org.querent.session.LabellingSession;
import org.querent.session.ModelSession;
import org.querent.session.ScoringService;
import org.querent.session.WorkHistory;
import org.querent.store.LabelDefinition;
import org.querent.ui.task.DirectTaskRunner;

/** In a multi-label project, keys toggle labels and Enter records the chosen set. */
class MultiLabelViewModelTest {
    @TempDir
    Path dir;

    @Test
    void keysToggleAndEnterConfirmsTheSet() {
        TestData.copyEmails(dir.resolve("data"), 1);
        List<LabelDefinition> labels = List.of(new LabelDefinition("linux", "Linux systems", "L"),
                new LabelDefinition("spam", "spam filtering", null), new LabelDefinition("packaging", "", null));
        try (Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("m.querent"),
                dir.resolve("data"), "builtin:minilm", labels, true, null)); ModelSession models = new ModelSession(project)) {
            new ImportService(project).run(false, ProgressListener.NONE, Cancellation.none());
            new ScoringService(project, models).score(8, ProgressListener.NONE, Cancellation.none());
            LabellingSession session = new LabellingSession(project, models, "ana",
                    new LabellingSession.Settings("entropy", 5, 0), Runnable::run);
            session.start();
            LabelViewModel model = new LabelViewModel(new WorkHistory(project), session, labels, project.dataRoot(), new DirectTaskRunner());
            model.load();
            assertEquals(List.of("L", "1", "2"), model.keys(), "the taxonomy's own key, then digits");
            long item = model.currentProperty().get().item().id();
            model.selection().clear();
            model.pressKey("L");
            model.pressKey("2");
            model.pressKey("1");
            model.pressKey("1"); // toggled off again
            assertEquals(item, model.currentProperty().get().item().id(), "toggling does not move on");
            model.accept();
            assertNotEquals(item, model.currentProperty().get().item().id());
            assertEquals(List.of("linux", "packaging"), project.decisions().currentLabels().get(item).labels());
            assertTrue(model.messageProperty().get().startsWith("Labelled linux, packaging"));
        }
    }
}
