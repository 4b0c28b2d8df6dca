package org.querent.query;

/**
 * A strategy that gives every pool item its own score, higher meaning more worth labelling, and picks the top
 * scores. Because the scores stand alone they can also be shown: how uncertain is this item compared with the rest
 * of the pool ({@link PoolPercentiles}).
 */
public interface ScoringStrategy extends QueryStrategy {

    /** One score per pool row, higher = more worth labelling. */
    double[] scores(QueryContext context);

    /** The {@code size} highest scores; equal scores in a seeded random order ({@link TopK}). */
    @Override
    default Ranking select(QueryContext context, int size) {
        return TopK.select(scores(QueryInputs.check(context, size)), size, context.seed());
    }
}
