package org.querent.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PoolPercentilesTest {

    /** Pool 1, 2, 2, 3: the score 2 has 1 below and 2 equal, so (1 + 0.5 * 2) / 4 = 50%. */
    @Test
    void midRankPercentiles() {
        PoolPercentiles percentiles = PoolPercentiles.of(new double[] {3, 2, 1, 2, Double.NaN});
        assertEquals(4, percentiles.poolSize());
        assertArrayEquals(new double[] {87.5, 50, 12.5, 50, Double.NaN},
                percentiles.percentiles(new double[] {3, 2, 1, 2, Double.NaN}), 1e-12);
        assertEquals(0, percentiles.percentile(0.5));
        assertEquals(100, percentiles.percentile(4));
    }

    @Test
    void allEqualScoresSitInTheMiddle() {
        assertEquals(50, PoolPercentiles.of(new double[] {0.2, 0.2, 0.2}).percentile(0.2));
    }

    @Test
    void worksWithStrategyScores() {
        double[][] table = {{0.9, 0.1}, {0.6, 0.4}, {0.5, 0.5}};
        double[] scores = new MarginStrategy().scores(new QueryContext(table, null, false, 1));
        assertEquals(100 * 2.5 / 3, PoolPercentiles.of(scores).percentile(scores[2]), 1e-12);
    }
}
