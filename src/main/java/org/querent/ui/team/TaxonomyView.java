package org.querent.ui.team;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.querent.session.OpenProject;
import org.querent.session.TeamDesk;
import org.querent.session.TeamDesk.TaxonomyChange;
import org.querent.store.LabelDefinition;
import org.querent.store.TaxonomyVersion;
import org.querent.ui.common.ErrorDialogs;
import org.querent.ui.common.KeyTable;
import org.querent.ui.task.TaskRunner;
import org.querent.ui.task.TaskRunner.Lane;

/**
 * The taxonomy editor (leads only): add, rename, describe, re-key, merge and retire labels, each with a reason,
 * each publishing a taxonomy version listed below with who and why. Decisions are never rewritten: after a rename
 * the labels given earlier read under the new name everywhere (Browse, Review, training).
 */
public final class TaxonomyView {
    /** One label as listed, with the key the workstation gives it (its own, or the table's). */
    record LabelRow(String key, String name, String description, boolean ownKey) {
    }

    private final TaskRunner tasks;
    private final Supplier<OpenProject> project;
    private final Supplier<String> lead;
    private final Consumer<List<LabelDefinition>> onChanged;
    private final ObservableList<LabelRow> labels = FXCollections.observableArrayList();
    private final ObservableList<TaxonomyVersion> versions = FXCollections.observableArrayList();
    private final ObjectProperty<TeamDesk.Identity> identity = new SimpleObjectProperty<>();
    private final StringProperty refusal = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty();
    private final BorderPane root = new BorderPane();
    private final TableView<LabelRow> table = new TableView<>(labels);
    private List<LabelDefinition> current = List.of();

    /**
     * @param onChanged called on the UI thread with the taxonomy after each published change
     */
    public TaxonomyView(TaskRunner tasks, Supplier<OpenProject> project, Supplier<String> lead,
                        Consumer<List<LabelDefinition>> onChanged) {
        this.tasks = tasks;
        this.project = project;
        this.lead = lead;
        this.onChanged = onChanged;
        identity.addListener((obs, a, b) -> refusal.set(b == null || b.changeTaxonomy().allowed() ? ""
                : b.changeTaxonomy().whyNot()));
        root.setId("taxonomy-view");
        root.setTop(header());
        SplitPane split = new SplitPane(labelTable(), versionTable());
        split.setDividerPositions(0.42);
        root.setCenter(split);
        Label msg = new Label();
        msg.setId("taxonomy-message");
        msg.getStyleClass().add("muted");
        msg.setWrapText(true);
        msg.textProperty().bind(message);
        msg.setPadding(new Insets(4, 10, 4, 10));
        root.setBottom(msg);
    }

    public Node node() {
        return root;
    }

    public ObjectProperty<TeamDesk.Identity> identityProperty() {
        return identity;
    }

    public void refresh() {
        OpenProject open = project.get();
        if (open == null) {
            return;
        }
        tasks.run(Lane.READS, () -> {
            TeamDesk team = open.team();
            return new Loaded(team.labels(), team.taxonomyHistory());
        }, this::show, error -> message.set(ErrorDialogs.message(error)));
    }

    private record Loaded(List<LabelDefinition> labels, List<TaxonomyVersion> history) {
    }

    private void show(Loaded loaded) {
        current = loaded.labels();
        KeyTable keys = KeyTable.of(current);
        LabelRow keep = table.getSelectionModel().getSelectedItem();
        labels.setAll(current.stream().map(l -> new LabelRow(keys.keyOf(l.name()), l.name(), l.description(),
                l.hotkey() != null && !l.hotkey().isBlank())).toList());
        List<TaxonomyVersion> newestFirst = new java.util.ArrayList<>(loaded.history());
        java.util.Collections.reverse(newestFirst);
        versions.setAll(newestFirst);
        labels.stream().filter(r -> keep != null && r.name().equals(keep.name())).findFirst()
                .ifPresentOrElse(r -> table.getSelectionModel().select(r), () -> table.getSelectionModel().selectFirst());
    }

