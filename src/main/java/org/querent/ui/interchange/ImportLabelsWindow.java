package org.querent.ui.interchange;

import java.nio.file.Path;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.querent.session.InterchangeDesk;
import org.querent.session.LabelImportService.Preview;
import org.querent.session.LabelImportService.PreviewRow;
import org.querent.session.LabelImportService.Report;
import org.querent.session.OpenProject;
import org.querent.session.TeamDesk;
import org.querent.ui.task.TaskRunner;
import org.querent.ui.task.TaskRunner.Lane;

/**
 * Labels (or an external model's predictions) in from CSV, Prodigy JSONL or a Label Studio export, as {@code querent
 * import-labels} reads them, with a preview before anything is written: the first rows as parsed and what each
 * becomes, how many rows match, and every unmatched row by line. Import stays off until a preview of the current
 * choices exists; a file with unmatched rows imports only when the person says to leave them out.
 */
final class ImportLabelsWindow {
    private final JobWindow window;
    private final TaskRunner tasks;
    private final OpenProject project;
    private final String who;
    private final TextField file = new TextField();
    private final CheckBox asPredictions = new CheckBox("Store them as an external model's pre-labels, not as labels");
    private final TextField modelVersion = new TextField();
    private final Button preview = new Button("Preview");
    private final Label summary = new Label("Choose a file and press Preview: nothing is written before Import.");
    private final TableView<PreviewRow> rows = new TableView<>();
    private final Label unmatchedTitle = new Label();
    private final ListView<String> unmatched = new ListView<>();
    private final CheckBox skipUnmatched = new CheckBox();
    private final Label refusal = new Label();
    private Preview shown;
    private TeamDesk.Allowed allowed = TeamDesk.Allowed.YES;
    private Runnable onImported = () -> { };

    ImportLabelsWindow(javafx.stage.Window owner, TaskRunner tasks, OpenProject project, String who) {
        this.tasks = tasks;
        this.project = project;
        this.who = who;
        window = new JobWindow(owner, "Import labels", "import-labels", "Import");
        preview.setId("import-labels-preview");
        window.addButton(preview);
        window.runButton().setDefaultButton(false);
        preview.setDefaultButton(true);
        asPredictions.setId("import-labels-as-predictions");
        modelVersion.setId("import-labels-model-version");
        modelVersion.setPromptText("the model's name, for rows that do not say (default: 'external')");
        modelVersion.disableProperty().bind(asPredictions.selectedProperty().not());
        summary.setId("import-labels-summary");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        window.setWidth(1040);
        rows.setId("import-labels-rows");
        rows.setPrefHeight(300);
        rows.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        rows.setPlaceholder(new Label("No rows read yet"));
        rows.getColumns().add(column("Line", r -> String.valueOf(r.row().line()), 45));
        rows.getColumns().add(column("Item", r -> r.row().item().describe(), 270));
        rows.getColumns().add(column("Labels", r -> String.join(", ", r.row().labels()), 110));
        rows.getColumns().add(column("Annotator", r -> r.row().prediction()
                ? "model " + (r.row().modelVersion() == null ? "" : r.row().modelVersion()) : nonNull(r.row().annotator()), 90));
        rows.getColumns().add(column("Time", r -> r.row().decidedAt() == null ? "" : r.row().decidedAt().replace('T', ' ')
                .replaceAll("(:\\d\\d)?(\\.\\d+)?Z$", ""), 125));
        rows.getColumns().add(column("Becomes", r -> r.problem() != null ? "unmatched: " + r.problem()
                : r.already() ? "imported before" : r.row().prediction() ? "pre-label" : "label", 360));
        rows.setRowFactory(table -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(PreviewRow row, boolean empty) {
                super.updateItem(row, empty);
                // an unmatched row stands out in the preview, as it is left out (or holds the import back)
                setStyle(!empty && row != null && row.problem() != null ? "-fx-background-color: rgba(220, 110, 20, 0.22);" : "");
            }
        });
        unmatchedTitle.setId("import-labels-unmatched-title");
        unmatched.setId("import-labels-unmatched");
        unmatched.setPrefHeight(96);
        unmatched.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        skipUnmatched.setId("import-labels-skip-unmatched");
        refusal.setId("import-labels-refusal");
        refusal.getStyleClass().add("error-text");
        refusal.setWrapText(true);
        VBox unmatchedBox = new VBox(4, unmatchedTitle, unmatched, skipUnmatched);
        unmatchedBox.visibleProperty().bind(unmatchedTitle.textProperty().isNotEmpty());
        unmatchedBox.managedProperty().bind(unmatchedBox.visibleProperty());
        refusal.visibleProperty().bind(refusal.textProperty().isNotEmpty());
        refusal.managedProperty().bind(refusal.visibleProperty());

