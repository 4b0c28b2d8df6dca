package org.querent.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.querent.project.Project;
import org.querent.store.EmbeddingRepository.Embedding;
import org.querent.store.ItemRecord;

/**
 * The project's scored items in memory: every active, non-duplicate item that has an embedding for the
 * model. Loaded once per session and reused, so re-ranking after a retrain never touches the model or
 * re-reads vectors.
 *
 * @param modelHash   the model whose embeddings these are
 * @param items       scored items, by id
 * @param embeddings  row i belongs to items.get(i)
 * @param classScores the model's own class scores per row, or null when the model has none
 * @param unscored    active items still waiting for the model
 * @param rowById     item id to row
 */
public record Pool(String modelHash, List<ItemRecord> items, float[][] embeddings, float[][] classScores, int unscored,
                   Map<Long, Integer> rowById) {

    /** Loads the pool of the project for the given model hash. */
    public static Pool load(Project project, String modelHash) {
        Map<String, Embedding> vectors = project.embeddings().all(modelHash);
        List<ItemRecord> items = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        List<float[]> scores = new ArrayList<>();
        int unscored = 0;
        boolean hasScores = false;
        for (ItemRecord item : project.items().inState("active")) {
            if (item.duplicateOf() != null) {
                continue;
            }
            Embedding e = vectors.get(item.contentHash());
            if (e == null) {
                unscored++;
                continue;
            }
            items.add(item);
            rows.add(e.vector());
            scores.add(e.classScores());
            hasScores |= e.classScores() != null;
        }
        float[][] classScores = hasScores ? scores.toArray(new float[0][]) : null;
        Map<Long, Integer> rowById = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            rowById.put(items.get(i).id(), i);
        }
        return new Pool(modelHash, List.copyOf(items), rows.toArray(new float[0][]), classScores, unscored,
                Map.copyOf(rowById));
    }

    public int size() {
        return items.size();
    }

    /** Row of an item id, or -1. */
    public int indexOf(long itemId) {
        return rowById.getOrDefault(itemId, -1);
    }
}
