package org.querent.common;

import java.util.concurrent.atomic.AtomicBoolean;

/** A flag long work checks between batches. Thread-safe. */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws a {@link QuerentException} of kind CANCELLED if cancellation was asked for. */
    public void throwIfCancelled() {
        if (cancelled.get()) {
            throw new QuerentException(ErrorKind.CANCELLED, "cancelled");
        }
    }
}
