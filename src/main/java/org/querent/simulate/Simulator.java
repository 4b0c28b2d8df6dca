package org.querent.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.querent.common.Cancellation;
import org.querent.common.QuerentException;
import org.querent.learn.Committee;
import org.querent.learn.Evaluation;
import org.querent.learn.Head;
import org.querent.learn.RegularisationSearch;
import org.querent.learn.Splits;
import org.querent.learn.TrainingData;
import org.querent.learn.graph.NeighbourSearch;
import org.querent.learn.pool.HeadKind;
import org.querent.learn.pool.HeadSelection;
import org.querent.learn.pool.LabelSpreading;
import org.querent.learn.pool.PoolData;
import org.querent.learn.pool.PoolFit;
import org.querent.learn.pool.PoolGraph;
import org.querent.learn.pool.PoolLearner;
import org.querent.query.AdaptiveStrategy;
import org.querent.query.Exp3;
import org.querent.query.QueryContext;
import org.querent.query.QueryStrategy;
import org.querent.query.Ranking;
import org.querent.query.Strategies;
import org.querent.query.rules.BatchCandidates;
import org.querent.query.rules.BatchComposer;
import org.querent.query.rules.ComposedBatch;
import org.querent.query.rules.Pick;

/**
 * The labelling loop with an annotator that answers from ground truth: train, evaluate on a held-out
 * split, query a batch, label it, until the budget. Every strategy of a seed starts from the same test
 * split and the same initial labels, so curves differ only by what the strategy picked. With batch rules, each
 * batch is composed from the strategy's full ranking; an item's source is its parent folder and its age its
 * row (scan order), as in a project.
 */
public final class Simulator {
    /** Neighbours per item in the graph of the pool heads. */
    public static final int GRAPH_K = 10;

    /** What each round's head decided, for the caller to log (auto's choice and its figures). */
    /**
     * @param arm the strategy adaptive drew for the batch picked after this training, or null for other strategies
     * @param c   the L2 strength the round's head was trained with
     */
    public record RoundHead(String strategy, int seed, int labels, HeadKind fitted, String reason, String arm,
                            double c) {
    }

    private Consumer<RoundHead> headLog = h -> { };
    private boolean chooseC;
    private int firstSeed;

    /** Runs seeds {@code first .. first + seeds - 1} (default 0): one seed per process spreads a slow run. */
    public Simulator firstSeed(int first) {
        if (first < 0) {
            throw QuerentException.usage("--first-seed must not be negative: received " + first);
        }
        this.firstSeed = first;
        return this;
    }

    /**
     * Chooses C by cross-validation on each run's labels as a project does ({@link RegularisationSearch}, searched
     * again as the labels grow by a quarter), instead of the settings' fixed C.
     */
    public Simulator chooseC(boolean choose) {
        this.chooseC = choose;
        return this;
    }
    private List<String> adaptiveArms = AdaptiveStrategy.ARMS;

    /** The strategies adaptive chooses between (default {@link AdaptiveStrategy#ARMS}). */
    public Simulator adaptiveArms(List<String> arms) {
        arms.forEach(Strategies::byName); // an unknown name fails before any run
        this.adaptiveArms = List.copyOf(arms);
        return this;
    }

    /** Receives the head of every round (auto's choice and why). */
    public Simulator onRoundHead(Consumer<RoundHead> log) {
        this.headLog = log;
        return this;
    }

    public List<CurvePoint> run(LabelledDataset data, SimulationSettings settings, Consumer<CurvePoint> sink) {
        List<QueryStrategy> strategies = settings.strategies().stream().map(Simulator::strategyNamed).toList();
        List<CurvePoint> all = new ArrayList<>();
        // The graph covers every item, as a project's pool does; test labels are never seen.
        PoolGraph graph = new PoolGraph(() -> NeighbourSearch.forPool(data.size()).build(data.embeddings(), GRAPH_K,
                Cancellation.none()));
        for (int seed = firstSeed; seed < firstSeed + settings.seeds(); seed++) {
            Splits.Split split = Splits.stratifiedHoldout(data.truth(), settings.testFraction(), seed);
            int[] pool = split.train();
            if (pool.length < settings.initial()) {
                throw QuerentException.usage("the pool has " + pool.length + " items after the test split, fewer than "
                        + "--initial " + settings.initial());
            }
            int[] initial = initialPicks(data, settings, pool, seed);
            for (QueryStrategy strategy : strategies) {
                for (CurvePoint p : runOne(data, settings, strategy, seed, split.test(), pool, initial, graph)) {
                    all.add(p);
                    sink.accept(p);
                }
            }
        }
        return all;
    }

