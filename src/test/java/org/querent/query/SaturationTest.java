package org.querent.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Confident rows whose top probability rounds to 1.0 in double precision (a logit lead of 40 or more) still get
 * distinct, non-zero uncertainty scores, in the order of their logit leads, from logits and from the probabilities;
 * where even the logit scores underflow (a lead of 800), the logit margin orders them, never the row order.
 */
class SaturationTest {

    /** Leads of 40..47: every top probability is exactly 1.0 as a double. */
    private static double[][] logits() {
        double[][] z = new double[8][];
        for (int i = 0; i < 8; i++) {
            z[i] = new double[] {0, 47 - i, 1}; // row 7 leads least
        }
        return z;
    }

    private static double[][] probabilities(double[][] z) {
        double[][] p = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            p[i] = Uncertainty.softmax(z[i]);
        }
        return p;
    }

    @Test
    void saturatedRowsKeepDistinctScoresInTheOrderOfTheirLeads() {
        double[][] z = logits();
        double[][] p = probabilities(z);
        for (double[] row : p) {
            assertEquals(1.0, row[1]); // what broke the old 1 - (p1 - p2)
        }
        for (String name : List.of("margin", "entropy", "least-confidence", "egl")) {
            ScoringStrategy strategy = (ScoringStrategy) Strategies.byName(name);
            for (boolean withLogits : new boolean[] {true, false}) {
                QueryContext context = QueryContext.of(p, embeddings(8), false, 3).withLogits(withLogits ? z : null);
                double[] scores = strategy.scores(context);
                for (int i = 0; i < 8; i++) {
                    assertTrue(scores[i] > 0, name + " row " + i + " scored " + scores[i]);
                    if (i > 0) {
                        assertTrue(scores[i] > scores[i - 1], name + ": a smaller lead must score higher " + i);
                    }
                }
                assertArrayEquals(new int[] {7, 6, 5, 4, 3, 2, 1, 0}, strategy.select(context, 8).indices(), name);
            }
        }
    }

    @Test
    void logitScoresMatchTheTextbookFormulasWhereNothingSaturates() {
        double[] z = {0.3, -1.2, 2.0};
        double[] p = Uncertainty.softmax(z);
        double[] sorted = p.clone();
        java.util.Arrays.sort(sorted);
        assertEquals(1 - (sorted[2] - sorted[1]), new MarginStrategy().logitScore(z), 1e-12);
        assertEquals(1 - sorted[2], new LeastConfidenceStrategy().logitScore(z), 1e-12);
        double h = 0;
        for (double q : p) {
            h -= q * Math.log(q);
        }
        assertEquals(h, new EntropyStrategy().logitScore(z), 1e-12);
        assertEquals(h, EntropyStrategy.score(p), 1e-12);
        double[] zl = {3.0, -0.5};
        double q = 1 / (1 + Math.exp(-3.0));
        double r = 1 / (1 + Math.exp(0.5));
        assertEquals(((1 - Math.abs(2 * q - 1)) + (1 - Math.abs(2 * r - 1))) / 2,
                new MarginStrategy().multiLabelLogitScore(zl), 1e-12);
        double hb = -(q * Math.log(q) + (1 - q) * Math.log(1 - q)) - (r * Math.log(r) + (1 - r) * Math.log(1 - r));
        assertEquals(hb / 2, new EntropyStrategy().multiLabelLogitScore(zl), 1e-12);
    }

    @Test
    void whereEvenLogitScoresUnderflowTheLogitMarginBreaksTheTie() {
        double[][] z = new double[6][];
        for (int i = 0; i < 6; i++) {
            z[i] = new double[] {800 + 10 * i, 0}; // exp(-800) is 0: every score is exactly 0
        }
        double[][] p = probabilities(z);
        for (long seed = 0; seed < 5; seed++) {
            QueryContext context = QueryContext.of(p, embeddings(6), false, seed).withLogits(z);
            assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, new MarginStrategy().select(context, 6).indices());
            QueryContext reversed = QueryContext.of(p, embeddings(6), false, seed).withLogits(reverse(z));
            assertArrayEquals(new int[] {5, 4, 3, 2, 1, 0}, new EntropyStrategy().select(reversed, 6).indices());
        }
    }

    @Test
    void badgeKeepsGradientLengthsOfSaturatedRows() {
        double[][] p = probabilities(logits());
        double[] r = BadgeStrategy.residual(p[0], false);
        assertTrue(r[1] < 0, "p_top - 1 is minus the rest, not 0: " + r[1]);
        assertEquals(-(p[0][0] + p[0][2]), r[1], 0);
    }

    private static double[][] reverse(double[][] z) {
        double[][] out = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            out[i] = z[z.length - 1 - i];
        }
        return out;
    }

    private static float[][] embeddings(int n) {
        float[][] x = new float[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new float[] {1, 0};
        }
        return x;
    }
}
