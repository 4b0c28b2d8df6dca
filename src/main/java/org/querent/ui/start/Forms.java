package org.querent.ui.start;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Small building blocks the wizard's pages share, so every field looks and reports errors the same way. */
final class Forms {
    private Forms() {
    }

    /** A red message that takes no space while {@code message} is null or empty. */
    static Label error(String id, ObservableStringValue message) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("error-text");
        label.setWrapText(true);
        label.textProperty().bind(Bindings.createStringBinding(
                () -> message.get() == null ? "" : message.get(), message));
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    static Label hint(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("hint");
        label.setWrapText(true);
        return label;
    }

    static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-caption");
        return label;
    }

    static Label subtitle(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("subtitle");
        return label;
    }

    /** Caption above, control, then the red message under it. */
    static VBox field(String caption, Node control, Label error) {
        VBox box = new VBox(4, caption(caption), control, error);
        box.getStyleClass().add("wizard-field");
        return box;
    }

    /** A row whose first node grows: a path field with its buttons. */
    static HBox growingRow(Node grow, Node... rest) {
        HBox row = new HBox(8, grow);
        row.getChildren().addAll(rest);
        HBox.setHgrow(grow, Priority.ALWAYS);
        return row;
    }

    static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    static void showWhen(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
