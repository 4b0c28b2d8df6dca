package org.querent.ui.team;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.querent.session.TeamDesk.HistoryEvent;
import org.querent.session.TeamDesk.ReviewFilter;
import org.querent.store.LabelDefinition;
import org.querent.ui.common.KeyTable;
import org.querent.ui.team.ReviewViewModel.Mode;
import org.querent.ui.team.ReviewViewModel.Row;

/**
 * The review queue: labels by others, newest first, filtered by annotator, label, source, corrected pre-labels, low
 * agreement, flagged and escalated items, or the escalated items for a lead. The selected item shows its text and
 * whole history. By keyboard: ↑/↓ move, A approves, X rejects with a reason, a label's key changes the label (or
 * resolves an escalation) with a reason, F5-F8 toggle the "only" filters.
 */
public final class ReviewView {
    private static final String ANY = "any";

    private final ReviewViewModel model;
    private final ObjectProperty<KeyTable> keys;
    private final Supplier<List<LabelDefinition>> taxonomy;
    private final BorderPane root = new BorderPane();
    private final TableView<Row> table = new TableView<>();
    private final FlowPane labelChips = new FlowPane(6, 6);
    private final ComboBox<String> label = new ComboBox<>();
    private final CheckBox corrected = only("Corrected pre-labels  F5", "review-corrected");
    private final CheckBox lowAgreement = only("Low agreement  F6", "review-low-agreement");
    private final CheckBox flagged = only("Flagged  F7", "review-flagged");
    private final CheckBox escalated = only("Escalated  F8", "review-escalated");

    public ReviewView(ReviewViewModel model, ObjectProperty<KeyTable> keys, Supplier<List<LabelDefinition>> taxonomy) {
        this.model = model;
        this.keys = keys;
        this.taxonomy = taxonomy;
        root.setId("review-view");
        root.setTop(new VBox(toolbar(), refusal()));
        SplitPane split = new SplitPane(queue(), detail());
        split.setDividerPositions(0.55);
        root.setCenter(split);
        Label message = new Label();
        message.setId("review-message");
        message.getStyleClass().add("muted");
        message.textProperty().bind(model.messageProperty());
        message.setPadding(new Insets(4, 10, 4, 10));
        root.setBottom(message);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        keys.addListener((obs, a, b) -> renderChips());
        renderChips();
    }

    public Node node() {
        return root;
    }

    /** Reloads the queue (the tab was opened, or someone decided meanwhile) and takes the keyboard. */
    public void refresh() {
        String keep = label.getValue();
        if (!label.getItems().equals(labelChoices())) {
            label.getItems().setAll(labelChoices());
            label.setValue(label.getItems().contains(keep) ? keep : ANY);
        }
        renderChips();
        model.refresh();
        table.requestFocus();
    }

    private Node toolbar() {
        ComboBox<String> mode = new ComboBox<>();
        mode.setId("review-mode");
        mode.getItems().setAll("Labels to review", "Escalated items", "Disagreements");
        mode.setValue("Labels to review");
        ComboBox<String> annotator = combo("review-annotator", model.annotators());
        label.setId("review-label");
        label.getItems().setAll(labelChoices());
        label.setValue(ANY);
        ComboBox<String> source = combo("review-source", model.sources());
        Runnable apply = () -> {
            model.setFilter(new ReviewFilter(value(annotator), value(label), value(source), corrected.isSelected(),
                    lowAgreement.isSelected(), flagged.isSelected(), escalated.isSelected()));
            table.requestFocus();
        };
        annotator.setOnAction(e -> apply.run());
        label.setOnAction(e -> apply.run());
        source.setOnAction(e -> apply.run());
        for (CheckBox only : onlyBoxes()) {
            only.setOnAction(e -> apply.run());
        }
        mode.setOnAction(e -> {
            Mode chosen = Mode.values()[Math.max(0, mode.getSelectionModel().getSelectedIndex())];
            boolean filters = chosen == Mode.LABELS;
            annotator.setDisable(!filters);
            label.setDisable(!filters);
            source.setDisable(!filters);
            onlyBoxes().forEach(b -> b.setDisable(!filters));
            model.setMode(chosen);
            table.requestFocus();
        });
        for (Node n : List.of(mode, annotator, label, source, corrected, lowAgreement, flagged, escalated)) {
            n.setFocusTraversable(false);
        }
        lowAgreement.setTooltip(new Tooltip("F6: items two or more annotators labelled who do not all agree"));
        flagged.setTooltip(new Tooltip("F7: items someone flagged (a flag not undone), before or after the label"));
        escalated.setTooltip(new Tooltip("F8: items someone escalated to the lead, open or resolved"));
        corrected.setTooltip(new Tooltip("F5: labels that corrected the model's pre-label"));
        Button refresh = new Button("Refresh");
        refresh.setFocusTraversable(false);
        refresh.setOnAction(e -> refresh());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox choices = new HBox(8, new Label("Show"), mode, new Label("By"), annotator, new Label("Label"), label,
                new Label("Source"), source, gap, refresh);
        choices.setAlignment(Pos.CENTER_LEFT);
        Label only = new Label("Only");
        only.getStyleClass().add("muted");
        HBox checks = new HBox(14, only, corrected, lowAgreement, flagged, escalated);
        checks.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(6, choices, checks);
        bar.setPadding(new Insets(6, 10, 6, 10));
        return bar;
    }

