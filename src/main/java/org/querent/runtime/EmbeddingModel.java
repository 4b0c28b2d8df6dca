package org.querent.runtime;

import java.util.List;

/**
 * An ONNX model that turns items into embeddings (and class scores when it has them).
 *
 * <p>Work is split in two so a caller can overlap them: {@link #prepare} (read files, tokenise, decode,
 * resize: plain Java, any thread) and {@link #run} (inference on the ONNX session). Both are thread-safe;
 * {@code run} may be called from one thread while {@code prepare} runs on another.
 */
public interface EmbeddingModel extends AutoCloseable {

    /** Name, content hash, input kind, embedding size and class labels of this model. */
    ModelInfo info();

    /**
     * Reads and preprocesses a batch. An input that cannot be read makes the whole call fail with a
     * {@link org.querent.common.QuerentException} naming the input; callers quarantine such items first.
     */
    PreparedBatch prepare(List<ModelInput> inputs);

    /** Runs inference over a prepared batch. */
    ModelOutput run(PreparedBatch batch);

    /** How many calls of {@link #run} go on at once without waiting for each other (its sessions). */
    default int parallelRuns() {
        return 1;
    }

    /** Convenience: prepare and run. */
    default ModelOutput embed(List<ModelInput> inputs) {
        return run(prepare(inputs));
    }

    @Override
    void close();
}
