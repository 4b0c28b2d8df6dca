package org.querent.ui.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.querent.ui.task.TaskRunner;

/**
 * The real runner's threading without JavaFX: one thread per lane, and one "UI" thread for the callbacks, so
 * races between lanes show up in a plain JUnit test.
 */
final class ThreadedTaskRunner implements TaskRunner, AutoCloseable {
    private final Map<Lane, ExecutorService> lanes = new EnumMap<>(Lane.class);
    private final ExecutorService ui = Executors.newSingleThreadExecutor();

    ThreadedTaskRunner() {
        for (Lane lane : Lane.values()) {
            lanes.put(lane, Executors.newSingleThreadExecutor());
        }
    }

    @Override
    public <T> void run(Lane lane, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        lanes.get(lane).execute(() -> {
            try {
                T result = work.call();
                ui.execute(() -> onSuccess.accept(result));
            } catch (Throwable e) {
                ui.execute(() -> onFailure.accept(e));
            }
        });
    }

    @Override
    public void onUiThread(Runnable action) {
        ui.execute(action);
    }

    /** Runs {@code action} on the UI thread and waits for it. */
    void onUiAndWait(Runnable action) throws Exception {
        ui.submit(action).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        for (ExecutorService lane : lanes.values()) {
            lane.shutdown();
            lane.awaitTermination(30, TimeUnit.SECONDS);
        }
        ui.shutdown();
        ui.awaitTermination(30, TimeUnit.SECONDS);
    }
}