    private List<CheckBox> onlyBoxes() {
        return List.of(corrected, lowAgreement, flagged, escalated);
    }

    private static CheckBox only(String text, String id) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        return box;
    }

    /** F5-F8 toggle a filter of the labels queue; true when the key was one of them. */
    private boolean toggleFilter(KeyCode code) {
        CheckBox box = switch (code) {
            case F5 -> corrected;
            case F6 -> lowAgreement;
            case F7 -> flagged;
            case F8 -> escalated;
            default -> null;
        };
        if (box == null) {
            return false;
        }
        if (model.mode() != Mode.LABELS) {
            model.messageProperty().set("Filters apply to the labels to review: choose \"Labels to review\" first.");
            return true;
        }
        box.setSelected(!box.isSelected());
        box.fireEvent(new javafx.event.ActionEvent());
        return true;
    }

    private Node refusal() {
        Label refusal = new Label();
        refusal.setId("review-refusal");
        refusal.getStyleClass().add("error-text");
        refusal.setWrapText(true);
        refusal.setPadding(new Insets(0, 10, 6, 10));
        refusal.textProperty().bind(model.refusalProperty());
        refusal.visibleProperty().bind(model.refusalProperty().isNotEmpty());
        refusal.managedProperty().bind(refusal.visibleProperty());
        return refusal;
    }

    private Node queue() {
        table.setId("review-queue");
        table.setItems(model.rows());
        table.getColumns().setAll(List.of(
                column("Item", Row::path, 260),
                column("Labels now", Row::labels, 110),
                column("By", Row::by, 60),
                column("When", Row::when, 95),
                column("Pre-label / reason", Row::note, 170)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Nothing waits here."));
        table.getSelectionModel().selectedItemProperty().addListener((obs, a, b) -> {
            if (b != null && b != model.selectedProperty().get()) {
                model.selectedProperty().set(b);
            }
        });
        model.selectedProperty().addListener((obs, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
                table.scrollTo(b);
            }
        });
        model.rows().addListener((ListChangeListener<Row>) c -> {
            Row s = model.selectedProperty().get();
            if (s != null) {
                table.getSelectionModel().select(s);
            }
        });
        return table;
    }

    private static TableColumn<Row, String> column(String title, Function<Row, String> value, double width) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private Node detail() {
        Label title = new Label();
        title.setId("review-item-title");
        title.getStyleClass().add("subtitle");
        title.textProperty().bind(model.selectedProperty().map(r -> r.path() + (r.escalated() ? " · escalated"
                : r.labels().isEmpty() ? " · " + r.note() : " · " + r.labels() + " by " + r.by()))
                .orElse("Choose an item in the queue"));
        TextArea text = new TextArea();
        text.setId("review-item-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.setFocusTraversable(false);
        text.setPrefRowCount(10);
        VBox.setVgrow(text, Priority.ALWAYS);
        text.textProperty().bind(model.itemTextProperty());

        Button approve = button("Approve  A", "review-approve", model::approve);
        approve.setTooltip(new Tooltip("A: the label is right"));
        Button reject = button("Reject…  X", "review-reject", this::askReject);
        reject.setTooltip(new Tooltip("X: the label is wrong; with a reason; the item goes back to the queue"));
        approve.visibleProperty().bind(model.modeProperty().isEqualTo(Mode.LABELS));
        reject.visibleProperty().bind(approve.visibleProperty());
        Label changeHint = new Label();
        changeHint.getStyleClass().add("hint");
        changeHint.setWrapText(true);
        changeHint.textProperty().bind(Bindings.createStringBinding(() -> switch (model.mode()) {
            case ESCALATED -> "A label's key resolves the escalation with that label (you add a note for the annotator).";
            case DISAGREEMENTS -> "A label's key adjudicates: that label becomes the item's, recorded as the lead's "
                    + "(you add a note for the annotators).";
            case LABELS -> "A label's key changes the label to that one (you give a reason).";
        }, model.modeProperty()));
        labelChips.setId("review-labels");
        HBox actions = new HBox(8, approve, reject);

        Label historyTitle = new Label("History of this item");
        historyTitle.getStyleClass().add("subtitle");
        ListView<HistoryEvent> history = new ListView<>(model.history());
        history.setId("review-history");
        history.setFocusTraversable(false);
        history.setPrefHeight(200);
        history.setMinHeight(120);
        history.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(HistoryEvent e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : DisplayTime.of(e.at()) + "  " + e.person()
                        + (e.role().isEmpty() ? "" : " (" + e.role() + ")") + ": " + e.what()
                        + (e.detail().isEmpty() ? "" : "\n      " + e.detail()));
            }
        });
        VBox box = new VBox(8, title, text, actions, labelChips, changeHint, historyTitle, history);
        box.setPadding(new Insets(10));
        return box;
    }

    private Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false);
        b.disableProperty().bind(model.selectedProperty().isNull().or(model.refusalProperty().isNotEmpty())
                .or(model.busyProperty()));
        b.setOnAction(e -> {
            action.run();
            table.requestFocus();
        });
        return b;
    }

    private void renderChips() {
        labelChips.getChildren().clear();
        KeyTable table = keys.get();
        for (LabelDefinition l : taxonomy.get()) {
            String key = table.keyOf(l.name());
            Label chip = new Label(key.isEmpty() ? "–" : key);
            chip.getStyleClass().add("key-chip");
            Label name = new Label(l.name());
            HBox row = new HBox(4, chip, name);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("label-row");
            row.setOnMouseClicked(e -> askLabel(l.name()));
            labelChips.getChildren().add(row);
        }
    }

    private void onKey(KeyEvent e) {
        if (!e.isShortcutDown() && !e.isAltDown() && toggleFilter(e.getCode())) {
            e.consume();
            return;
        }
        if (e.getTarget() instanceof TextInputControl input && input.isEditable()
                || e.getTarget() instanceof ComboBox<?> || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        String key = keyName(e);
        Optional<KeyTable.Command> command = e.getCode().isLetterKey() ? KeyTable.command(key, KeyTable.Screen.REVIEW)
                : Optional.empty();
        if (command.isPresent()) {
            switch (command.get().action()) {
                case APPROVE -> {
                    if (model.mode() == Mode.LABELS) {
                        model.approve();
                    }
                }
                case REJECT -> askReject();
                default -> { }
            }
            e.consume();
            return;
        }
        Optional<String> labelled = keys.get().labelOf(key);
        if (labelled.isPresent()) {
            askLabel(labelled.get());
            e.consume();
        }
    }

    private void askReject() {
        if (model.mode() != Mode.LABELS || !ready()) {
            return;
        }
        Dialogs.reason(window(), "Reject the label", "Why is “" + model.selectedProperty().get().labels()
                + "” wrong? The annotator reads this; the item goes back to the queue.", "review-reason")
                .ifPresent(model::reject);
        table.requestFocus();
    }

    private void askLabel(String labelName) {
        if (!ready()) {
            return;
        }
        Row row = model.selectedProperty().get();
        if (model.mode() == Mode.DISAGREEMENTS) {
            Dialogs.reason(window(), "Adjudicate", "Label " + row.path() + " as “" + labelName + "” (" + row.note()
                    + "). A note for the annotators:", "review-reason")
                    .ifPresent(note -> model.adjudicate(labelName, note));
        } else if (model.mode() == Mode.ESCALATED) {
            Dialogs.reason(window(), "Resolve the escalation", "Label " + row.path() + " as “" + labelName
                    + "”. A note for " + row.by() + " (who asked: " + row.note() + "):", "review-reason")
                    .ifPresent(note -> model.resolve(labelName, note));
        } else {
            Dialogs.reason(window(), "Change the label", "Change “" + row.labels() + "” to “" + labelName
                    + "”. Why? The annotator reads this.", "review-reason")
                    .ifPresent(reason -> model.change(labelName, reason));
        }
        table.requestFocus();
    }

    /** Says why nothing happens when a key cannot act now. */
    private boolean ready() {
        if (!model.refusalProperty().get().isEmpty()) {
            model.messageProperty().set(model.refusalProperty().get());
            return false;
        }
        return model.canAct();
    }

    private List<String> labelChoices() {
        List<String> out = new java.util.ArrayList<>();
        out.add(ANY);
        taxonomy.get().forEach(l -> out.add(l.name()));
        return out;
    }

    private static ComboBox<String> combo(String id, javafx.collections.ObservableList<String> values) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(ANY);
        box.getItems().addAll(values);
        box.setValue(ANY);
        values.addListener((ListChangeListener<String>) c -> {
            String keep = box.getValue();
            box.getItems().setAll(ANY);
            box.getItems().addAll(values);
            box.setValue(box.getItems().contains(keep) ? keep : ANY);
        });
        return box;
    }

    private static String value(ComboBox<String> box) {
        String v = box.getValue();
        return v == null || ANY.equals(v) ? null : v;
    }

    private static String keyName(KeyEvent e) {
        KeyCode code = e.getCode();
        if (code.isDigitKey()) {
            String name = code.getName();
            return name.substring(name.length() - 1);
        }
        if (code.isLetterKey()) {
            return code.getName().toUpperCase(java.util.Locale.ROOT);
        }
        return "";
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
