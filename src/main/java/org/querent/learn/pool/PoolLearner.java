package org.querent.learn.pool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.querent.common.Cancellation;
import org.querent.common.QuerentException;
import org.querent.learn.Head;
import org.querent.learn.HeadTrainer;
import org.querent.learn.TrainSettings;
import org.querent.learn.TrainingData;

/**
 * Fits the supervised, spreading or self-training head on a pool. Every kind trains its linear part with
 * {@link HeadTrainer} and the given settings, so the L2 strength and stopping rule are the supervised head's.
 *
 * <p>Spreading and self-training are single-label only (a spread distribution sums to 1); on multi-label data
 * they fall back to the supervised head and say so in the details.
 */
public final class PoolLearner {

    /** Self-training rounds: each adds up to the labelled count again in pseudo-labels, per class. */
    static final int SELF_TRAINING_ROUNDS = 3;
    /** A pool prediction below this probability is never taken as a pseudo-label. */
    static final double SELF_TRAINING_MIN_CONFIDENCE = 0.5;
    /** Pseudo-labels in the linear part of a head, at most: keeps a retrain on a 100,000-item pool within seconds. */
    static final int MAX_PSEUDO_LABELS = 5_000;

    private final HeadTrainer trainer = new HeadTrainer();
    private final TrainSettings settings;
    private final double alpha;
    private final boolean spreadingHead;

    /**
     * @param settings      the linear part's settings
     * @param alpha         label spreading's neighbour share
     * @param spreadingHead whether a spreading fit also trains its linear head on spread labels (the project needs
     *                      it for stored versions; a simulation that predicts only pool rows does not)
     */
    public PoolLearner(TrainSettings settings, double alpha, boolean spreadingHead) {
        this.settings = settings;
        this.alpha = alpha;
        this.spreadingHead = spreadingHead;
    }

    public PoolLearner(TrainSettings settings) {
        this(settings, LabelSpreading.DEFAULT_ALPHA, true);
    }

    public TrainSettings settings() {
        return settings;
    }

