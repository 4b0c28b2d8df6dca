package org.querent.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.querent.common.QuerentException;

class EvaluationTest {

    /**
     * Confusion matrix, rows = truth, columns = predicted; class 3 exists in the taxonomy but never occurs:
     * <pre>
     *        p0 p1 p2 p3
     *   t0 [  5  1  0  0 ]
     *   t1 [  2  3  1  0 ]
     *   t2 [  0  0  4  0 ]
     *   t3 [  0  0  0  0 ]
     * </pre>
     * accuracy = (5 + 3 + 4) / 16 = 0.75.
     * class 0: tp 5, fp 2, fn 1: P = 5/7, R = 5/6, F1 = 2*5 / (2*5 + 2 + 1) = 10/13.
     * class 1: tp 3, fp 1, fn 3: P = 3/4, R = 1/2, F1 = 6 / (6 + 1 + 3) = 0.6.
     * class 2: tp 4, fp 1, fn 0: P = 4/5, R = 1, F1 = 8 / 9.
     * class 3: absent from truth and predictions, left out of the average.
     * macro-F1 = (10/13 + 0.6 + 8/9) / 3 = 0.752707...
     */
    @Test
    void handWorkedConfusionMatrix() {
        int[][] counts = {{5, 1, 0, 0}, {2, 3, 1, 0}, {0, 0, 4, 0}, {0, 0, 0, 0}};
        List<Integer> truth = new ArrayList<>();
        List<Integer> predicted = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            for (int p = 0; p < 4; p++) {
                for (int n = 0; n < counts[t][p]; n++) {
                    truth.add(t);
                    predicted.add(p);
                }
            }
        }
        Evaluation evaluation = Evaluation.of(truth.stream().mapToInt(Integer::intValue).toArray(),
                predicted.stream().mapToInt(Integer::intValue).toArray(), 4);

        assertEquals(0.75, evaluation.accuracy(), 1e-12);
        assertEquals((10.0 / 13 + 0.6 + 8.0 / 9) / 3, evaluation.macroF1(), 1e-12);
        assertEquals(0.752707, evaluation.macroF1(), 1e-6);
        assertEquals(5.0 / 7, evaluation.precision(0), 1e-12);
        assertEquals(5.0 / 6, evaluation.recall(0), 1e-12);
        assertEquals(0.75, evaluation.precision(1), 1e-12);
        assertEquals(0.5, evaluation.recall(1), 1e-12);
        assertEquals(0.6, evaluation.f1(1), 1e-12);
        assertEquals(0.8, evaluation.precision(2), 1e-12);
        assertEquals(1.0, evaluation.recall(2), 1e-12);
        assertEquals(0.0, evaluation.f1(3));
        assertEquals(6, evaluation.support(1));
        for (int t = 0; t < 4; t++) {
            assertArrayEquals(counts[t], evaluation.confusion()[t]);
        }
    }

    @Test
    void classPredictedButNeverTrueCountsAsZeroInMacroF1() {
        // truth all class 0, one item wrongly predicted as 1: class 0 F1 = 2*2/(4+0+1) = 0.8, class 1 F1 = 0.
        Evaluation evaluation = Evaluation.of(new int[] {0, 0, 0}, new int[] {0, 0, 1}, 2);
        assertEquals(0.4, evaluation.macroF1(), 1e-12);
    }

    /**
     * truth {0}, {0,1}, {}, {1}; probabilities (0.9,0.2), (0.8,0.6), (0.1,0.7), (0.4,0.3), threshold 0.5
     * gives predicted sets {0}, {0,1}, {1}, {}: rows 0 and 1 are exact, subset accuracy = 2/4 = 0.5.
     * label 0: tp 2, fp 0, fn 0: F1 = 1. label 1: tp 1 (row 1), fp 1 (row 2), fn 1 (row 3): F1 = 2/4 = 0.5.
     * macro-F1 = 0.75.
     */
    @Test
    void handWorkedMultiLabel() {
        int[][] truth = {{0}, {0, 1}, {}, {1}};
        double[][] probabilities = {{0.9, 0.2}, {0.8, 0.6}, {0.1, 0.7}, {0.4, 0.3}};
        Evaluation evaluation = Evaluation.ofMultiLabel(truth, probabilities, 2);
        assertEquals(0.5, evaluation.accuracy(), 1e-12);
        assertEquals(0.75, evaluation.macroF1(), 1e-12);
        assertEquals(1.0, evaluation.f1(0), 1e-12);
        assertEquals(0.5, evaluation.precision(1), 1e-12);
        assertEquals(0.5, evaluation.recall(1), 1e-12);
        assertEquals(0, evaluation.confusion().length);
    }

    @Test
    void mismatchedLengthsNameBothSizes() {
        QuerentException e = assertThrows(QuerentException.class,
                () -> Evaluation.of(new int[] {0, 1}, new int[] {0}, 2));
        assertEquals("truth and predictions differ in length: truth.length=2, predicted.length=1", e.getMessage());
    }

    @Test
    void mapHoldsPlainValues() {
        Map<String, Object> map = Evaluation.of(new int[] {0, 1}, new int[] {0, 0}, 2).toMap();
        assertEquals(0.5, map.get("accuracy"));
        assertEquals(List.of(List.of(1, 0), List.of(1, 0)), map.get("confusion"));
        assertEquals(List.of(1, 1), map.get("support"));
    }
}
