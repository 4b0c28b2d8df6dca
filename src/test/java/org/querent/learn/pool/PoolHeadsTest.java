package org.querent.learn.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.querent.common.Cancellation;
import org.querent.common.QuerentException;
import org.querent.learn.Evaluation;
import org.querent.learn.HeadTrainer;
import org.querent.learn.TrainSettings;
import org.querent.learn.TrainingData;
import org.querent.learn.graph.ExactNeighbourSearch;
import org.querent.learn.graph.NeighbourGraph;

class PoolHeadsTest {

    private static final TrainSettings SETTINGS = TrainSettings.defaults();

    private static PoolGraph graphOf(float[][] x) {
        return PoolGraph.of(new ExactNeighbourSearch().build(x, 10, Cancellation.none()));
    }

    private static double accuracyOnUnlabelled(double[][] p, int[] truth, int[] labelledRows) {
        boolean[] labelled = new boolean[truth.length];
        for (int r : labelledRows) {
            labelled[r] = true;
        }
        int right = 0;
        int all = 0;
        int[] guess = Evaluation.argmax(p);
        for (int i = 0; i < truth.length; i++) {
            if (!labelled[i]) {
                right += guess[i] == truth[i] ? 1 : 0;
                all++;
            }
        }
        return right / (double) all;
    }

    @Test
    void spreadingSeparatesTwoMoonsThatNoLinearHeadCan() {
        TwoMoons moons = TwoMoons.generate(200, 0.06, 7);
        // a linear head given every label still cannot follow the crescents
        TrainingData all = TrainingData.singleLabel(moons.x, moons.truth, 2);
        double linearWithAllLabels = Evaluation.of(new HeadTrainer().train(all, null, SETTINGS).head(), all).accuracy();
        assertTrue(linearWithAllLabels < 0.93, "a linear head fits two moons to " + linearWithAllLabels);

        int[] labelled = moons.firstOfEach(3); // 3 labels per moon
        PoolData data = PoolData.singleLabel(moons.x, labelled, moons.labelsOf(labelled), 2);
        PoolLearner learner = new PoolLearner(SETTINGS);
        PoolFit supervised = learner.fit(HeadKind.SUPERVISED, data, graphOf(moons.x), null, Cancellation.none());
        PoolFit spreading = learner.fit(HeadKind.SPREADING, data, graphOf(moons.x), null, Cancellation.none());
        double supervisedAccuracy = accuracyOnUnlabelled(supervised.predictPool(moons.x), moons.truth, labelled);
        double spreadingAccuracy = accuracyOnUnlabelled(spreading.predictPool(moons.x), moons.truth, labelled);
        assertTrue(spreadingAccuracy >= 0.97, "spreading from 6 labels: " + spreadingAccuracy);
        assertTrue(spreadingAccuracy > supervisedAccuracy + 0.05, "spreading " + spreadingAccuracy
                + " against supervised " + supervisedAccuracy);
        assertEquals(HeadKind.SPREADING, spreading.kind());
        for (double[] row : spreading.poolProbabilities()) {
            assertEquals(1.0, row[0] + row[1], 1e-9);
        }
    }

    @Test
    void autoPicksSpreadingOnTwoMoons() {
        TwoMoons moons = TwoMoons.generate(200, 0.06, 11);
        int[] labelled = moons.firstOfEach(20);
        PoolData data = PoolData.singleLabel(moons.x, labelled, moons.labelsOf(labelled), 2);
        HeadSelection.Choice choice = HeadSelection.choose(new PoolLearner(SETTINGS), data, graphOf(moons.x),
                HeadSelection.CANDIDATES, 3, Cancellation.none());
        assertEquals(HeadKind.SPREADING, choice.chosen(), choice.reason());
        assertTrue(choice.reason().contains("spreading validates best"), choice.reason());
        assertEquals(3, choice.scores().size());
        assertTrue(choice.toMap().get("crossValidation").toString().contains("supervised"));
    }

