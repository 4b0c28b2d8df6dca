package org.querent.ui.start;

import java.nio.file.Path;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.querent.common.ItemKind;
import org.querent.common.QuerentException;
import org.querent.runtime.BuiltinModels;
import org.querent.runtime.ModelManifest;
import org.querent.session.ModelCheck;
import org.querent.ui.common.ErrorDialogs;
import org.querent.ui.task.TaskRunner;
import org.querent.session.setup.DatasetSummary;
import org.querent.session.setup.ModelFiles;
import org.querent.session.setup.ModelInspection;

/**
 * The model page: the built-in text encoder or a model file. A chosen file is inspected in the background
 * (ONNX Runtime reads its signature); an existing model.json is validated against it, a missing one is written
 * with the {@link ManifestFormModel} form. The page stays invalid until the model and the data agree.
 */
final class ModelStepModel {
    private final TaskRunner tasks;
    private final ModelFiles inspector;
    private final ManifestFormModel form = new ManifestFormModel();

    private final ObjectProperty<ModelSource> source = new SimpleObjectProperty<>(this, "source", ModelSource.BUILTIN);
    private final StringProperty path = new SimpleStringProperty(this, "path", "");
    private final ReadOnlyObjectWrapper<ModelInspection> inspection = new ReadOnlyObjectWrapper<>(this, "inspection");
    private final ReadOnlyBooleanWrapper inspecting = new ReadOnlyBooleanWrapper(this, "inspecting", false);
    private final ReadOnlyBooleanWrapper needsManifest = new ReadOnlyBooleanWrapper(this, "needsManifest", false);
    private final ReadOnlyStringWrapper pathError = new ReadOnlyStringWrapper(this, "pathError");
    private final ReadOnlyStringWrapper modelError = new ReadOnlyStringWrapper(this, "modelError");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", false);

    private String inspectedText;
    private int generation;
    private boolean datasetHasText = true;
    private boolean datasetHasImages;
    private boolean datasetHasAudio;

    ModelStepModel(TaskRunner tasks, ModelFiles inspector) {
        this.tasks = tasks;
        this.inspector = inspector;
        source.addListener((Observable o) -> validate());
        path.addListener((Observable o) -> validate());
        form.validProperty().addListener((Observable o) -> validate());
        form.inputKindProperty().addListener((Observable o) -> validate());
        validate();
    }

    // ---- properties

    ObjectProperty<ModelSource> sourceProperty() {
        return source;
    }

    /** The .onnx or model.json path as typed. */
    StringProperty pathProperty() {
        return path;
    }

