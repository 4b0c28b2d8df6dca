package org.querent.spark;

import java.util.concurrent.atomic.AtomicReference;
import org.querent.common.QuerentException;
import org.querent.runtime.Runtimes;

/**
 * Creates the process's ONNX Runtime environment on a thread with a 16 MB stack. On Spark's class path (about 170
 * jars) creating it on a thread of the default 1 MB stack kills the JVM with SIGSEGV and no error report; the same
 * call with the app's class path, or with {@code -Xss8m}, works (ADR 0022). Sessions and runs are fine on any thread.
 */
final class OrtBootstrap {
    private static final long STACK_BYTES = 16L << 20;
    private static volatile boolean ready;

    private OrtBootstrap() {
    }

    static synchronized void ensureEnvironment() {
        if (ready) {
            return;
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                Runtimes.environment();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "querent-ort-environment", STACK_BYTES);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw QuerentException.model("interrupted while loading ONNX Runtime", e);
        }
        if (failure.get() != null) {
            throw QuerentException.model("ONNX Runtime could not start: " + failure.get().getMessage(), failure.get());
        }
        ready = true;
    }
}
