package org.querent.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void agreesWithAFullSortIncludingTiesAndNaN() {
        SplittableRandom random = new SplittableRandom(4);
        double[] scores = new double[2000];
        for (int i = 0; i < scores.length; i++) {
            // one decimal: many exact ties; a few NaN
            scores[i] = i % 97 == 0 ? Double.NaN : Math.round(random.nextDouble() * 10) / 10.0;
        }
        long seed = 123;
        int[] expected = IntStream.range(0, scores.length).boxed()
                .sorted((a, b) -> TopK.better(a, b, scores, seed) ? -1 : 1)
                .mapToInt(Integer::intValue).toArray();
        for (int k : new int[] {1, 7, 30, 1000, 2000}) {
            assertArrayEquals(Arrays.copyOf(expected, k), TopK.select(scores, k, seed).indices(), "k=" + k);
        }
        assertEquals(Double.NaN, TopK.select(scores, 2000, seed).scores()[1999]);
    }

    @Test
    void equalScoresAreOrderedBySeedNotByIndex() {
        double[] flat = new double[1000];
        int[] first = TopK.select(flat, 10, 1).indices();
        int[] again = TopK.select(flat, 10, 1).indices();
        int[] otherSeed = TopK.select(flat, 10, 2).indices();

        assertArrayEquals(first, again, "deterministic");
        assertFalse(Arrays.equals(first, otherSeed), "seed changes the tie order");
        assertFalse(Arrays.equals(IntStream.range(0, 10).toArray(), first), "not the first rows");
    }
}
