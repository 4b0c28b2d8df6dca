package org.querent.learn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.querent.query.MarginStrategy;
import org.querent.query.QueryContext;
import org.querent.query.Ranking;

/**
 * Prints training, prediction and ranking times on data shaped like MiniLM embeddings (6 Gaussian clusters on the
 * 384-dim unit sphere, leaning to one shared direction, most noise in 8 directions: about 87% accuracy, like
 * real MiniLM classes), with a bare nested-loop dot product over the same pool as a baseline in the same run. Run with {@code mvn -o test -Pbenchmark -Dtest=HeadBenchmark}.
 */
@Tag("benchmark")
class HeadBenchmark {

    private static final int DIMENSION = 384;
    private static final int CLASSES = 6;
    private static final int LABELS = 5_000;
    private static final int POOL = 100_000;
    private static final int RUNS = 5;

    @Test
    void trainPredictAndRank() {
        SyntheticEmbeddings all = SyntheticEmbeddings.clusters(LABELS + POOL, DIMENSION, CLASSES, 0.5, 1.0, 8, 2024);
        float[][] pool = Arrays.copyOfRange(all.x, LABELS, LABELS + POOL);
        int[] poolTruth = Arrays.copyOfRange(all.labels, LABELS, LABELS + POOL);
        TrainingData labelled = all.firstRows(LABELS);
        HeadTrainer trainer = new HeadTrainer();
        TrainSettings settings = TrainSettings.defaults();

        // Other work on the machine changes every figure here by up to 3x: print the load with them.
        System.out.printf(Locale.ROOT, "cores=%d, java=%s, load average at start=%.1f%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int warmUp = 0; warmUp < 2; warmUp++) {
            trainer.train(labelled, null, settings); // let the JIT compile the objective at full size
        }
        TrainResult[] cold = new TrainResult[1];
        double trainMs = medianMillis(() -> cold[0] = trainer.train(labelled, null, settings), RUNS);
        System.out.printf(Locale.ROOT, "train %d x %d x %d cold: median %.0f ms, %d iterations, loss %.4f, converged %s%n",
                LABELS, DIMENSION, CLASSES, trainMs, cold[0].iterations(), cold[0].loss(), cold[0].converged());

        TrainingData fewer = all.firstRows(LABELS - 250);
        Head previous = trainer.train(fewer, null, settings).head();
        TrainResult[] warm = new TrainResult[1];
        double warmMs = medianMillis(() -> warm[0] = trainer.train(labelled, previous, settings), 3);
        System.out.printf(Locale.ROOT, "train warm from a head on 250 fewer labels: median %.0f ms, %d iterations%n",
                warmMs, warm[0].iterations());

        for (double c : RegularisationSearch.GRID) {
            TrainSettings atC = settings.withC(c);
            TrainResult[] pre = new TrainResult[1];
            TrainResult[] bare = new TrainResult[1];
            double preMs = medianMillis(() -> pre[0] = trainer.train(labelled, null, atC, true,
                    org.querent.common.Cancellation.none()), 3);
            double bareMs = medianMillis(() -> bare[0] = trainer.train(labelled, null, atC, false,
                    org.querent.common.Cancellation.none()), 1);
            System.out.printf(Locale.ROOT, "converged fit on %d labels, C=%s: preconditioned %.0f ms (%d iterations); "
                    + "bare L-BFGS to the same tolerance %.0f ms (%d iterations); ratio %.2f%n", LABELS,
                    RegularisationSearch.format(c), preMs, pre[0].iterations(), bareMs, bare[0].iterations(),
                    preMs / bareMs);
        }
        RegularisationSearch.Choice[] choice = new RegularisationSearch.Choice[1];
        double searchMs = medianMillis(() -> choice[0] = RegularisationSearch.choose(labelled, settings, 10, 1,
                org.querent.common.Cancellation.none()), 1);
        System.out.printf(Locale.ROOT, "choosing C on %d labels: %.0f ms (%s)%n", LABELS, searchMs, choice[0].how());

        double cvMs = medianMillis(() -> CrossValidation.estimate(labelled, settings, 5, 1), 1);
        Evaluation cv = CrossValidation.estimate(labelled, settings, 5, 1);
        System.out.printf(Locale.ROOT, "5-fold cross-validation on %d labels: %.0f ms, accuracy %.4f, macro-F1 %.4f%n",
                LABELS, cvMs, cv.accuracy(), cv.macroF1());

        Head head = cold[0].head();
        Evaluation onPool = Evaluation.of(poolTruth, Evaluation.argmax(head.predict(pool)), CLASSES);
        System.out.printf(Locale.ROOT, "pool accuracy %.4f%n", onPool.accuracy());

        double serialMs = medianMillis(() -> head.predict(pool, false), RUNS);
        double parallelMs = medianMillis(() -> head.predict(pool, true), RUNS);
        double[][] probabilities = head.predict(pool);
        MarginStrategy margin = new MarginStrategy();
        QueryContext context = new QueryContext(probabilities, pool, false, 7);
        Ranking[] ranking = new Ranking[1];
        double rankMs = medianMillis(() -> ranking[0] = margin.select(context, 30), RUNS);
        double endToEndMs = medianMillis(() -> margin.select(new QueryContext(head.predict(pool), pool, false, 7), 30),
                RUNS);
        float[][] weights = head.weights();
        double baselineMs = medianMillis(() -> bareDotProducts(pool, weights), RUNS);

        System.out.printf(Locale.ROOT, "predict %d x %d: serial %.1f ms, parallel %.1f ms (x%.2f)%n",
                POOL, DIMENSION, serialMs, parallelMs, serialMs / parallelMs);
        System.out.printf(Locale.ROOT, "margin scores + top-30 of %d: %.1f ms%n", POOL, rankMs);
        System.out.printf(Locale.ROOT, "predict + margin-rank end to end: %.1f ms%n", endToEndMs);
        System.out.printf(Locale.ROOT, "baseline: bare nested-loop dot products (no bias, no softmax, 1 thread): %.1f ms"
                + "; end to end / baseline = %.2f%n", baselineMs, endToEndMs / baselineMs);
        System.out.printf(Locale.ROOT, "load average at end=%.1f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertTrue(endToEndMs < 1000, "ranking a pool of 100,000 must take well under a second");
    }

    /** What any implementation must at least do: one multiply-add per weight per row. */
    private static double[][] bareDotProducts(float[][] pool, float[][] weights) {
        double[][] out = new double[pool.length][weights.length];
        for (int i = 0; i < pool.length; i++) {
            for (int c = 0; c < weights.length; c++) {
                double sum = 0;
                for (int j = 0; j < pool[i].length; j++) {
                    sum += weights[c][j] * pool[i][j];
                }
                out[i][c] = sum;
            }
        }
        return out;
    }

    private static double medianMillis(Supplier<?> work, int runs) {
        double[] millis = new double[runs];
        Object sink = null;
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            sink = work.get();
            millis[r] = (System.nanoTime() - start) / 1e6;
        }
        if (sink == null) {
            throw new AssertionError("benchmark work returned nothing");
        }
        Arrays.sort(millis);
        return millis[runs / 2];
    }
}
