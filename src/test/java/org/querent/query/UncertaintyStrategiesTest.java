package org.querent.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Hand-worked scores for four single-label rows (natural logarithms):
 * <pre>
 * row  p                    LC = 1 - max   margin = 1 - (p1 - p2)   entropy = -sum p ln p
 * 0    0.9 , 0.05, 0.05     0.10           1 - 0.85 = 0.15          0.9*0.105361 + 2*0.05*2.995732 = 0.394398
 * 1    0.4 , 0.35, 0.25     0.60           1 - 0.05 = 0.95          0.366516 + 0.367438 + 0.346574 = 1.080528
 * 2    0.5 , 0.5 , 0        0.50           1 - 0    = 1.00          ln 2 = 0.693147 (0 ln 0 = 0)
 * 3    0.34, 0.33, 0.33     0.66           1 - 0.01 = 0.99          0.366795 + 2*0.365859 = 1.098513
 * </pre>
 * Orders, best first: LC 3, 1, 2, 0; margin 2, 3, 1, 0 (the exact tie between two classes wins, although its
 * distribution is the least spread of the three); entropy 3, 1, 2, 0.
 */
class UncertaintyStrategiesTest {

    private static final double[][] TABLE = {
            {0.9, 0.05, 0.05},
            {0.4, 0.35, 0.25},
            {0.5, 0.5, 0.0},
            {0.34, 0.33, 0.33},
    };

    private static QueryContext context(double[][] probabilities, boolean multiLabel) {
        return new QueryContext(probabilities, null, multiLabel, 17L);
    }

    @Test
    void leastConfidenceScoresAndOrder() {
        LeastConfidenceStrategy strategy = new LeastConfidenceStrategy();
        assertArrayEquals(new double[] {0.10, 0.60, 0.50, 0.66}, strategy.scores(context(TABLE, false)), 1e-12);
        Ranking ranking = strategy.select(context(TABLE, false), 4);
        assertArrayEquals(new int[] {3, 1, 2, 0}, ranking.indices());
        assertArrayEquals(new double[] {0.66, 0.60, 0.50, 0.10}, ranking.scores(), 1e-12);
    }

    @Test
    void marginPrefersNearTies() {
        MarginStrategy strategy = new MarginStrategy();
        assertArrayEquals(new double[] {0.15, 0.95, 1.00, 0.99}, strategy.scores(context(TABLE, false)), 1e-12);
        assertArrayEquals(new int[] {2, 3, 1, 0}, strategy.select(context(TABLE, false), 4).indices());
        assertArrayEquals(new int[] {2, 3}, strategy.select(context(TABLE, false), 2).indices());
    }

    @Test
    void entropyScoresAndOrder() {
        EntropyStrategy strategy = new EntropyStrategy();
        assertArrayEquals(new double[] {0.394398, 1.080528, 0.693147, 1.098513},
                strategy.scores(context(TABLE, false)), 1e-6);
        assertArrayEquals(new int[] {3, 1, 2, 0}, strategy.select(context(TABLE, false), 4).indices());
    }

    /**
     * Multi-label row (0.5, 0.9): LC = mean(min(p, 1-p)) = (0.5 + 0.1) / 2 = 0.3;
     * margin = mean(1 - |2p - 1|) = (1 + 0.2) / 2 = 0.6; entropy = (ln 2 + H(0.9)) / 2 with
     * H(0.9) = 0.9*0.105361 + 0.1*2.302585 = 0.325083, so (0.693147 + 0.325083) / 2 = 0.509115.
     * Row (0.0, 1.0) is certain: all three scores are 0.
     */
    @Test
    void multiLabelScoresAreMeansOfPerLabelBinaryUncertainty() {
        QueryContext multi = context(new double[][] {{0.5, 0.9}, {0.0, 1.0}}, true);
        assertArrayEquals(new double[] {0.3, 0.0}, new LeastConfidenceStrategy().scores(multi), 1e-12);
        assertArrayEquals(new double[] {0.6, 0.0}, new MarginStrategy().scores(multi), 1e-12);
        assertArrayEquals(new double[] {0.509115, 0.0}, new EntropyStrategy().scores(multi), 1e-6);
    }

    @Test
    void batchLargerThanPoolReturnsWholePoolAndZeroReturnsNothing() {
        assertEquals(4, new MarginStrategy().select(context(TABLE, false), 10).size());
        assertEquals(0, new MarginStrategy().select(context(TABLE, false), 0).size());
        assertEquals(0, new MarginStrategy().select(context(new double[0][], false), 5).size());
    }
}
