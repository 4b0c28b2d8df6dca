package org.querent.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.querent.common.Cancellation;
import org.querent.common.QuerentException;
import org.querent.learn.Calibration;
import org.querent.learn.CalibrationReport;
import org.querent.learn.CrossValidation;
import org.querent.learn.RegularisationSearch;
import org.querent.learn.Splits;
import org.querent.learn.TemperatureScaling;
import org.querent.learn.Evaluation;
import org.querent.learn.Head;
import org.querent.learn.HeadTrainer;
import org.querent.learn.TrainReport;
import org.querent.learn.TrainResult;
import org.querent.learn.TrainSettings;
import org.querent.learn.TrainingData;
import org.querent.learn.pool.HeadKind;
import org.querent.learn.pool.HeadSelection;
import org.querent.learn.pool.PoolData;
import org.querent.learn.pool.PoolFit;
import org.querent.learn.pool.PoolGraph;
import org.querent.learn.pool.PoolLearner;
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
    private final PoolGraphCache graphs;

    public TrainingService(Project project) {
        this(project, PoolGraphCache.user());
    }

    /** With another graph cache (tests keep theirs in a temporary folder). */
    public TrainingService(Project project, PoolGraphCache graphs) {
        this.project = project;
        this.graphs = graphs;
    }

    /**
     * A stored model version; {@code calibration} is null when there were too few labels to calibrate (or the head
     * is a pool head); {@code head} is the head that was trained and {@code headReason} why (auto's figures);
     * {@code calibrationSkipped} says why no temperature was fitted although the labels were enough to try (the
     * held-out labels could not support one), or is null; {@code regularisation} is the C used and how it was chosen.
     */
    public record Trained(int version, int labels, int skippedUnscored, TrainReport report, CalibrationReport calibration,
                          HeadKind head, String headReason, String calibrationSkipped,
                          RegularisationSearch.Choice regularisation, EvaluationService.Verdict gate) {
        /** The accuracy on held-out labels, or null when there were too few to hold any out. */
        public Double heldOutAccuracy() {
            return report.heldOut() == null ? null : report.heldOut().accuracy();
        }
    }

    /**
     * The labelled items of the pool as training data, in taxonomy label order.
     *
     * @param rows the pool row of each training row
     */
    public record LabelledSet(TrainingData data, long lastDecisionId, int skippedUnscored, int[] rows) {
        /** The whole pool with these labels: what a head that learns from the pool trains on. */
        public PoolData poolData(Pool pool) {
            return new PoolData(pool.embeddings(), rows, data.labels(), data.classes(), data.multiLabel());
        }
    }

    /** Meta key of the project's head setting. */
    static final String HEAD_KEY = "head";

    /** The head the project trains (supervised until set). */
    public static HeadKind headOf(Project project) {
        return project.meta().get(HEAD_KEY).map(HeadKind::byName).orElse(HeadKind.SUPERVISED);
    }

    /** Sets the head the project trains from now on. */
    public static void setHead(Project project, HeadKind head) {
        project.meta().put(HEAD_KEY, head.id());
    }

    public LabelledSet labelledSet(Pool pool) {
        List<String> taxonomy = project.labelNames();
        // Labelled rows are found by id (a labelled duplicate by its original's), never by a map over the pool.
        Map<String, Integer> rowByHash = new HashMap<>();
        long lastDecision = project.decisions().lastId();
        // One training row per distinct content: a labelled duplicate must not count twice; the newest label wins.
        Map<String, int[]> labelsByHash = new java.util.LinkedHashMap<>();
        int skipped = 0;
        // "Train only on approved labels" (team projects): labels waiting for review are left out.
        Optional<java.util.Set<Long>> gate = new org.querent.team.ReviewService(project).trainingGate();
        // the evaluation set is never trained on: it judges each new version (EvaluationService)
        java.util.Set<Long> evaluation = new EvaluationService(project).evalItems();
        for (Decision d : project.decisions().currentLabels().values()) {
            if ((gate.isPresent() && !gate.get().contains(d.itemId())) || evaluation.contains(d.itemId())) {
                continue;
            }
            Optional<ItemRecord> item = project.items().byId(d.itemId());
            String hash = item.filter(ItemRecord::active).map(ItemRecord::contentHash).orElse(null);
            int[] labels = d.labels().stream().mapToInt(taxonomy::indexOf).filter(k -> k >= 0).toArray();
            int row = item.isEmpty() ? -1 : pool.indexOf(item.get().id());
            if (row < 0 && item.isPresent() && item.get().duplicateOf() != null) {
                row = pool.indexOf(item.get().duplicateOf());
            }
            if (hash == null || row < 0 || labels.length == 0) {
                skipped++;
                continue;
            }
            labelsByHash.remove(hash);
            labelsByHash.put(hash, labels);
            rowByHash.putIfAbsent(hash, row);
        }
        List<float[]> x = new ArrayList<>();
        List<int[]> y = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        labelsByHash.forEach((hash, labels) -> {
            x.add(pool.vector(rowByHash.get(hash)));
            y.add(labels);
            rows.add(rowByHash.get(hash));
        });
        TrainingData data = new TrainingData(x.toArray(new float[0][]), y.toArray(new int[0][]), taxonomy.size(),
                project.settings().multiLabel());
        return new LabelledSet(data, lastDecision, skipped, rows.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Whether the labels are enough for {@link #train} (two items, two classes unless multi-label). */
    public boolean canTrain(Pool pool) {
        return enoughToLearnFrom(labelledSet(pool).data());
    }

    private static boolean enoughToLearnFrom(TrainingData data) {
        return data.size() >= 2 && (data.multiLabel() || classesSeen(data) >= 2);
    }

    private static long classesSeen(TrainingData data) {
        return java.util.Arrays.stream(data.countsPerClass()).filter(c -> c > 0).count();
    }

    /** Trains the project's head ({@link #headOf}) with C chosen by cross-validation, and stores it as a new version. */
    public Trained train(Pool pool, TrainSettings base, Cancellation cancel) {
        return train(pool, base, headOf(project), null, cancel);
    }

    /** As {@link #train(Pool, TrainSettings, HeadKind, Double, Cancellation)} with C chosen by cross-validation. */
    public Trained train(Pool pool, TrainSettings base, HeadKind requested, Cancellation cancel) {
        return train(pool, base, requested, null, cancel);
    }

    /**
     * Trains and stores a new head; fails with a clear message when there is nothing to learn from yet.
     *
     * @param requested supervised, a pool head, or auto (chosen by cross-validation on the labels, at every training)
     * @param givenC    the L2 strength to use, or null to choose it by cross-validation on the labels
     *                  ({@link RegularisationSearch}: searched again as the labels grow by a quarter, else the previous
     *                  version's choice is kept). The choice and its figures are in the provenance
     *                  ({@value #REGULARISATION_KEY})
     */
    public Trained train(Pool pool, TrainSettings base, HeadKind requested, Double givenC, Cancellation cancel) {
        LabelledSet set = labelledSet(pool);
        TrainingData data = set.data();
        long classesSeen = classesSeen(data);
        if (!enoughToLearnFrom(data)) {
            throw QuerentException.usage("too few labels to train: " + data.size() + " labelled and scored items in "
                    + classesSeen + " classes; label items of at least two classes first");
        }
        HeadRecord previous = project.heads().latest(pool.modelHash()).orElse(null);
        Head warm = previous != null && previous.classNames().equals(project.labelNames())
                ? Head.fromBytes(previous.weights()) : null;
        int version = project.heads().count() + 1;
        RegularisationSearch.Choice regularisation = regularisation(previous, data, base, givenC, version, cancel);
        TrainSettings settings = base.withC(regularisation.c()).withSeed(version);
        TrainResult result = trainer.train(data, warm, settings, cancel);
        Evaluation heldOut = CrossValidation.hasEnoughLabels(data)
                ? CrossValidation.estimate(data, settings, FOLDS, settings.seed(), cancel) : null;
        TrainReport report = TrainReport.of(data, warm, settings, result, heldOut);
        Map<String, Object> provenance = new HashMap<>(report.toMap());
        provenance.put(REGULARISATION_KEY, regularisation.toMap());
        // A pool head spreads labels over a neighbour graph of the whole pool, decoded at float32 size: past
        // LARGE_POOL rows that is gigabytes and minutes, so a large pool trains the supervised head and says so.
        boolean poolTooLarge = requested != HeadKind.SUPERVISED && pool.size() > QueueService.LARGE_POOL;
        PoolHeadOutcome poolHead = requested == HeadKind.SUPERVISED || poolTooLarge ? null
                : fitPoolHead(pool, set, requested, warm, settings, cancel);
        Head stored = poolHead == null ? result.head() : poolHead.fit().head();
        provenance.put("head", poolHead == null ? supervisedProvenance() : poolHead.toMap(requested));
        // the temperature is fitted for the supervised head: a pool head's probabilities are used as they are
        boolean supervisedHead = poolHead == null || poolHead.fit().kind() == HeadKind.SUPERVISED;
        Calibrated calibrated = supervisedHead && heldOut != null && !data.multiLabel()
                ? calibrate(data, warm, settings, cancel) : new Calibrated(null, null);
        CalibrationReport calibration = calibrated.report();
        if (calibration != null) {
            provenance.put("calibration", calibration.toMap());
        } else if (calibrated.skipped() != null) {
            provenance.put("calibration", Map.of("skipped", calibrated.skipped(), "temperature", 1.0));
        }
        provenance.put("lastDecisionId", set.lastDecisionId());
        provenance.put("skippedUnscored", set.skippedUnscored());
        int storedVersion = project.heads().save(previous == null ? null : previous.version(), pool.modelHash(),
                project.labelNames(), stored.toBytes(), data.size(), set.lastDecisionId(), provenance);
        EvaluationService.Verdict verdict = new EvaluationService(project).gate(storedVersion, pool);
        return new Trained(storedVersion, data.size(), set.skippedUnscored(), report, calibration,
                poolHead == null ? HeadKind.SUPERVISED : poolHead.fit().kind(),
                poolTooLarge ? "supervised: a " + requested.id() + " head builds a neighbour graph of the whole pool, "
                        + "which is only done up to " + QueueService.LARGE_POOL + " items (this pool has " + pool.size() + ")"
                        : poolHead == null ? "supervised (the project's head setting)" : poolHead.reason(),
                calibrated.skipped(),
                regularisation, verdict);
    }

    /** Provenance key of the L2 strength's choice. */
    public static final String REGULARISATION_KEY = "regularisation";

    /** The C of this training: given, searched now, or the previous version's choice while it is not due again. */
    private static RegularisationSearch.Choice regularisation(HeadRecord previous, TrainingData data, TrainSettings base,
                                                              Double givenC, long seed, Cancellation cancel) {
        if (givenC != null) {
            return RegularisationSearch.Choice.fixed(givenC, data.size());
        }
        RegularisationSearch.Choice before = previous == null ? null
                : RegularisationSearch.Choice.fromMap(previous.provenance().get(REGULARISATION_KEY));
        if (before != null && !before.how().endsWith("given") && !RegularisationSearch.isDue(before, data)) {
            return before.keptFor(data.size());
        }
        return RegularisationSearch.choose(data, base, TrainSettings.DEFAULT_C, seed, cancel);
    }

    /** The L2 strength C stored with a version and how it was chosen, or null for versions from before the choice. */
    public static RegularisationSearch.Choice regularisationOf(HeadRecord head) {
        return RegularisationSearch.Choice.fromMap(head.provenance().get(REGULARISATION_KEY));
    }

    /** A pool head's fit, and why it is the one (auto's cross-validation, when auto chose). */
    record PoolHeadOutcome(PoolFit fit, HeadSelection.Choice choice, String reason) {
        Map<String, Object> toMap(HeadKind requested) {
            Map<String, Object> map = new java.util.LinkedHashMap<>();
            map.put("requested", requested.id());
            map.put("kind", fit.kind().id());
            map.put("reason", reason);
            map.put("details", fit.details());
            if (choice != null) {
                map.put("selection", choice.toMap());
            }
            return map;
        }
    }

    private static Map<String, Object> supervisedProvenance() {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("requested", HeadKind.SUPERVISED.id());
        map.put("kind", HeadKind.SUPERVISED.id());
        map.put("reason", "supervised (the project's head setting)");
        return map;
    }

    private PoolHeadOutcome fitPoolHead(Pool pool, LabelledSet set, HeadKind requested, Head warm,
                                        TrainSettings settings, Cancellation cancel) {
        PoolData data = set.poolData(pool);
        PoolGraph graph = graphs.graphOf(pool, cancel);
        PoolLearner learner = new PoolLearner(settings);
        HeadKind kind = requested;
        HeadSelection.Choice choice = null;
        String reason = requested.id() + " (the project's head setting)";
        if (requested == HeadKind.AUTO) {
            choice = HeadSelection.choose(learner, data, graph, HeadSelection.CANDIDATES, settings.seed(), cancel);
            kind = choice.chosen();
            reason = "auto: " + choice.reason();
        }
        PoolFit fit = learner.fit(kind, data, graph, warm, cancel);
        if (fit.details().get("fallback") != null) {
            reason = reason + "; " + fit.details().get("fallback");
        }
        return new PoolHeadOutcome(fit, choice, reason);
    }

    /** A fitted calibration, or why none was fitted (null and null: too few labels to try). */
    private record Calibrated(CalibrationReport report, String skipped) {
    }

    /**
     * Temperature scaling fitted on a held-out quarter (a head trained on the rest), so uncertainty is
     * computed from calibrated logits; the report keeps the calibration error before and after. Skipped (T stays 1)
     * when the held-out quarter cannot support a temperature: too few items, or all of them right.
     */
    private Calibrated calibrate(TrainingData data, Head warm, TrainSettings settings, Cancellation cancel) {
        Splits.Split split = Splits.stratifiedHoldout(data.primaryLabels(), 0.25, settings.seed());
        if (split.test().length < 10) {
            return new Calibrated(null, null);
        }
        Head fitted = trainer.train(data.subset(split.train()), warm, settings, cancel).head();
        TrainingData held = data.subset(split.test());
        double[][] logits = fitted.logits(held.x());
        String unsupported = TemperatureScaling.unsupportedReason(logits, held.primaryLabels());
        if (unsupported != null) {
            return new Calibrated(null, unsupported);
        }
        return new Calibrated(Calibration.temperatureScale(logits, held.primaryLabels()), null);
    }

    /** The temperature stored with a head, or 1 when it was not calibrated. */
    public static double temperatureOf(HeadRecord head) {
        Object calibration = head.provenance().get("calibration");
        if (calibration instanceof Map<?, ?> m && m.get("temperature") instanceof Number t && t.doubleValue() > 0) {
            return t.doubleValue();
        }
        return 1.0;
    }
}
