package org.querent.ui.label;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javafx.collections.ListChangeListener;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.querent.session.LabellingSession;
import org.querent.session.QueueService.QueueEntry;
import org.querent.ui.common.KeyTable;
import org.querent.ui.label.LabelViewModel.HistoryEntry;
import org.querent.ui.label.LabelViewModel.LabelChoice;

/**
 * The focused labelling view: the item large and readable, the pre-label and every label's probability,
 * keys for every action, why the item was chosen, and the last decisions. Binds to {@link LabelViewModel}.
 */
public final class LabelView {
    private static final int PREFETCH = 3;

    private final LabelViewModel model;
    private final BorderPane root = new BorderPane();
    private final ImageViewer image = new ImageViewer();
    private final TextArea text = new TextArea();
    private final StackPane itemPane = new StackPane();
    private final VBox choiceBox = new VBox(4);
    private final Map<Path, Image> decodedAhead = new LinkedHashMap<>();
    private final AudioClipView audio = new AudioClipView();
    /** Clips decoded (or being decoded) for the item in front and the next ones; null value while in flight. */
    private final Map<Path, ClipPreview> clipsAhead = new LinkedHashMap<>();
    private final java.util.function.Supplier<String> guideline;

    /** At most 12 decisions in 3 s: faster than a person reads, slower than a stuck key repeats. */
    private final KeyPressGuard keyGuard = new KeyPressGuard(12, 3000);

