package org.querent.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Picking a candidate sample: the most uncertain items under the head (smallest margin), then the most diverse of
 * those (greedy k-center: each pick is the item farthest from all picked so far). Pure functions of arrays; ties
 * break on the item key, so a run is reproducible whatever the partitioning.
 */
public final class CandidateSelection {
    private CandidateSelection() {
    }

    /** An item with how unsure the head is of it and the vector distances are measured on. */
    public record Scored<T>(T item, String key, double margin, float[] vector) implements java.io.Serializable {
    }

    /**
     * How sure the head is: top probability minus the runner-up (softmax), or for per-class sigmoids the class
     * nearest 0.5, as {@code min |2p - 1|}. 0 is a coin toss, 1 is certain.
     */
    public static double margin(float[] probabilities, boolean multiLabel) {
        if (probabilities.length == 0) {
            return 1;
        }
        if (multiLabel) {
            double least = 1;
            for (float p : probabilities) {
                least = Math.min(least, Math.abs(2 * p - 1));
            }
            return least;
        }
        double first = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (float p : probabilities) {
            if (p > first) {
                second = first;
                first = p;
            } else if (p > second) {
                second = p;
            }
        }
        return probabilities.length == 1 ? first : first - second;
    }

    /** The most uncertain first, then by key. */
    static <T> Comparator<Scored<T>> byUncertainty() {
        return Comparator.<Scored<T>>comparingDouble(Scored::margin).thenComparing(Scored::key);
    }

    /** The {@code limit} smallest margins of a stream, keeping at most {@code limit} in memory. */
    public static <T> List<Scored<T>> mostUncertain(Iterator<Scored<T>> items, int limit) {
        Comparator<Scored<T>> order = byUncertainty();
        PriorityQueue<Scored<T>> kept = new PriorityQueue<>(order.reversed()); // the least uncertain on top
        while (items.hasNext()) {
            Scored<T> next = items.next();
            if (kept.size() < limit) {
                kept.add(next);
            } else if (order.compare(next, kept.peek()) < 0) {
                kept.poll();
                kept.add(next);
            }
        }
        List<Scored<T>> out = new ArrayList<>(kept);
        out.sort(order);
        return out;
    }

    /**
     * Greedy k-center over {@code pool}: starts from the most uncertain item, then repeatedly takes the item whose
     * nearest picked item is farthest (squared Euclidean distance). Returns the picks in pick order.
     */
    public static <T> List<Scored<T>> diverse(List<Scored<T>> pool, int k) {
        List<Scored<T>> sorted = new ArrayList<>(pool);
        sorted.sort(byUncertainty());
        int n = sorted.size();
        List<Scored<T>> picked = new ArrayList<>(Math.min(k, n));
        if (n == 0 || k <= 0) {
            return picked;
        }
        double[] nearest = new double[n];
        java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        boolean[] taken = new boolean[n];
        int next = 0;
        while (picked.size() < Math.min(k, n)) {
            taken[next] = true;
            picked.add(sorted.get(next));
            float[] center = sorted.get(next).vector();
            int farthest = -1;
            for (int i = 0; i < n; i++) {
                if (taken[i]) {
                    continue;
                }
                nearest[i] = Math.min(nearest[i], squaredDistance(center, sorted.get(i).vector()));
                // strict '>' keeps the earlier (more uncertain) item on a tie
                if (farthest < 0 || nearest[i] > nearest[farthest]) {
                    farthest = i;
                }
            }
            if (farthest < 0) {
                break;
            }
            next = farthest;
        }
        return picked;
    }

    static double squaredDistance(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length + " values");
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
