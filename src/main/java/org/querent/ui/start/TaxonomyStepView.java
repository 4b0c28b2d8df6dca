package org.querent.ui.start;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Page 3: the labels as an always-editable grid (key, name, description, move up/down, remove), single- or
 * multi-label, and the class sub-folders the scan found. Rows are rebuilt only when rows are added, removed or
 * moved, never while typing, so the caret stays where it is.
 */
final class TaxonomyStepView {
    private final TaxonomyStepModel model;
    private final GridPane table = new GridPane();
    private final VBox root;
    private TextField firstName;

    TaxonomyStepView(TaxonomyStepModel model) {
        this.model = model;
        table.setId("labels-table");
        table.getStyleClass().add("labels-table");
        table.setHgap(8);
        table.setVgap(4);
        ColumnConstraints key = new ColumnConstraints();
        ColumnConstraints name = new ColumnConstraints(140, 200, Double.MAX_VALUE);
        ColumnConstraints description = new ColumnConstraints(160, 300, Double.MAX_VALUE);
        description.setHgrow(Priority.ALWAYS);
        table.getColumnConstraints().addAll(key, name, description);
        model.rows().addListener((ListChangeListener<LabelRow>) change -> {
            while (change.next()) {
                if (!change.wasUpdated()) {
                    rebuild();
                    return;
                }
            }
        });
        rebuild();

        Button add = new Button("Add label");
        add.setId("add-label");
        add.setOnAction(e -> {
            LabelRow row = model.addLabel();
            focusName(model.rows().indexOf(row));
        });
        Button useFolders = new Button("Use folder names as labels");
        useFolders.setId("use-folder-labels");
        Forms.showWhen(useFolders, Bindings.isNotEmpty(model.folderNames()));
        useFolders.setOnAction(e -> model.useFolderNames());
        HBox actions = new HBox(8, Forms.subtitle("Labels"), Forms.spacer(), useFolders, add);

        root = new VBox(10, actions, table, Forms.error("taxonomy-problem", model.problemProperty()),
                foldersBox(), kindBox());
        root.getStyleClass().add("wizard-page");
    }

    Node node() {
        return root;
    }

    Node focusTarget() {
        return firstName;
    }

    private Node foldersBox() {
        CheckBox fromFolders = new CheckBox("Take labels from class sub-folders");
        fromFolders.setId("labels-from-folders");
        fromFolders.selectedProperty().bindBidirectional(model.labelsFromFoldersProperty());
        Label folders = Forms.hint("");
        folders.textProperty().bind(Bindings.createStringBinding(() -> "The folder has class sub-folders ("
                + String.join(", ", model.folderNames()) + "): items in a sub-folder named like a label are"
                + " imported with that label, as if you had labelled them.", model.folderNames()));
        Label unused = Forms.error("folder-hint", model.folderHintProperty());
        VBox box = new VBox(4, fromFolders, folders, unused);
        box.getStyleClass().add("card");
        Forms.showWhen(box, Bindings.isNotEmpty(model.folderNames()));
        return box;
    }

    private Node kindBox() {
        RadioButton single = new RadioButton("One label per item");
        single.setId("single-label");
        RadioButton multi = new RadioButton("Several labels per item (multi-label)");
        multi.setId("multi-label");
        ToggleGroup group = new ToggleGroup();
        single.setToggleGroup(group);
        multi.setToggleGroup(group);
        (model.multiLabelProperty().get() ? multi : single).setSelected(true);
        multi.selectedProperty().bindBidirectional(model.multiLabelProperty());
        return new HBox(18, single, multi);
    }

    private void rebuild() {
        table.getChildren().clear();
        table.addRow(0, header("Key"), header("Name"), header("Description"));
        firstName = null;
        int gridRow = 1;
        for (int i = 0; i < model.rows().size(); i++) {
            LabelRow row = model.rows().get(i);
            TextField key = field("label-key-" + i, row.keyProperty(), "–");
            key.setPrefColumnCount(2);
            key.setTooltip(new Tooltip("The key that assigns this label while labelling (one character)."));
            TextField name = field("label-name-" + i, row.nameProperty(), "label name");
            TextField description = field("label-description-" + i, row.descriptionProperty(),
                    "what belongs here (optional)");
            HBox buttons = new HBox(4, button("label-up-" + i, "↑", "Move up", () -> model.moveUp(row)),
                    button("label-down-" + i, "↓", "Move down", () -> model.moveDown(row)),
                    button("label-remove-" + i, "✕", "Remove", () -> model.remove(row)));
            table.addRow(gridRow++, key, name, description, buttons);
            Label errors = Forms.error("label-error-" + i, Bindings.createStringBinding(
                    () -> join(row.keyErrorProperty().get(), row.nameErrorProperty().get()),
                    row.keyErrorProperty(), row.nameErrorProperty()));
            table.add(errors, 0, gridRow++, 4, 1);
            if (firstName == null) {
                firstName = name;
            }
        }
    }

    private void focusName(int index) {
        table.lookupAll("#label-name-" + index).forEach(Node::requestFocus);
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + "; " + b;
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-caption");
        return label;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false); // Tab goes from field to field; the buttons are for the mouse
        button.setOnAction(e -> action.run());
        return button;
    }
}