    /** The inspected file, or null before (or after a failed) inspection. */
    ReadOnlyObjectProperty<ModelInspection> inspectionProperty() {
        return inspection.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty inspectingProperty() {
        return inspecting.getReadOnlyProperty();
    }

    /** True when the chosen .onnx has no model.json: the form is shown. */
    ReadOnlyBooleanProperty needsManifestProperty() {
        return needsManifest.getReadOnlyProperty();
    }

    ReadOnlyStringProperty pathErrorProperty() {
        return pathError.getReadOnlyProperty();
    }

    /** Why the model cannot be used with this dataset (wrong signature, images vs texts), or null. */
    ReadOnlyStringProperty modelErrorProperty() {
        return modelError.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    ManifestFormModel form() {
        return form;
    }

    // ---- commands

    /** Picks the default for this dataset: the built-in encoder when there are texts, a file for images only. */
    void datasetScanned(DatasetSummary summary) {
        datasetHasText = summary.hasText();
        datasetHasImages = summary.images() > 0;
        datasetHasAudio = summary.clips() > 0;
        if (inspectedText == null && path.get().isBlank()) {
            source.set(datasetHasText ? ModelSource.BUILTIN : ModelSource.FILE);
        }
        validate();
    }

    boolean needsInspection() {
        return source.get() == ModelSource.FILE && !path.get().equals(inspectedText)
                && PathText.parse(path.get()) != null;
    }

    /** Reads the chosen file's signature (and model.json) in the background. */
    void inspect() {
        String text = path.get();
        Path file = PathText.parse(text);
        if (file == null) {
            validate();
            return;
        }
        int current = ++generation;
        inspectedText = text;
        inspection.set(null);
        needsManifest.set(false);
        inspecting.set(true);
        pathError.set(null);
        validate();
        tasks.run(TaskRunner.Lane.READS, () -> inspector.inspect(file), result -> {
            if (current == generation) {
                inspecting.set(false);
                inspection.set(result);
                if (result.needsManifest()) {
                    form.prefill(result);
                }
                needsManifest.set(result.needsManifest());
                validate();
            }
        }, error -> {
            if (current == generation) {
                inspecting.set(false);
                pathError.set(ErrorDialogs.message(error));
                validate();
            }
        });
    }

    /** What ProjectService stores: "builtin:minilm" or the absolute path of the model.json. */
    String modelReference() {
        return source.get() == ModelSource.BUILTIN ? BuiltinModels.MINILM
                : inspection.get().manifestFile().toAbsolutePath().toString();
    }

    /** The manifest to write beside the .onnx on finish, or null when one exists (or the model is built in). */
    ModelManifest manifestToWrite() {
        return source.get() == ModelSource.FILE && needsManifest.get() ? form.manifest() : null;
    }

    /** Where {@link #manifestToWrite()} goes. */
    Path manifestFile() {
        return inspection.get() == null ? null : inspection.get().manifestFile();
    }

    /** A short line for the summary on the last page. */
    String describe() {
        if (source.get() == ModelSource.BUILTIN) {
            return "built-in text encoder (all-MiniLM-L6-v2)";
        }
        ModelInspection i = inspection.get();
        return i == null ? "" : i.onnxFile().getFileName() + (needsManifest.get() ? " (model.json will be written)" : "");
    }

    // ---- validation

    private void validate() {
        modelError.set(null);
        if (source.get() == ModelSource.BUILTIN) {
            pathError.set(null);
            if (!datasetHasText) {
                modelError.set(datasetHasAudio && !datasetHasImages
                        ? "The built-in encoder reads text, and this folder holds audio clips: choose an audio model"
                        + " (.onnx or the model.json that 'querent build-audio-model' writes)."
                        : "The built-in encoder reads text, and this folder holds only images:"
                        + " choose an image model (.onnx).");
            }
            valid.set(datasetHasText);
            return;
        }
        String text = path.get();
        boolean current = text.equals(inspectedText);
        if (!current) {
            pathError.set(PathText.problem(text, "the model file (.onnx or model.json)"));
        }
        ModelInspection i = inspection.get();
        if (!current || inspecting.get() || i == null) {
            valid.set(false);
            return;
        }
        ModelManifest manifest = i.needsManifest() ? form.manifest() : i.manifest();
        if (!i.needsManifest()) {
            String problem = existingManifestProblem(i);
            modelError.set(problem != null ? problem : i.loadProblem());
        }
        if (modelError.get() == null && manifest != null) {
            modelError.set(kindProblem(manifest.input()));
        }
        valid.set(manifest != null && modelError.get() == null);
    }

    private static String existingManifestProblem(ModelInspection i) {
        return ModelFiles.manifestProblem(i.manifestFile().getFileName().toString(),
                i.onnxFile().getFileName().toString(), i.manifest(), i.signature());
    }

    private String kindProblem(ModelManifest.InputKind kind) {
        // The rule init applies, so the wizard and the command line accept the same models.
        ItemKind modelKind = ItemKind.valueOf(kind.name());
        if (!ModelCheck.readsNone(modelKind, datasetHasImages ? 1 : 0, datasetHasText ? 1 : 0, datasetHasAudio ? 1 : 0)) {
            return null;
        }
        return switch (modelKind) {
            case TEXT -> "This model reads text, and the dataset holds no texts.";
            case IMAGE -> "This model reads images, and the dataset holds no images.";
            case AUDIO -> "This model reads audio, and the dataset holds no audio clips.";
        };
    }
}
