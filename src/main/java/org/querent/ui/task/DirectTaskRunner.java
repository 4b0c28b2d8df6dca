package org.querent.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs everything on the calling thread, for deterministic view-model tests. */
public final class DirectTaskRunner implements TaskRunner {
    @Override
    public <T> void run(Lane lane, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public void onUiThread(Runnable action) {
        action.run();
    }
}
