package org.querent.runtime;

/** A batch already tokenised or decoded, ready for {@link EmbeddingModel#run}. Opaque to callers. */
public interface PreparedBatch {
    /** Number of items in the batch. */
    int size();
}
