package org.querent.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class DiversityStrategiesTest {

    /**
     * Labelled: (1, 0). Pool: 0 (1, 0.05) next to it; 1 (0, 1) orthogonal; 2 (-1, 0) opposite; 3 (-1, 0.01) a
     * near-copy of 2. Squared distances between directions (2 - 2 cos) to the labelled item: 0.002496, 2, 4, 3.9999.
     * k-center: 2 (distance 2); then 3 is 0.01 from 2 while 1 is still sqrt 2 = 1.414214 from everything: 1;
     * then 0 (0.049961 from the labelled item) before 3 (0.01 from 2).
     */
    private static final float[][] POOL = {{1, 0.05f}, {0, 1}, {-1, 0}, {-1, 0.01f}};
    private static final float[][] LABELLED = {{1, 0}};
    private static final double[][] UNIFORM = {{0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}};

    @Test
    void coresetPicksTheFarAwayPointAndNotItsNearCopy() {
        QueryContext context = QueryContext.of(UNIFORM, POOL, false, 9).withLabelled(LABELLED, new int[] {0});
        Ranking ranking = new CoresetStrategy().select(context, 3);
        assertArrayEquals(new int[] {2, 1, 0}, ranking.indices());
        assertArrayEquals(new double[] {2.0, Math.sqrt(2), 0.049961}, ranking.scores(), 1e-5);
    }

    @Test
    void coresetColdStartsFromASeededItemAndStillSpreads() {
        QueryContext context = QueryContext.of(UNIFORM, POOL, false, 4);
        for (long seed = 0; seed < 20; seed++) {
            int[] picks = new CoresetStrategy().select(QueryContext.of(UNIFORM, POOL, false, seed), 2).indices();
            assertFalse(contains(picks, 2) && contains(picks, 3), "near-copies in one batch: " + Arrays.toString(picks));
        }
        assertArrayEquals(new CoresetStrategy().select(context, 4).indices(),
                new CoresetStrategy().select(context, 4).indices());
    }

    /**
     * BADGE residuals r = p - onehot(argmax p), ||g||^2 = ||r||^2 ||x||^2:
     * <pre>
     * item  x           p           r             ||g||^2
     * 0     (1, 0)      0.5, 0.5    -0.5, 0.5     0.5
     * 1     (1, 0.001)  0.5, 0.5    -0.5, 0.5     0.5000005   (a near-copy of 0, the longest gradient)
     * 2     (0, 1)      0.6, 0.4    -0.4, 0.4     0.32
     * 3     (-1, 0)     0.9, 0.1    -0.1, 0.1     0.02
     * </pre>
     * First pick: 1. Squared distances to g_1 = ||g_i||^2 + ||g_1||^2 - 2 (r_i.r_1)(x_i.x_1): item 0 5e-7,
     * item 2 0.82 - 2 (0.4)(0.001) = 0.8192, item 3 0.5200005 + 2 (0.1)(1) = 0.7200005. Item 0 has probability
     * 5e-7 / 1.5392 of being drawn second: never in practice.
     */
    @Test
    void badgeStartsWithTheLongestGradientAndDoesNotPickItsNearCopy() {
        double[][] p = {{0.5, 0.5}, {0.5, 0.5}, {0.6, 0.4}, {0.9, 0.1}};
        float[][] x = {{1, 0}, {1, 0.001f}, {0, 1}, {-1, 0}};
        for (long seed = 0; seed < 50; seed++) {
            Ranking ranking = new BadgeStrategy().select(QueryContext.of(p, x, false, seed), 2);
            assertEquals(1, ranking.indices()[0]);
            assertEquals(0.5000005, ranking.scores()[0], 1e-7);
            int second = ranking.indices()[1];
            assertEquals(second == 2 ? 0.8192 : 0.7200005, ranking.scores()[1], 1e-6, "seed " + seed);
            assertFalse(second == 0, "near-copy picked with seed " + seed);
        }
    }

    @Test
    void badgeIsDeterministicForASeed() {
        double[][] p = new double[200][];
        float[][] x = new float[200][];
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int i = 0; i < p.length; i++) {
            double a = random.nextDouble();
            p[i] = new double[] {a, 1 - a};
            x[i] = new float[] {(float) random.nextGaussian(), (float) random.nextGaussian()};
        }
        QueryContext context = QueryContext.of(p, x, false, 77);
        assertArrayEquals(new BadgeStrategy().select(context, 20).indices(),
                new BadgeStrategy().select(context, 20).indices());
        assertEquals(20, Arrays.stream(new BadgeStrategy().select(context, 20).indices()).distinct().count());
    }

    @Test
    void batchLargerThanThePoolReturnsEveryItemOnce() {
        QueryContext context = QueryContext.of(UNIFORM, POOL, false, 2);
        for (QueryStrategy strategy : new QueryStrategy[] {new CoresetStrategy(), new BadgeStrategy(),
                new TypiclustStrategy()}) {
            int[] picks = strategy.select(context, 10).indices().clone();
            Arrays.sort(picks);
            assertArrayEquals(new int[] {0, 1, 2, 3}, picks, strategy.name());
            assertEquals(0, strategy.select(context, 0).size());
        }
    }

    static boolean contains(int[] values, int value) {
        return Arrays.stream(values).anyMatch(v -> v == value);
    }
}
