package org.querent.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RankingPaceTest {
    private static final long MS = 1_000_000;

    @Test
    void aSlowRankingAtAFastPaceNeedsManyItemsOfWarning() {
        RankingPace pace = new RankingPace();
        pace.ranked(3_000 * MS);
        long t = 0;
        for (int i = 0; i < 30; i++) {
            pace.decided(t);
            t += 300 * MS;
        }
        // 2 x 3 s at one decision every 300 ms: 20 items
        assertEquals(20, pace.itemsToCover(2.0));
    }

    @Test
    void aFastRankingNeedsNoneAndABreakDoesNotCountAsPace() {
        RankingPace pace = new RankingPace();
        pace.ranked(5 * MS);
        pace.decided(0);
        pace.decided(400 * MS);
        pace.decided(400 * MS + 5L * 60 * 1000 * MS); // five minutes of coffee
        pace.decided(800 * MS + 5L * 60 * 1000 * MS);
        assertEquals(1, pace.itemsToCover(2.0));
        pace.ranked(4_000 * MS); // the averages move towards the new figure, not jump to it
        int after = pace.itemsToCover(2.0);
        assertEquals(true, after > 1 && after < 20, "items " + after);
    }
}
