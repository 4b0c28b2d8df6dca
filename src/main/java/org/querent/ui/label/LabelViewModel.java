package org.querent.ui.label;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.querent.common.ItemKind;
import org.querent.query.rules.BatchRules;
import org.querent.session.LabellingSession;
import org.querent.session.WorkHistory;
import org.querent.session.QueueService.QueueEntry;
import org.querent.session.TeamDesk;
import org.querent.session.TrainingService;
import org.querent.store.Decision;
import org.querent.store.HeadRecord;
import org.querent.store.ItemRecord;
import org.querent.store.LabelDefinition;
import org.querent.ui.common.ErrorDialogs;
import org.querent.ui.common.KeyTable;
import org.querent.ui.task.TaskRunner;
import org.querent.ui.task.TaskRunner.Lane;

/**
 * The labelling view's state and commands. Every decision goes to the session on the DECISIONS lane (one
 * thread, so decisions stay in order) and the next item is shown when the decision is committed. Keys
 * pressed while a decision is in flight are ignored, so a repeated key never labels an item nobody saw.
 */
public final class LabelViewModel {

    /** One label as offered: its key, the model's probability, and whether it is the pre-label. */
    public record LabelChoice(String name, String description, String key, double probability, boolean preLabel) {
    }

    /** A recent decision in the side panel. */
    public record HistoryEntry(long itemId, String path, String what, String when) {
    }

    private final WorkHistory past;
    private final LabellingSession session;
    private final TaskRunner tasks;
    private List<LabelDefinition> taxonomy;
    /** Label keys and command keys together; replaced when the taxonomy changes. */
    private final ObjectProperty<KeyTable> keyTable = new SimpleObjectProperty<>();
    private final boolean multiLabel;
    private final Path dataRoot;

    private final ObjectProperty<QueueEntry> current = new SimpleObjectProperty<>();
    private final StringProperty itemTitle = new SimpleStringProperty("");
    private final StringProperty itemText = new SimpleStringProperty("");
    private final ObjectProperty<Path> imagePath = new SimpleObjectProperty<>();
    private final StringProperty preLabel = new SimpleStringProperty("");
    private final ObservableList<LabelChoice> choices = FXCollections.observableArrayList();
    private final ObservableSet<String> selection = FXCollections.observableSet();
    private final StringProperty why = new SimpleStringProperty("");
    private final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
    /** Notes left on the item in front, one per line; empty when there are none. */
    private final StringProperty itemNotes = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty training = new SimpleBooleanProperty();
    private final BooleanProperty finished = new SimpleBooleanProperty();
    private final StringProperty modelStatus = new SimpleStringProperty("");
    private final StringProperty strategy = new SimpleStringProperty();
    private final IntegerProperty batchSize = new SimpleIntegerProperty();
    private final ObservableList<QueueEntry> upcoming = FXCollections.observableArrayList();
    private final ObjectProperty<TeamDesk.Identity> identity = new SimpleObjectProperty<>();
    private Runnable onModelTrained = () -> { };

    /**
     * @param dataRoot the dataset folder, resolved off the UI thread by whoever opened the project
     */
    public LabelViewModel(WorkHistory past, LabellingSession session, List<LabelDefinition> taxonomy, Path dataRoot,
                          TaskRunner tasks) {
        this.past = past;
        this.dataRoot = dataRoot;
        this.session = session;
        this.tasks = tasks;
        this.taxonomy = List.copyOf(taxonomy);
        this.keyTable.set(KeyTable.of(taxonomy));
        this.multiLabel = past.multiLabel();
        strategy.set(session.settings().strategy());
        batchSize.set(session.settings().batchSize());
        session.addListener(new LabellingSession.Listener() {
            @Override
            public void trainingStarted() {
                tasks.onUiThread(() -> training.set(true));
            }

            @Override
            public void modelTrained(TrainingService.Trained trained) {
                tasks.onUiThread(() -> {
                    training.set(false);
                    String held = trained.gate() == null || trained.gate().promoted() ? ""
                            : String.format("; it stays a candidate (worse than v%d on the evaluation set, see Status),"
                                    + " v%d stays in use", trained.gate().previous(), trained.gate().previous());
                    message.set(String.format("Model v%d trained on %d labels%s%s; the queue is re-ranked", trained.version(),
                            trained.labels(), trained.heldOutAccuracy() == null ? ""
                                    : String.format(" (held-out accuracy %.2f)", trained.heldOutAccuracy()), held));
                    refresh();
                    onModelTrained.run();
                });
            }

            @Override
            public void trainingFailed(Throwable error) {
                tasks.onUiThread(() -> {
                    training.set(false);
                    message.set("Retraining failed: " + ErrorDialogs.message(error) + " Labelling goes on with the last model.");
                });
            }
        });
    }

