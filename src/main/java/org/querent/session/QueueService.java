package org.querent.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.querent.common.LogitMatrix;
import org.querent.common.QuerentException;
import org.querent.learn.Committee;
import org.querent.learn.Head;
import org.querent.learn.TrainSettings;
import org.querent.learn.TrainingData;
import org.querent.project.Project;
import org.querent.store.HeadRecord;
import org.querent.query.QueryContext;
import org.querent.query.QueryStrategy;
import org.querent.query.Ranking;
import org.querent.query.RandomStrategy;
import org.querent.query.Strategies;
import org.querent.query.TypiclustStrategy;
import org.querent.query.rules.BatchCandidates;
import org.querent.query.rules.BatchComposer;
import org.querent.query.rules.BatchRules;
import org.querent.query.rules.ComposedBatch;
import org.querent.query.rules.Pick;
import org.querent.store.ItemRecord;
import org.querent.store.RoundRepository.Entry;

/**
 * Ranks the unlabelled pool with a query strategy, optionally shapes the batch with {@link BatchRules}, and
 * records the round, so every item shown can later answer "why was I selected".
 */
public final class QueueService {
    private final Project project;

    private final int largePool;
    private final int prefilteredCandidates;

    public QueueService(Project project) {
        this(project, LARGE_POOL, PREFILTERED_CANDIDATES);
    }

    /** With other bounds for what counts as a large pool (tests use a small pool). */
    QueueService(Project project, int largePool, int prefilteredCandidates) {
        this.project = project;
        this.largePool = largePool;
        this.prefilteredCandidates = prefilteredCandidates;
    }

    /**
     * One item of a queue, with its pre-label.
     *
     * @param modelVersion the head whose prediction the pre-label is, or null (zero-shot, model classes, none)
     * @param pick         why it is in the batch: "strategy", "drift" or "audit" (a uniform random pick)
     */
    public record QueueEntry(ItemRecord item, int rank, double score, String preLabel, double confidence,
                             double[] probabilities, Integer modelVersion, String pick) {

        /** An entry the strategy picked. */
        public QueueEntry(ItemRecord item, int rank, double score, String preLabel, double confidence,
                          double[] probabilities, Integer modelVersion) {
            this(item, rank, score, preLabel, confidence, probabilities, modelVersion, Pick.Kind.STRATEGY.label());
        }

        /** Whether the item was drawn at random for the audit estimate. */
        public boolean audit() {
            return Pick.Kind.AUDIT.label().equals(pick);
        }
    }

    /**
     * A recorded round.
     *
     * @param strategy  the strategy that ranked it (typiclust on a cold start)
     * @param coldStart why a cold start replaced the requested strategy, or null
     */
    public record Queue(long roundId, String strategy, String predictor, Integer modelVersion, int candidates,
                        List<QueueEntry> entries, String coldStart) {
    }

    /**
     * Ranks the candidates (scored, unlabelled, not skipped or flagged) and records the round.
     *
     * @param seed for the strategy's random choices; recorded with the round
     */
    public Queue next(Pool pool, Predictions predictions, String strategyName, int size, long seed) {
        return next(pool, predictions, strategyName, size, seed, Set.of());
    }

    /** As {@link #next(Pool, Predictions, String, int, long)}, also leaving out the given items (e.g. the one on screen). */
    public Queue next(Pool pool, Predictions predictions, String strategyName, int size, long seed, Set<Long> alsoExclude) {
        return next(pool, predictions, strategyName, size, seed, alsoExclude, BatchRules.none());
    }

