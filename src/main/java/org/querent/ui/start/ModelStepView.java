package org.querent.ui.start;

import java.io.File;
import java.nio.file.Path;
import java.util.stream.Collectors;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import org.querent.runtime.TensorSpec;
import org.querent.session.setup.ModelInspection;

/** Page 2: the built-in encoder or a model file, its signature, and the model.json form when one is missing. */
final class ModelStepView {
    private static final Duration INSPECT_PAUSE = Duration.millis(700);

    private final ModelStepModel model;
    private final Runnable advance;
    private final RadioButton builtin = new RadioButton("Built-in text encoder");
    private final RadioButton file = new RadioButton("An ONNX model file");
    private final TextField pathField = new TextField();
    private final VBox root;

    ModelStepView(ModelStepModel model, Runnable advance) {
        this.model = model;
        this.advance = advance;
        builtin.setId("model-builtin");
        file.setId("model-file");
        ToggleGroup group = new ToggleGroup();
        builtin.setToggleGroup(group);
        file.setToggleGroup(group);
        syncToggle();
        model.sourceProperty().addListener((o, a, b) -> syncToggle());
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.sourceProperty().set(b == builtin ? ModelSource.BUILTIN : ModelSource.FILE);
            }
        });

        VBox builtinBox = new VBox(4, builtin, indented(Forms.hint(
                "all-MiniLM-L6-v2: English sentences to 384 numbers. Good for texts; ships with Querent.")));
        VBox fileBox = new VBox(6, file, indented(Forms.hint(
                "An image or text encoder exported to ONNX, with its model.json or without (you describe it below).")),
                indented(fileDetails()));
        Label error = Forms.error("model-error", model.modelErrorProperty());
        root = new VBox(14, builtinBox, fileBox, error);
        root.getStyleClass().add("wizard-page");
    }

    Node node() {
        return root;
    }

    Node focusTarget() {
        return model.sourceProperty().get() == ModelSource.BUILTIN ? builtin : pathField;
    }

    private void syncToggle() {
        (model.sourceProperty().get() == ModelSource.BUILTIN ? builtin : file).setSelected(true);
    }

    private Node fileDetails() {
        pathField.setId("model-onnx-path");
        pathField.setPromptText("/home/me/models/encoder.onnx  or  …/model.json");
        pathField.textProperty().bindBidirectional(model.pathProperty());
        pathField.setOnAction(e -> {
            if (model.needsInspection()) {
                model.inspect();
            } else {
                advance.run();
            }
        });
        pathField.focusedProperty().addListener((o, was, is) -> {
            if (is) {
                model.sourceProperty().set(ModelSource.FILE);
            }
        });
        PauseTransition pause = new PauseTransition(INSPECT_PAUSE);
        pause.setOnFinished(e -> {
            if (model.needsInspection()) {
                model.inspect();
            }
        });
        pathField.textProperty().addListener((o, a, b) -> pause.playFromStart());
        Button browse = new Button("Browse…");
        browse.setId("browse-model");
        browse.setOnAction(e -> chooseFile());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Forms.showWhen(spinner, model.inspectingProperty());
        Label reading = Forms.hint("Reading the model…");
        Forms.showWhen(reading, model.inspectingProperty());

        Label signature = new Label();
        signature.setId("model-signature");
        signature.setWrapText(true);
        signature.getStyleClass().add("signature");
        signature.textProperty().bind(Bindings.createStringBinding(() -> describe(model.inspectionProperty().get()),
                model.inspectionProperty()));
        Forms.showWhen(signature, model.inspectionProperty().isNotNull());

        ManifestFormView form = new ManifestFormView(model.form());
        Forms.showWhen(form.node(), model.needsManifestProperty());

        VBox details = new VBox(8, Forms.growingRow(pathField, browse),
                Forms.error("model-path-error", model.pathErrorProperty()), new HBox(8, spinner, reading),
                signature, form.node());
        details.disableProperty().bind(model.sourceProperty().isNotEqualTo(ModelSource.FILE));
        return details;
    }

    private static String describe(ModelInspection i) {
        if (i == null) {
            return "";
        }
        String inputs = i.signature().inputs().stream().map(TensorSpec::describe).collect(Collectors.joining("\n  "));
        String outputs = i.signature().outputs().stream().map(TensorSpec::describe).collect(Collectors.joining("\n  "));
        String manifest = i.needsManifest() ? "No model.json beside it: describe the model below; it is written on Finish."
                : "Described by " + i.manifestFile() + " (" + i.manifest().name() + ").";
        return "Inputs:\n  " + inputs + "\nOutputs:\n  " + outputs + "\n" + manifest;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a model");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("ONNX model or model.json", "*.onnx", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        Path current = PathText.parse(model.pathProperty().get());
        if (current != null && current.getParent() != null && current.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        File chosen = chooser.showOpenDialog(root.getScene().getWindow());
        if (chosen != null) {
            model.sourceProperty().set(ModelSource.FILE);
            model.pathProperty().set(chosen.getAbsolutePath());
            model.inspect();
        }
    }

    private static Node indented(Node node) {
        VBox box = new VBox(node);
        box.getStyleClass().add("indented");
        return box;
    }
}