    public LabelView(LabelViewModel model, java.util.function.Supplier<String> guideline) {
        this.model = model;
        this.guideline = guideline;
        root.setId("label-view");
        root.setTop(toolbar());
        SplitPane split = new SplitPane(itemArea(), sidePanel());
        split.setDividerPositions(0.64);
        root.setCenter(split);
        Label message = new Label();
        message.setId("label-message");
        message.getStyleClass().add("muted");
        message.textProperty().bind(model.messageProperty());
        message.setPadding(new Insets(4, 10, 4, 10));
        root.setBottom(message);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        root.addEventFilter(KeyEvent.KEY_RELEASED, e -> keyGuard.released(e.getCode().getName()));
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o, w, window) -> {
                    if (window != null) {
                        window.focusedProperty().addListener((f, was, focused) -> keyGuard.releaseAll());
                    }
                });
            }
        });
        model.currentProperty().addListener((obs, a, b) -> show(b));
        model.upcoming().addListener((ListChangeListener<QueueEntry>) c -> decodeAhead());
        model.choices().addListener((ListChangeListener<LabelChoice>) c -> renderChoices());
        model.selection().addListener((javafx.collections.SetChangeListener<String>) c -> renderChoices());
    }

    public Node node() {
        return root;
    }

    /** Gives the view the keyboard focus (so label keys work at once). */
    public void focus() {
        root.requestFocus();
    }

    private Node toolbar() {
        ComboBox<String> strategy = new ComboBox<>();
        strategy.setId("strategy");
        strategy.getItems().setAll(LabellingSession.strategyNames());
        strategy.valueProperty().bindBidirectional(model.strategyProperty());
        strategy.setFocusTraversable(false);
        Spinner<Integer> batch = new Spinner<>(1, 500, Math.max(1, model.batchSizeProperty().get()), 5);
        batch.setId("batch-size");
        batch.setEditable(true);
        // Sized in characters, not pixels, so "200" still fits at 150 % text.
        batch.getEditor().setPrefColumnCount(4);
        batch.setMinWidth(Region.USE_PREF_SIZE);
        batch.setFocusTraversable(false);
        Button apply = new Button("Re-rank");
        apply.setId("apply-strategy");
        apply.setFocusTraversable(false);
        apply.setOnAction(e -> {
            model.changeStrategy(strategy.getValue(), batch.getValue());
            focus();
        });
        Button retrain = new Button("Retrain now");
        retrain.setId("retrain");
        retrain.setTooltip(new Tooltip("R: retrain in the background; you keep labelling"));
        retrain.setFocusTraversable(false);
        retrain.disableProperty().bind(model.trainingProperty());
        retrain.setOnAction(e -> {
            model.retrainNow();
            focus();
        });
        Button rules = new Button("Batch rules…");
        rules.setId("batch-rules");
        rules.setTooltip(new Tooltip("Skip near-duplicates, cap items per folder, reserve shares for new items and a random audit"));
        rules.setFocusTraversable(false);
        rules.setOnAction(e -> {
            new BatchRulesDialog(model.rules(), window()).showAndWait().ifPresent(r -> model.changeRules(r, () -> { }));
            focus();
        });
        Button guide = new Button("Guideline");
        guide.setId("show-guideline");
        guide.setTooltip(new Tooltip("G: read the labelling guideline"));
        guide.setFocusTraversable(false);
        guide.setOnAction(e -> showGuideline());
        Label trainingNote = new Label("training…");
        trainingNote.getStyleClass().add("muted");
        trainingNote.visibleProperty().bind(model.trainingProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, new Label("Strategy"), strategy, new Label("Batch"), batch, apply, rules, retrain,
                trainingNote, gap, guide);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        return bar;
    }

    private Node itemArea() {
        Label title = new Label();
        title.setId("item-title");
        title.getStyleClass().add("subtitle");
        title.textProperty().bind(model.itemTitleProperty());
        text.setId("item-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().add("item-text");
        text.textProperty().bind(model.itemTextProperty());
        text.setFocusTraversable(false);
        Label done = new Label("Every scored item has a decision. Import more data, or browse to review.");
        done.setId("queue-empty");
        done.getStyleClass().add("muted");
        done.visibleProperty().bind(model.finishedProperty());
        audio.setVisible(false);
        itemPane.getChildren().addAll(text, image, audio, done);
        VBox.setVgrow(itemPane, Priority.ALWAYS);
        // 0 is a label key when there are ten labels: Home always fits, 0 only while it is free.
        Label zoomHint = new Label();
        zoomHint.setId("zoom-hint");
        zoomHint.textProperty().bind(model.keyTableProperty().map(LabelView::zoomHint));
        zoomHint.getStyleClass().add("hint");
        zoomHint.visibleProperty().bind(image.visibleProperty());
        Label notes = new Label();
        notes.setId("item-notes");
        notes.getStyleClass().add("muted");
        notes.setWrapText(true);
        notes.textProperty().bind(Bindings.concat("Notes: ", model.itemNotesProperty()));
        notes.visibleProperty().bind(model.itemNotesProperty().isNotEmpty());
        notes.managedProperty().bind(notes.visibleProperty());
        VBox box = new VBox(8, title, notes, itemPane, zoomHint);
        box.setPadding(new Insets(10));
        return box;
    }

    private Node sidePanel() {
        Label preTitle = new Label("Model suggests");
        preTitle.getStyleClass().add("muted");
        Label pre = new Label();
        pre.setId("pre-label");
        pre.getStyleClass().add("pre-label-banner");
        pre.textProperty().bind(model.preLabelProperty().map(s -> s.isEmpty() ? "(no suggestion yet)" : s));
        choiceBox.setId("label-choices");
        Label keysHint = new Label(model.multiLabel()
                ? "Keys toggle labels · Enter confirms · S skip · F flag · E escalate · N note · Backspace undo · F1 all keys"
                : "Key assigns the label · Enter/Space accepts the suggestion · S skip · F flag · E escalate · N note · "
                + "Backspace undo · F1 all keys");
        keysHint.getStyleClass().add("hint");
        keysHint.setWrapText(true);

        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(6, 6,
                action("Accept", "accept", "⏎", model::accept),
                action("Skip", "skip", "S", model::skip),
                action("Flag", "flag", "F", this::askFlag),
                escalateButton(),
                action("Note", "note", "N", this::askNote),
                action("Undo", "undo", "⌫", model::undo));

        Label whyTitle = new Label("Why this item");
        whyTitle.getStyleClass().add("subtitle");
        Label why = new Label();
        why.setId("why");
        why.setWrapText(true);
        why.textProperty().bind(model.whyProperty());
        VBox whyCard = new VBox(4, whyTitle, why);
        whyCard.getStyleClass().add("card");

        Label historyTitle = new Label("Your last decisions (double-click to change)");
        historyTitle.getStyleClass().add("subtitle");
        ListView<HistoryEntry> history = new ListView<>(model.history());
        history.setId("history");
        history.setFocusTraversable(false);
        history.setPrefHeight(220);
        history.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(HistoryEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : entry.what() + " — " + entry.path() + " · " + entry.when());
            }
        });
        history.setOnMouseClicked(e -> {
            HistoryEntry entry = history.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && entry != null) {
                askRelabel(entry);
            }
        });

        VBox panel = new VBox(10, preTitle, pre, choiceBox, keysHint, whyCard, historyTitle, history);
        panel.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(panel);
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        // The actions stay in sight under the scrolling part: with many labels or large text they fell below the window.
        actions.setId("label-actions");
        actions.setPadding(new Insets(8, 10, 8, 10));
        actions.getStyleClass().add("action-bar");
        BorderPane side = new BorderPane(scroll);
        side.setBottom(actions);
        actions.prefWrapLengthProperty().bind(side.widthProperty().subtract(20));
        return side;
    }

    private Button action(String text, String id, String key, Runnable command) {
        Button b = new Button(text + "  " + key);
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setFocusTraversable(false);
        b.disableProperty().bind(model.finishedProperty().or(model.busyProperty()));
        b.setOnAction(e -> {
            command.run();
            focus();
        });
        return b;
    }

    private void renderChoices() {
        choiceBox.getChildren().clear();
        for (LabelChoice choice : model.choices()) {
            Label key = new Label(choice.key().isEmpty() ? "–" : choice.key());
            key.getStyleClass().add("key-chip");
            key.setId("key-" + choice.name());
            key.setMinWidth(Region.USE_PREF_SIZE);
            if (choice.key().isEmpty()) {
                key.setTooltip(new Tooltip("No key: a lead gives it one in Taxonomy (Re-key); click the row to assign"));
            }
            Label name = new Label(choice.name());
            name.setMinWidth(120);
            if (!choice.description().isBlank()) {
                name.setTooltip(new Tooltip(choice.description()));
            }
            double p = Double.isNaN(choice.probability()) ? 0 : choice.probability();
            Region bar = new Region();
            bar.getStyleClass().add("bar");
            bar.setPrefWidth(Math.max(2, 140 * p));
            bar.setMaxWidth(Region.USE_PREF_SIZE);
            StackPane track = new StackPane(bar);
            track.getStyleClass().add("prob-bar");
            track.setPrefWidth(140);
            track.setMinWidth(140);
            track.setMaxWidth(140);
            StackPane.setAlignment(bar, Pos.CENTER_LEFT);
            Label value = new Label(Double.isNaN(choice.probability()) ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * p));
            value.setMinWidth(40);
            HBox row = new HBox(8, key, name, track, value);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("label-row");
            row.setId("choice-" + choice.name());
            boolean chosen = model.multiLabel() ? model.selection().contains(choice.name()) : choice.preLabel();
            if (chosen) {
                row.getStyleClass().add("pre-label");
            }
            row.setOnMouseClicked(e -> {
                model.pressKey(choice.key());
                focus();
            });
            choiceBox.getChildren().add(row);
        }
    }

    private void show(QueueEntry entry) {
        // Derived from the entry itself: the view-model's other properties may not be updated yet.
        boolean isImage = entry != null && entry.item().kind() == org.querent.common.ItemKind.IMAGE;
        boolean isAudio = entry != null && entry.item().kind() == org.querent.common.ItemKind.AUDIO;
        Path path = isImage ? model.dataRoot().resolve(entry.item().path()) : null;
        image.setVisible(isImage);
        audio.setVisible(isAudio);
        text.setVisible(entry != null && !isImage && !isAudio);
        if (isAudio) {
            showClip(model.dataRoot().resolve(entry.item().path()));
        } else {
            audio.show(null);
        }
        if (isImage) {
            Image decoded = decodedAhead.remove(path);
            image.setImage(decoded != null ? decoded : new Image(path.toUri().toString(), true));
        } else {
            image.setImage(null);
            text.positionCaret(0);
            text.setScrollTop(0);
        }
    }

    /** Starts decoding the next images and clips in the background, so the next item appears at once. */
    private void decodeAhead() {
        Map<Path, Image> keep = new LinkedHashMap<>();
        java.util.Set<Path> clips = new java.util.HashSet<>();
        QueueEntry current = model.currentProperty().get();
        if (current != null && current.item().kind() == org.querent.common.ItemKind.AUDIO) {
            clips.add(model.dataRoot().resolve(current.item().path()));
        }
        for (QueueEntry e : model.upcoming().subList(0, Math.min(PREFETCH, model.upcoming().size()))) {
            Path p = model.dataRoot().resolve(e.item().path());
            if (e.item().kind() == org.querent.common.ItemKind.IMAGE) {
                keep.put(p, decodedAhead.getOrDefault(p, new Image(p.toUri().toString(), true)));
            } else if (e.item().kind() == org.querent.common.ItemKind.AUDIO) {
                clips.add(p);
                decodeClip(p);
            }
        }
        decodedAhead.clear();
        decodedAhead.putAll(keep);
        clipsAhead.keySet().retainAll(clips);
    }

    /** Shows the clip now when it is decoded, else as soon as its background decode finishes. */
    private void showClip(Path path) {
        ClipPreview ready = clipsAhead.get(path);
        if (ready != null) {
            audio.show(ready);
            return;
        }
        audio.showLoading(path.getFileName().toString());
        decodeClip(path);
    }

    private void decodeClip(Path path) {
        if (clipsAhead.containsKey(path)) {
            return; // decoded, or on its way
        }
        clipsAhead.put(path, null);
        model.loadInBackground(() -> ClipPreview.load(path), preview -> {
            if (clipsAhead.containsKey(path)) {
                clipsAhead.put(path, preview);
            }
            QueueEntry now = model.currentProperty().get();
            if (now != null && now.item().kind() == org.querent.common.ItemKind.AUDIO
                    && model.dataRoot().resolve(now.item().path()).equals(path)) {
                audio.show(preview);
            }
        });
    }

    /**
     * The audio keys act when a clip is in front (false otherwise, so the key goes on): P (or F5, always, for a
     * taxonomy that gives P to a label) plays and pauses, with Shift replays, the arrows seek.
     */
    private boolean onAudioKey(KeyCode code, boolean shift) {
        if (!audio.isVisible()) {
            return false;
        }
        boolean play = code == KeyCode.F5 || code == KeyCode.P && !model.keys().contains("P");
        if (play && shift) {
            audio.replay();
        } else if (play) {
            audio.togglePlay();
        } else if (code == KeyCode.LEFT) {
            audio.seekBy(-AudioClipView.SEEK_SECONDS);
        } else if (code == KeyCode.RIGHT) {
            audio.seekBy(AudioClipView.SEEK_SECONDS);
        } else {
            return false;
        }
        return true;
    }

    /** For tests and screenshots: the audio view's playback line. */
    javafx.beans.property.ReadOnlyStringProperty playbackProperty() {
        return audio.playbackProperty();
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof javafx.scene.control.TextInputControl input && input.isEditable()) {
            return; // typing in the batch-size field
        }
        KeyCode code = e.getCode();
        boolean zoom = code == KeyCode.PLUS || code == KeyCode.ADD || code == KeyCode.EQUALS
                || code == KeyCode.MINUS || code == KeyCode.SUBTRACT;
        if (!zoom && !e.isShortcutDown() && !e.isAltDown() || code == KeyCode.Z && e.isShortcutDown()) {
            KeyPressGuard.Verdict verdict = keyGuard.pressed(code.getName(), System.currentTimeMillis());
            if (verdict != KeyPressGuard.Verdict.DECIDE) {
                if (verdict == KeyPressGuard.Verdict.PAUSED) {
                    model.messageProperty().set(keyGuard.pauseMessage());
                }
                e.consume(); // a held key's repeat, or a burst: no decision
                return;
            }
        }
        boolean handled = true;
        if (!e.isShortcutDown() && !e.isAltDown() && onAudioKey(code, e.isShiftDown())) {
            e.consume();
            return;
        }
        if ((code == KeyCode.Z && e.isShortcutDown()) || code == KeyCode.BACK_SPACE) {
            model.undo();
        } else if (e.isShortcutDown() || e.isAltDown()) {
            handled = false; // menu accelerators
        } else if (code == KeyCode.ENTER || code == KeyCode.SPACE) {
            model.accept();
        } else if (code.isLetterKey() && KeyTable.command(keyName(e), KeyTable.Screen.LABEL).isPresent()) {
            run(KeyTable.command(keyName(e), KeyTable.Screen.LABEL).get().action());
        } else if (code == KeyCode.PLUS || code == KeyCode.ADD || code == KeyCode.EQUALS) {
            image.zoomIn();
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            image.zoomOut();
        } else if (code == KeyCode.HOME || code == KeyCode.DIGIT0 && !model.keyTable().zeroIsLabel()) {
            image.resetView();
        } else {
            handled = model.pressKey(keyName(e));
        }
        if (handled) {
            e.consume();
        }
    }

    /** The label-key name of a key event: digits from the top row or keypad, letters upper-case. */
    static String keyName(KeyEvent e) {
        KeyCode code = e.getCode();
        if (code.isDigitKey()) {
            String name = code.getName();
            return name.substring(name.length() - 1);
        }
        if (code.isLetterKey()) {
            return code.getName().toUpperCase(Locale.ROOT);
        }
        return e.getText() == null ? "" : e.getText().toUpperCase(Locale.ROOT);
    }

    /** A command key of the table, on this screen. */
    private void run(KeyTable.Action action) {
        switch (action) {
            case SKIP -> model.skip();
            case FLAG -> askFlag();
            case NOTE -> askNote();
            case ESCALATE -> askEscalate();
            case RETRAIN -> model.retrainNow();
            case GUIDELINE -> showGuideline();
            case UNDO -> { } // Ctrl+Z, handled above; plain Z does nothing
            default -> { }
        }
    }

    static String zoomHint(KeyTable table) {
        return table.zeroIsLabel() ? "Wheel or +/− to zoom, drag to pan, Home to fit"
                : "Wheel or +/− to zoom, drag to pan, 0 or Home to fit";
    }

    private Button escalateButton() {
        Button b = action("Escalate", "escalate", "E", this::askEscalate);
        b.setTooltip(new Tooltip("E: hand the item to the lead with a reason; it leaves your queue"));
        return b;
    }

    private void askEscalate() {
        if (model.currentProperty().get() == null) {
            return;
        }
        if (!model.escalation().allowed()) {
            model.messageProperty().set(model.escalation().whyNot());
            return;
        }
        TextInputDialog dialog = dialog("Escalate to the lead", "What should the lead decide? The item leaves your queue.");
        dialog.getEditor().setId("escalate-reason");
        dialog.getDialogPane().setId("escalate-dialog");
        Optional<String> reason = dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
        reason.ifPresent(model::escalate);
        focus();
    }

    private void askFlag() {
        if (model.currentProperty().get() == null) {
            return;
        }
        TextInputDialog dialog = dialog("Flag for review", "Why should someone review this item?");
        dialog.getEditor().setId("flag-reason");
        Optional<String> reason = dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
        reason.ifPresent(model::flag);
        focus();
    }

    private void askNote() {
        if (model.currentProperty().get() == null) {
            return;
        }
        TextInputDialog dialog = dialog("Add a note", "A note on this item (kept in its history):");
        dialog.getEditor().setId("note-text");
        dialog.showAndWait().ifPresent(model::note);
        focus();
    }

    private void askRelabel(HistoryEntry entry) {
        ChoiceDialog<String> dialog = new ChoiceDialog<>(null,
                model.choices().stream().map(LabelChoice::name).toList());
        dialog.initOwner(window());
        dialog.setTitle("Change a decision");
        dialog.setHeaderText("New label for " + entry.path());
        dialog.showAndWait().ifPresent(label -> model.relabel(entry.itemId(), label));
        focus();
    }

    private TextInputDialog dialog(String title, String header) {
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(window());
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        return dialog;
    }

    private void showGuideline() {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION);
        alert.initOwner(window());
        alert.setTitle("Guideline");
        alert.setHeaderText("Labelling guideline");
        javafx.scene.text.TextFlow flow = MarkdownText.render(guideline.get());
        flow.setId("guideline-text");
        flow.setPadding(new Insets(8));
        flow.setPrefWidth(620);
        javafx.scene.control.ScrollPane area = new javafx.scene.control.ScrollPane(flow);
        area.setFitToWidth(true);
        area.setPrefSize(640, 420);
        alert.getDialogPane().setContent(area);
        alert.showAndWait();
        focus();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
