package org.querent.ui.score;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.querent.common.Cancellation;
import org.querent.common.ProgressListener;
import org.querent.session.ScoringService;
import org.querent.session.OpenProject;
import org.querent.ui.task.TaskRunner;

/**
 * Scores the open project in the background. The scorer reports progress on its threads into plain
 * volatile fields; {@link #poll()} (called by a UI timer) copies them into properties, so a fast model
 * never floods the UI thread.
 */
public final class ScoringViewModel {
    private final OpenProject project;
    private final TaskRunner tasks;
    private final Cancellation cancel = new Cancellation();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty detail = new SimpleStringProperty("Starting the model…");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private volatile long done;
    private volatile long total = -1;
    private volatile long startedNanos;

    public ScoringViewModel(OpenProject project, TaskRunner tasks) {
        this.project = project;
        this.tasks = tasks;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** Scores everything; {@code onFinished} gets the report (also after a cancel), {@code onFailed} the error. */
    public void start(java.util.function.Consumer<ScoringService.Report> onFinished,
                      java.util.function.Consumer<Throwable> onFailed) {
        start(Integer.MAX_VALUE, onFinished, onFailed);
    }

    /**
     * Scores a first part of at most {@code limit} items, spread over the folder, so labelling can start; the
     * rest goes on with {@link #continueInBackground}.
     */
    public void start(int limit, java.util.function.Consumer<ScoringService.Report> onFinished,
                      java.util.function.Consumer<Throwable> onFailed) {
        running.set(true);
        startedNanos = System.nanoTime();
        ProgressListener listener = (d, t, m) -> {
            done = d;
            total = t;
        };
        tasks.run(TaskRunner.Lane.LONG, () -> project.scoring()
                        .score(32, limit, listener, cancel),
                report -> {
                    running.set(false);
                    poll();
                    onFinished.accept(report);
                },
                error -> {
                    running.set(false);
                    onFailed.accept(error);
                });
    }

    /**
     * Scores the rest behind the labelling (queued after what the LONG lane holds, such as starting the session),
     * then the session re-ranks the whole pool. {@code status} gets a short line now and then, on the UI thread.
     */
    public void continueInBackground(java.util.function.Consumer<String> status,
                                     java.util.function.Consumer<ScoringService.Report> onFinished,
                                     java.util.function.Consumer<Throwable> onFailed) {
        long[] shownAt = {0};
        ProgressListener listener = (d, t, m) -> {
            long now = System.nanoTime();
            if (now - shownAt[0] > 500_000_000L || d == t) { // a few updates a second at most
                shownAt[0] = now;
                String line = String.format("Reading the rest of the dataset: %,d of %,d", d, t);
                tasks.onUiThread(() -> status.accept(line));
            }
        };
        tasks.run(TaskRunner.Lane.LONG, () -> project.scoreRest(32, listener), onFinished, onFailed);
    }

    /** Stops after the batch in flight; everything scored so far is kept. */
    public void cancel() {
        cancel.cancel();
        detail.set("Stopping after the current batch…");
    }

    /** Copies the scorer's latest figures into the properties (UI thread). */
    public void poll() {
        long d = done;
        long t = total;
        if (t <= 0) {
            return;
        }
        progress.set(d / (double) t);
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        double rate = seconds > 0 ? d / seconds : 0;
        String eta = rate > 0 && d < t ? String.format(", about %s left", duration((t - d) / rate)) : "";
        if (!cancel.isCancelled()) {
            detail.set(String.format("%,d of %,d items · %.0f items/s%s", d, t, rate, eta));
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
