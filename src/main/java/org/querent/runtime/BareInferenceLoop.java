package org.querent.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The simplest way to embed many texts: prepare then run, batch after batch, on one thread. The baseline a
 * pipelined scorer is measured against.
 */
public final class BareInferenceLoop {
    private BareInferenceLoop() {
    }

    /** What one pass measured. */
    public record Measurement(int items, int batchSize, long nanos) {
        public double itemsPerSecond() {
            return items / (nanos / 1e9);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%d items, batch %d: %.1f items/s (%.0f ms)",
                    items, batchSize, itemsPerSecond(), nanos / 1e6);
        }
    }

    /** Embeds every input in order, {@code batchSize} at a time, and returns the time it took. */
    public static Measurement run(EmbeddingModel model, List<ModelInput> inputs, int batchSize) {
        long start = System.nanoTime();
        for (int from = 0; from < inputs.size(); from += batchSize) {
            List<ModelInput> batch = new ArrayList<>(inputs.subList(from, Math.min(inputs.size(), from + batchSize)));
            model.run(model.prepare(batch));
        }
        return new Measurement(inputs.size(), batchSize, System.nanoTime() - start);
    }
}
