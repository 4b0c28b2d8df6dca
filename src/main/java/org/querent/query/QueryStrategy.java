package org.querent.query;

/**
 * Picks which unlabelled items a person should label next. Implementations are pure functions of the
 * context (probabilities, embeddings, seed): the same context gives the same picks.
 */
public interface QueryStrategy {

    /** The name used on the command line and stored with every round, e.g. "margin". */
    String name();

    /**
     * Ranks the pool and returns the best {@code size} items, best first.
     *
     * @param context the pool to rank
     * @param size    how many items to return (fewer if the pool is smaller)
     */
    Ranking select(QueryContext context, int size);
}
