package org.querent.cli;

import org.querent.common.Cancellation;

/**
 * Turns Ctrl+C into a cancellation: long commands stop between batches, commit what they finished and
 * close the project, instead of dying mid-write. A second Ctrl+C (or kill -9) still ends the process at
 * once; the project stays consistent because every batch is one transaction.
 */
final class Interrupts implements AutoCloseable {
    private final Cancellation cancellation = new Cancellation();
    private final Thread hook;
    private final Object done = new Object();
    private boolean finished;

    private Interrupts() {
        hook = new Thread(() -> {
            cancellation.cancel();
            synchronized (done) {
                long deadline = System.currentTimeMillis() + 10_000;
                while (!finished && System.currentTimeMillis() < deadline) {
                    try {
                        done.wait(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "querent-interrupt");
    }

    static Interrupts install() {
        Interrupts interrupts = new Interrupts();
        Runtime.getRuntime().addShutdownHook(interrupts.hook);
        return interrupts;
    }

    Cancellation cancellation() {
        return cancellation;
    }

    @Override
    public void close() {
        synchronized (done) {
            finished = true;
            done.notifyAll();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // Already shutting down: the hook is running and now sees "finished".
        }
    }
}
