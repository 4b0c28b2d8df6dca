package org.querent.query;

/**
 * "qbc": query by committee with vote entropy. Each committee member (a head trained on a bootstrap resample of the
 * labels, see {@code learn.Committee}) votes for its most likely class; items whose votes are most split score
 * highest. Vote entropy takes few distinct values with a small committee, so equal votes are ordered by the entropy
 * of the committee's mean prediction (consensus entropy), then by the seeded tie order.
 *
 * <p>Needs {@link QueryContext#committee()}.
 */
public final class QbcStrategy implements ScoringStrategy {

    public static final String NAME = "qbc";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean needsCommittee() {
        return true;
    }

    /** Vote entropy per pool row, in nats. */
    @Override
    public double[] scores(QueryContext context) {
        double[][][] committee = QueryInputs.committee(QueryInputs.check(context), NAME);
        double[] scores = new double[context.poolSize()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Disagreement.voteEntropy(committee, i, context.multiLabel());
        }
        return scores;
    }

    @Override
    public Ranking select(QueryContext context, int size) {
        double[] votes = scores(QueryInputs.check(context, size));
        double[][][] committee = context.committee();
        double[] consensus = new double[votes.length];
        for (int i = 0; i < consensus.length; i++) {
            consensus[i] = Disagreement.consensusEntropy(committee, i, context.multiLabel());
        }
        return TopK.select(votes, consensus, size, context.seed());
    }
}
