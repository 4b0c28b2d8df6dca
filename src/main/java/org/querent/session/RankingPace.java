package org.querent.session;

/**
 * How long ranking a batch takes and how fast the person decides, as moving averages: how many items before the
 * end of a batch its successor must start ranking so that it is there in time. A 300-item project ranks in
 * milliseconds and three items of warning do; a million-item cold start takes seconds, and a fast labeller would
 * run out of items first. Thread-safe.
 */
final class RankingPace {
    /** Weight of the newest figure in each average. */
    private static final double WEIGHT = 0.3;
    /** A pause longer than this is a break, not the person's pace. */
    private static final long BREAK_NANOS = 30_000_000_000L;
    /** Before any decision: a brisk two a second. */
    private static final double FIRST_PACE_NANOS = 500_000_000;

    private double rankingNanos;
    private double paceNanos = FIRST_PACE_NANOS;
    private long lastDecision = Long.MIN_VALUE;

    synchronized void ranked(long nanos) {
        rankingNanos = rankingNanos == 0 ? nanos : WEIGHT * nanos + (1 - WEIGHT) * rankingNanos;
    }

    synchronized void decided(long now) {
        if (lastDecision != Long.MIN_VALUE) {
            long gap = now - lastDecision;
            if (gap > 0 && gap < BREAK_NANOS) {
                paceNanos = WEIGHT * gap + (1 - WEIGHT) * paceNanos;
            }
        }
        lastDecision = now;
    }

    /** Decisions the person makes, at the pace so far, in {@code factor} times a ranking (rounded up). */
    synchronized int itemsToCover(double factor) {
        double items = Math.ceil(factor * rankingNanos / Math.max(1, paceNanos));
        return (int) Math.min(Integer.MAX_VALUE / 2, items);
    }
}
