package org.querent.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.querent.common.Cancellation;
import org.querent.common.QuerentException;
import org.querent.learn.TrainSettings;
import org.querent.project.Project;
import org.querent.query.PoolPercentiles;
import org.querent.query.QueryContext;
import org.querent.query.ScoringStrategy;
import org.querent.query.Strategies;
import org.querent.query.rules.BatchRules;
import org.querent.query.QueryStrategy;
import org.querent.store.Decision;
import org.querent.store.ItemRecord;
import org.querent.store.RoundRepository.Selection;
import org.querent.session.QueueService.QueueEntry;

/**
 * The labelling loop of one annotator on one project: the item in front of the person, the items queued
 * after it, decisions, undo, and retraining in the background every N decisions, after which the queue is
 * re-ranked while the current item stays where it is. Thread-safe; no JavaFX. Callers run it off the UI
 * thread; listeners are called on the thread that made the change (the UI hops back itself).
 */
public final class LabellingSession {

    /** How the loop picks and retrains; {@code rules} shape each batch (near-duplicates, audit share, ...). */
    public record Settings(String strategy, int batchSize, int retrainEvery, BatchRules rules) {
        public Settings(String strategy, int batchSize, int retrainEvery) {
            this(strategy, batchSize, retrainEvery, BatchRules.none());
        }

        public Settings {
            Strategies.byName(strategy); // fails early, with the list of names, on a typo
            if (batchSize < 1 || retrainEvery < 0) {
                throw QuerentException.usage("batch size must be at least 1 and retrain-every at least 0 (0: never), got "
                        + batchSize + " and " + retrainEvery);
            }
        }
    }

    /** Hears what changed. */
    public interface Listener {
        /** The current item or the items after it changed. */
        default void queueChanged() {
        }

        /** A retrain started in the background. */
        default void trainingStarted() {
        }

        /** A new model version exists and the queue was re-ranked with it. */
        default void modelTrained(TrainingService.Trained trained) {
        }

        /** A background retrain failed; labelling goes on with the previous model. */
        default void trainingFailed(Throwable error) {
        }
    }

    /** Why an item is in front of the person, for the "why this item" panel. */
    public record Why(Selection selection, double uncertaintyPercentile, String uncertaintyMeasure) {
    }

    private final Project project;
    private final String annotator;
    private final Executor trainingExecutor;
    private final LabellingService labelling;
    private final QueueService queues;
    private final TrainingService training;
    private final Executor rankingExecutor;
    private final AtomicBoolean rankingAhead = new AtomicBoolean();
    /** Done when the ranking ahead in flight has appended its batch (or failed): a batch that runs out waits for it. */
    private volatile CompletableFuture<Void> aheadDone = CompletableFuture.completedFuture(null);
    /** Items left in the batch when the next one is ranked ahead, at least (see {@link #lowWater()}). */
    private static final int LOW_WATER = 3;
    /** How long the last ranking of a batch took, and the person's pace between decisions (moving averages). */
    private final RankingPace pace = new RankingPace();
    /** The pool's margin percentiles for "why this item", computed once per set of predictions. */
    private volatile WhyPercentiles whyPercentiles;
    private final Ranker ranker;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean trainingRunning = new AtomicBoolean();
    private final Deque<QueueEntry> upcoming = new ArrayDeque<>();
    /** Items decided while a background re-rank computed its queue: kept out of that queue. */
    private final Set<Long> decidedSinceRerank = new HashSet<>();

    private Settings settings;
    private Pool pool;
    private Predictions predictions;
    private QueueEntry current;
    private int decisionsSinceTraining;
    private volatile Cancellation trainingCancel = new Cancellation();
    /** The whole pool being loaded behind a restored queue (ADR 0020); null once installed or when not restored. */
    private CompletableFuture<Ranker.Ranked> loading;
    /** The queue came from {@link QueueAhead}: the whole pool's ranking replaces it once loaded. */
    private boolean restoredQueue;

    /** The names of the query strategies a session can use, for the screens that offer the choice. */
    public static List<String> strategyNames() {
        return Strategies.names();
    }

    public LabellingSession(Project project, ModelSession models, String annotator, Settings settings,
                            Executor trainingExecutor) {
        this(project, models, annotator, settings, trainingExecutor, trainingExecutor);
    }

