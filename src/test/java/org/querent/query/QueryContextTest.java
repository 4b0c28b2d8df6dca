package org.querent.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class QueryContextTest {

    private static final double[][] P = {{0.5, 0.5}};
    private static final float[][] X = {{1, 0}};

    @Test
    void fourArgumentConstructorLeavesTheOptionalPartsEmpty() {
        QueryContext context = new QueryContext(P, X, false, 3);
        assertNull(context.labelledEmbeddings());
        assertNull(context.labelledClasses());
        assertNull(context.committee());
        assertEquals(0, context.labelledCount());
        assertEquals(context, QueryContext.of(P, X, false, 3));
    }

    @Test
    void withersAddLabelledItemsAndCommitteeKeepingTheRest() {
        float[][] labelled = {{0, 1}};
        int[] classes = {1};
        double[][][] committee = {P, P};
        QueryContext context = QueryContext.of(P, X, true, 3).withLabelled(labelled, classes).withCommittee(committee);
        assertSame(P, context.probabilities());
        assertSame(X, context.embeddings());
        assertEquals(true, context.multiLabel());
        assertEquals(3, context.seed());
        assertSame(labelled, context.labelledEmbeddings());
        assertSame(classes, context.labelledClasses());
        assertSame(committee, context.committee());
        assertEquals(1, context.labelledCount());
    }
}
