package org.querent.ui.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.querent.project.Project;
import org.querent.session.LabellingService;
import org.querent.ui.browse.TestProjects;
import org.querent.ui.browse.TestWorkbench;
import org.querent.ui.common.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The agreement card of the Progress view on a real project: ben labels two of ana's items, agreeing on one. By hand:
 * 2 shared items, percent agreement (1 + 0) / 2 = 50 %; Cohen's kappa ana-ben: observed 0.5, chance 1 x 0.5 = 0.5,
 * so 0.00; Fleiss: 3 cat and 1 dog ratings give chance 0.625, so (0.5 - 0.625) / 0.375 = -0.33.
 */
@ExtendWith(ApplicationExtension.class)
class AgreementCardTest {
    private TestWorkbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("agreement-card");
        Project project = TestProjects.sample(dir);
        LabellingService labelling = new LabellingService(project);
        labelling.label(TestProjects.idOf(project, 1), List.of("cat"), "ben");
        labelling.label(TestProjects.idOf(project, 2), List.of("dog"), "ben");
        workbench = new TestWorkbench(project, dir.resolve("settings.properties"));
        workbench.setWindow(stage);
        ProgressView view = new ProgressView(workbench);
        Scene scene = new Scene((javafx.scene.Parent) view.node(), 1000, 700);
        Theme.apply(scene, "light", 100);
        stage.setScene(scene);
        stage.show();
        view.refresh();
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void showsTheFiguresComputedByHand(FxRobot robot) throws Exception {
        Label headline = robot.lookup("#agreement-headline").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> headline.getText().contains("shared items"));
        assertEquals("50 % agreement on 2 shared items", headline.getText());
        String overall = robot.lookup("#agreement-overall").queryAs(Label.class).getText();
        assertTrue(overall.contains("Fleiss' κ -0.33") && overall.contains("1 disagreement"), overall);
        javafx.scene.layout.GridPane grid = robot.lookup("#agreement-pairs").queryAs(javafx.scene.layout.GridPane.class);
        List<String> pair = grid.getChildren().stream().map(n -> ((Label) n).getText()).toList();
        assertEquals(List.of("Pair", "Items", "Agree", "Cohen's κ", "ana · ben", "2", "50 %", "0.00"), pair);
        assertTrue(workbench.errors.isEmpty(), workbench.errors.toString());
    }
}
