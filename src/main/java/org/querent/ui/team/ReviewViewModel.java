package org.querent.ui.team;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.querent.session.OpenProject;
import org.querent.session.TeamDesk;
import org.querent.session.TeamDesk.HistoryEvent;
import org.querent.session.TeamDesk.ReviewFilter;
import org.querent.store.Escalation;
import org.querent.store.ReviewItem;
import org.querent.ui.common.ErrorDialogs;
import org.querent.ui.task.TaskRunner;
import org.querent.ui.task.TaskRunner.Lane;

/**
 * The review queue's state and commands: labels by others waiting for review (newest first, filtered), or the
 * escalated items a lead resolves; the selected item's text and whole history; approve, change, reject and
 * resolve, each written on the DECISIONS lane and followed by the next item.
 */
public final class ReviewViewModel {
    /** What the queue lists. */
    public enum Mode { LABELS, ESCALATED, DISAGREEMENTS }

    /**
     * One row of the queue.
     *
     * @param labels the labels as they read now (labels mode) or empty (an escalated item has none in force)
     * @param note   the pre-label decision (labels mode) or the escalation's reason
     */
    public record Row(long itemId, String path, String labels, String by, String when, String note, boolean escalated) {
    }

    private final TaskRunner tasks;
    private final Supplier<OpenProject> project;
    private final Supplier<String> reviewer;

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<HistoryEvent> history = FXCollections.observableArrayList();
    private final ObservableList<String> annotators = FXCollections.observableArrayList();
    private final ObservableList<String> sources = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final StringProperty itemText = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty refusal = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObjectProperty<TeamDesk.Identity> identity = new SimpleObjectProperty<>();

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.LABELS);
    private ReviewFilter filter = ReviewFilter.ALL;
    /** Answers of an older query are dropped: one counter for the queue, one for the selected item's details. */
    private long generation;
    private long detailGeneration;

    public ReviewViewModel(TaskRunner tasks, Supplier<OpenProject> project, Supplier<String> reviewer) {
        this.tasks = tasks;
        this.project = project;
        this.reviewer = reviewer;
        selected.addListener((obs, a, b) -> loadSelected(b));
        identity.addListener((obs, a, b) -> refusal.set(refusalNow()));
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<HistoryEvent> history() {
        return history;
    }

    public ObservableList<String> annotators() {
        return annotators;
    }

    public ObservableList<String> sources() {
        return sources;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    public StringProperty itemTextProperty() {
        return itemText;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** Why the person may not act on this queue ("ana is an annotator: only a reviewer or lead may ..."), or "". */
    public StringProperty refusalProperty() {
        return refusal;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObjectProperty<TeamDesk.Identity> identityProperty() {
        return identity;
    }

    public Mode mode() {
        return mode.get();
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode.set(mode);
        refusal.set(refusalNow());
        refresh();
    }

    public void setFilter(ReviewFilter filter) {
        this.filter = filter;
        refresh();
    }

    public ReviewFilter filter() {
        return filter;
    }

    /** Reloads the queue and the filter choices; keeps the selected item when it is still there. */
    public void refresh() {
        OpenProject open = project.get();
        if (open == null) {
            return;
        }
        long asked = ++generation;
        String who = reviewer.get();
        Mode m = mode.get();
        ReviewFilter f = filter;
        if (!refusalNow().isEmpty()) {
            rows.clear();
            return;
        }
        tasks.run(Lane.READS, () -> {
            TeamDesk team = open.team();
            List<Row> out = new ArrayList<>();
            if (m == Mode.DISAGREEMENTS) {
                for (TeamDesk.Disagreement d : team.disagreements()) {
                    String answers = String.join(" · ", d.answers().entrySet().stream()
                            .map(e -> e.getKey() + ": " + String.join(", ", e.getValue())).toList());
                    out.add(new Row(d.itemId(), d.path(), "", String.join(", ", d.answers().keySet()), "", answers,
                            false));
                }
            } else if (m == Mode.ESCALATED) {
                for (Escalation e : team.openEscalations()) {
                    out.add(new Row(e.itemId(), e.itemKey(), "", e.annotator(), DisplayTime.compact(e.escalatedAt()),
                            e.reason(), true));
                }
            } else {
                for (ReviewItem r : team.reviewQueue(who, f, 500)) {
                    out.add(new Row(r.itemId(), r.itemKey(), String.join(", ", r.labels()), r.annotator(),
                            DisplayTime.compact(r.decidedAt()), r.accepted() == null ? ""
                            : r.accepted() ? "accepted" : "corrected (was " + r.preLabel() + ")", false));
                }
            }
            return new Loaded(out, m == Mode.LABELS ? team.filterChoices(who) : null);
        }, loaded -> {
            if (asked != generation) {
                return;
            }
            Row keep = selected.get();
            rows.setAll(loaded.rows());
            if (loaded.choices() != null) {
                setIfChanged(annotators, loaded.choices().annotators());
                setIfChanged(sources, loaded.choices().sources());
            }
            Row again = keep == null ? null : rows.stream().filter(r -> r.itemId() == keep.itemId()).findFirst().orElse(null);
            selected.set(again != null ? again : rows.isEmpty() ? null : rows.get(0));
            if (rows.isEmpty()) {
                message.set(m == Mode.DISAGREEMENTS ? "No disagreement waits for the lead."
                        : m == Mode.ESCALATED ? "No escalated item waits for a lead." : "Nothing to review"
                        + (f.equals(ReviewFilter.ALL) ? ": every label by others is reviewed." : " with these filters."));
            }
        }, error -> message.set(ErrorDialogs.message(error)));
    }

    private record Loaded(List<Row> rows, TeamDesk.FilterChoices choices) {
    }

    /** A: approves the selected label. */
    public void approve() {
        act("Approved", (team, row) -> team.approve(row.itemId(), reviewer.get(), null));
    }

    /** A label key: replaces the selected label with this one, with a reason (labels mode). */
    public void change(String label, String reason) {
        act("Changed to " + label, (team, row) -> team.change(row.itemId(), List.of(label), reviewer.get(), reason));
    }

    /** X: rejects the selected label with a reason; its item goes back to the labelling queue. */
    public void reject(String reason) {
        act("Rejected", (team, row) -> team.reject(row.itemId(), reviewer.get(), reason));
    }

    /** A label key on an escalated item: the lead's answer, with a note for the annotator. */
    public void resolve(String label, String note) {
        act("Resolved as " + label, (team, row) -> team.resolve(row.itemId(), List.of(label), note, reviewer.get()));
    }

    /** A label key on a disagreement: the lead's label, recorded as adjudicated, with a note. */
    public void adjudicate(String label, String note) {
        act("Adjudicated as " + label, (team, row) -> team.adjudicate(row.itemId(), List.of(label), note, reviewer.get()));
    }

    /** True when a verdict can be given now (someone is selected, the person may, nothing in flight). */
    public boolean canAct() {
        return selected.get() != null && refusal.get().isEmpty() && !busy.get();
    }

    private void act(String done, Verdict verdict) {
        Row row = selected.get();
        OpenProject open = project.get();
        if (row == null || open == null || busy.get()) {
            return;
        }
        if (!refusal.get().isEmpty()) {
            message.set(refusal.get());
            return;
        }
        busy.set(true);
        run(Lane.DECISIONS, () -> {
            verdict.apply(open.team(), row);
            return null;
        }, ignored -> {
            busy.set(false);
            message.set(done + ": " + row.path());
            int at = rows.indexOf(row);
            rows.remove(row);
            selected.set(rows.isEmpty() ? null : rows.get(Math.min(Math.max(at, 0), rows.size() - 1)));
            if (rows.isEmpty()) {
                refresh();
            }
        });
    }

    private void loadSelected(Row row) {
        history.clear();
        itemText.set("");
        OpenProject open = project.get();
        if (row == null || open == null) {
            return;
        }
        long asked = ++detailGeneration;
        run(Lane.READS, () -> new Selected(open.team().history(row.itemId()),
                open.browseQueries().detail(row.itemId()).item().body()), s -> {
            if (asked == detailGeneration) {
                history.setAll(s.history());
                itemText.set(s.body() == null ? "(an image: open it in Browse)" : s.body());
            }
        });
    }

    private record Selected(List<HistoryEvent> history, String body) {
    }

    private String refusalNow() {
        TeamDesk.Identity who = identity.get();
        if (who == null) {
            return "";
        }
        TeamDesk.Allowed may = switch (mode.get()) {
            case ESCALATED -> who.resolve();
            case DISAGREEMENTS -> who.adjudicate();
            case LABELS -> who.review();
        };
        return may.allowed() ? "" : may.whyNot();
    }

    private static void setIfChanged(ObservableList<String> list, List<String> values) {
        if (!list.equals(values)) {
            list.setAll(values);
        }
    }

    private <T> void run(Lane lane, Callable<T> work, Consumer<T> onSuccess) {
        tasks.run(lane, work, onSuccess, error -> {
            busy.set(false);
            message.set(ErrorDialogs.message(error));
        });
    }

    @FunctionalInterface
    private interface Verdict {
        void apply(TeamDesk team, Row row);
    }
}
