package org.querent.query;

import java.util.SplittableRandom;

/**
 * "random": a uniformly random batch, the baseline every other strategy must beat. A partial Fisher-Yates
 * shuffle seeded by the context's seed: the same seed and pool size give the same picks. It ignores the
 * probabilities, and all its scores are 0 (no item is more worth labelling than another).
 */
public final class RandomStrategy implements QueryStrategy {

    public static final String NAME = "random";

    @Override
    public boolean readsEmbeddings() {
        return false;
    }

    @Override
    public boolean ranksFromLogitsAlone() {
        return true; // it reads only the pool size
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Ranking select(QueryContext context, int size) {
        int n = QueryInputs.checkLogitsOrProbabilities(context, size).poolSize();
        int k = Math.min(size, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(context.seed());
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return new Ranking(java.util.Arrays.copyOf(order, k), new double[k]);
    }
}