    // ---- properties -------------------------------------------------------------------------------------

    public ObjectProperty<QueueEntry> currentProperty() {
        return current;
    }

    public StringProperty itemTitleProperty() {
        return itemTitle;
    }

    public StringProperty itemTextProperty() {
        return itemText;
    }

    public ObjectProperty<Path> imagePathProperty() {
        return imagePath;
    }

    public StringProperty preLabelProperty() {
        return preLabel;
    }

    public ObservableList<LabelChoice> choices() {
        return choices;
    }

    public ObservableSet<String> selection() {
        return selection;
    }

    public StringProperty whyProperty() {
        return why;
    }

    public StringProperty itemNotesProperty() {
        return itemNotes;
    }

    /** Reads the notes of the item in front off the UI thread; dropped if another item came in front meanwhile. */
    private void loadNotes(long itemId) {
        run(Lane.READS, () -> past.notesOn(itemId), notes -> {
            QueueEntry now = current.get();
            if (now != null && now.item().id() == itemId) {
                itemNotes.set(String.join("\n", notes));
            }
        });
    }

    public ObservableList<HistoryEntry> history() {
        return history;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty trainingProperty() {
        return training;
    }

    public BooleanProperty finishedProperty() {
        return finished;
    }

    public StringProperty modelStatusProperty() {
        return modelStatus;
    }

    public StringProperty strategyProperty() {
        return strategy;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    /** The next items, for decoding images ahead. */
    public ObservableList<QueueEntry> upcoming() {
        return upcoming;
    }

    public boolean multiLabel() {
        return multiLabel;
    }

    /** The key of each label, in taxonomy order ("" for a label without one). */
    public List<String> keys() {
        return keyTable.get().labelKeys();
    }

    /** Label and command keys; a new table after each taxonomy change. */
    public ObjectProperty<KeyTable> keyTableProperty() {
        return keyTable;
    }

    public KeyTable keyTable() {
        return keyTable.get();
    }

    /** The taxonomy in force, in display order. */
    public List<LabelDefinition> taxonomy() {
        return taxonomy;
    }

    /** Takes a changed taxonomy (a lead renamed, added, re-keyed...): new keys, the item in front shown again. */
    public void taxonomyChanged(List<LabelDefinition> labels) {
        this.taxonomy = List.copyOf(labels);
        keyTable.set(KeyTable.of(labels));
        reportClashes();
        showCurrent(current.get());
        loadHistory(); // labels given earlier read under today's names
    }

    /** A clash in the key table is said at once, naming both owners of the key. */
    private void reportClashes() {
        if (!keyTable.get().clashes().isEmpty()) {
            message.set(String.join(" · ", keyTable.get().clashes()));
        }
    }

    public void setOnModelTrained(Runnable action) {
        this.onModelTrained = action;
    }

    public Path dataRoot() {
        return dataRoot;
    }

    // ---- commands ----------------------------------------------------------------------------------------

    /** Loads the status line, history and why-panel; call once when the view opens. */
    public void load() {
        refresh();
        reportClashes();
    }

    /** A label key: assigns the label and moves on (single-label) or toggles it (multi-label). */
    public boolean pressKey(String key) {
        Optional<String> named = keyTable.get().labelOf(key);
        if (named.isEmpty() || current.get() == null) {
            return false;
        }
        String label = named.get();
        if (multiLabel) {
            if (!selection.remove(label)) {
                selection.add(label);
            }
            return true;
        }
        decide("Labelled " + label, expected -> session.label(List.of(label)));
        return true;
    }

    /** Enter or Space: accepts the pre-label, or in multi-label mode the labels selected. */
    public void accept() {
        if (current.get() == null) {
            return;
        }
        if (multiLabel && !selection.isEmpty()) {
            List<String> chosen = taxonomy.stream().map(LabelDefinition::name).filter(selection::contains).toList();
            decide("Labelled " + String.join(", ", chosen), expected -> session.label(chosen));
        } else if (current.get().preLabel() != null && !inTaxonomy(current.get().preLabel())) {
            // Made before a taxonomy change: the suggestion names a label that is gone or renamed.
            message.set("The suggestion \"" + current.get().preLabel() + "\" was made before the taxonomy changed: "
                    + "press a label's key (R retrains on the new taxonomy)");
        } else if (current.get().preLabel() != null) {
            decide("Accepted " + current.get().preLabel(), expected -> session.accept());
        } else {
            message.set("No pre-label yet: press a label's key");
        }
    }

    private boolean inTaxonomy(String labels) {
        List<String> names = taxonomy.stream().map(LabelDefinition::name).toList();
        return java.util.Arrays.stream(labels.split(",")).allMatch(names::contains);
    }

    public void skip() {
        decide("Skipped", expected -> session.skip());
    }

    public void flag(String reason) {
        decide("Flagged for review: " + reason, expected -> session.flag(reason));
    }

    /** E: hands the item to the lead with a reason; it leaves this person's queue. */
    public void escalate(String reason) {
        if (!escalation().allowed()) {
            message.set(escalation().whyNot());
            return;
        }
        decide("Escalated to the lead: " + reason, expected -> session.escalate(reason));
    }

    /** Whether the person labelling may escalate (every role may; someone not in the team may not). */
    public TeamDesk.Allowed escalation() {
        TeamDesk.Identity who = identity.get();
        return who == null ? TeamDesk.Allowed.YES : who.escalate();
    }

    /** Who is labelling, once known (null before). */
    public ObjectProperty<TeamDesk.Identity> identityProperty() {
        return identity;
    }

    /** The name every decision of this view carries. */
    public String annotator() {
        return session.annotator();
    }

    public void note(String text) {
        if (current.get() == null || text == null || text.isBlank()) {
            return;
        }
        run(Lane.DECISIONS, () -> session.note(text), d -> {
            message.set("Note added");
            loadHistory();
            loadNotes(d.itemId());
        });
    }

    /** Backspace or Ctrl+Z: reverts the last decision; its item comes back. */
    public void undo() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        run(Lane.DECISIONS, session::undo, undone -> {
            busy.set(false);
            message.set("Undid " + describe(undone));
            refresh();
        });
    }

    /** Changes the label of an earlier decision (from the history panel). */
    public void relabel(long itemId, String label) {
        run(Lane.DECISIONS, () -> session.relabel(itemId, List.of(label)), d -> {
            message.set("Changed item " + itemId + " to " + label);
            loadHistory();
        });
    }

    public void retrainNow() {
        session.retrainNow();
        training.set(session.isTraining());
        message.set("Retraining in the background; keep labelling");
    }

    public void changeStrategy(String name, int size) {
        run(Lane.DECISIONS, () -> {
            LabellingSession.Settings old = session.settings();
            session.changeSettings(new LabellingSession.Settings(name, size, old.retrainEvery(), old.rules()));
            return null;
        }, ignored -> {
            strategy.set(name);
            batchSize.set(size);
            message.set("Queue re-ranked by " + name);
            refresh();
        });
    }

    /** The batch rules in force (near-duplicates, per-source cap, drift and audit shares). */
    public BatchRules rules() {
        BatchRules rules = session.settings().rules();
        return rules == null ? BatchRules.none() : rules;
    }

    /** Changes the batch rules; the queue after the current item is composed again at once. */
    public void changeRules(BatchRules rules, Runnable onApplied) {
        run(Lane.DECISIONS, () -> {
            LabellingSession.Settings old = session.settings();
            session.changeSettings(new LabellingSession.Settings(old.strategy(), old.batchSize(), old.retrainEvery(), rules));
            return null;
        }, ignored -> {
            message.set("Batch rules applied: " + describeRules(rules));
            refresh();
            onApplied.run();
        });
    }

    static String describeRules(BatchRules r) {
        return String.format(java.util.Locale.ROOT, "near-duplicates %s, at most %s per folder, %.0f%% newest, %.0f%% audit",
                r.nearDuplicate() > 0 ? "above cosine " + r.nearDuplicate() + " skipped" : "kept",
                r.maxPerSource() > 0 ? String.valueOf(r.maxPerSource()) : "any", 100 * r.driftShare(), 100 * r.auditShare());
    }

    /** Puts an item in front (from the browser). */
    public void open(long itemId) {
        run(Lane.DECISIONS, () -> {
            session.open(itemId);
            return null;
        }, ignored -> refresh());
    }

    // ---- internals ---------------------------------------------------------------------------------------

    /** A decision the user made about the item on screen: committed, then the next item is shown. */
    private void decide(String feedback, DecisionCall call) {
        QueueEntry shown = current.get();
        if (shown == null || busy.get()) {
            return;
        }
        busy.set(true);
        long expected = shown.item().id();
        run(Lane.DECISIONS, () -> {
            // The item on screen is the one decided: never an item the person has not seen.
            Optional<QueueEntry> now = session.current();
            if (now.isEmpty() || now.get().item().id() != expected) {
                throw new IllegalStateException("the item changed before the decision was made; nothing was recorded");
            }
            return call.apply(expected);
        }, decision -> {
            busy.set(false);
            message.set(feedback + " · Backspace to undo");
            refresh();
        });
    }

    /** Reads the item in front, its pre-label and the model status again (the version in use or the labels changed). */
    public void reload() {
        refresh();
    }

    private void refresh() {
        showCurrent(session.current().orElse(null));
        upcoming.setAll(session.upcoming(3));
        loadHistory();
        loadWhy();
        loadModelStatus();
    }

    /** Updates every item property first and {@code current} last, so listeners of current see a whole item. */
    private void showCurrent(QueueEntry entry) {
        selection.clear();
        if (entry == null) {
            itemNotes.set("");
            itemTitle.set("");
            itemText.set("");
            imagePath.set(null);
            preLabel.set("");
            choices.clear();
            current.set(null);
            finished.set(true);
            return;
        }
        ItemRecord item = entry.item();
        itemTitle.set(item.key());
        itemNotes.set("");
        loadNotes(item.id());
        if (item.kind() == ItemKind.IMAGE) {
            itemText.set("");
            imagePath.set(dataRoot.resolve(item.path()));
        } else {
            imagePath.set(null);
            itemText.set(item.body() == null ? "" : item.body());
        }
        preLabel.set(entry.preLabel() == null ? "" : entry.preLabel());
        List<String> pre = entry.preLabel() == null ? List.of() : List.of(entry.preLabel().split(","));
        List<LabelChoice> list = new ArrayList<>();
        double[] p = entry.probabilities();
        // Columns follow the taxonomy the predictions were made under; after a change they are matched by name.
        List<String> columns = session.predictions() == null ? null : session.predictions().labels();
        List<String> keys = keys();
        for (int i = 0; i < taxonomy.size(); i++) {
            LabelDefinition l = taxonomy.get(i);
            int column = columns == null ? i : columns.indexOf(l.name());
            double prob = p != null && column >= 0 && column < p.length ? p[column] : Double.NaN;
            list.add(new LabelChoice(l.name(), l.description(), keys.get(i), prob, pre.contains(l.name())));
        }
        choices.setAll(list);
        if (multiLabel) {
            selection.addAll(pre);
        }
        current.set(entry);
        finished.set(false);
    }

    private void loadHistory() {
        String annotator = session.annotator();
        run(Lane.READS, () -> {
            List<HistoryEntry> out = new ArrayList<>();
            for (WorkHistory.RecentDecision r : past.recent(annotator, 12)) {
                Decision d = r.decision();
                out.add(new HistoryEntry(d.itemId(), r.path(), describe(d, r.labelsNow()), ago(d.decidedAt())));
            }
            return out;
        }, history::setAll);
    }

    private void loadWhy() {
        run(Lane.READS, session::whyCurrent, w -> why.set(w.map(LabelViewModel::explain).orElse("")));
    }

    private void loadModelStatus() {
        // Only the version in use: this runs after every decision, so no weights of other versions are read.
        run(Lane.READS, past::newestModel, newest -> {
            String predictor = session.predictions() == null ? "" : session.predictions().predictor();
            if (newest.isEmpty()) {
                modelStatus.set("No trained model yet · pre-labels: " + predictor);
            } else {
                HeadRecord last = newest.get();
                modelStatus.set(String.format("Model v%d · %d labels · trained %s", last.version(), last.labelCount(),
                        ago(last.createdAt())));
            }
        });
    }

    /** What the ranking rested on, in words: "none" meant no model had predicted anything yet. */
    static String basis(org.querent.store.RoundRepository.Selection sel) {
        if (sel.modelVersion() != null) {
            return "using model v" + sel.modelVersion();
        }
        String predictor = sel.predictor();
        if (predictor == null || predictor.isBlank() || "none".equals(predictor)) {
            return "before any model could predict (no labels yet, and the model has no classes of its own)";
        }
        return "using " + predictor;
    }

    static String explain(LabellingSession.Why w) {
        StringBuilder s = new StringBuilder();
        if (w.selection() != null) {
            var sel = w.selection();
            s.append(String.format("Chosen by %s (score %.3f), rank %d in round %d of %,d candidates, %s.",
                    sel.strategy(), sel.score(), sel.rank(), sel.roundId(), sel.poolSize(), basis(sel)));
        } else {
            s.append("Opened by hand, not chosen by a strategy.");
        }
        if (!Double.isNaN(w.uncertaintyPercentile())) {
            s.append(String.format(" Its uncertainty (%s) is higher than for %.1f%% of the pool.",
                    w.uncertaintyMeasure(), w.uncertaintyPercentile()));
        }
        return s.toString();
    }

    static String describe(Decision d) {
        return describe(d, d.labels());
    }

    /** With the labels as they read now: after a rename the history shows the new name. */
    static String describe(Decision d, List<String> labelsNow) {
        List<String> shown = labelsNow == null ? d.labels() : labelsNow;
        return switch (d.kind()) {
            case "label" -> (shown.isEmpty() ? "(label retired)" : String.join(", ", shown))
                    + (d.accepted() == null ? "" : d.accepted() ? " (accepted)" : " (corrected)");
            case "skip" -> "skipped";
            case "flag" -> "flagged: " + d.note();
            case "note" -> "note: " + d.note();
            case "escalate" -> "escalated: " + d.note();
            case "review" -> "reviewed" + (d.note() == null ? "" : ": " + d.note());
            default -> d.kind();
        };
    }

    static String ago(String isoTime) {
        try {
            long seconds = Duration.between(Instant.parse(isoTime), Instant.now()).getSeconds();
            if (seconds < 60) {
                return "just now";
            }
            if (seconds < 3600) {
                return (seconds / 60) + " min ago";
            }
            if (seconds < 86_400) {
                return (seconds / 3600) + " h ago";
            }
            return isoTime.substring(0, 10);
        } catch (RuntimeException e) {
            return isoTime;
        }
    }

    /** Reads or decodes something for the view off the UI thread (audio clips to show); the result comes back on it. */
    <T> void loadInBackground(Callable<T> work, java.util.function.Consumer<T> onSuccess) {
        run(Lane.READS, work, onSuccess);
    }

    private <T> void run(Lane lane, Callable<T> work, java.util.function.Consumer<T> onSuccess) {
        tasks.run(lane, work, onSuccess, error -> {
            busy.set(false);
            message.set(ErrorDialogs.message(error));
        });
    }

    /** A session call deciding the item with the given id. */
    @FunctionalInterface
    private interface DecisionCall {
        Object apply(long expectedItemId);
    }
}
