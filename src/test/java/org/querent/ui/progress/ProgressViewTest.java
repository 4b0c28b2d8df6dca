package org.querent.ui.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.querent.ui.browse.TestProjects;
import org.querent.ui.browse.TestWorkbench;
import org.querent.ui.common.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ProgressViewTest {
    private TestWorkbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("progress-view");
        workbench = new TestWorkbench(TestProjects.sample(dir), dir.resolve("settings.properties"));
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
    @SuppressWarnings("unchecked")
    void showsABarPerClassWithItsCount(FxRobot robot) throws Exception {
        BarChart<String, Number> chart = robot.lookup("#labels-per-class").queryAs(BarChart.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> !chart.getData().isEmpty() && chart.getData().get(0).getData().size() == 3
                        // a bar's node comes with the next layout pulse, which a loaded machine may not have run yet
                        && chart.getData().get(0).getData().stream().allMatch(d -> d.getNode() != null));

        List<XYChart.Data<String, Number>> bars = chart.getData().get(0).getData();
        assertEquals(List.of("cat", "dog", "bird"), bars.stream().map(XYChart.Data::getXValue).toList());
        assertEquals(List.of(2, 1, 0), bars.stream().map(d -> d.getYValue().intValue()).toList());
        assertTrue(bars.stream().allMatch(d -> d.getNode() != null && d.getNode().isVisible()), "every class has a bar node");
        assertTrue(robot.lookup("#learning-curve").tryQuery().isPresent());
        assertTrue(robot.lookup("#accept-share").tryQuery().isPresent());
        assertTrue(robot.lookup("#pace").tryQuery().isPresent());
        assertTrue(workbench.errors.isEmpty(), workbench.errors.toString());
    }
}
