package org.querent.ui.task;

import java.lang.Thread.UncaughtExceptionHandler;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javafx.application.Platform;

/**
 * The app's background executor: one named daemon thread per lane (deep stacks, for native code), results
 * delivered with {@link Platform#runLater}. Failures always reach a callback; nothing is swallowed.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {
    private static final long STACK_BYTES = 64L << 20;
    private final Map<Lane, ExecutorService> lanes = new EnumMap<>(Lane.class);

    public FxTaskRunner(UncaughtExceptionHandler handler) {
        for (Lane lane : Lane.values()) {
            lanes.put(lane, Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(null, r, "querent-" + lane.name().toLowerCase(java.util.Locale.ROOT), STACK_BYTES);
                t.setDaemon(true);
                t.setUncaughtExceptionHandler(handler);
                return t;
            }));
        }
    }

    @Override
    public <T> void run(Lane lane, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        try {
            submit(lane, work, onSuccess, onFailure);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // The runner is closing (the window went away): the caller hears it the usual way, nothing throws on
            // the UI thread. A card refreshed by a late pulse of the closing window met exactly this.
            Platform.runLater(() -> onFailure.accept(new IllegalStateException("Querent is closing: not started", closed)));
        }
    }

    private <T> void submit(Lane lane, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        lanes.get(lane).execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable e) {
                Platform.runLater(() -> onFailure.accept(e));
                return;
            }
            Platform.runLater(() -> onSuccess.accept(result));
        });
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /** Stops taking work and waits a little for running work (a decision being committed) to finish. */
    @Override
    public void close() {
        lanes.values().forEach(ExecutorService::shutdown);
        for (ExecutorService lane : lanes.values()) {
            try {
                lane.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
