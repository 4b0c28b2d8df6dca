package org.querent.query;

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
}
