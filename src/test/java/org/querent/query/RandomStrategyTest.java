package org.querent.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class RandomStrategyTest {

    private static QueryContext pool(int size, long seed) {
        return new QueryContext(new double[size][] , null, false, seed);
    }

    private static QueryContext uniformPool(int size, long seed) {
        double[][] p = new double[size][];
        Arrays.fill(p, new double[] {0.5, 0.5});
        return new QueryContext(p, null, false, seed);
    }

    @Test
    void sameSeedSamePicks() {
        RandomStrategy strategy = new RandomStrategy();
        assertArrayEquals(strategy.select(uniformPool(500, 9), 20).indices(),
                strategy.select(uniformPool(500, 9), 20).indices());
    }

    @Test
    void differentSeedDifferentPicks() {
        RandomStrategy strategy = new RandomStrategy();
        assertFalse(Arrays.equals(strategy.select(uniformPool(500, 9), 20).indices(),
                strategy.select(uniformPool(500, 10), 20).indices()));
    }

    @Test
    void picksAreDistinctAndCoverTheWholePoolWhenAskedFor() {
        int[] all = new RandomStrategy().select(uniformPool(50, 3), 80).indices();
        assertEquals(50, all.length);
        assertEquals(50, Arrays.stream(all).distinct().count());
        assertEquals(50, Arrays.stream(all).max().getAsInt() + 1);
    }

    @Test
    void missingRowsAreAUsageError() {
        org.querent.common.QuerentException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.querent.common.QuerentException.class, () -> new RandomStrategy().select(pool(3, 1), 1));
        assertEquals(org.querent.common.ErrorKind.USAGE, e.kind());
    }
}
