package org.querent.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.querent.common.Cancellation;
import org.querent.common.QuerentException;
import org.querent.learn.CrossValidation;
import org.querent.learn.Evaluation;
import org.querent.learn.Head;
import org.querent.learn.HeadTrainer;
import org.querent.learn.TrainReport;
import org.querent.learn.TrainResult;
import org.querent.learn.TrainSettings;
import org.querent.learn.TrainingData;
import org.querent.project.Project;
import org.querent.store.Decision;
import org.querent.store.HeadRecord;
import org.querent.store.ItemRecord;

/**
 * Trains the classifier head on the current labels, warm-started from the newest head, and stores it as
 * a new model version with its provenance. Uses cached embeddings only: the model never runs here.
 */
public final class TrainingService {
    /** Folds of the held-out estimate stored with every head. */
    public static final int FOLDS = 5;

    private final Project project;
    private final HeadTrainer trainer = new HeadTrainer();

    public TrainingService(Project project) {
        this.project = project;
    }

    /** A stored model version. */
    public record Trained(int version, int labels, int skippedUnscored, TrainReport report) {
    }

    /** The labelled items of the pool as training data, in taxonomy label order. */
    public record LabelledSet(TrainingData data, long lastDecisionId, int skippedUnscored) {
    }

    public LabelledSet labelledSet(Pool pool) {
        List<String> taxonomy = project.labelNames();
        Map<String, float[]> vectorByHash = new HashMap<>();
        for (int i = 0; i < pool.size(); i++) {
            vectorByHash.put(pool.items().get(i).contentHash(), pool.embeddings()[i]);
        }
        long lastDecision = project.decisions().lastId();
        // One training row per distinct content: a labelled duplicate must not count twice; the newest label wins.
        Map<String, int[]> labelsByHash = new java.util.LinkedHashMap<>();
        int skipped = 0;
        for (Decision d : project.decisions().currentLabels().values()) {
            Optional<ItemRecord> item = project.items().byId(d.itemId());
            String hash = item.filter(ItemRecord::active).map(ItemRecord::contentHash).orElse(null);
            int[] labels = d.labels().stream().mapToInt(taxonomy::indexOf).filter(k -> k >= 0).toArray();
            if (hash == null || !vectorByHash.containsKey(hash) || labels.length == 0) {
                skipped++;
                continue;
            }
            labelsByHash.remove(hash);
            labelsByHash.put(hash, labels);
        }
        List<float[]> x = new ArrayList<>();
        List<int[]> y = new ArrayList<>();
        labelsByHash.forEach((hash, labels) -> {
            x.add(vectorByHash.get(hash));
            y.add(labels);
        });
        TrainingData data = new TrainingData(x.toArray(new float[0][]), y.toArray(new int[0][]), taxonomy.size(),
                project.settings().multiLabel());
        return new LabelledSet(data, lastDecision, skipped);
    }

    /** Trains and stores a new head; fails with a clear message when there is nothing to learn from yet. */
    public Trained train(Pool pool, TrainSettings base, Cancellation cancel) {
        LabelledSet set = labelledSet(pool);
        TrainingData data = set.data();
        long classesSeen = java.util.Arrays.stream(data.countsPerClass()).filter(c -> c > 0).count();
        if (data.size() < 2 || (!data.multiLabel() && classesSeen < 2)) {
            throw QuerentException.usage("too few labels to train: " + data.size() + " labelled and scored items in "
                    + classesSeen + " classes; label items of at least two classes first");
        }
        HeadRecord previous = project.heads().latest(pool.modelHash()).orElse(null);
        Head warm = previous != null && previous.classNames().equals(project.labelNames())
                ? Head.fromBytes(previous.weights()) : null;
        int version = project.heads().all().size() + 1;
        TrainSettings settings = base.withSeed(version);
        TrainResult result = trainer.train(data, warm, settings, cancel);
        Evaluation heldOut = CrossValidation.hasEnoughLabels(data)
                ? CrossValidation.estimate(data, settings, FOLDS, settings.seed(), cancel) : null;
        TrainReport report = TrainReport.of(data, warm, settings, result, heldOut);
        Map<String, Object> provenance = new HashMap<>(report.toMap());
        provenance.put("lastDecisionId", set.lastDecisionId());
        provenance.put("skippedUnscored", set.skippedUnscored());
        int stored = project.heads().save(previous == null ? null : previous.version(), pool.modelHash(),
                project.labelNames(), result.head().toBytes(), data.size(), set.lastDecisionId(), provenance);
        return new Trained(stored, data.size(), set.skippedUnscored(), report);
    }
}