    /**
     * @param rankingExecutor where the next batch is ranked ahead, while the person labels the last items of the
     *                        current one (a committee over a large pool takes seconds; a key press must not wait)
     */
    public LabellingSession(Project project, ModelSession models, String annotator, Settings settings,
                            Executor trainingExecutor, Executor rankingExecutor) {
        this.project = project;
        this.annotator = annotator;
        this.settings = settings;
        this.trainingExecutor = trainingExecutor;
        this.rankingExecutor = rankingExecutor;
        this.labelling = new LabellingService(project);
        this.queues = new QueueService(project);
        this.training = new TrainingService(project);
        this.ranker = new Ranker(project, models);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public String annotator() {
        return annotator;
    }

    /** What the UI thread reads, published whole after every change so reads never wait on the monitor. */
    private record View(QueueEntry current, List<QueueEntry> upcoming, Settings settings, Predictions predictions,
                        Pool pool) {
    }

    private volatile View view;

    /** Called at the end of every change made under the monitor. */
    private void publish() {
        view = new View(current, List.copyOf(upcoming), settings, predictions, pool);
    }

    private View view() {
        View v = view;
        return v != null ? v : new View(null, List.of(), settings, null, null);
    }

    /** Never waits: safe on the UI thread while a re-rank runs. */
    public Settings settings() {
        return view().settings();
    }

    /**
     * Queues the first batch: the saved queue when it still stands (the first item at once, the whole pool loaded
     * and ranked behind it on the ranking lane), else the scored pool loaded, predicted and ranked here. Slow:
     * call off the UI thread.
     */
    public void start() {
        if (startFromSavedQueue() || startFromASample()) {
            return;
        }
        Ranker.Ranked ranked = ranker.predictPool();
        synchronized (this) {
            pool = ranked.pool();
            predictions = ranked.predictions();
            current = null;
            upcoming.clear();
            refill(Set.of());
            advance();
            publish();
        }
        fireQueueChanged();
        // Labels from class folders (or from the command line) but no head yet: learn from them at once, so the
        // pre-labels and the status are the model's, not the zero-shot guess's, without waiting for R.
        // Checked on the training lane: reading every label here would delay the first item.
        if (ranked.predictions().modelVersion() == null && project.decisions().lastId() > 0) {
            trainingExecutor.execute(() -> {
                if (training.canTrain(ranked.pool())) {
                    retrainInBackground();
                }
            });
        }
    }

    private boolean startFromSavedQueue() {
        Optional<List<QueueEntry>> saved = QueueAhead.restore(project, annotator, settings, ranker.modelHash());
        return saved.isPresent() && startFrom(saved.get());
    }

    /**
     * A large pool with no saved queue (its first open, or a version trained elsewhere): the first batch is ranked
     * on a uniform sample, read by id, and the whole pool loads and re-ranks behind it as behind a saved queue.
     * Loading a million vectors takes seconds; the person starts at once (ADR 0020).
     */
    private boolean startFromASample() {
        if (project.embeddings().poolCandidates() <= sampleStartPool) {
            return false;
        }
        Pool sample = Pool.sample(project, ranker.modelHash(), startSample, project.rounds().count() + 1L);
        if (sample.size() == 0) {
            return false;
        }
        Optional<Predictions> predicted = ranker.predictSample(sample);
        if (predicted.isEmpty()) {
            return false;
        }
        // Three batches' worth: a fast person must not run out before the pool has loaded and ranked (seconds at
        // a million items), or the next key press would wait for it.
        QueueService.Queue queue = queues.next(sample, predicted.get(), settings.strategy(),
                settings.batchSize() * START_BATCHES, project.rounds().count() + 1L, Set.of(),
                settings.rules() == null ? BatchRules.none() : settings.rules());
        return !queue.entries().isEmpty() && startFrom(queue.entries());
    }

    /** Pools of more candidates than this start from a sample's batch (see {@link #startFromASample}). */
    static final int SAMPLE_START_POOL = QueueService.LARGE_POOL;
    /** Items the first batch of a large pool is ranked on. */
    static final int START_SAMPLE = 5_000;
    /** The first batch of a large pool, ranked on the sample, is this many batches long. */
    static final int START_BATCHES = 3;
    private int sampleStartPool = SAMPLE_START_POOL;
    private int startSample = START_SAMPLE;

    /** For tests: pools above {@code pool} candidates start from a sample of {@code sample} (before {@link #start}). */
    void startFromASampleAbove(int pool, int sample) {
        this.sampleStartPool = pool;
        this.startSample = sample;
    }

    /** Shows {@code first} at once and loads and ranks the whole pool behind it on the ranking lane. */
    private boolean startFrom(List<QueueEntry> first) {
        CompletableFuture<Ranker.Ranked> load = new CompletableFuture<>();
        synchronized (this) {
            current = null;
            upcoming.clear();
            upcoming.addAll(first);
            current = upcoming.pollFirst();
            restoredQueue = true;
            loading = load;
            publish();
        }
        fireQueueChanged();
        try {
            rankingExecutor.execute(() -> {
                try {
                    load.complete(ranker.predictPool());
                } catch (RuntimeException e) {
                    load.completeExceptionally(e);
                    return;
                }
                installLoadedPool();
            });
        } catch (RuntimeException rejected) {
            load.completeExceptionally(rejected); // closing: whoever waits on the pool hears why
        }
        return true;
    }

    /**
     * Puts the loaded pool in place of the restored queue's few items and ranks it, keeping the item in front. The
     * ranking runs outside the monitor: at a million items it takes seconds, and a decision meanwhile goes on through
     * the restored items instead of waiting (it waited 9 s in the latency benchmark).
     */
    private void installLoadedPool() {
        Pool loaded;
        Predictions loadedWith;
        synchronized (this) {
            if (!restoredQueue) {
                return; // a decision needed the pool first and ranked it already
            }
            loaded = requirePool();
            loadedWith = predictions;
        }
        if (swapIn(loaded, loadedWith)) {
            fireQueueChanged();
        }
    }

    /**
     * The pool, waiting for the load behind a restored queue when it has not arrived yet (call under the monitor,
     * off the UI thread; the load itself never takes the monitor, so this cannot deadlock).
     */
    private Pool requirePool() {
        if (pool == null && loading != null) {
            Ranker.Ranked ranked = loading.join();
            pool = ranked.pool();
            predictions = ranked.predictions();
            loading = null;
        }
        return pool;
    }

    /** The pool, waiting for it while it loads behind a restored queue. Off the UI thread. */
    public Pool awaitPool() {
        CompletableFuture<Ranker.Ranked> l;
        synchronized (this) {
            if (pool != null || loading == null) {
                return pool;
            }
            l = loading;
        }
        return l.join().pool();
    }

    private void saveQueueQuietly() {
        try {
            saveQueue();
        } catch (RuntimeException e) {
            // read-only or full file: the next open ranks the whole pool instead
        }
    }

    /** Saves the queue in front of the person, so that opening the project again starts from it. */
    public void saveQueue() {
        View v = view();
        List<QueueEntry> entries = new ArrayList<>();
        if (v.current() != null) {
            entries.add(v.current());
        }
        entries.addAll(v.upcoming());
        QueueAhead.save(project, annotator, v.settings(), ranker.modelHash(), entries);
    }

    /**
     * Reloads the pool after more items were scored (behind the labelling) and re-ranks, keeping the item in
     * front. Slow: call off the UI thread.
     */
    public void refreshPool() {
        Ranker.Ranked ranked = ranker.predictPool();
        synchronized (this) {
            pool = ranked.pool();
            predictions = ranked.predictions();
            reRankKeepingCurrent();
            if (current == null) {
                advance();
            }
            publish();
        }
        fireQueueChanged();
    }

    /** The item in front of the person, if any is left. */
    public Optional<QueueEntry> current() {
        return Optional.ofNullable(view().current());
    }

    /** The next items, for decoding ahead. */
    public List<QueueEntry> upcoming(int n) {
        return view().upcoming().stream().limit(n).toList();
    }

    public Predictions predictions() {
        return view().predictions();
    }

    /** The pool in memory (null before {@link #start}): screens read it instead of loading it again. */
    public Pool pool() {
        return view().pool();
    }

    /** Labels the current item and moves on; the decision is committed when this returns. */
    public Decision label(List<String> labels) {
        QueueEntry item = requireCurrent();
        // Record the pre-label the person saw, which a retrain may have refreshed since the item's round.
        LabellingService.Shown shown = new LabellingService.Shown(item.preLabel(),
                Double.isNaN(item.confidence()) ? null : item.confidence(), item.modelVersion());
        Decision d = labelling.label(item.item().id(), labels, annotator, shown);
        afterDecision();
        return d;
    }

    /** Accepts the pre-label of the current item. */
    public Decision accept() {
        QueueEntry item = requireCurrent();
        if (item.preLabel() == null) {
            throw QuerentException.usage("there is no pre-label to accept yet: choose a label");
        }
        return label(List.of(item.preLabel().split(",")));
    }

    public Decision skip() {
        Decision d = labelling.skip(requireCurrent().item().id(), annotator);
        afterDecision();
        return d;
    }

    /** Flags the current item for review (escalation) and moves on. */
    public Decision flag(String reason) {
        Decision d = labelling.flag(requireCurrent().item().id(), reason, annotator);
        afterDecision();
        return d;
    }

    /** Escalates the current item to the lead with a reason; it leaves the queue. Returns the escalation's uid. */
    public String escalate(String reason) {
        String uid = new org.querent.team.EscalationService(project).escalate(requireCurrent().item().id(), reason,
                annotator);
        afterDecision();
        return uid;
    }

    /** Adds a note to the current item; the item stays. */
    public Decision note(String text) {
        return labelling.note(requireCurrent().item().id(), text, annotator);
    }

    /** Changes the label of an item decided earlier (from the history panel); the current item stays. */
    public Decision relabel(long itemId, List<String> labels) {
        return labelling.label(itemId, labels, annotator);
    }

    /**
     * Reverts this annotator's last decision; its item comes back in front and the item that was in
     * front goes back to the head of the queue.
     */
    public Decision undo() {
        Decision undone = labelling.undo(annotator);
        synchronized (this) {
            int row = requirePool().indexOf(undone.itemId());
            if (row >= 0 && (current == null || current.item().id() != undone.itemId())) {
                if (current != null) {
                    upcoming.addFirst(current);
                }
                upcoming.removeIf(e -> e.item().id() == undone.itemId());
                current = entryFor(row, 0, Double.NaN);
            }
            decisionsSinceTraining = Math.max(0, decisionsSinceTraining - 1);
            publish();
        }
        fireQueueChanged();
        return undone;
    }

    /** Puts any scored item in front (from the browser); the previous current item goes back to the queue. */
    public void open(long itemId) {
        synchronized (this) {
            int row = requirePool().indexOf(itemId);
            if (row < 0) {
                throw QuerentException.usage("item " + itemId + " is not scored yet (or is quarantined): score the "
                        + "project first");
            }
            if (current != null && current.item().id() == itemId) {
                return;
            }
            if (current != null) {
                upcoming.addFirst(current);
            }
            upcoming.removeIf(e -> e.item().id() == itemId);
            current = entryFor(row, 0, Double.NaN);
            publish();
        }
        fireQueueChanged();
    }

    /** Changes strategy or batch size; the queue after the current item is re-ranked at once. */
    public void changeSettings(Settings newSettings) {
        synchronized (this) {
            settings = newSettings;
            reRankKeepingCurrent();
            publish();
        }
        fireQueueChanged();
    }

    /** Retrains now, in the background (no-op when a retrain is already running). */
    public void retrainNow() {
        retrainInBackground();
    }

    public boolean isTraining() {
        return trainingRunning.get();
    }

    /** Why the current item was shown: its round, and how uncertain it is compared with the rest of the pool. */
    public Optional<Why> whyCurrent() {
        QueueEntry entry;
        Predictions shown;
        synchronized (this) {
            entry = current;
            shown = predictions;
        }
        if (entry == null) {
            return Optional.empty();
        }
        Selection selection = project.rounds().latestSelection(entry.item().id()).orElse(null);
        QueryStrategy margin = Strategies.byName("margin");
        double percentile = Double.NaN;
        if (shown != null && margin instanceof ScoringStrategy scoring) {
            // The pool's scores sorted once per set of predictions, not per item shown (a million rows: a sort).
            WhyPercentiles cached = whyPercentiles;
            if (cached == null || cached.of() != shown) {
                cached = new WhyPercentiles(shown, PoolPercentiles.of(scoring.scores(
                        new QueryContext(shown.probabilityRows(), null, project.settings().multiLabel(), 0))));
                whyPercentiles = cached;
            }
            double mine = scoring.scores(new QueryContext(new double[][] {entry.probabilities()}, null,
                    project.settings().multiLabel(), 0))[0];
            percentile = cached.percentiles().percentile(mine);
        }
        return Optional.of(new Why(selection, percentile, "margin"));
    }

    private record WhyPercentiles(Predictions of, PoolPercentiles percentiles) {
    }

    private QueueEntry requireCurrent() {
        synchronized (this) {
            if (current == null) {
                throw QuerentException.usage("nothing left to label: every scored item has a decision");
            }
            return current;
        }
    }

    private void afterDecision() {
        pace.decided(System.nanoTime());
        boolean retrain;
        boolean rankAhead;
        CompletableFuture<Void> inFlight = aheadDone;
        boolean outOfBatch;
        synchronized (this) {
            if (current != null) {
                decidedSinceRerank.add(current.item().id()); // the item just decided
            }
            outOfBatch = upcoming.isEmpty();
        }
        if (outOfBatch && !inFlight.isDone()) {
            // The batch ran out while the next one is being ranked ahead: wait for it rather than rank it again in
            // line (the decisions lane is single-file, so nothing acts on the decided item meanwhile).
            try {
                inFlight.get(2, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // ranked in line below instead
            }
        }
        synchronized (this) {
            advance();
            decisionsSinceTraining++;
            retrain = settings.retrainEvery() > 0 && decisionsSinceTraining >= settings.retrainEvery();
            rankAhead = current != null && upcoming.size() < lowWater();
            publish();
        }
        fireQueueChanged();
        if (retrain) {
            retrainInBackground();
        } else if (rankAhead) {
            rankNextBatchAhead(); // a retrain brings its own fresh batch
        }
    }

    /**
     * Ranks the next batch in the background while the last items of this one are labelled, and appends it,
     * so the decision path never waits for a strategy (it ranks in line only if the batch runs out first).
     */
    private void rankNextBatchAhead() {
        if (!rankingAhead.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        aheadDone = done;
        try {
            rankingExecutor.execute(() -> {
                try {
                    Pool rankedPool;
                    Predictions rankedWith;
                    Settings rankSettings;
                    Set<Long> exclude = new HashSet<>();
                    synchronized (this) {
                        if (pool == null) {
                            return; // the pool is still loading behind a restored queue: it ranks the next batch
                        }
                        rankedPool = pool;
                        rankedWith = predictions;
                        rankSettings = settings;
                        if (current != null) {
                            exclude.add(current.item().id());
                        }
                        upcoming.forEach(e -> exclude.add(e.item().id())); // only these can be decided meanwhile
                    }
                    long ranking0 = System.nanoTime();
                    QueueService.Queue queue = queues.next(rankedPool, rankedWith, rankSettings.strategy(),
                            rankSettings.batchSize(), project.rounds().count() + 1L, exclude,
                            rankSettings.rules() == null ? BatchRules.none() : rankSettings.rules());
                    pace.ranked(System.nanoTime() - ranking0);
                    synchronized (this) {
                        if (pool != rankedPool || settings != rankSettings) {
                            return; // the pool grew or the settings changed: a fresh batch is queued meanwhile
                        }
                        Set<Long> queued = new HashSet<>();
                        upcoming.forEach(e -> queued.add(e.item().id()));
                        for (QueueEntry e : queue.entries()) {
                            if (!queued.contains(e.item().id()) && stillToShow(e)) {
                                // Chosen by the model of a moment ago: its pre-label is the newest model's.
                                upcoming.add(predictions == rankedWith ? e
                                        : entryFor(pool.indexOf(e.item().id()), e.rank(), e.score()));
                            }
                        }
                        if (current == null) {
                            advance();
                        }
                        publish();
                    }
                    fireQueueChanged();
                } catch (RuntimeException e) {
                    // Nothing lost: when the batch runs out, the next one is ranked in line and its error shown.
                } finally {
                    rankingAhead.set(false);
                    done.complete(null);
                }
            });
        } catch (RuntimeException rejected) {
            rankingAhead.set(false); // the executor is shut down: the project is closing
            done.complete(null);
        }
    }

    /**
     * Items left when the next batch is ranked ahead: enough for the ranking to finish, twice over, at the person's
     * pace (at least {@value #LOW_WATER}, at most a batch, so a slow ranking starts as soon as a batch arrives).
     */
    private int lowWater() {
        return Math.max(LOW_WATER, Math.min(settings.batchSize(), pace.itemsToCover(2.0) + 1));
    }

    /** Moves to the next queued item, queueing a new round when the batch is used up. */
    private void advance() {
        if (upcoming.isEmpty()) {
            refill(current == null ? Set.of() : Set.of(current.item().id()));
        }
        current = upcoming.pollFirst();
    }

    private void refill(Set<Long> exclude) {
        requirePool();
        restoredQueue = false;
        long ranking0 = System.nanoTime();
        QueueService.Queue queue = queues.next(pool, predictions, settings.strategy(), settings.batchSize(),
                project.rounds().count() + 1L, exclude, settings.rules() == null ? BatchRules.none() : settings.rules());
        pace.ranked(System.nanoTime() - ranking0);
        upcoming.addAll(queue.entries());
    }

    private void reRankKeepingCurrent() {
        upcoming.clear();
        Set<Long> exclude = new HashSet<>();
        if (current != null) {
            exclude.add(current.item().id());
            int row = pool.indexOf(current.item().id());
            if (row >= 0) {
                current = entryFor(row, current.rank(), current.score()); // fresh pre-label from the new model
            }
        }
        refill(exclude);
    }

    private QueueEntry entryFor(int row, int rank, double score) {
        double[] p = predictions.probabilities(row);
        QueueService.PreLabel pre = predictions.hasPreLabels()
                ? QueueService.PreLabel.of(p, predictions.labels(), project.settings().multiLabel()) : null;
        return new QueueEntry(pool.items().get(row), rank, score, pre == null ? null : pre.labels(),
                pre == null ? Double.NaN : pre.confidence(), p, predictions.modelVersion());
    }

    /**
     * Predicts {@code ranked} with the newest head and ranks it outside the monitor (database reads, strategy and
     * committee work: decisions go on meanwhile, and what they decided is filtered out), then swaps the queue in.
     * False, with nothing changed, when the pool was replaced in the meantime.
     */
    private boolean swapIn(Pool ranked) {
        return swapIn(ranked, ranker.predict(ranked));
    }

    private boolean swapIn(Pool ranked, Predictions fresh) {
        Set<Long> exclude = new HashSet<>();
        Settings rankWith;
        synchronized (this) {
            decidedSinceRerank.clear();
            if (current != null) {
                exclude.add(current.item().id());
            }
            rankWith = settings;
        }
        QueueService.Queue queue = queues.next(ranked, fresh, rankWith.strategy(), rankWith.batchSize(),
                project.rounds().count() + 1L, exclude,
                rankWith.rules() == null ? BatchRules.none() : rankWith.rules());
        synchronized (this) {
            if (pool != ranked) {
                return false;
            }
            predictions = fresh;
            if (current != null) {
                int row = pool.indexOf(current.item().id());
                if (row >= 0) {
                    current = entryFor(row, current.rank(), current.score()); // fresh pre-label
                }
            }
            upcoming.clear();
            restoredQueue = false;
            for (QueueEntry e : queue.entries()) {
                if (stillToShow(e)) {
                    upcoming.add(e);
                }
            }
            if (current == null) {
                advance();
            }
            publish();
            return true;
        }
    }

    /** Not the item in front, nor one decided since the last re-rank (call under the monitor). */
    private boolean stillToShow(QueueEntry e) {
        long id = e.item().id();
        return (current == null || current.item().id() != id) && !decidedSinceRerank.contains(id);
    }

    private void retrainInBackground() {
        if (!trainingRunning.compareAndSet(false, true)) {
            return;
        }
        synchronized (this) {
            decisionsSinceTraining = 0;
        }
        Cancellation cancel = new Cancellation();
        trainingCancel = cancel;
        listeners.forEach(Listener::trainingStarted);
        trainingExecutor.execute(() -> {
            try {
                Pool snapshot;
                synchronized (this) {
                    snapshot = requirePool();
                }
                TrainingService.Trained trained = training.train(snapshot, TrainSettings.defaults(), cancel);
                // The pool may grow meanwhile (scoring behind the labelling): predict over the pool in force at
                // the swap, retrying when it changed under the ranking.
                Pool ranked = snapshot;
                for (int attempt = 0; attempt < 3; attempt++) {
                    if (swapIn(ranked)) {
                        break;
                    }
                    synchronized (this) {
                        ranked = pool;
                    }
                }
                saveQueueQuietly(); // a kill later still leaves the next open a queue to start from
                listeners.forEach(l -> l.modelTrained(trained));
                fireQueueChanged();
            } catch (RuntimeException e) {
                listeners.forEach(l -> l.trainingFailed(e));
            } finally {
                trainingRunning.set(false);
            }
        });
    }

    /** Stops a running retrain at its next step (when the project closes). */
    public void cancelTraining() {
        trainingCancel.cancel();
    }

    private void fireQueueChanged() {
        listeners.forEach(Listener::queueChanged);
    }

    /** Items decided in this project, newest first, for the history panel. */
    public List<ItemRecord> recentItems(int n) {
        List<ItemRecord> out = new ArrayList<>();
        for (Decision d : project.decisions().recentOf(annotator, n)) {
            project.items().byId(d.itemId()).ifPresent(out::add);
        }
        return out;
    }
}
