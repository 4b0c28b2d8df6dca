package org.querent.ui.start;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.querent.common.Cancellation;
import org.querent.ingest.QuarantinedItem;
import org.querent.ui.common.ErrorDialogs;
import org.querent.ui.task.TaskRunner;
import org.querent.session.setup.DatasetPreview;
import org.querent.session.setup.DatasetSummary;

/**
 * The dataset page: the folder (typed, pasted or chosen), its scan in the background and the project file's
 * name and place. A scan belongs to the folder text it was started for; a newer scan makes older results stale.
 */
final class DatasetStepModel {
    static final String EXTENSION = ".querent";

    private final TaskRunner tasks;
    private final DatasetPreview inspector;

    private final StringProperty folder = new SimpleStringProperty(this, "folder", "");
    private final StringProperty projectFile = new SimpleStringProperty(this, "projectFile", "");
    private final ReadOnlyObjectWrapper<DatasetSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ObservableList<QuarantinedItem> quarantined = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper scanning = new ReadOnlyBooleanWrapper(this, "scanning", false);
    private final ReadOnlyStringWrapper scanStatus = new ReadOnlyStringWrapper(this, "scanStatus", "");
    private final ReadOnlyStringWrapper folderError = new ReadOnlyStringWrapper(this, "folderError");
    private final ReadOnlyStringWrapper projectFileError = new ReadOnlyStringWrapper(this, "projectFileError");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", false);

    private String scannedText;
    private int scanGeneration;
    private Cancellation runningScan = Cancellation.none();
    private String projectFileChecked;
    private boolean projectFileExists;
    private int fileCheckGeneration;
    private boolean projectFileEdited;
    private boolean settingDefaultFile;

    DatasetStepModel(TaskRunner tasks, DatasetPreview inspector) {
        this.tasks = tasks;
        this.inspector = inspector;
        folder.addListener((Observable o) -> validate());
        projectFile.addListener((Observable o) -> {
            if (!settingDefaultFile) {
                projectFileEdited = true;
            }
            checkProjectFile();
        });
        validate();
    }

    // ---- properties

    /** The folder as typed; {@link #scan()} turns it into a summary. */
    StringProperty folderProperty() {
        return folder;
    }

    /** The project file as typed; defaults to {@code <folder>/../<folder name>.querent} until edited. */
    StringProperty projectFileProperty() {
        return projectFile;
    }

    /** The last successful scan of the current folder text, or null. */
    ReadOnlyObjectProperty<DatasetSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    ObservableList<QuarantinedItem> quarantined() {
        return FXCollections.unmodifiableObservableList(quarantined);
    }

    ReadOnlyBooleanProperty scanningProperty() {
        return scanning.getReadOnlyProperty();
    }

    /** "Scanning 120 of 3000 files…" while a scan runs; the summary line afterwards. */
    ReadOnlyStringProperty scanStatusProperty() {
        return scanStatus.getReadOnlyProperty();
    }

    ReadOnlyStringProperty folderErrorProperty() {
        return folderError.getReadOnlyProperty();
    }

    ReadOnlyStringProperty projectFileErrorProperty() {
        return projectFileError.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    DatasetSummary summary() {
        return summary.get();
    }

    Path projectPath() {
        return PathText.parse(projectFile.get());
    }

    // ---- commands

    /** Whether the folder text differs from what was last scanned (so Enter should scan, not go on). */
    boolean needsScan() {
        return !folder.get().equals(scannedText) && PathText.parse(folder.get()) != null;
    }

    /** Scans the folder text in the background; a result for an older text is dropped. */
    void scan() {
        String text = folder.get();
        Path path = PathText.parse(text);
        if (path == null) {
            validate();
            return;
        }
        runningScan.cancel();
        Cancellation cancel = new Cancellation();
        runningScan = cancel;
        int generation = ++scanGeneration;
        scannedText = text;
        summary.set(null);
        quarantined.clear();
        scanning.set(true);
        scanStatus.set("Scanning…");
        validate();
        ProgressThrottle progress = new ProgressThrottle(tasks, "Scanning", status -> {
            if (generation == scanGeneration && scanning.get()) {
                scanStatus.set(status);
            }
        });
        tasks.run(TaskRunner.Lane.READS, () -> inspector.inspect(path, progress, cancel), result -> {
            if (generation == scanGeneration) {
                scanned(result);
            }
        }, error -> {
            if (generation == scanGeneration) {
                scanning.set(false);
                scanStatus.set("");
                folderError.set(ErrorDialogs.message(error));
                validate();
            }
        });
    }

    private void scanned(DatasetSummary result) {
        scanning.set(false);
        summary.set(result);
        quarantined.setAll(result.quarantined());
        scanStatus.set(result.describe());
        if (!projectFileEdited || projectFile.get().isBlank()) {
            suggestProjectFile(result.folder());
        }
        validate();
    }

    private void suggestProjectFile(Path folderPath) {
        Path parent = folderPath.getParent() == null ? folderPath : folderPath.getParent();
        String name = folderPath.getFileName() == null ? "project" : folderPath.getFileName().toString();
        settingDefaultFile = true;
        try {
            projectFile.set(parent.resolve(name + EXTENSION).toString());
        } finally {
            settingDefaultFile = false;
        }
    }

    /** Whether the project file already exists is asked in the background: it is disk access. */
    private void checkProjectFile() {
        String text = projectFile.get();
        Path path = PathText.parse(text);
        int generation = ++fileCheckGeneration;
        projectFileChecked = null;
        validate();
        if (path == null) {
            return;
        }
        tasks.run(TaskRunner.Lane.READS, () -> Files.exists(path), exists -> {
            if (generation == fileCheckGeneration) {
                projectFileChecked = text;
                projectFileExists = exists;
                validate();
            }
        }, error -> {
            if (generation == fileCheckGeneration) {
                projectFileChecked = text;
                projectFileExists = false; // creation will report the real problem
                validate();
            }
        });
    }

    private void validate() {
        String text = folder.get();
        boolean current = text.equals(scannedText);
        if (!current || PathText.parse(text) == null) {
            folderError.set(PathText.problem(text, "the dataset folder"));
        } else if (summary.get() != null) {
            folderError.set(summary.get().usable() == 0
                    ? "No usable images, texts or table rows in this folder." : null);
        }
        projectFileError.set(projectFileProblem());
        valid.set(current && !scanning.get() && summary.get() != null && summary.get().usable() > 0
                && projectFileError.get() == null && projectFile.get().equals(projectFileChecked));
    }

    private String projectFileProblem() {
        String text = projectFile.get();
        if (text.isBlank() && summary.get() == null) {
            return null; // nothing to complain about before the folder is known
        }
        String problem = PathText.problem(text, "where to save the project");
        if (problem != null) {
            return problem;
        }
        if (!text.strip().endsWith(EXTENSION)) {
            return "The project file name ends with " + EXTENSION + ".";
        }
        if (text.equals(projectFileChecked) && projectFileExists) {
            return "A file with this name exists already: choose another name.";
        }
        return null;
    }
}
