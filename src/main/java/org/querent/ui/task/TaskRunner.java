package org.querent.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (SQL, file I/O, inference, training) off the JavaFX thread and hands the result back on
 * it. View-models take a TaskRunner in their constructor; tests pass {@link DirectTaskRunner}.
 */
public interface TaskRunner {

    /**
     * Runs {@code work} in the background; exactly one of the callbacks is then called on the UI thread.
     *
     * @param lane work in the same lane runs in submission order (e.g. "decisions"); other lanes run in parallel
     */
    <T> void run(Lane lane, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs a callback on the UI thread (immediately in tests). */
    void onUiThread(Runnable action);

    /** Lanes of background work: each is one thread, so work in a lane never races itself. */
    enum Lane {
        /** Decisions and other short writes the user waits for: must stay snappy and ordered. */
        DECISIONS,
        /** Reads and short jobs: loading items, queries for tables and charts. */
        READS,
        /** Long jobs: scoring, importing. */
        LONG,
        /** Retraining the head, which must not wait behind scoring nor hold up decisions. */
        TRAINING,
        /** Ranking the next batch ahead while the person labels (a committee over a large pool takes seconds). */
        RANKING,
        /**
         * Label and model files in and out (export, import with its preview): a person waits for them, so they must
         * not queue behind the scoring of the rest of a dataset on LONG (ADR 0019).
         */
        FILES
    }
}
