package org.querent.query;

/**
 * "qbc-kl": query by committee with the mean Kullback-Leibler divergence of each member's prediction from the
 * committee's mean prediction (McCallum and Nigam 1998). Unlike vote entropy it sees disagreement in confidence
 * even when every member votes for the same class, and it has no ties to break.
 *
 * <p>Needs {@link QueryContext#committee()}.
 */
public final class QbcKlStrategy implements ScoringStrategy {

    public static final String NAME = "qbc-kl";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean needsCommittee() {
        return true;
    }

    /** Mean KL(member || consensus) per pool row, in nats. */
    @Override
    public double[] scores(QueryContext context) {
        double[][][] committee = QueryInputs.committee(QueryInputs.check(context), NAME);
        double[] scores = new double[context.poolSize()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Disagreement.meanKlToConsensus(committee, i, context.multiLabel());
        }
        return scores;
    }
}
