package org.querent.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Points on the unit circle (distances are between directions): blob A of 11 points at 0, +-1, ..., +-5 degrees,
 * blob B of 7 points at 90, 90 +-1, 90 +-2, 90 +-3 degrees, and one outlier at 200 degrees (it joins B's cluster,
 * 110 degrees away, rather than A's, 160). The most typical point of a cluster has the smallest mean distance to the
 * others: the centre of A (0 degrees; its mean chord to the other ten is the smallest by symmetry), and the centre of
 * B: at 90 degrees the chords to the others sum to 2 sin(55) + 2 (2 sin 0.5 + 2 sin 1 + 2 sin 1.5) = 1.847726, at
 * 91 degrees to 2 sin(54.5) + 2 sin 0.5 + 2 sin 1 + 2 sin 1.5 + 2 sin 2 + 2 sin 0.5 + 2 sin 1 = 1.855054. A is the
 * larger cluster, so its centre comes first; with uniform probabilities (no labels yet).
 */
class TypiclustStrategyTest {

    private static final int A_CENTRE = 5;
    private static final int B_CENTRE = 11 + 3;
    private static final int OUTLIER = 18;

    static float[][] pool() {
        float[][] x = new float[19][];
        int i = 0;
        for (int a = -5; a <= 5; a++) {
            x[i++] = at(a);
        }
        for (int b = -3; b <= 3; b++) {
            x[i++] = at(90 + b);
        }
        x[i] = at(200);
        return x;
    }

    private static float[] at(double degrees) {
        double r = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
    }

    static double[][] uniform(int n) {
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            p[i] = new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3};
        }
        return p;
    }

    @Test
    void picksTheDenseCentreOfEachBlobNotTheOutlier() {
        for (long seed = 0; seed < 10; seed++) {
            Ranking ranking = new TypiclustStrategy().select(QueryContext.of(uniform(19), pool(), false, seed), 2);
            assertArrayEquals(new int[] {A_CENTRE, B_CENTRE}, ranking.indices(), "seed " + seed);
        }
    }

    @Test
    void typicalityOfBlobBCentreIsTheInverseMeanChord() {
        float[][] x = pool();
        int[] cluster = new int[8];
        for (int m = 0; m < 8; m++) {
            cluster[m] = 11 + m;
        }
        double[] typicality = new double[1];
        int best = TypiclustStrategy.mostTypical(x, Vectors.norms(x), cluster, new boolean[19],
                new java.util.SplittableRandom(0), typicality);
        assertEquals(B_CENTRE, best);
        assertEquals(7 / 1.847726, typicality[0], 1e-3);
    }

    @Test
    void labelledBlobIsCoveredSoTheOtherBlobComesFirst() {
        QueryContext context = QueryContext.of(uniform(19), pool(), false, 3)
                .withLabelled(new float[][] {at(1)}, new int[] {0});
        // 1 labelled + 1 wanted = 2 clusters; A's is covered, so B's centre is the pick.
        assertArrayEquals(new int[] {B_CENTRE}, new TypiclustStrategy().select(context, 1).indices());
    }

    @Test
    void sameSeedSamePicks() {
        QueryContext context = QueryContext.of(uniform(19), pool(), false, 11);
        assertArrayEquals(new TypiclustStrategy().select(context, 5).indices(),
                new TypiclustStrategy().select(context, 5).indices());
        assertEquals(OUTLIER, 18);
    }

    /**
     * The batch rules ask for a long ranking (room to skip). It uses {@value TypiclustStrategy#MAX_CLUSTERS}
     * clusters, not one per pick, and goes round them again: its first picks are exactly a batch of that size, and
     * it still names every position once.
     */
    @Test
    void aLongRankingGoesRoundTheClustersInsteadOfMakingOnePerPick() {
        java.util.Random random = new java.util.Random(5);
        int blobs = 120;
        int perBlob = 20;
        float[][] x = new float[blobs * perBlob][8];
        for (int b = 0; b < blobs; b++) {
            float[] centre = new float[8];
            for (int d = 0; d < 8; d++) {
                centre[d] = (float) random.nextGaussian();
            }
            for (int p = 0; p < perBlob; p++) {
                for (int d = 0; d < 8; d++) {
                    x[b * perBlob + p][d] = centre[d] + (float) (0.05 * random.nextGaussian());
                }
            }
        }
        QueryContext context = QueryContext.of(uniform(x.length), x, false, 3);
        int[] batch = new TypiclustStrategy().select(context, TypiclustStrategy.MAX_CLUSTERS).indices();
        int[] room = new TypiclustStrategy().select(context, 1_000).indices();
        assertEquals(1_000, room.length);
        assertArrayEquals(batch, java.util.Arrays.copyOf(room, batch.length));
        assertEquals(1_000, java.util.Arrays.stream(room).distinct().count());
        int[] whole = new TypiclustStrategy().select(context, x.length).indices();
        assertEquals(x.length, java.util.Arrays.stream(whole).distinct().count());
    }
}
