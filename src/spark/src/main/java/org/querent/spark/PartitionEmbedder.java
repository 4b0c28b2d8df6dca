package org.querent.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.util.LongAccumulator;
import org.querent.common.QuerentException;
import org.querent.runtime.EmbeddingModel;
import org.querent.runtime.ModelLoader;
import org.querent.runtime.ModelOutput;
import org.querent.runtime.RuntimeListener;
import org.querent.runtime.RuntimeOptions;

/**
 * Embeds one partition's items with one ONNX Runtime session of the app's own model code, one item per run (as the
 * app does for int8 models, so that a vector never depends on which items shared its batch). The session opens at
 * the first item and closes when the partition ends, failed or not.
 */
final class PartitionEmbedder implements Serializable {
    /** A vector and, for a model with classes, its class scores. */
    record Embedded(SourceItem item, float[] vector, float[] scores) {
    }

    private final String model;
    private final String expectedHash;
    private final int threads;
    private final LongAccumulator skipped;

    /**
     * @param model        the model reference, resolved against each executor's working folder
     * @param expectedHash the hash the driver computed: an executor that sees another model stops the job
     */
    PartitionEmbedder(String model, String expectedHash, int threads, LongAccumulator skipped) {
        this.model = model;
        this.expectedHash = expectedHash;
        this.threads = threads;
        this.skipped = skipped;
    }

    Iterator<Embedded> embed(Iterator<SourceItem> items) {
        return new Iterator<>() {
            private EmbeddingModel opened;
            private Embedded next;

            @Override
            public boolean hasNext() {
                while (next == null && items.hasNext()) {
                    SourceItem item = items.next();
                    next = embedOne(model(), item);
                }
                return next != null;
            }

            @Override
            public Embedded next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Embedded result = next;
                next = null;
                return result;
            }

            private EmbeddingModel model() {
                if (opened == null) {
                    opened = open();
                    EmbeddingModel toClose = opened;
                    TaskContext task = TaskContext.get();
                    if (task != null) {
                        task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) context -> toClose.close());
                    }
                }
                return opened;
            }
        };
    }

    EmbeddingModel open() {
        OrtBootstrap.ensureEnvironment();
        RuntimeOptions options = new RuntimeOptions(false, Math.max(1, threads), RuntimeListener.LOG, 1);
        EmbeddingModel opened = ModelLoader.open(model, Path.of("").toAbsolutePath(), options);
        if (!opened.info().hash().equals(expectedHash)) {
            String hash = opened.info().hash();
            opened.close();
            throw QuerentException.model("the model '" + model + "' on this executor has hash " + hash
                    + " but the driver's has " + expectedHash + ": every node must see the same model files"
                    + " (ship them with spark-submit --archives)");
        }
        return opened;
    }

    private Embedded embedOne(EmbeddingModel opened, SourceItem item) {
        if (!item.kind().name().toLowerCase(Locale.ROOT).equals(opened.info().input())) {
            skipped.add(1); // the app would not embed it with this model either
            return null;
        }
        ModelOutput out;
        try {
            out = opened.embed(List.of(item.input()));
        } catch (QuerentException e) {
            if (e.kind() == org.querent.common.ErrorKind.MODEL) {
                throw e; // the model is broken, not the item
            }
            skipped.add(1); // an item that cannot be read or decoded
            return null;
        }
        return new Embedded(item, out.embeddings()[0], out.classScores() == null ? null : out.classScores()[0]);
    }
}
