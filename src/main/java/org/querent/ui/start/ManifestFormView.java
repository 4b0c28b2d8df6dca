package org.querent.ui.start;

import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.Property;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.querent.runtime.ModelManifest.Activation;
import org.querent.runtime.ModelManifest.AudioForm;
import org.querent.runtime.ModelManifest.Longer;
import org.querent.runtime.ModelManifest.Shorter;
import org.querent.runtime.ModelManifest.InputKind;
import org.querent.runtime.ModelManifest.Layout;
import org.querent.runtime.ModelManifest.Pooling;

/** The model.json form: each field with its own red message; text-, image- or audio-only rows show by input kind. */
final class ManifestFormView {
    private final ManifestFormModel form;
    private final GridPane grid = new GridPane();
    private final VBox root;
    private int row;

    ManifestFormView(ManifestFormModel form) {
        this.form = form;
        grid.setHgap(12);
        grid.setVgap(6);
        ObservableBooleanValue text = form.inputKindProperty().isEqualTo(InputKind.TEXT);
        ObservableBooleanValue image = form.inputKindProperty().isEqualTo(InputKind.IMAGE);
        BooleanExpression audio = form.inputKindProperty().isEqualTo(InputKind.AUDIO);
        BooleanExpression logMel = audio.and(form.audioFormProperty().isEqualTo(AudioForm.LOG_MEL));

        add("Name", textField("manifest-name", form.nameProperty(), 20), ManifestField.NAME, null);
        add("Input", choice("manifest-input", form.inputKindProperty(), InputKind.values()), null, null);
        add("Tokenizer file", textField("manifest-tokenizer", form.tokenizerProperty(), 16), ManifestField.TOKENIZER, text);
        add("Max tokens", textField("manifest-max-tokens", form.maxTokensProperty(), 6), ManifestField.MAX_TOKENS, text);
        add("Width", textField("manifest-width", form.widthProperty(), 6), ManifestField.WIDTH, image);
        add("Height", textField("manifest-height", form.heightProperty(), 6), ManifestField.HEIGHT, image);
        add("Channels", textField("manifest-channels", form.channelsProperty(), 6), ManifestField.CHANNELS, image);
        add("Layout", choice("manifest-layout", form.layoutProperty(), Layout.values()), null, image);
        add("Scale", textField("manifest-scale", form.scaleProperty(), 6), ManifestField.SCALE, image);
        add("Mean", textField("manifest-mean", form.meanProperty(), 16), ManifestField.MEAN, image);
        add("Std", textField("manifest-std", form.stdProperty(), 16), ManifestField.STD, image);
        add("Sample rate (Hz)", textField("manifest-sample-rate", form.sampleRateProperty(), 7),
                ManifestField.SAMPLE_RATE, audio);
        add("Audio channels", textField("manifest-audio-channels", form.audioChannelsProperty(), 4),
                ManifestField.AUDIO_CHANNELS, audio);
        add("Clip (seconds)", textField("manifest-clip-seconds", form.clipSecondsProperty(), 6),
                ManifestField.CLIP_SECONDS, audio);
        add("Longer clips", choice("manifest-longer", form.longerProperty(), Longer.values()), null, audio);
        add("Shorter clips", choice("manifest-shorter", form.shorterProperty(), Shorter.values()), null, audio);
        add("Fed as", choice("manifest-audio-form", form.audioFormProperty(), AudioForm.values()), null, audio);
        add("Mel bins", textField("manifest-mel-bins", form.melBinsProperty(), 5), ManifestField.MEL_BINS, logMel);
        add("Window (ms)", textField("manifest-window-ms", form.windowMsProperty(), 5), ManifestField.WINDOW_MS, logMel);
        add("Hop (ms)", textField("manifest-hop-ms", form.hopMsProperty(), 5), ManifestField.HOP_MS, logMel);
        ChoiceBox<String> embedding = new ChoiceBox<>(form.outputs());
        embedding.setId("manifest-embedding-output");
        embedding.valueProperty().bindBidirectional(form.embeddingOutputProperty());
        add("Embedding output", embedding, ManifestField.EMBEDDING_OUTPUT, null);
        add("Pooling", choice("manifest-pooling", form.poolingProperty(), Pooling.values()), null, null);
        CheckBox normalize = new CheckBox("L2-normalise the embedding");
        normalize.setId("manifest-normalize");
        normalize.selectedProperty().bindBidirectional(form.normalizeProperty());
        add("", normalize, null, null);
        CheckBox classes = new CheckBox("The model also has a class output");
        classes.setId("manifest-with-classes");
        classes.selectedProperty().bindBidirectional(form.withClassesProperty());
        add("", classes, null, null);
        ChoiceBox<String> classOutput = new ChoiceBox<>(form.outputs());
        classOutput.setId("manifest-class-output");
        classOutput.valueProperty().bindBidirectional(form.classOutputProperty());
        add("Class output", classOutput, ManifestField.CLASS_OUTPUT, form.withClassesProperty());
        add("Activation", choice("manifest-activation", form.activationProperty(), Activation.values()), null,
                form.withClassesProperty());
        TextField labels = textField("manifest-class-labels", form.classLabelsProperty(), 24);
        labels.setPromptText("cat, dog, bird (in output order)");
        add("Class labels", labels, ManifestField.CLASS_LABELS, form.withClassesProperty());

        Label mismatch = Forms.error("manifest-signature-error", form.signatureErrorProperty());
        root = new VBox(8, Forms.subtitle("Describe the model (model.json)"),
                Forms.hint("Prefilled from the model's inputs and outputs. Image pixels become (pixel / scale − mean) / std. "
                        + "Audio is decoded, resampled to the rate, fitted to the clip length (longer: centre crop or "
                        + "the mean over windows; shorter: padded or kept), then fed as samples or log-mel frames."),
                grid, mismatch);
        root.setId("manifest-form");
        root.getStyleClass().add("card");
    }

    Node node() {
        return root;
    }

    /** One grid row: caption, control, red message; hidden with its caption when {@code shownWhen} is false. */
    private void add(String caption, Node control, ManifestField field, ObservableBooleanValue shownWhen) {
        Label label = new Label(caption);
        label.getStyleClass().add("field-caption");
        Label error = field == null ? new Label() : Forms.error("error-" + control.getId(), form.errorProperty(field));
        grid.addRow(row++, label, control, error);
        if (shownWhen != null) {
            BooleanExpression shown = BooleanExpression.booleanExpression(shownWhen);
            for (Node n : new Node[] {label, control}) {
                Forms.showWhen(n, shown);
            }
            Forms.showWhen(error, shown.and(error.textProperty().isNotEmpty()));
        }
    }

    private static TextField textField(String id, StringProperty property, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static <T> ChoiceBox<T> choice(String id, Property<T> property, T[] values) {
        ChoiceBox<T> box = new ChoiceBox<>(FXCollections.observableArrayList(values));
        box.setId(id);
        box.valueProperty().bindBidirectional(property);
        return box;
    }
}