    private List<CurvePoint> runOne(LabelledDataset data, SimulationSettings s, QueryStrategy strategy, int seed,
                                    int[] test, int[] pool, int[] initial, PoolGraph graph) {
        int classes = data.classes().size();
        boolean[] labelled = new boolean[data.size()];
        List<Integer> order = new ArrayList<>();
        for (int i : initial) {
            labelled[i] = true;
            order.add(i);
        }
        int[] testY = Arrays.stream(test).map(i -> data.truth()[i]).toArray();
        List<CurvePoint> curve = new ArrayList<>();
        // adaptive keeps a bandit between rounds: a fresh one per run, so seeds stay independent
        AdaptiveStrategy adaptive = strategy instanceof AdaptiveStrategy
                ? new AdaptiveStrategy(Exp3.start(adaptiveArms, AdaptiveStrategy.GAMMA)) : null;
        PoolFit previousFit = null;
        PoolLearner learner = new PoolLearner(s.train().withSeed(seed), LabelSpreading.DEFAULT_ALPHA, false);
        Head head = null;
        RegularisationSearch.Choice cChoice = null;
        int round = 0;
        while (true) {
            int[] train = order.stream().mapToInt(Integer::intValue).toArray();
            int[] trainY = Arrays.stream(train).map(i -> data.truth()[i]).toArray();
            TrainingData td = TrainingData.singleLabel(rows(data.embeddings(), train), trainY, classes);
            PoolData poolData = PoolData.singleLabel(data.embeddings(), train, trainY, classes);
            if (chooseC && RegularisationSearch.isDue(cChoice, td)) {
                cChoice = RegularisationSearch.choose(td, s.train(), s.train().c(), seed * 7919L + round,
                        Cancellation.none());
                if (cChoice.c() != learner.settings().c()) {
                    learner = new PoolLearner(s.train().withC(cChoice.c()).withSeed(seed), LabelSpreading.DEFAULT_ALPHA,
                            false);
                }
            }
            HeadKind kind = s.head();
            String reason = kind.id();
            if (kind == HeadKind.AUTO) {
                HeadSelection.Choice choice = HeadSelection.choose(learner, poolData, graph, HeadSelection.CANDIDATES,
                        seed * 31L + round, Cancellation.none());
                kind = choice.chosen();
                reason = choice.reason();
            }
            PoolFit fit = learner.fit(kind, poolData, graph, head, Cancellation.none());
            head = fit.head();
            Evaluation eval = Evaluation.of(testY, Evaluation.argmax(fit.predictRows(data.embeddings(), test)), classes);
            curve.add(new CurvePoint(strategy.name(), seed, train.length, eval.accuracy(), eval.macroF1()));
            if (train.length >= s.budget()) {
                headLog.accept(new RoundHead(strategy.name(), seed, train.length, fit.kind(), reason, null,
                        learner.settings().c()));
                return curve;
            }
            int[] candidates = Arrays.stream(pool).filter(i -> !labelled[i]).toArray();
            if (candidates.length == 0) {
                headLog.accept(new RoundHead(strategy.name(), seed, train.length, fit.kind(), reason, null,
                        learner.settings().c()));
                return curve;
            }
            int want = Math.min(s.batch(), s.budget() - train.length);
            float[][] candidateX = rows(data.embeddings(), candidates);
            long roundSeed = seed * 1_000_003L + round++;
            QueryContext context = new QueryContext(fit.predictRows(data.embeddings(), candidates), candidateX, false,
                    roundSeed).withLogits(fit.logitRows(data.embeddings(), candidates));
            if (strategy.needsLabelled()) {
                context = context.withLabelled(td.x(), td.primaryLabels());
            }
            if (strategy.needsCommittee()) {
                context = context.withCommittee(Committee.train(td, head, s.train().withSeed(seed), roundSeed)
                        .predict(candidateX));
            }
            int[] picks;
            if (adaptive != null) {
                picks = adaptivePicks(adaptive, context, data, candidates, want, previousFit, fit);
            } else {
                picks = pick(strategy, context, s, data, candidates, train, want);
            }
            headLog.accept(new RoundHead(strategy.name(), seed, train.length, fit.kind(), reason,
                    adaptive == null ? null : adaptive.lastArm(), learner.settings().c()));
            previousFit = fit;
            if (picks.length == 0) {
                return curve; // the rules left nothing to pick
            }
            for (int k = 0; k < picks.length; k++) {
                int item = candidates[picks[k]];
                labelled[item] = true; // the simulated annotator answers with data.truth()[item]
                order.add(item);
            }
        }
    }

