package org.querent.ui.interchange;

import java.nio.file.Path;
import java.util.Locale;

import javafx.scene.control.TextField;
import javafx.stage.DirectoryChooser;
import org.querent.session.InterchangeDesk;
import org.querent.session.ModelExportService;
import org.querent.session.OpenProject;
import org.querent.ui.task.TaskRunner;
import org.querent.ui.task.TaskRunner.Lane;

/**
 * The improved model out, as {@code querent export-model} writes it: one ONNX graph (backbone, pooling, the version in
 * use, its calibration and softmax) with a Querent manifest, checked with ONNX Runtime before it is called done.
 */
final class ExportModelWindow {
    private final JobWindow window;
    private final TextField folder = new TextField();

    ExportModelWindow(javafx.stage.Window owner, TaskRunner tasks, OpenProject project) {
        window = new JobWindow(owner, "Export the model", "export-model", "Export");
        Path parent = project.file().toAbsolutePath().getParent();
        folder.setText(parent.resolve(project.name() + "-model").toString());
        window.form().getChildren().addAll(
                window.pathField("Folder (model.onnx and model.json are written in it)", folder, "folder", stage -> {
                    DirectoryChooser chooser = new DirectoryChooser();
                    chooser.setTitle("Export the model to");
                    if (parent.toFile().isDirectory()) {
                        chooser.setInitialDirectory(parent.toFile());
                    }
                    return chooser.showDialog(stage);
                }),
                JobWindow.hint("The export reads raw inputs (token ids, or pixel values 0..255) and gives the "
                        + "probabilities Querent gives. It can start a new project, or label files with 'querent predict'."));
        window.runButton().setOnAction(e -> {
            Path out = window.path(folder, "a folder");
            if (out == null) {
                return;
            }
            window.running("Writing the model to " + out + " and checking it with ONNX Runtime…");
            InterchangeDesk desk = project.interchange();
            tasks.run(Lane.FILES, () -> desk.exportModel(out), done -> window.done(describe(done)),
                    error -> window.failed("The model was not exported", error));
        });
    }

    JobWindow window() {
        return window;
    }

    static String describe(ModelExportService.Result r) {
        return String.format(Locale.ROOT, "Wrote %s (%.1f MB) and %s: model v%d, %d labels (%s)%s.%nChecked with ONNX "
                        + "Runtime on %d scored items: largest probability difference %.1e.",
                r.files().onnxFile(), r.files().onnxBytes() / 1e6, r.files().manifestFile().getFileName(), r.version(),
                r.labels().size(), String.join(", ", r.labels()), r.multiLabel() ? ", sigmoid"
                        : String.format(Locale.ROOT, ", softmax at temperature %.2f", r.temperature()),
                r.checked(), r.maxDifference());
    }
}
