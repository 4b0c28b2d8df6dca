package org.querent.learn;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.querent.common.Cancellation;
import org.querent.learn.graph.JVectorNeighbourSearch;
import org.querent.learn.graph.NeighbourGraph;
import org.querent.learn.pool.HeadKind;
import org.querent.learn.pool.LabelSpreading;
import org.querent.learn.pool.PoolData;
import org.querent.learn.pool.PoolFit;
import org.querent.learn.pool.PoolGraph;
import org.querent.learn.pool.PoolLearner;
import org.querent.query.MarginStrategy;
import org.querent.query.QueryContext;
import org.querent.query.Ranking;

/**
 * The neighbour graph of a 100,000 x 384 pool (clustered like MiniLM embeddings, see {@link HeadBenchmark}), its
 * recall against the exact graph on a sample of rows, and a re-rank with the spreading head after a retrain.
 * Run with {@code mvn -o test -Pbenchmark -Dtest=PoolHeadBenchmark}.
 */
@Tag("benchmark")
class PoolHeadBenchmark {

    private static final int DIMENSION = 384;
    private static final int CLASSES = 6;
    private static final int POOL = 100_000;
    private static final int K = 10;

    @Test
    void neighbourGraphAndSpreadingReRank() {
        SyntheticEmbeddings all = SyntheticEmbeddings.clusters(POOL, DIMENSION, CLASSES, 0.5, 1.0, 8, 2024);
        System.out.printf(Locale.ROOT, "cores=%d, java=%s, load average at start=%.1f%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        long t0 = System.nanoTime();
        NeighbourGraph graph = new JVectorNeighbourSearch().build(all.x, K, Cancellation.none());
        double graphS = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "neighbour graph %d x %d, k=%d (%s): %.1f s%n", POOL, DIMENSION, K,
                graph.method(), graphS);
        // recall on the first 300 rows against an exact search of those rows over the whole pool
        int sample = 300;
        float[][] head = Arrays.copyOf(all.x, sample);
        NeighbourGraph exactSample = exactFor(all.x, sample);
        NeighbourGraph approxSample = new NeighbourGraph(Arrays.copyOf(graph.neighbours(), sample),
                Arrays.copyOf(graph.similarities(), sample), K, graph.method());
        System.out.printf(Locale.ROOT, "recall@%d on %d rows: %.4f%n", K, head.length,
                approxSample.recallAgainst(exactSample));

        // a retrain of the spreading head on 1,000 labels over the 100,000-item pool, then the margin re-rank
        int labels = 1_000;
        int[] labelledRows = new int[labels];
        int[] labelsOf = new int[labels];
        for (int i = 0; i < labels; i++) {
            labelledRows[i] = i * (POOL / labels);
            labelsOf[i] = all.labels[labelledRows[i]];
        }
        PoolData data = PoolData.singleLabel(all.x, labelledRows, labelsOf, CLASSES);
        PoolGraph poolGraph = PoolGraph.of(graph);
        long t1 = System.nanoTime();
        poolGraph.spreading();
        double operatorS = (System.nanoTime() - t1) / 1e9;
        PoolLearner learner = new PoolLearner(TrainSettings.defaults());
        for (int run = 0; run < 2; run++) {
            long t2 = System.nanoTime();
            PoolFit fit = learner.fit(HeadKind.SPREADING, data, poolGraph, null, Cancellation.none());
            double fitS = (System.nanoTime() - t2) / 1e9;
            long t3 = System.nanoTime();
            double[][] p = fit.predictPool(all.x);
            Ranking top = new MarginStrategy().select(new QueryContext(p, all.x, false, 7), 30);
            double rankS = (System.nanoTime() - t3) / 1e9;
            long t4 = System.nanoTime();
            double[][] spreadOnly = poolGraph.spreading().spread(labelledRows, data.labels(), CLASSES,
                    LabelSpreading.DEFAULT_ALPHA);
            double spreadS = (System.nanoTime() - t4) / 1e9;
            int right = 0;
            int[] guess = Evaluation.argmax(p);
            for (int i = 0; i < POOL; i++) {
                right += guess[i] == all.labels[i] ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "run %d: spreading head retrain on %d labels (supervised fit, spread, "
                    + "linear head on %s pseudo-labels): %.1f s, of which the spread alone %.2f s; margin re-rank of "
                    + "%d: %.2f s; top pick %d; pool accuracy %.4f (%d rows spread)%n", run, labels,
                    fit.details().get("linearHeadPseudoLabels"), fitS, spreadS, POOL, rankS, top.indices()[0],
                    right / (double) POOL, spreadOnly.length);
        }
        System.out.printf(Locale.ROOT, "spreading operator from the graph (once per graph): %.2f s%n", operatorS);
        Head supervised = new HeadTrainer().train(data.labelled(), null, TrainSettings.defaults()).head();
        System.out.printf(Locale.ROOT, "supervised head on the same labels: pool accuracy %.4f%n",
                Evaluation.of(all.labels, Evaluation.argmax(supervised.predict(all.x)), CLASSES).accuracy());
    }

    /** Exact neighbours of the first {@code rows} rows over the whole pool (brute force, best K by insertion). */
    private static NeighbourGraph exactFor(float[][] x, int rows) {
        int[][] n = new int[rows][];
        float[][] s = new float[rows][];
        for (int i = 0; i < rows; i++) {
            int[] best = new int[K];
            float[] score = new float[K];
            Arrays.fill(score, Float.NEGATIVE_INFINITY);
            for (int j = 0; j < x.length; j++) {
                if (j == i) {
                    continue;
                }
                float c = (float) cosine(x[i], x[j]);
                if (c > score[K - 1]) {
                    int at = K - 1;
                    while (at > 0 && score[at - 1] < c) {
                        score[at] = score[at - 1];
                        best[at] = best[at - 1];
                        at--;
                    }
                    score[at] = c;
                    best[at] = j;
                }
            }
            n[i] = best;
            s[i] = score;
        }
        return new NeighbourGraph(n, s, K, "exact");
    }

    private static double cosine(float[] a, float[] b) {
        double d = 0, na = 0, nb = 0;
        for (int j = 0; j < a.length; j++) {
            d += a[j] * b[j];
            na += a[j] * a[j];
            nb += b[j] * b[j];
        }
        return d / Math.sqrt(na * nb);
    }
}
