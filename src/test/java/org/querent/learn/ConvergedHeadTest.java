package org.querent.learn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * Every version of the labelling loop is the converged head of its labels: a chain of versions, each warm-started
 * from the one before on fewer labels, predicts every probability within 1e-3 of a cold fit of the same objective
 * run to a tolerance 100,000 times tighter, at 30, 600 and 5,000 labels and across the C grid. Data shaped like MiniLM
 * embeddings (384 dimensions, 6 overlapping classes, the noise in a few directions, as in HeadBenchmark).
 */
class ConvergedHeadTest {

    private static final SyntheticEmbeddings ALL = SyntheticEmbeddings.clusters(7_000, 384, 6, 0.5, 1.0, 8, 2024);
    private static final float[][] POOL = Arrays.copyOfRange(ALL.x, 5_000, 7_000);
    private final HeadTrainer trainer = new HeadTrainer();

    @Test
    void thirtyLabels() {
        for (double c : RegularisationSearch.GRID) {
            check(new int[] {12, 18, 24, 30}, c);
        }
    }

    @Test
    void sixHundredLabels() {
        for (double c : RegularisationSearch.GRID) {
            check(new int[] {480, 510, 540, 570, 600}, c);
        }
    }

    @Test
    void fiveThousandLabels() {
        check(new int[] {4_400, 4_700, 5_000}, 10);
        check(new int[] {4_700, 5_000}, 100);
    }

    private void check(int[] chain, double c) {
        TrainSettings settings = TrainSettings.defaults().withC(c);
        Head version = null;
        int iterations = 0;
        for (int labels : chain) {
            TrainResult result = trainer.train(ALL.firstRows(labels), version, settings);
            assertTrue(result.converged(), "version on " + labels + " labels did not converge");
            version = result.head();
            iterations = result.iterations();
        }
        int n = chain[chain.length - 1];
        TrainingData data = ALL.firstRows(n);
        TrainResult cold = trainer.train(data, null, settings.withTolerance(1e-8).withMaxIterations(20_000));
        assertTrue(cold.converged());
        double onPool = maxDifference(cold.head().predict(POOL), version.predict(POOL));
        double onLabels = maxDifference(cold.head().predict(data.x()), version.predict(data.x()));
        System.out.printf(Locale.ROOT, "%d labels, C=%s: warm chain of %d (last %d iterations) vs cold tight fit "
                + "(%d iterations): max |dp| %.2e on the pool, %.2e on the labels%n", n, c, chain.length, iterations,
                cold.iterations(), onPool, onLabels);
        assertTrue(onPool < 1e-3 && onLabels < 1e-3, "max |dp| " + onPool + " / " + onLabels + " at " + n
                + " labels, C=" + c);
    }

    private static double maxDifference(double[][] a, double[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }
}