    /**
     * Adaptive's batch: first a uniformly random share (the fresh items: neither the previous nor the current model
     * was trained on them, so the change in their log-likelihood rewards the arm that picked the last batch), then
     * the rest from the arm the bandit draws now.
     */
    private static int[] adaptivePicks(AdaptiveStrategy adaptive, QueryContext context, LabelledDataset data,
                                       int[] candidates, int want, PoolFit previousFit, PoolFit fit) {
        int fresh = Math.min(want, Math.max(1, (int) Math.round(want * AdaptiveStrategy.RANDOM_SHARE)));
        int[] random = Strategies.byName("random").select(context, fresh).indices();
        if (previousFit != null && random.length > 0) {
            int[] rows = Arrays.stream(random).map(k -> candidates[k]).toArray();
            int[] truth = Arrays.stream(rows).map(i -> data.truth()[i]).toArray();
            adaptive.reward(Exp3.logLikelihoodReward(previousFit.predictRows(data.embeddings(), rows),
                    fit.predictRows(data.embeddings(), rows), truth));
        }
        boolean[] taken = new boolean[candidates.length];
        List<Integer> picks = new ArrayList<>();
        for (int k : random) {
            taken[k] = true;
            picks.add(k);
        }
        for (int k : adaptive.select(context, want).indices()) {
            if (picks.size() >= want) {
                break;
            }
            if (!taken[k]) {
                taken[k] = true;
                picks.add(k);
            }
        }
        return picks.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * A strategy by name; "adaptive" is known to simulate only: it did not beat margin here (README), so the queue
     * does not offer it.
     */
    static QueryStrategy strategyNamed(String name) {
        return AdaptiveStrategy.NAME.equals(name == null ? null : name.trim()) ? new AdaptiveStrategy()
                : Strategies.byName(name);
    }

    /** "random" keeps the shuffle simulate always used, so earlier curves stay reproducible. */
    static int[] initialPicks(LabelledDataset data, SimulationSettings settings, int[] pool, int seed) {
        if ("random".equals(settings.initialStrategy())) {
            return randomSubset(pool, settings.initial(), seed);
        }
        int[] picks = InitialPicks.select(settings.initialStrategy(), data.embeddings(), pool, settings.initial(),
                data.classes().size(), seed * 7919L + 17);
        if (picks.length < settings.initial()) {
            throw new IllegalStateException("initial strategy " + settings.initialStrategy() + " picked " + picks.length
                    + " items, expected " + settings.initial());
        }
        return picks;
    }

    /** Candidate rows to label next: the strategy's top ones, or a batch composed under the rules. */
    private static int[] pick(QueryStrategy strategy, QueryContext context, SimulationSettings s, LabelledDataset data,
                              int[] candidates, int[] labelled, int want) {
        if (!s.rules().active()) {
            return strategy.select(context, want).indices();
        }
        Ranking full = strategy.select(context, candidates.length);
        String[] sources = new String[candidates.length];
        long[] added = new long[candidates.length];
        for (int k = 0; k < candidates.length; k++) {
            sources[k] = sourceOf(data.paths().get(candidates[k]));
            added[k] = candidates[k];
        }
        float[][] labelledX = s.rules().nearDuplicate() > 0 ? rows(data.embeddings(), labelled) : new float[0][];
        ComposedBatch batch = new BatchComposer(s.rules()).compose(full,
                new BatchCandidates(context.embeddings(), sources, added, labelledX), want, context.seed());
        return batch.picks().stream().mapToInt(Pick::index).toArray();
    }

    /** The parent folder of a dataset key ("" at the root), as import records an item's source. */
    static String sourceOf(String path) {
        String p = path.replace('\\', '/');
        int hash = p.indexOf('#');
        if (hash >= 0) {
            p = p.substring(0, hash);
        }
        int slash = p.lastIndexOf('/');
        return slash < 0 ? "" : p.substring(0, slash);
    }

    private static int[] randomSubset(int[] pool, int n, long seed) {
        int[] copy = pool.clone();
        Random random = new Random(seed * 7919L + 17);
        for (int i = copy.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        return Arrays.copyOf(copy, n);
    }

    private static float[][] rows(float[][] x, int[] index) {
        float[][] out = new float[index.length][];
        for (int i = 0; i < index.length; i++) {
            out[i] = x[index[i]];
        }
        return out;
    }
}
