package org.querent.common;

/**
 * Receives progress of long work. Called from worker threads; implementations must be cheap and
 * thread-safe (the UI copies the latest value to its properties on a timer).
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total, message) -> { };

    /**
     * @param done  units finished so far
     * @param total units in all, or -1 when unknown
     * @param message a short human-readable note, may be empty
     */
    void progress(long done, long total, String message);
}
