package org.querent.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.querent.common.QuerentException;

/**
 * score = sqrt(||x||^2 + 1) * sum_y p_y sqrt(||p||^2 - 2 p_y + 1):
 * <pre>
 * item  x       p           sum_y p_y ||p - e_y||                                 sqrt(||x||^2+1)  score
 * 0     (1, 0)  0.5, 0.5    0.707107                                               1.414214         1.000000
 * 1     (3, 0)  0.5, 0.5    0.707107                                               3.162278         2.236068
 * 2     (3, 0)  0.9, 0.1    0.9 sqrt(0.02) + 0.1 sqrt(1.62) = 0.254558             3.162278         0.804984
 * 3     (0, 0)  0.5, 0.5    0.707107                                               1                0.707107
 * </pre>
 */
class ExpectedGradientLengthStrategyTest {

    private static final double[][] P = {{0.5, 0.5}, {0.5, 0.5}, {0.9, 0.1}, {0.5, 0.5}};
    private static final float[][] X = {{1, 0}, {3, 0}, {3, 0}, {0, 0}};

    @Test
    void prefersTheUncertainPointWithTheLargerNorm() {
        ExpectedGradientLengthStrategy egl = new ExpectedGradientLengthStrategy();
        QueryContext context = QueryContext.of(P, X, false, 5);
        assertArrayEquals(new double[] {1.0, 2.236068, 0.804984, 0.707107}, egl.scores(context), 1e-6);
        assertArrayEquals(new int[] {1, 0, 2, 3}, egl.select(context, 4).indices());
    }

    /** Multi-label bound sqrt(sum p(1-p)): p = (0.5, 0.5) gives sqrt(0.5), times sqrt(1 + 1). */
    @Test
    void multiLabelUsesTheJensenBound() {
        QueryContext context = QueryContext.of(new double[][] {{0.5, 0.5}}, new float[][] {{1, 0}}, true, 0);
        assertArrayEquals(new double[] {1.0}, new ExpectedGradientLengthStrategy().scores(context), 1e-12);
    }

    @Test
    void needsEmbeddings() {
        assertThrows(QuerentException.class,
                () -> new ExpectedGradientLengthStrategy().select(QueryContext.of(P, null, false, 0), 1));
    }
}
