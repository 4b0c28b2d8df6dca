package org.querent.learn.graph;

import java.util.stream.IntStream;

import org.querent.common.Cancellation;

/**
 * Every pair compared: O(n^2 d). Deterministic (ties go to the lower row), rows split across cores. The reference
 * the approximate search is checked against, and the right choice for pools of a few thousand.
 */
public final class ExactNeighbourSearch implements NeighbourSearch {

    private static final int ROWS_PER_TASK = 64;

    @Override
    public NeighbourGraph build(float[][] x, int k, Cancellation cancellation) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: received " + k);
        }
        float[][] unit = NeighbourSearch.normalised(x);
        int n = unit.length;
        int keep = Math.min(k, Math.max(0, n - 1));
        int[][] neighbours = new int[n][];
        float[][] similarities = new float[n][];
        int tasks = (n + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        IntStream.range(0, tasks).parallel().forEach(t -> {
            cancellation.throwIfCancelled();
            int[] heap = new int[keep];
            float[] heapScore = new float[keep];
            for (int i = t * ROWS_PER_TASK; i < Math.min(n, (t + 1) * ROWS_PER_TASK); i++) {
                topK(unit, i, keep, heap, heapScore, neighbours, similarities);
            }
        });
        return new NeighbourGraph(neighbours, similarities, k, "exact");
    }

    /** A min-heap of the best {@code keep} rows for row i, then sorted best first. */
    private static void topK(float[][] unit, int i, int keep, int[] heap, float[] score, int[][] neighbours,
                             float[][] similarities) {
        int size = 0;
        float[] xi = unit[i];
        for (int j = 0; j < unit.length; j++) {
            if (j == i) {
                continue;
            }
            float s = dot(xi, unit[j]);
            if (size < keep) {
                heap[size] = j;
                score[size] = s;
                siftUp(heap, score, size++);
            } else if (keep > 0 && s > score[0]) { // equal scores keep the earlier (lower) row
                heap[0] = j;
                score[0] = s;
                siftDown(heap, score, 0, size);
            }
        }
        int[] ids = new int[size];
        float[] sims = new float[size];
        for (int end = size - 1; end >= 0; end--) { // pop the worst to the back
            ids[end] = heap[0];
            sims[end] = score[0];
            heap[0] = heap[end];
            score[0] = score[end];
            siftDown(heap, score, 0, end);
        }
        neighbours[i] = ids;
        similarities[i] = sims;
    }

    /** "a below b" in the min-heap: lower score, or equal score and higher row (so the lower row survives). */
    private static boolean below(int[] heap, float[] score, int a, int b) {
        return score[a] < score[b] || (score[a] == score[b] && heap[a] > heap[b]);
    }

    private static void siftUp(int[] heap, float[] score, int at) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!below(heap, score, at, parent)) {
                return;
            }
            swap(heap, score, at, parent);
            at = parent;
        }
    }

    private static void siftDown(int[] heap, float[] score, int at, int size) {
        while (true) {
            int left = 2 * at + 1;
            if (left >= size) {
                return;
            }
            int child = left + 1 < size && below(heap, score, left + 1, left) ? left + 1 : left;
            if (!below(heap, score, child, at)) {
                return;
            }
            swap(heap, score, at, child);
            at = child;
        }
    }

    private static void swap(int[] heap, float[] score, int a, int b) {
        int h = heap[a];
        heap[a] = heap[b];
        heap[b] = h;
        float s = score[a];
        score[a] = score[b];
        score[b] = s;
    }

    static float dot(float[] a, float[] b) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int j = 0;
        for (; j + 3 < a.length; j += 4) {
            s0 += a[j] * b[j];
            s1 += a[j + 1] * b[j + 1];
            s2 += a[j + 2] * b[j + 2];
            s3 += a[j + 3] * b[j + 3];
        }
        for (; j < a.length; j++) {
            s0 += a[j] * b[j];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
