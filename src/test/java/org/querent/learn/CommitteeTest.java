package org.querent.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.querent.common.QuerentException;

class CommitteeTest {

    @Test
    void stratifiedBootstrapKeepsEveryClassAndItsCount() {
        // class 0: items 0..5, class 1: item 6 only (a plain bootstrap drops it with probability (6/7)^7 = 0.34)
        int[][] strata = {{0, 1, 2, 3, 4, 5}, {6}};
        SplittableRandom random = new SplittableRandom(3);
        for (int r = 0; r < 100; r++) {
            int[] resample = Committee.stratifiedBootstrap(strata, 7, random);
            assertEquals(7, resample.length);
            assertEquals(1, Arrays.stream(resample).filter(i -> i == 6).count());
            assertTrue(Arrays.stream(resample, 0, 6).allMatch(i -> i < 6));
        }
    }

    @Test
    void membersAreWarmStartedResamplesThatDisagreeSomewhereAndRepeatForASeed() {
        SyntheticEmbeddings all = SyntheticEmbeddings.clusters(260, 16, 3, 0.9, 2);
        TrainingData labelled = all.firstRows(60);
        float[][] pool = Arrays.copyOfRange(all.x, 60, 260);
        Head main = new HeadTrainer().train(labelled, null, TrainSettings.defaults()).head();

        Committee committee = Committee.train(labelled, main, TrainSettings.defaults(), 7);
        assertEquals(Committee.DEFAULT_SIZE, committee.size());
        double[][][] predictions = committee.predict(pool);
        assertEquals(5, predictions.length);
        assertEquals(200, predictions[0].length);
        assertEquals(3, predictions[0][0].length);
        assertNotEquals(Arrays.deepToString(predictions[0]), Arrays.deepToString(predictions[1]));

        double[][][] again = Committee.train(labelled, main, TrainSettings.defaults(), 7).predict(pool);
        for (int m = 0; m < 5; m++) {
            for (int i = 0; i < pool.length; i++) {
                assertArrayEquals(predictions[m][i], again[m][i], 0.0);
            }
        }
    }

    @Test
    void needsTwoMembersAndSomeLabels() {
        TrainingData none = TrainingData.singleLabel(new float[0][], new int[0], 2);
        assertThrows(QuerentException.class, () -> Committee.train(none, null, TrainSettings.defaults(), 5, 1));
        TrainingData one = TrainingData.singleLabel(new float[][] {{1, 0}}, new int[] {0}, 2);
        assertThrows(QuerentException.class, () -> Committee.train(one, null, TrainSettings.defaults(), 1, 1));
    }
}
