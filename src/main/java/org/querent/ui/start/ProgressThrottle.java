package org.querent.ui.start;

import java.util.function.Consumer;

import org.querent.common.ProgressListener;
import org.querent.ui.task.TaskRunner;

/**
 * Forwards core progress to the UI thread at most every {@value #INTERVAL_MS} ms, so a scan of many small files
 * does not flood the FX queue with one update per file.
 */
final class ProgressThrottle implements ProgressListener {
    private static final long INTERVAL_MS = 100;
    private final TaskRunner tasks;
    private final Consumer<String> sink;
    private final String verb;
    private volatile long lastPost;

    ProgressThrottle(TaskRunner tasks, String verb, Consumer<String> sink) {
        this.tasks = tasks;
        this.verb = verb;
        this.sink = sink;
    }

    @Override
    public void progress(long done, long total, String message) {
        long now = System.currentTimeMillis();
        if (now - lastPost < INTERVAL_MS && done < total) {
            return;
        }
        lastPost = now;
        String text = (total > 0 ? verb + " " + done + " of " + total + " files…" : verb + "…") + rowsOf(message);
        tasks.onUiThread(() -> sink.accept(text));
    }

    /** Inside a large table the file count stands still: the import's "rows.csv, row 340,000" says it moves. */
    static String rowsOf(String message) {
        return message != null && message.contains(", row ") ? " (" + message + ")" : "";
    }
}
