package org.querent.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** McNemar's exact test and the paired bootstrap, on cases worked by hand. */
class PairedComparisonTest {
    @Test
    void mcNemarExactTwoSided() {
        // n = 16 discordant, 5 one way: P(X <= 5) = (1 + 16 + 120 + 560 + 1820 + 4368) / 2^16 = 6885 / 65536
        assertEquals(2 * 6885.0 / 65536, PairedComparison.mcNemar(5, 11), 1e-12);
        assertEquals(PairedComparison.mcNemar(11, 5), PairedComparison.mcNemar(5, 11), 1e-15);
        assertEquals(1.0, PairedComparison.mcNemar(0, 0));
        assertEquals(1.0, PairedComparison.mcNemar(4, 4), "capped at 1");
        assertEquals(2 * Math.pow(0.5, 10), PairedComparison.mcNemar(0, 10), 1e-15);
        assertTrue(PairedComparison.mcNemar(1000, 1200) < 1e-4, "large n stays finite");
    }

    @Test
    void identicalModelsAreNotWorseAndAWorseOneIs() {
        int n = 60;
        int[][] truth = new int[n][];
        double[][] good = new double[n][];
        double[][] bad = new double[n][];
        for (int i = 0; i < n; i++) {
            truth[i] = new int[] {i % 3};
            good[i] = new double[3];
            good[i][i % 3] = 0.8;
            good[i][(i + 1) % 3] = 0.1;
            good[i][(i + 2) % 3] = 0.1;
            bad[i] = good[i].clone();
            if (i % 2 == 0) { // wrong on half the items
                bad[i][i % 3] = 0.1;
                bad[i][(i + 1) % 3] = 0.8;
            }
        }
        PairedComparison.Result same = PairedComparison.compare(truth, good, good, 3, false, 1);
        assertEquals(0, same.low());
        assertEquals(0, same.high());
        assertFalse(same.candidateWorse());
        assertEquals(1.0, same.candidate().accuracy());
        assertEquals(-Math.log(0.8), same.candidate().logLoss(), 1e-12);

        PairedComparison.Result worse = PairedComparison.compare(truth, good, bad, 3, false, 1);
        assertEquals(-0.5, worse.difference(), 1e-12);
        assertEquals(30, worse.onlyIncumbent());
        assertEquals(0, worse.onlyCandidate());
        assertTrue(worse.candidateWorse());
        assertTrue(worse.high() < 0 && worse.low() >= -0.75, worse.toString());
        assertEquals(0.5, worse.candidate().recall()[0], 1e-12);

        PairedComparison.Result better = PairedComparison.compare(truth, bad, good, 3, false, 1);
        assertFalse(better.candidateWorse());
        assertTrue(better.low() > 0);
    }
}
