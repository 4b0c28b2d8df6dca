package org.querent.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.querent.common.LogitMatrix;
import org.querent.common.QuerentException;

/**
 * The uncertainty strategies read logits from a {@link LogitMatrix} (ADR 0025): their scores and rankings must be
 * bit-for-bit those of the former path, which scored a {@code double[][]} row by row. The reference below is that
 * path, kept verbatim. The pool is large enough for the parallel path and full of near ties.
 */
class LogitMatrixRankingTest {
    private static final int ROWS = 120_000;

    /** Logits with exact duplicates, one-ulp neighbours, saturated rows and equal scores. */
    private static double[][] nearTies(int classes, long seed) {
        Random random = new Random(seed);
        double[][] z = new double[ROWS][classes];
        for (int i = 0; i < ROWS; i++) {
            switch (i % 5) {
                case 0 -> {
                    for (int c = 0; c < classes; c++) {
                        z[i][c] = random.nextGaussian() * 3;
                    }
                }
                case 1 -> z[i] = z[i - 1].clone(); // an exact duplicate: equal score, equal tie-break
                case 2 -> {
                    z[i] = z[i - 2].clone();
                    z[i][0] = Math.nextUp(z[i][0]); // one ulp apart
                }
                case 3 -> {
                    for (int c = 0; c < classes; c++) {
                        z[i][c] = c == 1 ? 40 + random.nextInt(5) : random.nextInt(3); // top probability rounds to 1
                    }
                }
                default -> {
                    double a = random.nextGaussian();
                    for (int c = 0; c < classes; c++) {
                        z[i][c] = c < 2 ? a : a - 1 - random.nextInt(4); // a tie at the top
                    }
                }
            }
        }
        return z;
    }

    private static double[][] softmax(double[][] z) {
        double[][] p = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            p[i] = Uncertainty.softmax(z[i]);
        }
        return p;
    }

    /** The former RowUncertaintyStrategy.scores over {@code double[][]} logits. */
    private static double[] formerScores(RowUncertaintyStrategy s, double[][] z, boolean multiLabel) {
        double[] scores = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            scores[i] = multiLabel ? s.multiLabelLogitScore(z[i]) : s.logitScore(z[i]);
        }
        return scores;
    }

    /** The former RowUncertaintyStrategy.select over {@code double[][]} logits. */
    private static Ranking formerSelect(RowUncertaintyStrategy s, double[][] z, boolean multiLabel, int size, long seed) {
        double[] scores = formerScores(s, z, multiLabel);
        double[] tieBreak = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            tieBreak[i] = -(multiLabel ? Uncertainty.smallestAbsolute(z[i]) : Uncertainty.logitMargin(z[i]));
        }
        return TopK.select(scores, tieBreak, size, seed);
    }

    @Test
    void scoresAndRankingsAreThoseOfTheFormerRowByRowPath() {
        for (boolean multiLabel : new boolean[] {false, true}) {
            for (int classes : new int[] {2, 3, 7}) {
                double[][] z = nearTies(classes, classes * 31L);
                double[][] p = softmax(z);
                LogitMatrix matrix = LogitMatrix.of(z);
                for (String name : List.of("margin", "entropy", "least-confidence")) {
                    RowUncertaintyStrategy s = (RowUncertaintyStrategy) Strategies.byName(name);
                    String what = name + ", " + classes + " classes, multi-label " + multiLabel;
                    double[] expected = formerScores(s, z, multiLabel);
                    QueryContext withRows = QueryContext.of(p, null, multiLabel, 5).withLogits(matrix);
                    QueryContext logitsAlone = new QueryContext(null, null, multiLabel, 5).withLogits(matrix);
                    assertArrayEquals(expected, s.scores(withRows), 0.0, what);
                    assertArrayEquals(expected, s.scores(logitsAlone), 0.0, what);
                    Ranking former = formerSelect(s, z, multiLabel, 500, 5);
                    for (QueryContext context : List.of(withRows, logitsAlone)) {
                        Ranking now = s.select(context, 500);
                        assertArrayEquals(former.indices(), now.indices(), what);
                        assertArrayEquals(former.scores(), now.scores(), 0.0, what);
                    }
                }
            }
        }
    }

    /** The comparison has teeth: logits rounded to float, as a float matrix would hold them, reorder the margin. */
    @Test
    void floatRoundedLogitsWouldChangeTheMarginRanking() {
        double[][] z = nearTies(3, 93);
        double[][] rounded = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            rounded[i] = new double[3];
            for (int c = 0; c < 3; c++) {
                rounded[i][c] = (float) (z[i][c] / 1.37); // a calibrated z / T, stored as float
            }
            for (int c = 0; c < 3; c++) {
                z[i][c] /= 1.37;
            }
        }
        MarginStrategy margin = new MarginStrategy();
        int[] exact = margin.select(new QueryContext(null, null, false, 5).withLogits(LogitMatrix.of(z)), 2000).indices();
        int[] fromFloats = margin.select(new QueryContext(null, null, false, 5).withLogits(LogitMatrix.of(rounded)), 2000)
                .indices();
        assertFalse(java.util.Arrays.equals(exact, fromFloats), "float logits reorder near ties");
    }

    @Test
    void onlyStrategiesThatRankFromLogitsAloneAcceptAContextWithoutProbabilities() {
        LogitMatrix z = LogitMatrix.of(new double[][] {{0, 1}, {1, 0}, {0.5, 0.4}});
        QueryContext logitsAlone = new QueryContext(null, null, false, 1).withLogits(z);
        assertEquals(3, logitsAlone.poolSize());
        assertEquals(2, new RandomStrategy().select(logitsAlone, 2).size());
        for (String name : List.of("margin", "entropy", "least-confidence", "random")) {
            assertTrue(Strategies.byName(name).ranksFromLogitsAlone(), name);
        }
        for (String name : List.of("badge", "egl", "coreset", "typiclust")) {
            QueryStrategy s = Strategies.byName(name);
            assertFalse(s.ranksFromLogitsAlone(), name);
            assertThrows(QuerentException.class, () -> s.select(logitsAlone.withLabelled(new float[0][], new int[0]), 1),
                    name);
        }
        QuerentException misShaped = assertThrows(QuerentException.class, () -> new MarginStrategy().scores(
                QueryContext.of(new double[][] {{0.5, 0.5}}, null, false, 1).withLogits(z)));
        assertEquals("one logit row per pool item: received logits.rows()=3, probabilities.length=1",
                misShaped.getMessage());
    }
}
