package org.querent.ui.start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.querent.ingest.QuarantinedItem;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.runtime.BuiltinModels;
import org.querent.store.LabelDefinition;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The wizard driven like a user would, with the keyboard and the mouse, against real files and services. */
@ExtendWith(ApplicationExtension.class)
class NewProjectWizardTest {
    @TempDir
    Path temp;

    private Stage owner;
    private RecordingWorkbench workbench;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(new Label("Querent")), 400, 300));
        stage.show();
    }

    @AfterEach
    void closeWorkbench() {
        if (workbench != null) {
            workbench.close();
        }
    }

    @Test
    void theWizardCreatesAProjectFromAFolderThatHoldsACorruptFile(FxRobot robot) throws Exception {
        Path data = WizardFolders.textsWithCorruptImage(temp);
        workbench = new RecordingWorkbench(temp.resolve("settings.properties"), owner);
        robot.interact(() -> NewProjectWizard.show(workbench));
        Window wizard = robot.window("New project – Querent");
        assertTrue(wizard.getWidth() <= 1440 && wizard.getHeight() <= 900, "fits a 1440x900 screen");

        // Page 1: type the path, Enter scans; the corrupt file is listed with its reason.
        robot.clickOn("#dataset-path").write(data.toString()).type(KeyCode.ENTER);
        waitFor(() -> !robot.lookup("#next").queryButton().isDisabled());
        ListView<QuarantinedItem> quarantine = robot.lookup("#quarantine-list").queryListView();
        assertEquals(1, quarantine.getItems().size());
        assertEquals(WizardFolders.CORRUPT, quarantine.getItems().get(0).key());
        assertTrue(robot.lookup((Label l) -> WizardFolders.CORRUPT.equals(l.getText())).tryQuery().isPresent(),
                "the quarantined file is shown in the list");
        assertTrue(robot.lookup((Label l) -> l.getText() != null && l.getText().contains("could not be decoded"))
                .tryQuery().isPresent(), "its reason is shown");
        assertTrue(robot.lookup("#scan-summary").queryLabeled().getText().startsWith("6 texts"));
        assertEquals(temp.resolve("data.querent").toString(),
                robot.lookup("#project-file").queryTextInputControl().getText());

        // Page 2: the built-in encoder is the default for texts; pick it anyway and go on with Enter.
        robot.clickOn("#next");
        RadioButton builtin = robot.lookup("#model-builtin").queryAs(RadioButton.class);
        robot.clickOn(builtin);
        assertTrue(builtin.isSelected());
        robot.type(KeyCode.ENTER);

        // Page 3: labels from the folder names, taken as seed labels.
        assertEquals("Define your labels", robot.lookup("#step-title").queryLabeled().getText());
        robot.clickOn("#use-folder-labels");
        assertEquals("ham", robot.lookup("#label-name-0").queryTextInputControl().getText());
        assertEquals("spam", robot.lookup("#label-name-1").queryTextInputControl().getText());
        robot.clickOn("#label-description-1").write("unsolicited offers");
        robot.clickOn("#next");

        // Page 4: a guideline, then Finish.
        robot.clickOn("#guideline").write("When unsure, flag it.");
        Button finish = robot.lookup("#finish").queryButton();
        assertFalse(finish.isDisabled());
        robot.clickOn(finish);

        Path file = temp.resolve("data.querent");
        waitFor(() -> !workbench.opened.isEmpty());
        assertEquals(List.of(file), workbench.opened);
        assertTrue(workbench.errors.isEmpty(), () -> workbench.errors.toString());
        waitFor(() -> !wizard.isShowing());
        try (Project project = new ProjectService(Clock.systemUTC()).open(file)) {
            assertEquals(List.of(new LabelDefinition("ham", "", "1"),
                    new LabelDefinition("spam", "unsolicited offers", "2")), project.taxonomy().labels());
            assertEquals(6, project.items().countByState().get("active"));
            assertEquals(1, project.items().countByState().get("quarantined"));
            assertEquals(6, project.decisions().currentLabels().size(), "folder labels imported as decisions");
            assertEquals(BuiltinModels.MINILM, project.settings().model());
        }
        assertEquals("When unsure, flag it.", Files.readString(temp.resolve("data-guideline.md")));
    }

    @Test
    void escapeClosesTheWizardWithoutCreatingAnything(FxRobot robot) throws Exception {
        workbench = new RecordingWorkbench(temp.resolve("settings.properties"), owner);
        robot.interact(() -> NewProjectWizard.show(workbench));
        Window wizard = robot.window("New project – Querent");
        robot.clickOn("#dataset-path").type(KeyCode.ESCAPE);
        waitFor(() -> !wizard.isShowing());
        assertTrue(workbench.opened.isEmpty());
        try (var files = Files.list(temp)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".querent")));
        }
    }

    private static void waitFor(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
