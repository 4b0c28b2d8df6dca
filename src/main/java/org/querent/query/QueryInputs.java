package org.querent.query;

import org.querent.common.LogitMatrix;
import org.querent.common.QuerentException;

/** Argument checks shared by the strategies, with messages that carry the offending values. */
final class QueryInputs {

    private QueryInputs() {
    }

    static QueryContext check(QueryContext context, int size) {
        if (size < 0) {
            throw QuerentException.usage("batch size must not be negative: received size=" + size);
        }
        return check(context);
    }

    static QueryContext check(QueryContext context) {
        if (context == null || context.probabilities() == null) {
            throw QuerentException.usage("a query needs the pool's predicted probabilities");
        }
        double[][] p = context.probabilities();
        for (int i = 0; i < p.length; i++) {
            if (p[i] == null || p[i].length == 0) {
                throw QuerentException.usage("probabilities[" + i + "] is missing or empty");
            }
            if (p[i].length != p[0].length) {
                throw QuerentException.usage("probability rows differ in length: probabilities[0].length="
                        + p[0].length + ", probabilities[" + i + "].length=" + p[i].length);
            }
        }
        return context;
    }

    /**
     * As {@link #check(QueryContext, int)} for a strategy that {@link QueryStrategy#ranksFromLogitsAlone()}: the
     * probabilities may be missing when the logits are there.
     */
    static QueryContext checkLogitsOrProbabilities(QueryContext context, int size) {
        if (size < 0) {
            throw QuerentException.usage("batch size must not be negative: received size=" + size);
        }
        return checkLogitsOrProbabilities(context);
    }

    static QueryContext checkLogitsOrProbabilities(QueryContext context) {
        if (context != null && context.probabilities() == null && context.logits() != null) {
            return context;
        }
        check(context);
        logits(context);
        return context;
    }

    /** The context's logits when present and shaped like its probabilities (if any); a usage error when mis-shaped. */
    static LogitMatrix logits(QueryContext context) {
        LogitMatrix z = context.logits();
        if (z == null) {
            return null;
        }
        double[][] p = context.probabilities();
        if (p == null) {
            return z;
        }
        if (z.rows() != p.length) {
            throw QuerentException.usage("one logit row per pool item: received logits.rows()=" + z.rows()
                    + ", probabilities.length=" + p.length);
        }
        if (p.length > 0 && z.columns() != p[0].length) {
            throw QuerentException.usage("logits must have " + p[0].length + " classes, as the probabilities do: "
                    + "received logits.columns()=" + z.columns());
        }
        return z;
    }

    /** The pool's embeddings, one per probability row, all of one length; a usage error naming the strategy if not. */
    static float[][] embeddings(QueryContext context, String strategy) {
        float[][] x = context.embeddings();
        if (x == null) {
            throw QuerentException.usage("strategy '" + strategy + "' needs the pool's embeddings: score the items first");
        }
        if (x.length != context.poolSize()) {
            throw QuerentException.usage("one embedding per pool item: received embeddings.length=" + x.length
                    + ", probabilities.length=" + context.poolSize());
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != x[0].length) {
                throw QuerentException.usage("embeddings differ in length: embeddings[0].length=" + x[0].length
                        + ", embeddings[" + i + "].length=" + (x[i] == null ? "null" : x[i].length));
            }
        }
        float[][] labelled = context.labelledEmbeddings();
        if (labelled != null) {
            for (int i = 0; i < labelled.length; i++) {
                if (labelled[i] == null || (x.length > 0 && labelled[i].length != x[0].length)) {
                    throw QuerentException.usage("labelled embeddings must match the pool's: embeddings[0].length="
                            + (x.length > 0 ? x[0].length : 0) + ", labelledEmbeddings[" + i + "].length="
                            + (labelled[i] == null ? "null" : labelled[i].length));
                }
            }
        }
        return x;
    }

    /** The committee's predictions, checked against the pool; a usage error naming the strategy if missing. */
    static double[][][] committee(QueryContext context, String strategy) {
        double[][][] committee = context.committee();
        if (committee == null || committee.length == 0) {
            throw QuerentException.usage("strategy '" + strategy + "' needs a committee: the caller must supply "
                    + "QueryContext.withCommittee(Committee.predict(...)) (QueryStrategy.needsCommittee() is true)");
        }
        int classes = context.poolSize() == 0 ? 0 : context.probabilities()[0].length;
        for (int m = 0; m < committee.length; m++) {
            if (committee[m] == null || committee[m].length != context.poolSize()) {
                throw QuerentException.usage("committee member " + m + " must predict every pool item: received "
                        + (committee[m] == null ? "null" : committee[m].length) + " rows, pool size "
                        + context.poolSize());
            }
            for (int i = 0; i < committee[m].length; i++) {
                if (committee[m][i] == null || committee[m][i].length != classes) {
                    throw QuerentException.usage("committee member " + m + ", row " + i + " has "
                            + (committee[m][i] == null ? "null" : committee[m][i].length) + " classes, the pool "
                            + classes);
                }
            }
        }
        return committee;
    }
}