    /**
     * As {@link #next(Pool, Predictions, String, int, long, Set)}, with the batch composed under the rules from the
     * strategy's full ranking. The rules, the audit and drift item ids and what the rules skipped are recorded in
     * the round's settings; audit item ids are also indexed for {@link AuditEstimateService}.
     */
    public Queue next(Pool pool, Predictions predictions, String strategyName, int size, long seed, Set<Long> alsoExclude,
                      BatchRules rules) {
        QueryStrategy requested = Strategies.byName(strategyName);
        String coldStart = coldStart(predictions, requested);
        QueryStrategy strategy = coldStart != null ? new TypiclustStrategy() : requested;
        if (size < 1) {
            throw QuerentException.usage("queue size must be at least 1, got " + size);
        }
        Set<Long> excluded = excludedItems();
        excluded.addAll(alsoExclude);
        List<Integer> rows = candidateRows(pool, excluded);
        int allCandidates = rows.size();
        // Only a strategy or rule that reads vectors gets them. Up to LARGE_POOL rows the pool is decoded once at
        // float32 size and kept; above it a strategy that reads vectors ranks a bounded candidate set, and the rules
        // decode only the candidates they look at, so a million rows never become 1.5 GB of float[] (ADR 0020).
        boolean large = pool.size() > largePool;
        boolean strategyVectors = strategy.readsEmbeddings() || strategy.needsCommittee();
        String prefilter = null;
        // Before a head the sample is smaller: TypiClust clusters at most 2,000 points and measures typicality
        // within 500 members of a cluster anyway, and each batch of a cold start pays for the whole sample.
        int keep = informative(predictions) ? prefilteredCandidates : Math.min(prefilteredCandidates, COLD_START_SAMPLE);
        if (large && strategyVectors && rows.size() > keep) {
            prefilter = informative(predictions) ? "the " + keep + " of " + rows.size()
                    + " candidates with the smallest margin" : "a uniform sample of " + keep
                    + " of " + rows.size() + " candidates";
            rows = prefiltered(rows, predictions, keep, seed);
        }
        // An uncertainty strategy ranks from the candidates' logits alone: no probability row per candidate (ADR 0025).
        boolean logitsAlone = predictions.logits() != null && strategy.ranksFromLogitsAlone();
        int[] rowArray = new int[rows.size()];
        for (int k = 0; k < rowArray.length; k++) {
            rowArray[k] = rows.get(k);
        }
        LogitMatrix logits = predictions.logits() == null ? null : rowArray.length == pool.size()
                ? predictions.logits() : predictions.logits().select(rowArray); // every row a candidate: rows = pool
        double[][] probabilities = logitsAlone ? null : new double[rows.size()][];
        float[][] embeddings = new float[rows.size()][];
        boolean decodeAll = !large && (strategyVectors || rules.active());
        float[][] all = decodeAll ? pool.embeddings() : null;
        for (int k = 0; k < rows.size(); k++) {
            if (probabilities != null) {
                probabilities[k] = predictions.probabilities(rowArray[k]);
            }
            embeddings[k] = decodeAll ? all[rowArray[k]] : large && strategyVectors ? pool.vector(rowArray[k]) : null;
        }
        boolean multiLabel = project.settings().multiLabel();
        QueryContext context = withWhatTheStrategyNeeds(strategy, new QueryContext(probabilities, embeddings, multiLabel,
                seed).withLogits(logits), pool, embeddings, seed);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("size", size);
        settings.put("candidates", allCandidates);
        if (prefilter != null) {
            settings.put("prefiltered", prefilter);
        }
        if (pool.sampleOf() != null) {
            settings.put("provisional", pool.sampleOf());
        }
        if (coldStart != null) {
            settings.put("coldStart", coldStart);
            settings.put("requestedStrategy", requested.name());
        }
        List<Pick> picks = rules.active() ? compose(pool, rows, embeddings, strategy, context, size, seed, rules, settings)
                : strategyPicks(strategy.select(context, size));
        List<QueueEntry> entries = new ArrayList<>();
        List<Entry> recorded = new ArrayList<>();
        List<Long> auditIds = new ArrayList<>();
        for (int r = 0; r < picks.size(); r++) {
            Pick pick = picks.get(r);
            int row = rows.get(pick.index());
            double[] p = predictions.probabilities(row);
            PreLabel pre = predictions.hasPreLabels() ? PreLabel.of(p, predictions.labels(), multiLabel) : null;
            ItemRecord item = pool.items().get(row);
            entries.add(new QueueEntry(item, r + 1, pick.score(), pre == null ? null : pre.labels(),
                    pre == null ? Double.NaN : pre.confidence(), p, predictions.modelVersion(), pick.kind().label()));
            recorded.add(new Entry(item.id(), r + 1, pick.score(), pre == null ? null : pre.labels(),
                    pre == null ? null : pre.confidence()));
            if (pick.kind() == Pick.Kind.AUDIT) {
                auditIds.add(item.id());
            }
        }
        if (rules.active()) {
            settings.put("audit", auditIds);
            settings.put("drift", entries.stream().filter(e -> Pick.Kind.DRIFT.label().equals(e.pick()))
                    .map(e -> e.item().id()).toList());
        }
        long roundId = project.rounds().record(strategy.name(), predictions.modelVersion(), pool.modelHash(),
                predictions.predictor(), allCandidates, seed, settings, recorded);
        if (prefilter == null && pool.sampleOf() == null) {
            AuditPicks.add(project.meta(), roundId, auditIds);
        } // else drawn from the prefiltered set, not uniformly from the pool: shown, but not counted in the estimate
        return new Queue(roundId, strategy.name(), predictions.predictor(), predictions.modelVersion(), allCandidates,
                entries, coldStart);
    }

