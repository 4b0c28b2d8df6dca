package org.querent.ui.interchange;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javafx.scene.control.CheckBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.stage.FileChooser;
import org.querent.session.ExportService.Format;
import org.querent.session.InterchangeDesk;
import org.querent.session.OpenProject;
import org.querent.ui.task.TaskRunner;
import org.querent.ui.task.TaskRunner.Lane;

/**
 * Labels out, in the formats {@code querent export} writes: CSV, JSONL, Prodigy JSONL, Label Studio JSON (with its
 * labelling config beside it) or the audit trail; with texts and with the predictions of the version in use.
 */
final class ExportLabelsWindow {
    /** The formats offered, with the file ending each gets. */
    static final Map<Format, String> FORMATS = new LinkedHashMap<>();

    static {
        FORMATS.put(Format.CSV, ".csv");
        FORMATS.put(Format.JSONL, ".jsonl");
        FORMATS.put(Format.PRODIGY, ".prodigy.jsonl");
        FORMATS.put(Format.LABEL_STUDIO, ".label-studio.json");
        FORMATS.put(Format.AUDIT, ".audit.csv");
    }

    private final JobWindow window;
    private final ToggleGroup formats = new ToggleGroup();
    private final CheckBox withText = new CheckBox("With each text item's text");
    private final CheckBox predictions = new CheckBox("With every scored item's pre-label of the version in use");
    private final TextField file = new TextField();

    ExportLabelsWindow(javafx.stage.Window owner, TaskRunner tasks, OpenProject project) {
        window = new JobWindow(owner, "Export labels", "export-labels", "Export");
        FlowPane choices = new FlowPane(14, 6);
        for (Map.Entry<Format, String> f : FORMATS.entrySet()) {
            RadioButton b = new RadioButton(name(f.getKey()));
            b.setId("format-" + f.getKey().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.setUserData(f.getKey());
            b.setToggleGroup(formats);
            choices.getChildren().add(b);
        }
        formats.selectToggle(formats.getToggles().get(0));
        withText.setId("export-labels-with-text");
        predictions.setId("export-labels-predictions");
        Path folder = project.file().toAbsolutePath().getParent();
        file.setText(folder.resolve(project.name() + "-labels.csv").toString());
        formats.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now != null) {
                Format f = (Format) now.getUserData();
                file.setText(withEnding(file.getText(), FORMATS.get(f)));
                boolean labels = f != Format.AUDIT;
                withText.setDisable(!labels);
                predictions.setDisable(!labels);
            }
        });
        window.form().getChildren().addAll(JobWindow.hint("Format"), choices, withText, predictions,
                window.pathField("File", file, "file", stage -> {
                    FileChooser chooser = new FileChooser();
                    chooser.setTitle("Export labels to");
                    Path current = Path.of(file.getText().isBlank() ? folder.toString() : file.getText());
                    if (current.getParent() != null && current.getParent().toFile().isDirectory()) {
                        chooser.setInitialDirectory(current.getParent().toFile());
                        chooser.setInitialFileName(current.getFileName().toString());
                    }
                    return chooser.showSaveDialog(stage);
                }),
                JobWindow.hint("Prodigy's db-in and Label Studio's import read these files; import-labels (Labels > "
                        + "Import labels…) reads all of them back. The audit trail lists every decision event."));
        window.runButton().setOnAction(e -> {
            Path out = window.path(file, "the file to write");
            if (out == null) {
                return;
            }
            Format format = (Format) formats.getSelectedToggle().getUserData();
            boolean text = withText.isSelected() && format != Format.AUDIT;
            boolean predicted = predictions.isSelected() && format != Format.AUDIT;
            window.running("Writing " + name(format) + " to " + out + (predicted ? " (predicting the pool first)" : "")
                    + "…");
            InterchangeDesk desk = project.interchange();
            tasks.run(Lane.FILES, () -> desk.exportLabels(format, out, text, predicted),
                    done -> window.done(describe(done)),
                    error -> window.failed("Nothing was exported", error));
        });
    }

    JobWindow window() {
        return window;
    }

    static String describe(InterchangeDesk.LabelExport done) {
        String what = done.format() == Format.AUDIT ? done.rows() + " decision events" : done.rows() + " items";
        return "Wrote " + what + " to " + done.file() + (done.config() == null ? ""
                : "\nLabel Studio labelling config: " + done.config()) + (done.rows() == 0 && done.format() != Format.AUDIT
                ? "\nNothing is labelled yet, so the file holds no rows." : "");
    }

    static String name(Format f) {
        return switch (f) {
            case CSV -> "CSV";
            case JSONL -> "JSONL";
            case PRODIGY -> "Prodigy JSONL";
            case LABEL_STUDIO -> "Label Studio JSON";
            case AUDIT -> "Audit trail (CSV)";
            case EVENTS -> "Event dump";
        };
    }

    /** Swaps a known ending for {@code ending}; another name gets it appended. */
    static String withEnding(String path, String ending) {
        String p = path == null ? "" : path.strip();
        for (String known : new String[] {".prodigy.jsonl", ".label-studio.json", ".audit.csv", ".csv", ".jsonl", ".json"}) {
            if (p.endsWith(known)) {
                return p.substring(0, p.length() - known.length()) + ending;
            }
        }
        return p.isEmpty() ? p : p + ending;
    }
}
