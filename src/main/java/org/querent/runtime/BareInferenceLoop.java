package org.querent.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The simplest way to embed many texts: prepare then run, batch after batch, on one thread. The baseline a
 * pipelined scorer is measured against.
 */
public final class BareInferenceLoop {
    private BareInferenceLoop() {
    }

    /** What one pass measured: wall time, and how much of it went to prepare (tokenise/decode) and to run. */
    public record Measurement(int items, int batchSize, long nanos, long prepareNanos, long runNanos) {
        public double itemsPerSecond() {
            return items / (nanos / 1e9);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d items, batch %d: %.1f items/s (%.0f ms: prepare %.0f, run %.0f)",
                    items, batchSize, itemsPerSecond(), nanos / 1e6, prepareNanos / 1e6, runNanos / 1e6);
        }
    }

    /** Embeds every input in order, {@code batchSize} at a time, and returns the time it took. */
    public static Measurement run(EmbeddingModel model, List<ModelInput> inputs, int batchSize) {
        long start = System.nanoTime();
        long preparing = 0;
        long running = 0;
        for (int from = 0; from < inputs.size(); from += batchSize) {
            List<ModelInput> batch = new ArrayList<>(inputs.subList(from, Math.min(inputs.size(), from + batchSize)));
            long t0 = System.nanoTime();
            PreparedBatch prepared = model.prepare(batch);
            long t1 = System.nanoTime();
            model.run(prepared);
            running += System.nanoTime() - t1;
            preparing += t1 - t0;
        }
        return new Measurement(inputs.size(), batchSize, System.nanoTime() - start, preparing, running);
    }

    /** The first {@code limit} regular files under {@code folder} (sorted by path) as texts, bad UTF-8 replaced. */
    public static List<ModelInput> textsFrom(Path folder, int limit) {
        try (Stream<Path> files = Files.walk(folder)) {
            List<ModelInput> texts = new ArrayList<>();
            for (Path file : files.filter(Files::isRegularFile).sorted().limit(limit).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                texts.add(ModelInput.text(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)
                        .decode(java.nio.ByteBuffer.wrap(bytes)).toString()));
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read texts under " + folder, e);
        }
    }
}
