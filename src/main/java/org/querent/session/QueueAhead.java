package org.querent.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.querent.project.Project;
import org.querent.query.rules.BatchRules;
import org.querent.session.QueueService.QueueEntry;
import org.querent.store.HeadRecord;
import org.querent.store.ItemRecord;
import org.querent.store.Json;

/**
 * The queue a person was working through, kept in the project so that opening it again shows the next item at
 * once instead of after loading, predicting and ranking the whole pool (seconds at a million items, ADR 0020).
 *
 * <p>A saved queue is used only when it is what a fresh ranking would start from: the same model, the same head
 * in use (a version, not zero-shot or spreading: those are not row by row), the same strategy, batch size and rules.
 * Items decided, set aside or packed since are left out by the same exclusions as a fresh queue, and the pre-labels
 * are predicted again from the items' own vectors, so what is shown is the head's answer now. The session still
 * loads and re-ranks the whole pool behind the first item: items scored since the save join the queue then.
 */
final class QueueAhead {
    private static final String KEY = "queue.ahead:";
    private static final int FORMAT = 1;

    private QueueAhead() {
    }

    /**
     * Saves the queue (item in front first) for the annotator. Only a queue whose pre-labels are all one head
     * version's is kept: zero-shot, model-class and spreading predictions are not predicted row by row.
     */
    static void save(Project project, String annotator, LabellingSession.Settings settings, String modelHash,
                     List<QueueEntry> entries) {
        Integer version = entries.isEmpty() ? null : entries.get(0).modelVersion();
        if (version == null || entries.stream().anyMatch(e -> !version.equals(e.modelVersion()))) {
            project.meta().put(KEY + annotator, "");
            return;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (QueueEntry e : entries) {
            rows.add(List.of(e.item().id(), e.rank(), Double.isFinite(e.score()) ? e.score() : 0.0, e.pick()));
        }
        Map<String, Object> saved = new LinkedHashMap<>();
        saved.put("format", FORMAT);
        saved.put("model", modelHash);
        saved.put("version", version);
        saved.put("stamp", stamp(settings));
        saved.put("entries", rows);
        project.meta().put(KEY + annotator, Json.write(saved));
    }

    /**
     * The saved queue, still valid and with fresh pre-labels, or empty (nothing saved, or the model, the head in
     * use or the settings changed, or every saved item was decided meanwhile).
     */
    static Optional<List<QueueEntry>> restore(Project project, String annotator, LabellingSession.Settings settings,
                                              String modelHash) {
        Map<String, Object> saved;
        try {
            saved = Json.map(project.meta().get(KEY + annotator).orElse(""));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty(); // a fresh ranking replaces it
        }
        if (saved.isEmpty() || !Objects.equals(saved.get("format"), FORMAT) || !modelHash.equals(saved.get("model"))
                || !stamp(settings).equals(saved.get("stamp"))) {
            return Optional.empty();
        }
        HeadRecord head = ModelVersions.inUse(project, modelHash).orElse(null);
        if (head == null || SpreadPredictions.isSpreading(head)
                || !Objects.equals(((Number) saved.get("version")).intValue(), head.version())) {
            return Optional.empty();
        }
        Set<Long> excluded = new QueueService(project).excludedItems();
        List<long[]> kept = new ArrayList<>();
        List<Object[]> meta = new ArrayList<>();
        for (Object o : (List<?>) saved.get("entries")) {
            List<?> row = (List<?>) o;
            long id = ((Number) row.get(0)).longValue();
            if (!excluded.contains(id)) {
                kept.add(new long[] {id});
                meta.add(new Object[] {((Number) row.get(1)).intValue(), ((Number) row.get(2)).doubleValue(),
                        (String) row.get(3)});
            }
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        Pool few = Pool.ofItems(project, modelHash, kept.stream().map(a -> a[0]).toList());
        Predictions predictions = Predictor.predict(project, few, head, List.of(), null);
        boolean multiLabel = project.settings().multiLabel();
        List<QueueEntry> out = new ArrayList<>();
        for (int k = 0; k < kept.size(); k++) {
            int row = few.indexOf(kept.get(k)[0]);
            if (row < 0) {
                continue; // left the pool (retired, quarantined, re-scored under another content)
            }
            ItemRecord item = few.item(row);
            double[] p = predictions.probabilities(row);
            QueueService.PreLabel pre = QueueService.PreLabel.of(p, predictions.labels(), multiLabel);
            Object[] m = meta.get(k);
            out.add(new QueueEntry(item, (Integer) m[0], (Double) m[1], pre.labels(), pre.confidence(), p,
                    predictions.modelVersion(), (String) m[2]));
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    /** What must not have changed for the saved queue to stand. */
    private static String stamp(LabellingSession.Settings settings) {
        BatchRules rules = settings.rules() == null ? BatchRules.none() : settings.rules();
        return settings.strategy() + "|" + settings.batchSize() + "|" + Json.write(rules.toMap());
    }
}
