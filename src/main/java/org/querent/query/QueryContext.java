package org.querent.query;

import org.querent.common.LogitMatrix;

/**
 * The unlabelled pool as a strategy sees it. Row i of {@code probabilities}, {@code embeddings} and of every
 * committee member's matrix is the same pool item.
 *
 * <p>The last three fields are optional (null when absent) and only read by the strategies that say so through
 * {@link QueryStrategy#needsLabelled()} and {@link QueryStrategy#needsCommittee()}; a caller computes them only then.
 * Build them with {@link #withLabelled(float[][], int[])} and {@link #withCommittee(double[][][])}.
 *
 * @param probabilities      predicted class probabilities per pool item (rows sum to 1 for single-label;
 *                           independent per-label probabilities for multi-label). Cold-start strategies ignore
 *                           them, so uniform rows are fine before any label exists
 * @param embeddings         the pool's embeddings (diversity, expected-gradient and cold-start strategies)
 * @param multiLabel         whether probabilities are per-label independent
 * @param seed               seed for any random choice
 * @param labelledEmbeddings embeddings of the items already labelled (or queued), or null
 * @param labelledClasses    primary class of each labelled item, same order, or null
 * @param committee          {@code [member][pool row][class]}: each committee member's probabilities for the pool,
 *                           or null
 * @param logits             the (calibrated) logits behind {@code probabilities}, same rows and columns, or null.
 *                           Uncertainty strategies score from them when present: a probability that rounded to 1.0
 *                           carries no ranking, its logits still do. With logits, {@code probabilities} may be null
 *                           for a strategy that {@link QueryStrategy#ranksFromLogitsAlone()}: a million-row pool is
 *                           then ranked without a probability row per item (ADR 0025)
 */
public record QueryContext(double[][] probabilities, float[][] embeddings, boolean multiLabel, long seed,
                           float[][] labelledEmbeddings, int[] labelledClasses, double[][][] committee,
                           LogitMatrix logits) {

    /** A context without labelled items or committee: what every strategy before committees needed. */
    public QueryContext(double[][] probabilities, float[][] embeddings, boolean multiLabel, long seed) {
        this(probabilities, embeddings, multiLabel, seed, null, null, null, null);
    }

    /** A context without logits. */
    public QueryContext(double[][] probabilities, float[][] embeddings, boolean multiLabel, long seed,
                        float[][] labelledEmbeddings, int[] labelledClasses, double[][][] committee) {
        this(probabilities, embeddings, multiLabel, seed, labelledEmbeddings, labelledClasses, committee, null);
    }

    /** A copy that also carries the logits behind the probabilities (or null for none). */
    public QueryContext withLogits(LogitMatrix newLogits) {
        return new QueryContext(probabilities, embeddings, multiLabel, seed, labelledEmbeddings, labelledClasses,
                committee, newLogits);
    }

    /** As {@link #withLogits(LogitMatrix)}, from rows (copied). */
    public QueryContext withLogits(double[][] newLogits) {
        return withLogits(newLogits == null ? null : LogitMatrix.of(newLogits));
    }

    /** Same as the four-argument constructor, named for readability at call sites. */
    public static QueryContext of(double[][] probabilities, float[][] embeddings, boolean multiLabel, long seed) {
        return new QueryContext(probabilities, embeddings, multiLabel, seed);
    }

    /** A copy that also knows the labelled items (their embeddings and primary classes; classes may be null). */
    public QueryContext withLabelled(float[][] newLabelledEmbeddings, int[] newLabelledClasses) {
        return new QueryContext(probabilities, embeddings, multiLabel, seed, newLabelledEmbeddings,
                newLabelledClasses, committee, logits);
    }

    /** A copy that also carries the committee's predictions for the pool, {@code [member][pool row][class]}. */
    public QueryContext withCommittee(double[][][] newCommittee) {
        return new QueryContext(probabilities, embeddings, multiLabel, seed, labelledEmbeddings, labelledClasses,
                newCommittee, logits);
    }

    public int poolSize() {
        return probabilities != null ? probabilities.length : logits != null ? logits.rows() : 0;
    }

    /** Number of labelled items supplied, 0 when none. */
    public int labelledCount() {
        return labelledEmbeddings == null ? 0 : labelledEmbeddings.length;
    }
}
