package org.querent.ui.interchange;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.querent.ui.common.ErrorDialogs;

/**
 * A small window for one job: a form, the button that starts the job, a progress bar while it runs in the
 * background, then what it did or why it failed (the form stays filled in, so the person fixes one field and
 * tries again). Ids are prefixed with the window's own, e.g. {@code export-labels-run}.
 */
final class JobWindow {
    private final Stage stage = new Stage();
    private final String id;
    private final VBox form = new VBox(10);
    private final Label message = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button run;
    private final Button close = new Button("Close");
    private final HBox buttons;

    JobWindow(Window owner, String title, String id, String runText) {
        this.id = id;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title + " — Querent");
        Label heading = new Label(title);
        heading.getStyleClass().add("subtitle");
        message.setId(id + "-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        progress.setId(id + "-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        progress.managedProperty().bind(progress.visibleProperty());
        run = new Button(runText);
        run.setId(id + "-run");
        run.setDefaultButton(true);
        close.setId(id + "-close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        buttons = new HBox(8, gap, run, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(12, heading, form, progress, message, buttons);
        root.setId(id + "-dialog");
        root.setPadding(new Insets(16));
        root.setPrefWidth(760);
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            root.setStyle(owner.getScene().getRoot().getStyle());
        }
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !run.isDisabled()) {
                stage.close();
            }
        });
        stage.setScene(scene);
    }

    /** Widens the window (the import preview's table needs room). */
    void setWidth(double width) {
        ((VBox) stage.getScene().getRoot()).setPrefWidth(width);
    }

    VBox form() {
        return form;
    }

    Button runButton() {
        return run;
    }

    /** Adds a button left of the run button. */
    void addButton(Button button) {
        buttons.getChildren().add(1, button);
    }

    Stage stage() {
        return stage;
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    /** The job started: a moving bar and what it does; the buttons wait. */
    void running(String what) {
        progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setVisible(true);
        run.setDisable(true);
        message.getStyleClass().remove("error-text");
        message.setText(what);
    }

    void done(String what) {
        progress.setVisible(false);
        run.setDisable(false);
        message.getStyleClass().remove("error-text");
        message.setText(what);
    }

    void failed(String what, Throwable error) {
        progress.setVisible(false);
        run.setDisable(false);
        if (!message.getStyleClass().contains("error-text")) {
            message.getStyleClass().add("error-text");
        }
        message.setText(what + ": " + ErrorDialogs.message(error));
    }

    /** A labelled path field with a Browse… button that opens {@code chooser} and writes its answer in the field. */
    Node pathField(String caption, TextField field, String fieldId, java.util.function.Function<Window, File> chooser) {
        field.setId(id + "-" + fieldId);
        HBox.setHgrow(field, Priority.ALWAYS);
        Button browse = new Button("Browse…");
        browse.setId(id + "-browse");
        browse.setOnAction(e -> {
            File chosen = chooser.apply(stage);
            if (chosen != null) {
                field.setText(chosen.getAbsolutePath());
            }
        });
        Label label = new Label(caption);
        label.setLabelFor(field);
        HBox row = new HBox(8, field, browse);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, label, row);
    }

    /** The field's path, or null (with the message said) when it is empty. */
    Path path(TextField field, String what) {
        String text = field.getText() == null ? "" : field.getText().strip();
        if (text.isEmpty()) {
            failed("Nothing was done", org.querent.common.QuerentException.usage("choose " + what + " first (type it or use Browse…)"));
            field.requestFocus();
            return null;
        }
        try {
            return Path.of(text).toAbsolutePath();
        } catch (java.nio.file.InvalidPathException e) {
            failed("Nothing was done", org.querent.common.QuerentException.usage("'" + text + "' is not a path: " + e.getReason()));
            return null;
        }
    }

    static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }

    /** Called with the window when it closes, for the opener to refresh what the job changed. */
    void onClosed(Consumer<JobWindow> then) {
        stage.setOnHidden(e -> then.accept(this));
    }
}
