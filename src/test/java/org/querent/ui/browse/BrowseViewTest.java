package org.querent.ui.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.querent.session.BrowseFilter;
import org.querent.session.BrowseQueries.BrowseItem;
import org.querent.ui.common.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class BrowseViewTest {
    private Path dir;
    private TestWorkbench workbench;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("browse-view");
        workbench = new TestWorkbench(TestProjects.sample(dir), dir.resolve("settings.properties"));
        workbench.setWindow(stage);
        BrowseView view = new BrowseView(workbench);
        Scene scene = new Scene((javafx.scene.Parent) view.node(), 1000, 650);
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
    void unlabelledFilterShowsItsCountAndEnterOpensTheRowForLabelling(FxRobot robot) throws Exception {
        Label count = robot.lookup("#browse-count").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "11 of 11 items".equals(count.getText()));

        ComboBox<BrowseFilter> filter = robot.lookup("#browse-filter").queryComboBox();
        robot.interact(() -> filter.getSelectionModel().select(BrowseFilter.of(BrowseFilter.Kind.UNLABELLED)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "7 of 11 items".equals(count.getText()));

        TableView<BrowseItem> table = robot.lookup("#browse-table").queryTableView();
        assertEquals(TestProjects.UNLABELLED, table.getItems().size());
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(2);
        });
        BrowseItem selected = table.getSelectionModel().getSelectedItem();
        assertEquals("note-06.txt", selected.row().path());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(java.util.List.of(selected.id()), workbench.labelled);
        assertTrue(workbench.errors.isEmpty(), workbench.errors.toString());
    }

    /** At 150 % text every column but Path shows its values whole: no "Unlab…", no "razor-us…" (issue 8, item 17). */
    @Test
    void atOneHundredFiftyPercentNoColumnButPathTruncatesItsValues(FxRobot robot) throws Exception {
        Label count = robot.lookup("#browse-count").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "11 of 11 items".equals(count.getText()));
        robot.interact(() -> Theme.apply(count.getScene(), "light", 150));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> { });
        WaitForAsyncUtils.waitForFxEvents();
        TableView<BrowseItem> table = robot.lookup("#browse-table").queryTableView();
        java.util.List<String> truncated = new java.util.ArrayList<>();
        int checked = 0;
        for (javafx.scene.Node node : table.lookupAll(".table-cell")) {
            if (!(node instanceof javafx.scene.control.TableCell<?, ?> cell) || cell.isEmpty()
                    || cell.getTableColumn() == null || "Path".equals(cell.getTableColumn().getText())) {
                continue;
            }
            javafx.scene.control.Labeled shown = cell.getGraphic() instanceof javafx.scene.control.Labeled chip ? chip : cell;
            if (shown.getText() == null || shown.getText().isEmpty()) {
                continue;
            }
            checked++;
            for (javafx.scene.Node child : shown.getChildrenUnmodifiable()) {
                if (child instanceof javafx.scene.text.Text text && !text.getText().equals(shown.getText())) {
                    truncated.add(cell.getTableColumn().getText() + ": " + shown.getText() + " shown as " + text.getText());
                }
            }
        }
        assertTrue(checked > 20, "cells were checked: " + checked);
        assertTrue(truncated.isEmpty(), truncated.toString());
    }
}
