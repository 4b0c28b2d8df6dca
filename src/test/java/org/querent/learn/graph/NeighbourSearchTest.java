package org.querent.learn.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.querent.common.Cancellation;
import org.querent.common.QuerentException;

class NeighbourSearchTest {

    private static float[][] clustered(int n, int dimension, int clusters, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] centres = new float[clusters][dimension];
        for (float[] c : centres) {
            for (int j = 0; j < dimension; j++) {
                c[j] = (float) random.nextGaussian();
            }
        }
        float[][] x = new float[n][dimension];
        for (int i = 0; i < n; i++) {
            float[] c = centres[random.nextInt(clusters)];
            for (int j = 0; j < dimension; j++) {
                // variance falling off over the dimensions, as in real embeddings
                x[i][j] = c[j] + (float) (0.8 * Math.pow(0.97, j) * random.nextGaussian());
            }
        }
        return x;
    }

    @Test
    void exactSearchFindsTheMostSimilarOtherRowsBestFirst() {
        float[][] x = {{1, 0}, {0.9f, 0.1f}, {0, 1}, {0.1f, 0.9f}, {0.7f, 0.7f}, {-1, 0}};
        NeighbourGraph g = new ExactNeighbourSearch().build(x, 2, Cancellation.none());
        assertArrayEquals(new int[] {1, 4}, g.neighbours()[0]);
        assertArrayEquals(new int[] {3, 4}, g.neighbours()[2]);
        assertEquals(2, g.neighbours()[5].length);
        for (int i = 0; i < x.length; i++) {
            assertTrue(Arrays.stream(g.neighbours()[i]).noneMatch(j -> j == -1));
            assertTrue(g.similarities()[i][0] >= g.similarities()[i][1]);
        }
        assertEquals(0.9f / (float) Math.sqrt(0.82), g.similarities()[0][0], 1e-6);
    }

    @Test
    void aPoolOfKOrFewerRowsListsEveryOtherRow() {
        NeighbourGraph g = new ExactNeighbourSearch().build(new float[][] {{1, 0}, {0, 1}}, 10, Cancellation.none());
        assertArrayEquals(new int[] {1}, g.neighbours()[0]);
        assertArrayEquals(new int[] {0}, g.neighbours()[1]);
    }

    @Test
    void approximateSearchRecallsNearlyAllExactNeighbours() {
        float[][] x = clustered(3_000, 384, 12, 9);
        NeighbourGraph exact = new ExactNeighbourSearch().build(x, 10, Cancellation.none());
        NeighbourGraph approximate = new JVectorNeighbourSearch().build(x, 10, Cancellation.none());
        double recall = approximate.recallAgainst(exact);
        assertTrue(recall > 0.9, "recall@10 " + recall);
        assertTrue(approximate.method().startsWith("jvector"), approximate.method());
        for (int i = 0; i < x.length; i++) {
            int row = i;
            assertTrue(Arrays.stream(approximate.neighbours()[i]).noneMatch(j -> j == row), "row lists itself");
        }
    }

    @Test
    void smallPoolsGetTheExactSearchLargeOnesTheIndex() {
        assertTrue(NeighbourSearch.forPool(NeighbourSearch.EXACT_UP_TO) instanceof ExactNeighbourSearch);
        assertTrue(NeighbourSearch.forPool(NeighbourSearch.EXACT_UP_TO + 1) instanceof JVectorNeighbourSearch);
    }

    @Test
    void cancellingStopsTheBuild() {
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        assertThrows(QuerentException.class, () -> new JVectorNeighbourSearch().build(clustered(500, 16, 3, 1), 5, cancel));
        assertThrows(QuerentException.class, () -> new ExactNeighbourSearch().build(clustered(500, 16, 3, 1), 5, cancel));
    }

    @Test
    void bytesRoundTripAndDamageIsRefused() {
        NeighbourGraph g = new ExactNeighbourSearch().build(clustered(50, 8, 3, 2), 4, Cancellation.none());
        NeighbourGraph back = NeighbourGraph.fromBytes(g.toBytes());
        assertEquals(g.method(), back.method());
        assertEquals(4, back.k());
        for (int i = 0; i < g.size(); i++) {
            assertArrayEquals(g.neighbours()[i], back.neighbours()[i]);
            assertArrayEquals(g.similarities()[i], back.similarities()[i]);
        }
        byte[] bytes = g.toBytes();
        assertThrows(IllegalArgumentException.class, () -> NeighbourGraph.fromBytes(Arrays.copyOf(bytes, bytes.length - 3)));
        byte[] wrongRow = bytes.clone();
        wrongRow[bytes.length - 8] = 127; // last neighbour id's high byte: a row outside the graph
        wrongRow[bytes.length - 5] = 127;
        assertThrows(IllegalArgumentException.class, () -> NeighbourGraph.fromBytes(wrongRow));
        assertThrows(IllegalArgumentException.class, () -> NeighbourGraph.fromBytes("QKNX".getBytes()));
    }
}
