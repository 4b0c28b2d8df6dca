package org.querent.query;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs an independent computation per row, across cores when there is enough work. Each row writes only its own
 * output, so the result does not depend on the thread schedule: strategies stay deterministic.
 */
final class ParallelRows {

    /** Below this many multiply-adds the fork/join overhead costs more than a second core saves. */
    private static final long PARALLEL_WORK = 4_000_000L;
    private static final int ROWS_PER_TASK = 256;

    private ParallelRows() {
    }

    /**
     * @param rows       number of rows
     * @param workPerRow rough multiply-adds per row, to decide whether to go parallel
     * @param body       called once per row index
     */
    /** A body over a run of rows {@code [from, to)}, for work that reuses a buffer per run. */
    interface Range {
        void accept(int from, int to);
    }

    /** As {@link #forEach}, handing each task its run of rows (one run of all rows when serial). */
    static void forEachRange(int rows, long workPerRow, Range body) {
        if ((long) rows * workPerRow < PARALLEL_WORK || Runtime.getRuntime().availableProcessors() < 2) {
            body.accept(0, rows);
            return;
        }
        int tasks = (rows + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        IntStream.range(0, tasks).parallel().forEach(t ->
                body.accept(t * ROWS_PER_TASK, Math.min(rows, (t + 1) * ROWS_PER_TASK)));
    }

    static void forEach(int rows, long workPerRow, IntConsumer body) {
        if ((long) rows * workPerRow < PARALLEL_WORK || Runtime.getRuntime().availableProcessors() < 2) {
            for (int i = 0; i < rows; i++) {
                body.accept(i);
            }
            return;
        }
        int tasks = (rows + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        IntStream.range(0, tasks).parallel().forEach(t -> {
            int end = Math.min(rows, (t + 1) * ROWS_PER_TASK);
            for (int i = t * ROWS_PER_TASK; i < end; i++) {
                body.accept(i);
            }
        });
    }
}
