package org.querent.simulate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.querent.common.ProgressListener;
import org.querent.common.QuerentException;
import org.querent.ingest.DatasetScanner;
import org.querent.ingest.ScanOptions;
import org.querent.ingest.ScannedItem;
import org.querent.runtime.EmbeddingModel;
import org.querent.runtime.ModelInput;
import org.querent.runtime.ModelLoader;
import org.querent.runtime.ModelOutput;

/** Scans a class-subfolder dataset and embeds each distinct item once, through the embedding cache. */
public final class DatasetEmbedder {
    private static final int BATCH = 32;

    private DatasetEmbedder() {
    }

    /**
     * @param truth       path (relative to the root) to true label, or null to take class sub-folder names
     * @param cacheFolder where embeddings are kept between runs
     */
    public static LabelledDataset load(Path dataRoot, Map<String, String> truth, String modelReference, Path cacheFolder,
                                       ProgressListener progress) {
        List<ScannedItem> items = new ArrayList<>();
        Map<String, String> labelOf = new HashMap<>();
        Set<String> hashes = new HashSet<>();
        new DatasetScanner().scan(dataRoot, ScanOptions.defaults(), item -> {
            String label = truth == null ? item.folderLabel() : truth.get(item.key());
            if (!item.quarantined() && label != null && hashes.add(item.contentHash())) {
                items.add(item);
                labelOf.put(item.key(), label);
            }
        });
        TreeSet<String> classNames = new TreeSet<>(labelOf.values());
        if (classNames.size() < 2) {
            throw QuerentException.usage("simulate needs a dataset in class sub-folders (DIR/<label>/<file>) or a --truth file, with at "
                    + "least two classes; found " + classNames.size() + " in " + dataRoot);
        }
        List<String> classes = List.copyOf(classNames);
        String modelHash = ModelLoader.resolveHash(modelReference, Path.of("."));
        EmbeddingCache cache = EmbeddingCache.open(cacheFolder, modelHash);
        List<ScannedItem> missing = items.stream().filter(i -> cache.get(i.contentHash()) == null).toList();
        if (!missing.isEmpty()) {
            embed(missing, dataRoot, modelReference, cache, progress);
        }
        float[][] x = new float[items.size()][];
        int[] truthIndex = new int[items.size()];
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            x[i] = cache.get(items.get(i).contentHash());
            truthIndex[i] = classes.indexOf(labelOf.get(items.get(i).key()));
            paths.add(items.get(i).key());
        }
        return new LabelledDataset(paths, x, truthIndex, classes);
    }

    private static void embed(List<ScannedItem> missing, Path root, String modelReference, EmbeddingCache cache,
                              ProgressListener progress) {
        try (EmbeddingModel model = ModelLoader.open(modelReference, Path.of("."))) {
            int done = 0;
            for (int start = 0; start < missing.size(); start += BATCH) {
                List<ScannedItem> batch = missing.subList(start, Math.min(missing.size(), start + BATCH));
                List<ModelInput> inputs = batch.stream().map(i -> switch (i.kind()) {
                    case IMAGE -> ModelInput.image(root.resolve(i.path()));
                    case AUDIO -> ModelInput.audio(root.resolve(i.path()));
                    case TEXT -> ModelInput.text(i.text());
                }).toList();
                ModelOutput out = model.embed(inputs);
                Map<String, float[]> vectors = new LinkedHashMap<>();
                for (int i = 0; i < batch.size(); i++) {
                    vectors.put(batch.get(i).contentHash(), out.embeddings()[i]);
                }
                cache.putAll(vectors);
                done += batch.size();
                progress.progress(done, missing.size(), "embedding");
            }
        }
    }

}
