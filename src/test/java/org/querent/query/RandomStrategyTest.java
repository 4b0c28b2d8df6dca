package org.querent.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;

class RandomStrategyTest {

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
        QueryContext rowsMissing = new QueryContext(new double[3][], null, false, 1);
        QuerentException e = assertThrows(QuerentException.class, () -> new RandomStrategy().select(rowsMissing, 1));
        assertEquals(ErrorKind.USAGE, e.kind());
        assertEquals("probabilities[0] is missing or empty", e.getMessage());
    }
}
