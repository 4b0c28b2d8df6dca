package org.querent.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.querent.ui.task.TaskRunner.Lane;
import org.testfx.api.FxToolkit;

/** Work handed to a closed runner is refused through its failure callback, never thrown on the UI thread. */
class FxTaskRunnerTest {
    @Test
    void workAfterCloseReachesTheFailureCallback() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxTaskRunner tasks = new FxTaskRunner((t, e) -> { });
        CompletableFuture<String> ran = new CompletableFuture<>();
        tasks.run(Lane.READS, () -> "done", ran::complete, ran::completeExceptionally);
        assertEquals("done", ran.get(10, TimeUnit.SECONDS));

        tasks.close();
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        tasks.run(Lane.READS, () -> "never", r -> refused.complete(null), refused::complete);
        assertInstanceOf(IllegalStateException.class, refused.get(10, TimeUnit.SECONDS));
    }
}
