package org.querent.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SplitsTest {

    /** 60 of class 0, 30 of class 1, 10 of class 2, interleaved. */
    private static int[] labels() {
        return IntStream.range(0, 100).map(i -> i % 10 == 9 ? 2 : (i % 3 == 0 ? 1 : 0)).toArray();
    }

    @Test
    void holdoutKeepsEachClassShare() {
        int[] labels = labels();
        int[] perClass = new int[3];
        for (int label : labels) {
            perClass[label]++;
        }
        Splits.Split split = Splits.stratifiedHoldout(labels, 0.2, 1);
        int[] heldPerClass = new int[3];
        for (int i : split.test()) {
            heldPerClass[labels[i]]++;
        }
        for (int c = 0; c < 3; c++) {
            assertEquals(Math.round(0.2 * perClass[c]), heldPerClass[c], "class " + c);
        }
        assertEquals(100, split.train().length + split.test().length);
        int[] all = IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 100).toArray(), all, "a partition");
    }

    @Test
    void holdoutIsDeterministicPerSeed() {
        assertArrayEquals(Splits.stratifiedHoldout(labels(), 0.3, 5).test(),
                Splits.stratifiedHoldout(labels(), 0.3, 5).test());
        assertFalse(Arrays.equals(Splits.stratifiedHoldout(labels(), 0.3, 5).test(),
                Splits.stratifiedHoldout(labels(), 0.3, 6).test()));
    }

    @Test
    void holdoutNeverTakesAWholeClass() {
        Splits.Split split = Splits.stratifiedHoldout(new int[] {0, 0, 0, 1}, 0.5, 1);
        assertTrue(Arrays.stream(split.train()).anyMatch(i -> i == 3), "lone class-1 item stays in training");
    }

    @Test
    void foldsAreBalancedStratifiedAndDeterministic() {
        int[] labels = labels();
        int[] foldOf = Splits.stratifiedFolds(labels, 5, 3);
        assertArrayEquals(foldOf, Splits.stratifiedFolds(labels, 5, 3));
        int[][] perFoldClass = new int[5][3];
        for (int i = 0; i < labels.length; i++) {
            perFoldClass[foldOf[i]][labels[i]]++;
        }
        for (int[] fold : perFoldClass) {
            assertEquals(20, Arrays.stream(fold).sum());
            assertArrayEquals(new int[] {12, 6, 2}, fold);
        }
        Splits.Split first = Splits.fold(foldOf, 0);
        assertEquals(20, first.test().length);
        assertEquals(80, first.train().length);
    }
}
