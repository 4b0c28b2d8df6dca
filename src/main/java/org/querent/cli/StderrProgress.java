package org.querent.cli;

import org.querent.common.ProgressListener;

/** A one-line progress display on stderr, redrawn at most a few times a second. */
final class StderrProgress implements ProgressListener {
    private final String task;
    private final long started = System.nanoTime();
    private long lastDraw;
    /** A progress line is on screen without its line break: a message printed now must start a new line. */
    private static volatile boolean lineOpen;

    StderrProgress(String task) {
        this.task = task;
    }

    @Override
    public synchronized void progress(long done, long total, String message) {
        long now = System.nanoTime();
        boolean finished = total >= 0 && done >= total;
        if (!finished && now - lastDraw < 250_000_000L) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double rate = done / seconds;
        StringBuilder line = new StringBuilder("\r").append(task).append(": ").append(done);
        if (total >= 0) {
            line.append('/').append(total);
            if (total > 0) {
                line.append(String.format(" (%.0f%%)", 100.0 * done / total));
            }
            if (rate > 0 && !finished) {
                line.append(String.format(", %.0f/s, %ds left", rate, Math.round((total - done) / rate)));
            }
        }
        if (message != null && !message.isEmpty()) {
            // A line break in a file name would end the one-line display: shown escaped, as queue's TSV does.
            line.append(", ").append(QueueCommand.tsvField(message));
        }
        line.append("   ");
        System.err.print(line);
        lineOpen = !finished;
        if (finished) {
            System.err.println();
        }
        System.err.flush();
    }

    /** Ends an unfinished progress line, so an {@code error:} or a note starts on its own line. */
    static void closeLine() {
        if (lineOpen) {
            lineOpen = false;
            System.err.println();
            System.err.flush();
        }
    }
}