    /**
     * The class is one small clean direction; the neighbours are decided by large nuisance clusters that mix both
     * classes. A linear head finds the direction, spreading follows the clusters: auto must keep supervised.
     */
    @Test
    void autoFallsBackToSupervisedWhereSpreadingValidatesWorse() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 600;
        int dimension = 12;
        float[][] x = new float[n][dimension];
        int[] truth = new int[n];
        double[][] nuisance = new double[8][dimension];
        for (double[] centre : nuisance) {
            for (int j = 1; j < dimension; j++) {
                centre[j] = 4 * random.nextGaussian();
            }
        }
        for (int i = 0; i < n; i++) {
            truth[i] = random.nextInt(2);
            double[] centre = nuisance[random.nextInt(nuisance.length)];
            x[i][0] = (float) ((truth[i] == 0 ? -1 : 1) * (0.6 + 0.2 * random.nextDouble()));
            for (int j = 1; j < dimension; j++) {
                x[i][j] = (float) (centre[j] + random.nextGaussian());
            }
        }
        int[] labelled = new int[60];
        for (int i = 0; i < labelled.length; i++) {
            labelled[i] = i;
        }
        int[] labels = Arrays.stream(labelled).map(i -> truth[i]).toArray();
        PoolData data = PoolData.singleLabel(x, labelled, labels, 2);
        HeadSelection.Choice choice = HeadSelection.choose(new PoolLearner(SETTINGS), data, graphOf(x),
                HeadSelection.CANDIDATES, 3, Cancellation.none());
        HeadSelection.Score supervised = choice.scores().get(0);
        HeadSelection.Score spreading = choice.scores().get(1);
        assertEquals(HeadKind.SUPERVISED, supervised.kind());
        assertTrue(spreading.accuracy() < supervised.accuracy(), "spreading " + spreading.accuracy()
                + " should validate worse than supervised " + supervised.accuracy());
        assertEquals(HeadKind.SUPERVISED, choice.chosen(), choice.reason());
        assertTrue(choice.reason().startsWith("supervised: no pool head validates better"), choice.reason());
    }

    @Test
    void autoKeepsSupervisedWithTooFewLabelsToCompare() {
        TwoMoons moons = TwoMoons.generate(100, 0.06, 3);
        int[] labelled = moons.firstOfEach(5);
        PoolData data = PoolData.singleLabel(moons.x, labelled, moons.labelsOf(labelled), 2);
        HeadSelection.Choice choice = HeadSelection.choose(new PoolLearner(SETTINGS), data, graphOf(moons.x),
                HeadSelection.CANDIDATES, 3, Cancellation.none());
        assertEquals(HeadKind.SUPERVISED, choice.chosen());
        assertTrue(choice.reason().startsWith("too few labels to compare heads"), choice.reason());
    }

    @Test
    void selfTrainingAddsClassBalancedConfidentPseudoLabels() {
        double[][] p = {{0.9, 0.1}, {0.8, 0.2}, {0.6, 0.4}, {0.3, 0.7}, {0.45, 0.55}, {0.2, 0.8}};
        boolean[] labelled = {false, true, false, false, false, false};
        // one label per class, one pseudo-label per label and round: the most confident unlabelled per class
        int[] rows = PoolLearner.confidentRows(p, labelled, 100, 0.5, 2, new int[] {1, 1}, 1);
        assertEquals("[0, 5]", Arrays.toString(rows));
        // a cap below the labels' count splits by class share
        assertEquals(0, PoolLearner.confidentRows(p, labelled, 1, 0.5, 2, new int[] {1, 1}, 5).length);
        // nothing under the minimum confidence (rows 2 and 4 are 0.60 and 0.55 sure)
        assertEquals("[0, 3, 5]", Arrays.toString(PoolLearner.confidentRows(p, labelled, 100, 0.61, 2,
                new int[] {2, 1}, 5)));
    }

    @Test
    void spreadingLeavesRowsNoLabelReachesToTheSupervisedHead() {
        // two far-apart groups, k=2 keeps them disconnected; only group A has labels
        float[][] x = {{1, 0, 0}, {0.99f, 0.1f, 0}, {0.98f, 0, 0.1f}, {0, 0, 1}, {0, 0.1f, 0.99f}, {0.1f, 0, 0.98f}};
        NeighbourGraph graph = new ExactNeighbourSearch().build(x, 2, Cancellation.none());
        double[][] spread = new LabelSpreading(graph).spread(new int[] {0, 1}, new int[][] {{0}, {1}}, 2, 0.9);
        assertNull(spread[3]);
        assertNull(spread[4]);
        PoolFit fit = new PoolLearner(SETTINGS).fit(HeadKind.SPREADING,
                PoolData.singleLabel(x, new int[] {0, 1}, new int[] {0, 1}, 2), PoolGraph.of(graph), null,
                Cancellation.none());
        assertEquals(3, fit.details().get("unreachedRows"));
        assertEquals(1.0, fit.poolProbabilities()[4][0] + fit.poolProbabilities()[4][1], 1e-9);
    }

    @Test
    void multiLabelFallsBackToSupervisedAndSaysSo() {
        float[][] x = {{1, 0}, {0, 1}, {1, 1}};
        PoolData data = new PoolData(x, new int[] {0, 1}, new int[][] {{0}, {0, 1}}, 2, true);
        PoolFit fit = new PoolLearner(SETTINGS).fit(HeadKind.SPREADING, data, graphOf(x), null, Cancellation.none());
        assertEquals(HeadKind.SUPERVISED, fit.kind());
        assertTrue(fit.details().get("fallback").toString().contains("single-label only"));
    }

    @Test
    void unknownHeadNameSaysWhatToChoose() {
        QuerentException e = assertThrows(QuerentException.class, () -> HeadKind.byName("spread"));
        assertEquals("unknown head 'spread': choose one of supervised, spreading, self-training, auto", e.getMessage());
        assertEquals(HeadKind.SELF_TRAINING, HeadKind.byName(" Self-Training "));
    }
}