    /** The rules walk at least this many ranked candidates, or this many per pick, before the whole ranking. */
    static final int RULES_ROOM_MIN = 1_000;
    static final int RULES_ROOM_PER_PICK = 50;

    /** Pools above this many rows are never decoded whole (1.5 GB of float[] at a million 384-d rows). */
    static final int LARGE_POOL = 200_000;
    /** Candidates a vector-reading strategy ranks in a large pool (75 MB decoded at 384 dimensions). */
    static final int PREFILTERED_CANDIDATES = 50_000;
    /** Candidates a cold start clusters in a large pool: a uniform sample. */
    static final int COLD_START_SAMPLE = 10_000;

    /** Whether the probabilities come from a trained head or the model's classes (not zero-shot or none). */
    private static boolean informative(Predictions predictions) {
        return predictions.modelVersion() != null || Predictor.MODEL_CLASSES.equals(predictions.predictor());
    }

    /**
     * The candidates a vector-reading strategy ranks in a large pool: with an informative model, the most
     * uncertain by margin (diversity among the uncertain, the usual two-stage form of BADGE, coreset and
     * committee queries at scale); before one, a seeded uniform sample (what a cold start clusters).
     */
    private static List<Integer> prefiltered(List<Integer> rows, Predictions predictions, int keep, long seed) {
        int[] kept;
        if (informative(predictions)) {
            double[] scores = new double[rows.size()];
            for (int k = 0; k < scores.length; k++) {
                scores[k] = org.querent.query.MarginStrategy.score(predictions.probabilities(rows.get(k)));
            }
            kept = org.querent.query.TopK.select(scores, keep, seed).indices();
        } else {
            kept = new java.util.SplittableRandom(seed).ints(0, rows.size()).distinct().limit(keep).toArray();
        }
        java.util.Arrays.sort(kept); // row order, as the pool's
        List<Integer> out = new ArrayList<>(kept.length);
        for (int k : kept) {
            out.add(rows.get(k));
        }
        return out;
    }

    /** Items no queue offers: labelled, set aside, out in someone's package, or in the evaluation set. */
    public Set<Long> excludedItems() {
        Set<Long> excluded = new HashSet<>(project.decisions().currentLabels().keySet());
        excluded.addAll(project.decisions().setAside());
        excluded.addAll(new org.querent.team.PackService(project).outInPackages()); // someone else has them
        // the evaluation set is labelled from its own list: a strategy choosing among it would bias the estimate
        excluded.addAll(new EvaluationService(project).evalItems());
        return excluded;
    }

    /**
     * The pool rows not excluded, in row order. Pool ids are sorted, so one merge walk over the sorted exclusions
     * replaces a boxed set lookup per row (a million rows: 280 ms to about 10).
     */
    static List<Integer> candidateRows(Pool pool, Set<Long> excluded) {
        long[] out = excluded.stream().mapToLong(Long::longValue).sorted().toArray();
        int[] rows = new int[pool.size()];
        int n = 0;
        int e = 0;
        for (int i = 0; i < pool.size(); i++) {
            long id = pool.id(i);
            while (e < out.length && out[e] < id) {
                e++;
            }
            if (e == out.length || out[e] != id) {
                rows[n++] = i;
            }
        }
        int[] kept = java.util.Arrays.copyOf(rows, n);
        return new java.util.AbstractList<>() {
            @Override
            public Integer get(int k) {
                return kept[k];
            }

            @Override
            public int size() {
                return kept.length;
            }
        };
    }

    /**
     * Why this queue is a cold start, or null: no trained head yet and no classes of the model's own, so the
     * probabilities (zero-shot similarities to the label names, or none) say little about what is worth labelling.
     * Then the batch is chosen for coverage of the pool (TypiClust: the most typical item of each of the largest
     * clusters not yet covered by a label) rather than by their uncertainty. An explicit "random" is kept as asked.
     */
    static String coldStart(Predictions predictions, QueryStrategy requested) {
        if (predictions.modelVersion() != null || Predictor.MODEL_CLASSES.equals(predictions.predictor())
                || requested instanceof RandomStrategy || requested instanceof TypiclustStrategy) {
            return null;
        }
        return "cold start: TypiClust, not " + requested.name() + " (no trained head yet, and the model has no "
                + "classes of its own)";
    }

    private static List<Pick> strategyPicks(Ranking ranking) {
        List<Pick> picks = new ArrayList<>();
        for (int r = 0; r < ranking.size(); r++) {
            picks.add(new Pick(ranking.indices()[r], ranking.scores()[r], Pick.Kind.STRATEGY));
        }
        return picks;
    }