    /**
     * @param kind  supervised, spreading or self-training ({@link HeadSelection} resolves auto)
     * @param graph the pool's graph; only spreading uses it
     * @param warm  a previous head to warm-start the linear part, or null
     */
    public PoolFit fit(HeadKind kind, PoolData data, PoolGraph graph, Head warm, Cancellation cancellation) {
        if (data.labelledRows().length == 0) {
            throw QuerentException.usage("no labelled items to train on: label at least one item first");
        }
        if (kind == HeadKind.AUTO) {
            throw new IllegalArgumentException("auto is resolved by HeadSelection before fitting");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        if (data.multiLabel() && kind != HeadKind.SUPERVISED) {
            details.put("fallback", kind.id() + " is single-label only: trained the supervised head");
            kind = HeadKind.SUPERVISED;
        }
        Head supervised = trainer.train(data.labelled(), warm, settings, cancellation).head();
        return switch (kind) {
            case SUPERVISED -> new PoolFit(HeadKind.SUPERVISED, supervised, null, details);
            case SPREADING -> spreading(data, graph, supervised, details, cancellation);
            case SELF_TRAINING -> selfTraining(data, supervised, details, cancellation);
            case AUTO -> throw new IllegalStateException();
        };
    }

    private PoolFit spreading(PoolData data, PoolGraph graph, Head supervised, Map<String, Object> details,
                              Cancellation cancellation) {
        LabelSpreading spreading = graph.spreading();
        if (spreading.size() != data.x().length) {
            throw new IllegalArgumentException("the neighbour graph has " + spreading.size() + " rows, the pool "
                    + data.x().length + ": rebuild the graph");
        }
        cancellation.throwIfCancelled();
        double[][] spread = spreading.spread(data.labelledRows(), data.labels(), data.classes(), alpha);
        double[][] supervisedPool = null;
        int unreached = 0;
        for (int i = 0; i < spread.length; i++) {
            if (spread[i] == null) { // a part of the graph no label reaches: the supervised head decides there
                if (supervisedPool == null) {
                    supervisedPool = supervised.predict(data.x());
                }
                spread[i] = supervisedPool[i];
                unreached++;
            }
        }
        details.put("alpha", alpha);
        details.put("k", graph.graph().k());
        details.put("graph", graph.graph().method());
        details.put("unreachedRows", unreached);
        Head head = supervised;
        if (spreadingHead) {
            int[] rows = confidentRows(spread, data.labelledMask(), MAX_PSEUDO_LABELS, 0.0, data.classes(),
                    data.labelled().countsPerClass(), Integer.MAX_VALUE);
            head = trainWithPseudoLabels(data, rows, spread, supervised, cancellation);
            details.put("linearHeadPseudoLabels", rows.length);
        }
        return new PoolFit(HeadKind.SPREADING, head, spread, details);
    }

    private PoolFit selfTraining(PoolData data, Head supervised, Map<String, Object> details,
                                 Cancellation cancellation) {
        boolean[] labelled = data.labelledMask();
        int[] counts = data.labelled().countsPerClass();
        Head head = supervised;
        int[] rows = new int[0];
        for (int round = 1; round <= SELF_TRAINING_ROUNDS; round++) {
            cancellation.throwIfCancelled();
            double[][] p = head.predict(data.x());
            rows = confidentRows(p, labelled, MAX_PSEUDO_LABELS, SELF_TRAINING_MIN_CONFIDENCE, data.classes(), counts,
                    round);
            if (rows.length == 0) {
                break;
            }
            head = trainWithPseudoLabels(data, rows, p, head, cancellation);
        }
        details.put("rounds", SELF_TRAINING_ROUNDS);
        details.put("pseudoLabels", rows.length);
        details.put("minConfidence", SELF_TRAINING_MIN_CONFIDENCE);
        return new PoolFit(HeadKind.SELF_TRAINING, head, null, details);
    }

    /**
     * The most confident unlabelled rows per predicted class: at most {@code perClassFactor} times the labelled count
     * of that class (so pseudo-labels keep the labels' class balance), at most {@code cap} in all, each at least
     * {@code minConfidence}.
     */
    static int[] confidentRows(double[][] p, boolean[] labelled, int cap, double minConfidence, int classes,
                               int[] labelledPerClass, int perClassFactor) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        int[] argmax = new int[p.length];
        double[] confidence = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            if (labelled[i]) {
                continue;
            }
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (p[i][c] > p[i][best]) {
                    best = c;
                }
            }
            argmax[i] = best;
            confidence[i] = p[i][best];
            if (confidence[i] >= minConfidence) {
                byClass.get(best).add(i);
            }
        }
        long labelledTotal = Arrays.stream(labelledPerClass).sum();
        List<Integer> chosen = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<Integer> rows = byClass.get(c);
            rows.sort((a, b) -> a.equals(b) ? 0 : confidence[a] != confidence[b]
                    ? Double.compare(confidence[b], confidence[a]) : Integer.compare(a, b));
            // the class's share of the cap follows its share of the labels
            long quota = labelledTotal == 0 ? 0 : Math.min((long) perClassFactor * labelledPerClass[c],
                    (long) Math.floor((double) cap * labelledPerClass[c] / labelledTotal));
            for (int m = 0; m < rows.size() && m < quota; m++) {
                chosen.add(rows.get(m));
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The labels plus the pseudo-labels (argmax of {@code p}) of {@code rows}. */
    private Head trainWithPseudoLabels(PoolData data, int[] rows, double[][] p, Head warm, Cancellation cancellation) {
        TrainingData labelled = data.labelled();
        int n = labelled.size() + rows.length;
        float[][] x = Arrays.copyOf(labelled.x(), n);
        int[][] y = Arrays.copyOf(labelled.labels(), n);
        for (int m = 0; m < rows.length; m++) {
            int row = rows[m];
            int best = 0;
            for (int c = 1; c < data.classes(); c++) {
                if (p[row][c] > p[row][best]) {
                    best = c;
                }
            }
            x[labelled.size() + m] = data.x()[row];
            y[labelled.size() + m] = new int[] {best};
        }
        return trainer.train(new TrainingData(x, y, data.classes(), false), warm, settings, cancellation).head();
    }
}
