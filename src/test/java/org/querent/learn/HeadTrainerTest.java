package org.querent.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.querent.common.Cancellation;
import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;

class HeadTrainerTest {

    private final HeadTrainer trainer = new HeadTrainer();

    /** Two blobs in 2-D, far apart: any sensible logistic regression separates them. */
    private static TrainingData separable2d() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 100;
        float[][] x = new float[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            double centre = y[i] == 0 ? -2 : 2;
            x[i][0] = (float) (centre + 0.5 * SyntheticEmbeddings.gaussian(random));
            x[i][1] = (float) (-centre + 0.5 * SyntheticEmbeddings.gaussian(random));
        }
        return TrainingData.singleLabel(x, y, 2);
    }

    @Test
    void softmaxHeadSeparatesLinearlySeparableData() {
        TrainingData data = separable2d();
        TrainResult result = trainer.train(data, null, TrainSettings.defaults());

        assertTrue(result.converged(), "converged in " + result.iterations());
        assertEquals(1.0, Evaluation.of(result.head(), data).accuracy());
        assertTrue(result.loss() < 0.02, "loss " + result.loss());
        assertFalse(result.head().multiLabel());
    }

    @Test
    void sigmoidHeadSeparatesLinearlySeparableData() {
        TrainingData single = separable2d();
        TrainingData multi = new TrainingData(single.x(), single.labels(), 2, true);
        TrainResult result = trainer.train(multi, null, TrainSettings.defaults());

        assertTrue(result.converged());
        assertTrue(result.head().multiLabel());
        assertEquals(1.0, Evaluation.of(result.head(), multi).accuracy());
        assertTrue(result.loss() < 0.05, "loss " + result.loss());
    }

    @Test
    void softmaxGradientMatchesFiniteDifferences() {
        checkGradient(randomData(false), false);
        checkGradient(randomData(false), true);
    }

    @Test
    void sigmoidGradientMatchesFiniteDifferences() {
        checkGradient(randomData(true), false);
        checkGradient(randomData(true), true);
    }

    private static TrainingData randomData(boolean multiLabel) {
        SplittableRandom random = new SplittableRandom(11);
        int n = 9;
        int d = 3;
        int k = 4;
        float[][] x = new float[n][d];
        int[][] labels = new int[n][];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = (float) SyntheticEmbeddings.gaussian(random);
            }
            labels[i] = multiLabel
                    ? (i % 3 == 0 ? new int[] {} : new int[] {i % k, (i + 1) % k})
                    : new int[] {i % 3}; // class 3 never labelled, as in a young taxonomy
        }
        return new TrainingData(x, labels, k, multiLabel);
    }

    private static void checkGradient(TrainingData data, boolean balanced) {
        LogisticObjective objective = new LogisticObjective(data, 0.7, balanced);
        SplittableRandom random = new SplittableRandom(3);
        double[] theta = new double[objective.dimension()];
        for (int p = 0; p < theta.length; p++) {
            theta[p] = SyntheticEmbeddings.gaussian(random);
        }
        double[] analytic = new double[theta.length];
        objective.valueAndGradient(theta, analytic);
        double[] ignored = new double[theta.length];
        double h = 1e-6;
        for (int p = 0; p < theta.length; p++) {
            double saved = theta[p];
            theta[p] = saved + h;
            double plus = objective.valueAndGradient(theta, ignored);
            theta[p] = saved - h;
            double minus = objective.valueAndGradient(theta, ignored);
            theta[p] = saved;
            double numeric = (plus - minus) / (2 * h);
            assertEquals(numeric, analytic[p], 1e-7 * Math.max(1, Math.abs(numeric)),
                    "parameter " + p + " (balanced=" + balanced + ")");
        }
    }

    @Test
    void objectiveMatchesTheScikitLearnFormulaDividedByCn() {
        // One item, one feature, two classes, all parameters zero except w[0][0]=1:
        // logits (x=2): z = (2, 0); loss = log(e^2 + 1) - 2; penalty 0.5 * 1^2.
        // sklearn objective C*loss + 0.5 = 10 * 0.126928 + 0.5; divided by C*n = 10: 0.126928 + 0.05.
        TrainingData data = TrainingData.singleLabel(new float[][] {{2f}}, new int[] {0}, 2);
        LogisticObjective objective = new LogisticObjective(data, 10, false);
        double value = objective.valueAndGradient(new double[] {1, 0, 0, 0}, new double[4]);
        assertEquals(Math.log(Math.exp(2) + 1) - 2 + 0.05, value, 1e-12);
    }

    @Test
    void warmStartOnTenPercentMoreDataNeedsFewerIterationsThanColdStart() {
        SyntheticEmbeddings clusters = SyntheticEmbeddings.clusters(1100, 64, 6, 0.2, 5);
        TrainSettings settings = TrainSettings.defaults().withTolerance(1e-5);
        Head previous = trainer.train(clusters.firstRows(1000), null, settings).head();
        TrainingData more = clusters.firstRows(1100);

        TrainResult cold = trainer.train(more, null, settings);
        TrainResult warm = trainer.train(more, previous, settings);

        assertTrue(cold.converged() && warm.converged());
        assertTrue(warm.iterations() < cold.iterations(),
                "warm " + warm.iterations() + " vs cold " + cold.iterations());
        assertEquals(cold.loss(), warm.loss(), 1e-4 * cold.loss(), "same optimum either way");
        System.out.printf("warm start: %d iterations (%d ms), cold: %d (%d ms)%n", warm.iterations(), warm.millis(),
                cold.iterations(), cold.millis());
    }

    @Test
    void warmStartPadsNewClassesWithZeros() {
        SyntheticEmbeddings clusters = SyntheticEmbeddings.clusters(300, 16, 3, 0.2, 9);
        Head twoClassHead = new SoftmaxHead(new float[2][16], new double[] {0.5, -0.5});
        TrainingData data = clusters.data();

        assertTrue(HeadTrainer.canWarmStart(twoClassHead, data));
        TrainResult result = trainer.train(data, twoClassHead, TrainSettings.defaults());
        assertEquals(3, result.head().classes());
        assertTrue(Evaluation.of(result.head(), data).accuracy() > 0.95);
    }

    @Test
    void headOfAnotherShapeIsIgnoredAsWarmStart() {
        TrainingData data = separable2d();
        assertFalse(HeadTrainer.canWarmStart(new SoftmaxHead(new float[2][3], new double[2]), data), "dimension");
        assertFalse(HeadTrainer.canWarmStart(new SigmoidHead(new float[2][2], new double[2]), data), "kind");
        assertFalse(HeadTrainer.canWarmStart(new SoftmaxHead(new float[3][2], new double[3]), data), "more classes");
        assertFalse(HeadTrainer.canWarmStart(null, data));

        TrainResult fromWrongShape = trainer.train(data, new SoftmaxHead(new float[2][3], new double[2]),
                TrainSettings.defaults());
        TrainResult cold = trainer.train(data, null, TrainSettings.defaults());
        assertEquals(cold.iterations(), fromWrongShape.iterations());
    }

    @Test
    void trainingIsDeterministic() {
        TrainingData data = SyntheticEmbeddings.clusters(2000, 64, 6, 0.25, 1).data();
        Head first = trainer.train(data, null, TrainSettings.defaults()).head();
        Head second = trainer.train(data, null, TrainSettings.defaults()).head();
        assertArrayEquals(first.toBytes(), second.toBytes());
    }

    @Test
    void balancedWeightsRaiseRecallOfARareClass() {
        // 95 items of class 0 around (+0.3), 5 of class 1 around (-0.3), heavily overlapping.
        SplittableRandom random = new SplittableRandom(2);
        float[][] x = new float[100][1];
        int[] y = new int[100];
        for (int i = 0; i < 100; i++) {
            y[i] = i < 95 ? 0 : 1;
            x[i][0] = (float) ((y[i] == 0 ? 0.3 : -0.3) + SyntheticEmbeddings.gaussian(random));
        }
        TrainingData data = TrainingData.singleLabel(x, y, 2);
        double plain = Evaluation.of(trainer.train(data, null, TrainSettings.defaults()).head(), data).recall(1);
        double balanced = Evaluation.of(
                trainer.train(data, null, TrainSettings.defaults().withBalanced(true)).head(), data).recall(1);
        assertTrue(balanced > plain, "balanced " + balanced + " vs plain " + plain);
    }

    @Test
    void iterationCapStopsTrainingUnconverged() {
        TrainingData data = SyntheticEmbeddings.clusters(500, 32, 4, 0.3, 4).data();
        TrainResult result = trainer.train(data, null, TrainSettings.defaults().withMaxIterations(3));
        assertEquals(3, result.iterations());
        assertFalse(result.converged());
    }

    @Test
    void cancelledTrainingThrowsCancelled() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        QuerentException e = assertThrows(QuerentException.class,
                () -> trainer.train(separable2d(), null, TrainSettings.defaults(), cancellation));
        assertEquals(ErrorKind.CANCELLED, e.kind());
    }

    @Test
    void emptyDataIsAUsageError() {
        TrainingData empty = TrainingData.singleLabel(new float[0][], new int[0], 3);
        QuerentException e = assertThrows(QuerentException.class,
                () -> trainer.train(empty, null, TrainSettings.defaults()));
        assertEquals(ErrorKind.USAGE, e.kind());
    }

    @Test
    void convergesOnFiveThousandLabels() {
        // Its speed is a figure of HeadBenchmark (mvn -Pbenchmark), not an assertion here.
        SyntheticEmbeddings clusters = SyntheticEmbeddings.clusters(5000, 384, 6, 0.06, 8);
        TrainResult result = trainer.train(clusters.data(), null, TrainSettings.defaults());
        assertTrue(result.converged(), "iterations " + result.iterations());
    }
}
