package org.querent.query;

/**
 * Picks which unlabelled items a person should label next. Implementations are pure functions of the
 * context (probabilities, embeddings, labelled items, committee, seed): the same context gives the same picks.
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

    /**
     * Whether {@link QueryContext#committee()} must be filled (e.g. with {@code learn.Committee.predict}); without
     * it the strategy fails with a usage error. Committees cost training, so callers build one only when asked.
     */
    default boolean needsCommittee() {
        return false;
    }

    /**
     * Whether the strategy uses {@link QueryContext#labelledEmbeddings()} (and classes) when they are supplied: e.g.
     * to keep away from what is already labelled. It still works without them (as at cold start).
     */
    default boolean needsLabelled() {
        return false;
    }

    /**
     * Whether {@link QueryContext#embeddings()} is read. Uncertainty and random strategies say no, so a million-row
     * pool held compact is ranked without decoding its vectors (rows of the context may then be null).
     */
    default boolean readsEmbeddings() {
        return true;
    }

    /**
     * Whether the strategy ranks from {@link QueryContext#logits()} alone when they are given, so that the caller may
     * leave {@link QueryContext#probabilities()} null (the uncertainty strategies; ADR 0025).
     */
    default boolean ranksFromLogitsAlone() {
        return false;
    }
}
