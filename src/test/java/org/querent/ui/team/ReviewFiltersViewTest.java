package org.querent.ui.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.querent.project.Project;
import org.querent.session.LabellingService;
import org.querent.store.LabelDefinition;
import org.querent.team.EscalationService;
import org.querent.team.PeopleService;
import org.querent.team.Role;
import org.querent.ui.browse.TestProjects;
import org.querent.ui.browse.TestWorkbench;
import org.querent.ui.common.KeyTable;
import org.querent.ui.common.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The review screen's "only" filters by keyboard, on a real project file read on the real background lanes. Labels
 * waiting for lena: note-01 (ben's dog, ana said cat: low agreement), note-02 (ana's cat, escalated by ben), note-03
 * (ben's dog) and note-05 (ana's cat, flagged by ben before she labelled it). F6, F7 and F8 each leave exactly one.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewFiltersViewTest {
    private TestWorkbench workbench;
    private long note1;
    private long note2;
    private long note3;
    private long note5;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("review-filters");
        Project project = TestProjects.sample(dir);
        PeopleService people = new PeopleService(project);
        people.assign("lena", Role.LEAD, "lena", null);
        people.assign("ana", Role.ANNOTATOR, "lena", null);
        people.assign("ben", Role.ANNOTATOR, "lena", null);
        note1 = TestProjects.idOf(project, 1);
        note2 = TestProjects.idOf(project, 2);
        note3 = TestProjects.idOf(project, 3);
        note5 = TestProjects.idOf(project, 5);
        LabellingService labelling = new LabellingService(project);
        labelling.label(note1, List.of("dog"), "ben");
        new EscalationService(project).escalate(note2, "a cat or a lion?", "ben");
        labelling.label(note5, List.of("cat"), "ana");
        List<LabelDefinition> labels = TestProjects.LABELS.stream().map(l -> new LabelDefinition(l, "", null)).toList();

        workbench = new TestWorkbench(project, dir.resolve("settings.properties"));
        ReviewViewModel model = new ReviewViewModel(workbench.tasks(), workbench::project, () -> "lena");
        ReviewView view = new ReviewView(model, new SimpleObjectProperty<>(KeyTable.of(labels)), () -> labels);
        Scene scene = new Scene((Parent) view.node(), 1100, 650);
        Theme.apply(scene, "light", 100);
        stage.setScene(scene);
        stage.show();
        view.refresh();
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @SuppressWarnings("unchecked")
    private static List<Long> rows(FxRobot robot) {
        TableView<ReviewViewModel.Row> table = robot.lookup("#review-queue").queryAs(TableView.class);
        return new ArrayList<>(table.getItems()).stream().map(ReviewViewModel.Row::itemId).toList();
    }

    private static void waitForRows(FxRobot robot, List<Long> expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> rows(robot).equals(expected));
        } catch (java.util.concurrent.TimeoutException e) {
            assertEquals(expected, rows(robot), "the queue after the key");
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean checked(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(CheckBox.class).isSelected();
    }

    @Test
    void functionKeysToggleLowAgreementFlaggedAndEscalated(FxRobot robot) throws Exception {
        waitForRows(robot, List.of(note5, note1, note3, note2));

        robot.type(KeyCode.F6);
        waitForRows(robot, List.of(note1));
        assertTrue(checked(robot, "review-low-agreement"), "the box shows the filter is on");
        robot.type(KeyCode.F6);
        waitForRows(robot, List.of(note5, note1, note3, note2));
        assertFalse(checked(robot, "review-low-agreement"));

        robot.type(KeyCode.F7);
        waitForRows(robot, List.of(note5));
        robot.type(KeyCode.F7, KeyCode.F8);
        waitForRows(robot, List.of(note2));

        robot.type(KeyCode.F6);
        waitForRows(robot, List.of());
        assertEquals("Nothing to review with these filters.",
                robot.lookup("#review-message").queryAs(Label.class).getText());
        assertTrue(checked(robot, "review-low-agreement") && checked(robot, "review-escalated"));
        assertTrue(workbench.errors.isEmpty(), workbench.errors.toString());
    }
}
