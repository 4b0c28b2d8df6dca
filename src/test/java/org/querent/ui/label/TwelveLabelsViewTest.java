package org.querent.ui.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
import org.querent.ui.common.KeyHelp;
import org.querent.ui.common.Theme;
import org.querent.ui.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 8 item 15 under TestFX: a real project with twelve labels, scored by the real model. The tenth label is on
 * 0, the eleventh and twelfth on letters no command uses; the chips show them, the hint does not offer 0 to fit,
 * and the keys label the items.
 */
@ExtendWith(ApplicationExtension.class)
class TwelveLabelsViewTest {
    static final List<String> EXTRA = List.of("work", "family", "travel", "bills", "newsletters", "other");
    static Path dir;
    static Project project;
    static ModelSession models;
    static FxTaskRunner tasks;
    LabelViewModel model;

    @BeforeAll
    static void scoredProject() throws Exception {
        dir = Files.createTempDirectory("twelve-labels");
        TestData.copyEmails(dir.resolve("data"), 2);
        List<String> names = new ArrayList<>(TestData.emailLabels());
        names.addAll(EXTRA);
        project = new ProjectService(Clock.systemUTC()).create(new NewProject(dir.resolve("p.querent"), dir.resolve("data"),
                "builtin:minilm", names.stream().map(l -> new LabelDefinition(l, "", null)).toList(), false, null));
        new ImportService(project).run(false, ProgressListener.NONE, Cancellation.none());
        models = new ModelSession(project);
        new ScoringService(project, models).score(8, ProgressListener.NONE, Cancellation.none());
        tasks = new FxTaskRunner((t, e) -> e.printStackTrace());
    }

    @AfterAll
    static void closeProject() {
        tasks.close();
        models.close();
        project.close();
    }

    @Start
    void start(Stage stage) {
        LabellingSession session = new LabellingSession(project, models, "tester",
                new LabellingSession.Settings("margin", 5, 0), Runnable::run);
        session.start();
        model = new LabelViewModel(new WorkHistory(project), session, project.taxonomy().labels(), project.dataRoot(), tasks);
        LabelView view = new LabelView(model, () -> "guideline");
        Scene scene = new Scene((javafx.scene.Parent) view.node(), 1200, 900);
        Theme.apply(scene, "light", 100);
        stage.setScene(scene);
        stage.show();
        model.load();
        view.focus();
    }

    long current() {
        return model.currentProperty().get().item().id();
    }

    String labelOf(long item) {
        var d = project.decisions().currentLabels().get(item);
        return d == null ? null : String.join(",", d.labels());
    }

    @Test
    void theKeysAreShownOnTheLabelsZeroLabelsTheTenthAndLettersTheRest(FxRobot robot) throws Exception {
        List<String> names = project.labelNames();
        List<String> expected = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "B", "C");
        for (int i = 0; i < names.size(); i++) {
            assertEquals(expected.get(i), robot.lookup("#key-" + names.get(i)).queryAs(Label.class).getText(), names.get(i));
        }
        String hint = robot.lookup("#zoom-hint").queryAs(Label.class).getText();
        assertFalse(hint.contains("0"), "0 labels a class, so the hint must not offer it to fit: " + hint);
        assertTrue(hint.contains("Home to fit"), hint);

        long first = current();
        robot.type(KeyCode.DIGIT0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> current() != first);
        assertEquals(names.get(9), labelOf(first), "0 labels the tenth class");

        long second = current();
        robot.type(KeyCode.C);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> current() != second);
        assertEquals("other", labelOf(second), "C labels the twelfth class");

        long third = current();
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(third, current(), "A is a Review command, never a label key here");
        assertEquals(null, labelOf(third));
    }

    @Test
    void theF1ListShowsEveryLabelWithItsKey(FxRobot robot) throws Exception {
        robot.interact(() -> KeyHelp.show(robot.listWindows().get(0), model.keyTable()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#keys-list").tryQuery().isPresent());
        List<String> texts = robot.lookup("#keys-list .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
        int at = texts.indexOf("other");
        assertTrue(at > 0 && texts.get(at - 1).equals("C"), texts.toString());
        assertTrue(texts.contains("escalate to the lead, with a reason"), texts.toString());
        assertFalse(texts.contains("fit the image (no label uses 0)"), "0 labels a class");
        robot.interact(() -> ((Stage) robot.lookup("#keys-dialog").query().getScene().getWindow()).close());
    }
}