        window.form().getChildren().addAll(
                window.pathField("File (.csv, .jsonl from Prodigy or Querent, .json from Label Studio)", file, "file",
                        stage -> {
                            FileChooser chooser = new FileChooser();
                            chooser.setTitle("Import labels from");
                            chooser.getExtensionFilters().addAll(
                                    new FileChooser.ExtensionFilter("Label files", "*.csv", "*.jsonl", "*.json"),
                                    new FileChooser.ExtensionFilter("All files", "*"));
                            java.io.File folder = project.file().toAbsolutePath().getParent().toFile();
                            if (folder.isDirectory()) {
                                chooser.setInitialDirectory(folder);
                            }
                            return chooser.showOpenDialog(stage);
                        }),
                new HBox(8, asPredictions), modelVersion, summary, rows, unmatchedBox, refusal);
        // any change of what would be imported needs a new preview
        file.textProperty().addListener((o, a, b) -> forget());
        asPredictions.selectedProperty().addListener((o, a, b) -> forget());
        modelVersion.textProperty().addListener((o, a, b) -> forget());
        skipUnmatched.selectedProperty().addListener((o, a, b) -> updateImportButton());
        preview.setOnAction(e -> preview());
        window.runButton().setOnAction(e -> importNow());
        updateImportButton();
    }

    JobWindow window() {
        return window;
    }

    void setOnImported(Runnable onImported) {
        this.onImported = onImported;
    }

    private void preview() {
        Path path = window.path(file, "the file to import");
        if (path == null) {
            return;
        }
        boolean predictions = asPredictions.isSelected();
        String version = modelVersion.getText();
        window.running("Reading " + path.getFileName() + " and matching its rows to the project's items…");
        preview.setDisable(true);
        InterchangeDesk desk = project.interchange();
        tasks.run(Lane.FILES, () -> new Previewed(desk.previewImport(path, predictions, version, who), desk.mayImport(who)),
                p -> {
                    preview.setDisable(false);
                    show(p);
                    window.done(readyText(p.preview().report()));
                    updateImportButton();
                }, error -> {
                    preview.setDisable(false);
                    forget();
                    window.failed("The file cannot be imported", error);
                    updateImportButton();
                });
    }

    private record Previewed(Preview preview, TeamDesk.Allowed allowed) {
    }

    private void show(Previewed p) {
        shown = p.preview();
        allowed = p.allowed();
        Report r = shown.report();
        int matched = r.rows() - r.unmatched().size();
        summary.setText(String.format("%s: %d rows read as %s; %d match an item of the project, %d unmatched, %d "
                        + "imported before; %d %s would be added%s.", file.getText().isBlank() ? "" : Path.of(file.getText()
                        .strip()).getFileName(), r.rows(), r.format(), matched, r.unmatched().size(), r.already(),
                r.labelsAdded() + r.predictionsAdded(), r.predictionsAdded() > 0 ? "pre-labels" : "labels",
                r.skipped().isEmpty() ? "" : "; " + r.skipped().size() + " rows carry no label (e.g. " + r.unit() + " "
                        + r.skipped().get(0).line() + ": " + r.skipped().get(0).reason() + ")"));
        rows.getItems().setAll(shown.firstRows());
        unmatched.getItems().setAll(r.unmatched().stream().map(u -> r.unit() + " " + u.line() + ": " + u.reason()).toList());
        unmatchedTitle.setText(r.unmatched().isEmpty() ? "" : r.unmatched().size() + " unmatched rows (nothing is "
                + "imported while they are in the file, unless you leave them out):");
        skipUnmatched.setText("Import the " + matched + " matching rows and leave the " + r.unmatched().size()
                + " unmatched ones out");
        skipUnmatched.setSelected(false);
        refusal.setText(allowed.allowed() ? "" : allowed.whyNot());
        // the unmatched rows and the refusal take room only when there are any: the window grows to show them
        javafx.application.Platform.runLater(() -> window.stage().sizeToScene());
    }

    private static String readyText(Report r) {
        int adding = r.labelsAdded() + r.predictionsAdded();
        return adding == 0 ? "Nothing new to import: every matching row was imported before."
                : "Preview only: nothing is written until you press Import.";
    }

    private void forget() {
        shown = null;
        summary.setText("Press Preview to read the file again: nothing is written before Import.");
        rows.getItems().clear();
        unmatched.getItems().clear();
        unmatchedTitle.setText("");
        updateImportButton();
    }

    private void updateImportButton() {
        Report r = shown == null ? null : shown.report();
        boolean ready = r != null && allowed.allowed() && r.labelsAdded() + r.predictionsAdded() > 0
                && (r.unmatched().isEmpty() || skipUnmatched.isSelected());
        window.runButton().setDisable(!ready);
    }

    private void importNow() {
        Path path = window.path(file, "the file to import");
        if (path == null || shown == null) {
            return;
        }
        boolean predictions = asPredictions.isSelected();
        String version = modelVersion.getText();
        boolean skip = skipUnmatched.isSelected();
        window.running("Importing " + path.getFileName() + "…");
        preview.setDisable(true);
        InterchangeDesk desk = project.interchange();
        tasks.run(Lane.FILES, () -> desk.importLabels(path, predictions, version, who, skip), r -> {
            preview.setDisable(false);
            shown = null;
            updateImportButton();
            window.done(String.format("Imported from %s: %d labels and %d pre-labels added, %d imported before%s.",
                    path.getFileName(), r.labelsAdded(), r.predictionsAdded(), r.already(), r.unmatched().isEmpty() ? ""
                            : ", " + r.unmatched().size() + " unmatched rows left out"));
            onImported.run();
        }, error -> {
            preview.setDisable(false);
            window.failed("Nothing was imported", error);
            updateImportButton();
        });
    }

    private static TableColumn<PreviewRow, String> column(String title, Function<PreviewRow, String> value, double width) {
        TableColumn<PreviewRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
