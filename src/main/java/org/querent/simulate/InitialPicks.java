package org.querent.simulate;

import java.util.Arrays;

import org.querent.query.QueryContext;
import org.querent.query.QueryStrategy;
import org.querent.query.Ranking;
import org.querent.query.Strategies;

/**
 * The cold start: picks the first labels from the pool before any model exists. A cold-start strategy
 * (typiclust) works from the embeddings alone; any strategy may be named, and sees uniform probabilities,
 * since no model has predicted anything yet.
 */
final class InitialPicks {
    private InitialPicks() {
    }

    /**
     * @param strategyName a name known to {@link Strategies#byName(String)}
     * @param embeddings   every dataset row
     * @param pool         dataset rows that may be picked
     * @return {@code n} distinct dataset rows from the pool, in the strategy's order
     */
    static int[] select(String strategyName, float[][] embeddings, int[] pool, int n, int classes, long seed) {
        QueryStrategy strategy = Strategies.byName(strategyName);
        float[][] x = new float[pool.length][];
        double[][] uniform = new double[pool.length][classes];
        for (int i = 0; i < pool.length; i++) {
            x[i] = embeddings[pool[i]];
            Arrays.fill(uniform[i], 1.0 / classes);
        }
        Ranking ranking = strategy.select(new QueryContext(uniform, x, false, seed), n);
        return Arrays.stream(ranking.indices()).map(i -> pool[i]).distinct().toArray();
    }
}