    /** The rules need the whole ranking (to have room to skip), every candidate's source and age, and the labelled vectors. */
    private List<Pick> compose(Pool pool, List<Integer> rows, float[][] embeddings, QueryStrategy strategy,
                               QueryContext context, int size, long seed, BatchRules rules, Map<String, Object> settings) {
        // Room to skip, not the whole pool: a ranking as long as the pool costs a cold start's TypiClust one
        // cluster per candidate (hours at 50,000); the whole ranking only when the room ran out (below).
        int room = Math.min(rows.size(), Math.max(RULES_ROOM_MIN, size * RULES_ROOM_PER_PICK));
        Ranking full = strategy.select(context, room);
        String[] sources = new String[rows.size()];
        long[] added = new long[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            added[k] = pool.id(rows.get(k)); // ids grow as items are imported: the order they were added
        }
        if (rules.maxPerSource() > 0) {
            // Only the per-source cap reads sources: of the candidates, not every active item (a million-row map).
            Map<Long, String> sourceById = rows.size() * 4L < pool.size() ? project.items().sourcesOf(added)
                    : project.items().activeSources();
            for (int k = 0; k < rows.size(); k++) {
                sources[k] = sourceById.get(added[k]);
            }
        } else {
            java.util.Arrays.fill(sources, "");
        }
        List<float[]> labelled = new ArrayList<>();
        if (rules.nearDuplicate() > 0) {
            for (Long id : project.decisions().currentLabels().keySet()) {
                int row = pool.indexOf(id);
                if (row >= 0) {
                    labelled.add(pool.vector(row));
                }
            }
        }
        // The rules read a candidate's vector only when they consider it: decoded then, unless already at hand.
        java.util.function.IntFunction<float[]> vectorOf = k -> embeddings[k] != null ? embeddings[k]
                : pool.vector(rows.get(k));
        BatchCandidates candidates = new BatchCandidates(vectorOf, sources, added, labelled.toArray(new float[0][]));
        ComposedBatch batch = new BatchComposer(rules).compose(full, candidates, size, seed);
        if (batch.picks().size() < Math.min(size, rows.size()) && room < rows.size()) {
            batch = new BatchComposer(rules).compose(strategy.select(context, rows.size()), candidates, size, seed);
        }
        settings.put("rules", rules.toMap());
        settings.put("skippedNearDuplicates", batch.skippedNearDuplicates());
        settings.put("skippedBySourceCap", batch.skippedBySourceCap());
        return batch.picks();
    }

    /** Adds the labelled items (coreset) or a committee's predictions (qbc) when the strategy uses them. */
    private QueryContext withWhatTheStrategyNeeds(QueryStrategy strategy, QueryContext context, Pool pool,
                                                  float[][] candidates, long seed) {
        if (!strategy.needsLabelled() && !strategy.needsCommittee()) {
            return context;
        }
        TrainingData labelled = new TrainingService(project).labelledSet(pool).data();
        if (strategy.needsLabelled()) {
            context = context.withLabelled(labelled.x(), labelled.primaryLabels());
        }
        if (strategy.needsCommittee()) {
            HeadRecord head = ModelVersions.inUse(project, pool.modelHash()).orElseThrow(() -> QuerentException.usage(
                    "'" + strategy.name() + "' compares a committee of trained models: train a model first, "
                            + "or use margin until then"));
            context = context.withCommittee(Committee.train(labelled, Head.fromBytes(head.weights()),
                    TrainSettings.defaults(), seed).predict(candidates));
        }
        return context;
    }

    /** The pre-label of a probability row: argmax, or for multi-label every label at 0.5 or above. */
    public record PreLabel(String labels, double confidence) {
        public static PreLabel of(double[] p, List<String> names, boolean multiLabel) {
            if (!multiLabel) {
                int best = 0;
                for (int j = 1; j < p.length; j++) {
                    if (p[j] > p[best]) {
                        best = j;
                    }
                }
                return new PreLabel(names.get(best), p[best]);
            }
            List<String> chosen = new ArrayList<>();
            double confidence = 1;
            int best = 0;
            for (int j = 0; j < p.length; j++) {
                if (p[j] >= 0.5) {
                    chosen.add(names.get(j));
                }
                confidence *= Math.max(p[j], 1 - p[j]); // the whole set right, if labels were independent
                if (p[j] > p[best]) {
                    best = j;
                }
            }
            if (chosen.isEmpty()) {
                chosen.add(names.get(best));
            }
            return new PreLabel(String.join(",", chosen), confidence);
        }
    }
}