    private Node header() {
        Label title = new Label("Taxonomy");
        title.getStyleClass().add("title");
        Label note = new Label("Each change asks for a reason and publishes a new taxonomy version. Earlier decisions "
                + "are kept as given and read under today's names.");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        Label refused = new Label();
        refused.setId("taxonomy-refusal");
        refused.getStyleClass().add("error-text");
        refused.setWrapText(true);
        refused.textProperty().bind(refusal);
        refused.visibleProperty().bind(refusal.isNotEmpty());
        refused.managedProperty().bind(refused.visibleProperty());
        HBox buttons = new HBox(8,
                button("Add…", "taxonomy-add", TaxonomyChange.ADD),
                button("Rename…", "taxonomy-rename", TaxonomyChange.RENAME),
                button("Describe…", "taxonomy-describe", TaxonomyChange.DESCRIBE),
                button("Re-key…", "taxonomy-rekey", TaxonomyChange.REKEY),
                button("Merge into…", "taxonomy-merge", TaxonomyChange.MERGE),
                button("Retire…", "taxonomy-retire", TaxonomyChange.RETIRE));
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, title, note, refused, buttons);
        box.setPadding(new Insets(12, 12, 8, 12));
        return box;
    }

    private Button button(String text, String id, TaxonomyChange change) {
        Button b = new Button(text);
        b.setId(id);
        b.disableProperty().bind(refusal.isNotEmpty().or(busy).or(change == TaxonomyChange.ADD
                ? new SimpleBooleanProperty(false) : table.getSelectionModel().selectedItemProperty().isNull()));
        b.setOnAction(e -> ask(change));
        return b;
    }

    private Node labelTable() {
        table.setId("taxonomy-labels");
        table.getColumns().setAll(List.of(
                column("Key", r -> r.key() + (r.ownKey() ? "" : " (auto)"), 70),
                column("Label", LabelRow::name, 160),
                column("Description", LabelRow::description, 260)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private Node versionTable() {
        TableView<TaxonomyVersion> history = new TableView<>(versions);
        history.setId("taxonomy-history");
        history.getColumns().setAll(List.of(
                this.<TaxonomyVersion>col("", v -> "v" + v.version(), 36),
                this.<TaxonomyVersion>col("Change", TaxonomyView::describe, 200),
                this.<TaxonomyVersion>col("By", TaxonomyVersion::author, 60),
                this.<TaxonomyVersion>col("When", v -> DisplayTime.compact(v.publishedAt()), 95),
                this.<TaxonomyVersion>col("Why", TaxonomyVersion::reason, 240)));
        // The reason is often a sentence: the whole text on hover.
        history.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(TaxonomyVersion v, boolean empty) {
                super.updateItem(v, empty);
                setTooltip(empty || v == null ? null : new javafx.scene.control.Tooltip(v.reason()));
            }
        });
        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        history.setFocusTraversable(false);
        Label title = new Label("Versions, newest first");
        title.getStyleClass().add("subtitle");
        VBox box = new VBox(6, title, history);
        box.setPadding(new Insets(0, 0, 0, 8));
        VBox.setVgrow(history, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    static String describe(TaxonomyVersion v) {
        var d = v.detail();
        return switch (v.change()) {
            case "rename" -> "renamed " + d.get("from") + " → " + d.get("to");
            case "merge" -> "merged " + d.get("from") + " into " + d.get("into");
            case "retire" -> "retired " + d.get("name");
            case "add" -> "added " + d.get("name");
            case "describe" -> "described " + d.get("name");
            case "rekey" -> "re-keyed " + d.get("name") + " to " + (d.get("key") == null ? "none" : d.get("key"));
            default -> v.change();
        };
    }

    private static TableColumn<LabelRow, String> column(String title, Function<LabelRow, String> value, double width) {
        TableColumn<LabelRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private <T> TableColumn<T, String> col(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(String.valueOf(value.apply(cell.getValue()))));
        c.setPrefWidth(width);
        return c;
    }

    /** The change the lead filled in. */
    record Request(TaxonomyChange change, String label, String value, String reason) {
    }

    private void ask(TaxonomyChange change) {
        LabelRow selected = table.getSelectionModel().getSelectedItem();
        if (change != TaxonomyChange.ADD && selected == null) {
            return;
        }
        dialog(change, selected, window()).showAndWait().ifPresent(this::apply);
    }

    /** Publishes one change on the DECISIONS lane; the view and the label keys follow. */
    void apply(Request r) {
        OpenProject open = project.get();
        if (open == null || busy.get()) {
            return;
        }
        busy.set(true);
        String who = lead.get();
        tasks.run(Lane.DECISIONS, () -> {
            TeamDesk team = open.team();
            var done = team.changeTaxonomy(r.change(), r.label(), r.value(), who, r.reason());
            return new Published(done.version(), done.itemsBackInQueue(), new Loaded(team.labels(), team.taxonomyHistory()));
        }, published -> {
            busy.set(false);
            show(published.loaded());
            message.set(String.format(Locale.ROOT, "Published taxonomy v%d (%s)%s", published.version(),
                    r.change().name().toLowerCase(Locale.ROOT) + " " + r.label(), published.backInQueue() == 0 ? ""
                            : "; " + published.backInQueue() + " items are back in the labelling queue"));
            onChanged.accept(published.loaded().labels());
        }, error -> {
            busy.set(false);
            message.set(ErrorDialogs.message(error));
        });
    }

    private record Published(int version, int backInQueue, Loaded loaded) {
    }

    private Dialog<Request> dialog(TaxonomyChange change, LabelRow selected, Window owner) {
        Dialog<Request> dialog = new Dialog<>();
        Dialogs.own(dialog, owner);
        dialog.getDialogPane().setId("taxonomy-dialog");
        String name = selected == null ? "" : selected.name();
        TextField value = new TextField();
        value.setId("taxonomy-value");
        TextField description = new TextField();
        description.setId("taxonomy-description");
        ComboBox<String> into = new ComboBox<>();
        into.setId("taxonomy-into");
        into.getItems().setAll(current.stream().map(LabelDefinition::name).filter(n -> !n.equals(name)).toList());
        TextField reason = new TextField();
        reason.setId("taxonomy-reason");
        reason.setPromptText("why: the team reads this in the history");
        reason.setPrefColumnCount(32);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int row = 0;
        switch (change) {
            case ADD -> {
                dialog.setTitle("Add a label");
                grid.addRow(row++, new Label("Name"), value);
                grid.addRow(row++, new Label("Description"), description);
            }
            case RENAME -> {
                dialog.setTitle("Rename " + name);
                value.setText(name);
                grid.addRow(row++, new Label("New name"), value);
            }
            case DESCRIBE -> {
                dialog.setTitle("Describe " + name);
                value.setText(selected.description());
                grid.addRow(row++, new Label("Description"), value);
            }
            case REKEY -> {
                dialog.setTitle("Re-key " + name);
                value.setText(selected.ownKey() ? selected.key() : "");
                value.setPromptText("one letter or digit; empty: automatic");
                grid.addRow(row++, new Label("Key"), value);
            }
            case MERGE -> {
                dialog.setTitle("Merge " + name);
                grid.addRow(row++, new Label("Into"), into);
            }
            case RETIRE -> {
                dialog.setTitle("Retire " + name);
                Label warn = new Label("Items whose only label is " + name + " go back to the labelling queue; "
                        + "their history keeps it.");
                warn.setWrapText(true);
                grid.add(warn, 0, row++, 2, 1);
            }
            default -> throw new IllegalArgumentException(String.valueOf(change));
        }
        grid.addRow(row++, new Label("Reason"), reason);
        Label problem = new Label();
        problem.setId("taxonomy-problem");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        grid.add(problem, 0, row, 2, 1);
        dialog.setHeaderText(dialog.getTitle() + ": publishes a new taxonomy version");
        dialog.getDialogPane().setContent(grid);
        ButtonType publish = new ButtonType("Publish", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(publish, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(publish);
        ok.setId("taxonomy-publish");
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            String why = reason.getText() == null ? "" : reason.getText().strip();
            String p = why.isEmpty() ? "Give a reason: the team reads it in the taxonomy history."
                    : change == TaxonomyChange.MERGE && into.getValue() == null ? "Choose the label to merge into."
                    : (change == TaxonomyChange.ADD || change == TaxonomyChange.RENAME) && value.getText().isBlank()
                    ? "Give a name." : null;
            if (p != null) {
                problem.setText(p);
                e.consume();
            }
        });
        dialog.setResultConverter(b -> {
            if (b != publish) {
                return null;
            }
            String v = switch (change) {
                case ADD -> description.getText();
                case MERGE -> into.getValue();
                case RETIRE -> null;
                default -> value.getText();
            };
            return new Request(change, change == TaxonomyChange.ADD ? value.getText().strip() : name,
                    v == null ? null : v.strip(), reason.getText().strip());
        });
        dialog.setOnShown(e -> (change == TaxonomyChange.RETIRE ? reason : change == TaxonomyChange.MERGE ? into : value)
                .requestFocus());
        return dialog;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** For tests: the optional selected row's name. */
    Optional<String> selectedName() {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem()).map(LabelRow::name);
    }
}
