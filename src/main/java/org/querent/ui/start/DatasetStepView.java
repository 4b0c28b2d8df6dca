package org.querent.ui.start;

import java.io.File;
import java.nio.file.Path;

import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.querent.ingest.QuarantinedItem;

/** Page 1: the dataset folder, what its scan found, and where the project file goes. */
final class DatasetStepView {
    /** Typing a path scans it once the user pauses, so pasting a path needs no extra click. */
    private static final Duration SCAN_PAUSE = Duration.millis(700);

    private final DatasetStepModel model;
    private final Runnable advance;
    private final TextField folderField = new TextField();
    private final VBox root;

    DatasetStepView(DatasetStepModel model, Runnable advance) {
        this.model = model;
        this.advance = advance;
        folderField.setId("dataset-path");
        folderField.setPromptText("/home/me/datasets/reviews");
        folderField.textProperty().bindBidirectional(model.folderProperty());
        folderField.setOnAction(e -> enter());
        PauseTransition pause = new PauseTransition(SCAN_PAUSE);
        pause.setOnFinished(e -> {
            if (model.needsScan()) {
                model.scan();
            }
        });
        folderField.textProperty().addListener((o, a, b) -> pause.playFromStart());

        Button browse = new Button("Browse…");
        browse.setId("browse-dataset");
        browse.setOnAction(e -> chooseFolder(browse.getScene().getWindow()));
        Node folder = Forms.field("Dataset folder", Forms.growingRow(folderField, browse),
                Forms.error("dataset-error", model.folderErrorProperty()));

        root = new VBox(14, folder, scanCard(), projectFileField());
        root.getStyleClass().add("wizard-page");
    }

    Node node() {
        return root;
    }

    Node focusTarget() {
        return folderField;
    }

    private void enter() {
        if (model.needsScan()) {
            model.scan();
        } else {
            advance.run();
        }
    }

    private Node scanCard() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Forms.showWhen(spinner, model.scanningProperty());
        Label summary = new Label();
        summary.setId("scan-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.scanStatusProperty());
        Label empty = Forms.hint("Choose a folder to see what Querent can read in it.");
        Forms.showWhen(empty, model.scanStatusProperty().isEmpty());
        HBox line = new HBox(8, spinner, summary, empty);

        ListView<QuarantinedItem> list = new ListView<>(model.quarantined());
        list.setId("quarantine-list");
        list.setPrefHeight(130);
        list.setCellFactory(v -> new QuarantineCell());
        list.setPlaceholder(Forms.hint("No problem files."));
        Label caption = Forms.caption("Files that cannot be used (they stay in quarantine, you can fix them later)");
        VBox card = new VBox(8, Forms.subtitle("What Querent found"), line, caption, list);
        card.getStyleClass().add("card");
        return card;
    }

    private Node projectFileField() {
        TextField file = new TextField();
        file.setId("project-file");
        file.textProperty().bindBidirectional(model.projectFileProperty());
        file.setOnAction(e -> advance.run());
        Button browse = new Button("Save as…");
        browse.setId("browse-project");
        browse.setOnAction(e -> chooseProjectFile(browse.getScene().getWindow()));
        return Forms.field("Project file", Forms.growingRow(file, browse),
                Forms.error("project-file-error", model.projectFileErrorProperty()));
    }

    private void chooseFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose the dataset folder");
        Path current = PathText.parse(model.folderProperty().get());
        if (current != null && current.toFile().isDirectory()) {
            chooser.setInitialDirectory(current.toFile());
        }
        File chosen = chooser.showDialog(owner);
        if (chosen != null) {
            model.folderProperty().set(chosen.getAbsolutePath());
            model.scan();
        }
    }

    private void chooseProjectFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the project as");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Querent project", "*.querent"));
        Path current = model.projectPath();
        if (current != null && current.getParent() != null && current.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParent().toFile());
            chooser.setInitialFileName(current.getFileName().toString());
        }
        File chosen = chooser.showSaveDialog(owner);
        if (chosen != null) {
            String path = chosen.getAbsolutePath();
            model.projectFileProperty().set(path.endsWith(DatasetStepModel.EXTENSION) ? path
                    : path + DatasetStepModel.EXTENSION);
        }
    }

    /** "folder/file.png — image could not be decoded…", the reason in the muted colour. */
    private static final class QuarantineCell extends ListCell<QuarantinedItem> {
        @Override
        protected void updateItem(QuarantinedItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label key = new Label(item.key());
            key.getStyleClass().add("quarantine-key");
            Label reason = new Label(item.reason());
            reason.getStyleClass().add("muted");
            setText(null);
            setGraphic(new HBox(10, key, reason));
        }
    }
}
