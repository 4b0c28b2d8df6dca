package org.querent.query.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.querent.common.QuerentException;
import org.querent.query.Ranking;

class BatchComposerTest {

    /** Ranking 0, 1, 2, ... with scores n, n-1, ... */
    private static Ranking inOrder(int n) {
        int[] idx = new int[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            scores[i] = n - i;
        }
        return new Ranking(idx, scores);
    }

    private static float[][] spread(int n) {
        float[][] x = new float[n][];
        for (int i = 0; i < n; i++) {
            double a = i * Math.PI / (2 * n); // distinct directions over 0..90 degrees
            x[i] = new float[] {(float) Math.cos(a), (float) Math.sin(a)};
        }
        return x;
    }

    private static String[] sources(int n, String s) {
        String[] out = new String[n];
        Arrays.fill(out, s);
        return out;
    }

    private static long[] order(int n) {
        return java.util.stream.LongStream.range(0, n).toArray();
    }

    @Test
    void nearDuplicatesOfLabelledAndBatchItemsAreSkipped() {
        // c1 has cosine 0.995 with c0 (already in the batch); c3 has cosine 0.990 with the labelled item.
        float[][] x = {{1, 0}, {0.99f, 0.1f}, {0, 1}, {0.6f, 0.8f}};
        float[][] labelled = {{0.70710677f, 0.70710677f}};
        ComposedBatch batch = new BatchComposer(new BatchRules(0.95, 0, 0, 0))
                .compose(inOrder(4), new BatchCandidates(x, sources(4, ""), order(4), labelled), 3, 1);
        assertArrayEquals(new int[] {0, 2}, batch.indicesOf(Pick.Kind.STRATEGY));
        assertEquals(2, batch.skippedNearDuplicates());
        assertEquals(List.of(4.0, 2.0), batch.picks().stream().map(Pick::score).toList());
    }

    @Test
    void aThresholdOfZeroKeepsNearDuplicates() {
        float[][] x = {{1, 0}, {1, 0}, {1, 0}};
        ComposedBatch batch = new BatchComposer(BatchRules.none())
                .compose(inOrder(3), new BatchCandidates(x, sources(3, ""), order(3), x), 3, 1);
        assertArrayEquals(new int[] {0, 1, 2}, batch.indicesOf(Pick.Kind.STRATEGY));
    }

    @Test
    void theSourceCapPassesOverAFullFolder() {
        String[] src = {"a", "a", "a", "b", "b"};
        ComposedBatch batch = new BatchComposer(new BatchRules(0, 2, 0, 0))
                .compose(inOrder(5), new BatchCandidates(spread(5), src, order(5), new float[0][]), 4, 1);
        assertArrayEquals(new int[] {0, 1, 3, 4}, batch.indicesOf(Pick.Kind.STRATEGY));
        assertEquals(1, batch.skippedBySourceCap());
    }

    @Test
    void theDriftShareTakesTheBestRankedOfTheNewestItems() {
        // 10 candidates, added in row order; drift 0.2 of a batch of 5 = 1 pick among the newest 2 (rows 8, 9).
        ComposedBatch batch = new BatchComposer(new BatchRules(0, 0, 0.2, 0))
                .compose(inOrder(10), new BatchCandidates(spread(10), sources(10, ""), order(10), new float[0][]), 5, 1);
        assertArrayEquals(new int[] {8}, batch.indicesOf(Pick.Kind.DRIFT));
        assertArrayEquals(new int[] {0, 1, 2, 3}, batch.indicesOf(Pick.Kind.STRATEGY));
    }

    @Test
    void driftFollowsTheAddedOrderNotTheRow() {
        long[] added = {90, 10, 20, 30, 40, 50, 60, 70, 80, 5}; // row 0 is the newest
        ComposedBatch batch = new BatchComposer(new BatchRules(0, 0, 0.1, 0))
                .compose(inOrder(10), new BatchCandidates(spread(10), sources(10, ""), added, new float[0][]), 10, 1);
        assertArrayEquals(new int[] {0}, batch.indicesOf(Pick.Kind.DRIFT));
        assertEquals(10, batch.size());
    }

    @Test
    void auditPicksAreASeededUniformSampleExemptFromTheOtherRules() {
        // Every candidate is a copy of a labelled item: the strategy gets nothing, the audit still draws 2 of 10.
        int n = 100;
        float[][] x = new float[n][];
        Arrays.fill(x, new float[] {1, 0});
        BatchCandidates c = new BatchCandidates(x, sources(n, "a"), order(n), new float[][] {{1, 0}});
        BatchComposer composer = new BatchComposer(new BatchRules(0.95, 1, 0, 0.2));
        ComposedBatch batch = composer.compose(inOrder(n), c, 10, 42);
        assertArrayEquals(BatchComposer.uniformSample(n, 2, 42), batch.indicesOf(Pick.Kind.AUDIT));
        assertEquals(2, batch.size());
        assertEquals(0, batch.indicesOf(Pick.Kind.STRATEGY).length);
        assertArrayEquals(batch.indicesOf(Pick.Kind.AUDIT), composer.compose(inOrder(n), c, 10, 42).indicesOf(Pick.Kind.AUDIT));
        assertFalse(Arrays.equals(batch.indicesOf(Pick.Kind.AUDIT), composer.compose(inOrder(n), c, 10, 43).indicesOf(Pick.Kind.AUDIT)));
    }

    @Test
    void strategyPicksFillAroundTheAuditPicks() {
        int n = 20;
        ComposedBatch batch = new BatchComposer(new BatchRules(0, 0, 0, 0.25))
                .compose(inOrder(n), new BatchCandidates(spread(n), sources(n, ""), order(n), new float[0][]), 8, 7);
        int[] audit = batch.indicesOf(Pick.Kind.AUDIT);
        assertEquals(2, audit.length);
        int[] expected = java.util.stream.IntStream.range(0, n).filter(i -> i != audit[0] && i != audit[1]).limit(6).toArray();
        assertArrayEquals(expected, batch.indicesOf(Pick.Kind.STRATEGY));
    }

    @Test
    void theAuditSampleIsUniform() {
        int[] counts = new int[5];
        for (int seed = 0; seed < 10_000; seed++) {
            counts[BatchComposer.uniformSample(5, 1, seed)[0]]++;
        }
        for (int c : counts) {
            assertTrue(Math.abs(c - 2000) < 200, Arrays.toString(counts));
        }
    }

    @Test
    void sharesAreRoundedAndValidated() {
        BatchRules r = new BatchRules(0, 0, 0.1, 0.1);
        assertEquals(2, r.auditCount(20));
        assertEquals(2, r.driftCount(20));
        assertEquals(1, r.auditCount(5)); // 0.5 rounds up
        assertFalse(BatchRules.none().active());
        assertThrows(QuerentException.class, () -> new BatchRules(0, 0, 0.6, 0.6));
        assertThrows(QuerentException.class, () -> new BatchRules(1.5, 0, 0, 0));
        assertThrows(QuerentException.class, () -> new BatchRules(0, -1, 0, 0));
    }
}
