package org.querent.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints the time of one batch of 20 from 3,000 candidates x 384 dimensions for every strategy, with 400 labelled
 * items and a 5-member committee supplied, next to margin as the baseline. Embeddings: 6 noisy clusters on the unit
 * sphere; probabilities: a softmax of random linear scores. Run with
 * {@code mvn -o test -Pbenchmark -Dtest=StrategyBenchmark}.
 */
@Tag("benchmark")
class StrategyBenchmark {

    private static final int POOL = 3_000;
    private static final int DIMENSION = 384;
    private static final int CLASSES = 6;
    private static final int LABELLED = 400;
    private static final int BATCH = 20;
    private static final int RUNS = 7;

    @Test
    void oneBatchPerStrategy() {
        SplittableRandom random = new SplittableRandom(2024);
        float[][] centres = unitRows(CLASSES, random, null, 0);
        float[][] pool = unitRows(POOL, random, centres, 0.8);
        float[][] labelled = unitRows(LABELLED, random, centres, 0.8);
        double[][] weights = new double[CLASSES][DIMENSION];
        for (double[] row : weights) {
            for (int j = 0; j < DIMENSION; j++) {
                row[j] = 3 * gaussian(random);
            }
        }
        double[][][] committee = new double[5][][];
        for (int m = 0; m < committee.length; m++) {
            committee[m] = softmax(pool, weights, random, 0.5);
        }
        QueryContext context = QueryContext.of(softmax(pool, weights, random, 0), pool, false, 7)
                .withLabelled(labelled, new int[LABELLED]).withCommittee(committee);
        QueryContext cold = QueryContext.of(softmax(pool, weights, random, 0), pool, false, 7);

        System.out.printf(Locale.ROOT, "cores=%d; %d candidates x %d dims, %d labelled, batch %d; ms over %d runs%n",
                Runtime.getRuntime().availableProcessors(), POOL, DIMENSION, LABELLED, BATCH, RUNS);
        for (String name : Strategies.names()) {
            time(name, context);
        }
        time("coreset", cold);
        time("typiclust", cold);
    }

    private static void time(String name, QueryContext context) {
        QueryStrategy strategy = Strategies.byName(name);
        long[] nanos = new long[RUNS];
        for (int r = 0; r < RUNS; r++) {
            long start = System.nanoTime();
            strategy.select(context, BATCH);
            nanos[r] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-16s %-5s min %7.1f  median %7.1f  max %7.1f%n", name,
                context.labelledCount() == 0 ? "cold" : "warm", nanos[0] / 1e6, nanos[RUNS / 2] / 1e6,
                nanos[RUNS - 1] / 1e6);
    }

    private static float[][] unitRows(int n, SplittableRandom random, float[][] centres, double noise) {
        float[][] rows = new float[n][DIMENSION];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            double[] v = new double[DIMENSION];
            for (int j = 0; j < DIMENSION; j++) {
                v[j] = (centres == null ? 0 : centres[i % centres.length][j])
                        + (centres == null ? 1 : noise / Math.sqrt(DIMENSION)) * gaussian(random);
                norm += v[j] * v[j];
            }
            for (int j = 0; j < DIMENSION; j++) {
                rows[i][j] = (float) (v[j] / Math.sqrt(norm));
            }
        }
        return rows;
    }

    private static double[][] softmax(float[][] x, double[][] weights, SplittableRandom random, double jitter) {
        double[][] p = new double[x.length][CLASSES];
        for (int i = 0; i < x.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < CLASSES; c++) {
                for (int j = 0; j < DIMENSION; j++) {
                    p[i][c] += weights[c][j] * x[i][j];
                }
                p[i][c] += jitter * gaussian(random);
                max = Math.max(max, p[i][c]);
            }
            double sum = 0;
            for (int c = 0; c < CLASSES; c++) {
                p[i][c] = Math.exp(p[i][c] - max);
                sum += p[i][c];
            }
            for (int c = 0; c < CLASSES; c++) {
                p[i][c] /= sum;
            }
        }
        return p;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
