package org.querent.ui.common;

import java.util.List;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The F1 list, drawn from the {@link KeyTable}: one row per key, so an entry never wraps into the next. */
public final class KeyHelp {
    private KeyHelp() {
    }

    public static void show(Window owner, KeyTable table) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        if (owner != null) {
            alert.initOwner(owner);
            if (owner.getScene() != null) { // the theme and text size, so the key chips look as on the labels
                alert.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
                alert.getDialogPane().setStyle(owner.getScene().getRoot().getStyle());
            }
        }
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Work with the keyboard alone");
        ScrollPane scroll = new ScrollPane(content(table));
        scroll.setFitToWidth(true);
        scroll.setPrefSize(620, 520);
        alert.getDialogPane().setContent(scroll);
        alert.getDialogPane().setId("keys-dialog");
        alert.setResizable(true);
        alert.show();
    }

    /** The list as a node (also for tests): one grid, so the keys line up across the sections. */
    public static Node content(KeyTable table) {
        GridPane rows = new GridPane();
        rows.setHgap(14);
        rows.setVgap(4);
        rows.setPadding(new Insets(8));
        int r = 0;
        for (Map.Entry<String, List<String[]>> section : table.help().entrySet()) {
            Label heading = new Label(section.getKey());
            heading.getStyleClass().add("subtitle");
            heading.setPadding(new Insets(r == 0 ? 0 : 10, 0, 2, 0));
            rows.add(heading, 0, r++, 2, 1);
            for (String[] row : section.getValue()) {
                Label key = new Label(row[0]);
                key.getStyleClass().add("key-chip");
                key.setMinWidth(Label.USE_PREF_SIZE);
                Label what = new Label(row[1]);
                what.setWrapText(true);
                rows.addRow(r++, key, what);
            }
        }
        rows.setId("keys-list");
        return new VBox(rows);
    }
}
