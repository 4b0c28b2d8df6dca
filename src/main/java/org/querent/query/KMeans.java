package org.querent.query;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded k-means on the embeddings' directions (each point scaled to unit length): k-means++ seeding, then a few
 * Lloyd iterations. Big pools are clustered on a seeded sample of {@link #MAX_SAMPLE} points and then every point
 * is assigned to its nearest centroid, which bounds the work at O(sample x k x dimension x iterations + pool x k x
 * dimension).
 */
final class KMeans {

    static final int MAX_SAMPLE = 2000;
    /** Lloyd iterations at most: typiclust needs dense regions, not converged centroids, and each costs a pass. */
    static final int MAX_ITERATIONS = 6;
    /**
     * k-means++ seedings tried; the one with the lowest potential is kept. One seeding that puts a centre on an
     * outlier can merge two real clusters, and Lloyd iterations do not undo that (a local minimum); the best of
     * several seedings rarely does. Seeding is k passes, cheap beside the Lloyd iterations.
     */
    static final int SEEDINGS = 5;

    /**
     * @param centroids  [k][dimension], not unit length (means of unit vectors); float, so distances use the fast
     *                   float dot product
     * @param assignment cluster of each pool item
     */
    record Clusters(float[][] centroids, int[] assignment) {

        int k() {
            return centroids.length;
        }

        /** Member indices of every cluster, increasing. */
        int[][] members() {
            int[] counts = new int[centroids.length];
            for (int a : assignment) {
                counts[a]++;
            }
            int[][] members = new int[centroids.length][];
            for (int c = 0; c < members.length; c++) {
                members[c] = new int[counts[c]];
            }
            int[] filled = new int[centroids.length];
            for (int i = 0; i < assignment.length; i++) {
                members[assignment[i]][filled[assignment[i]]++] = i;
            }
            return members;
        }
    }

    private KMeans() {
    }

    /**
     * @param x     points, at least one
     * @param norms their norms ({@link Vectors#norms})
     * @param k     clusters wanted, 1..x.length
     */
    static Clusters fit(float[][] x, double[] norms, int k, SplittableRandom random) {
        int[] sample = sample(x.length, MAX_SAMPLE, random);
        float[][] centroids = null;
        double best = Double.POSITIVE_INFINITY;
        for (int attempt = 0; attempt < SEEDINGS; attempt++) {
            double[] potential = new double[1];
            float[][] candidate = seed(x, norms, sample, k, random, potential);
            if (potential[0] < best) {
                best = potential[0];
                centroids = candidate;
            }
        }
        int[] sampleAssignment = new int[sample.length];
        Arrays.fill(sampleAssignment, -1);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            if (!assign(x, norms, sample, centroids, sampleAssignment)) {
                break;
            }
            update(x, norms, sample, sampleAssignment, centroids);
        }
        int[] all = new int[x.length];
        if (sample.length == x.length) {
            System.arraycopy(sampleAssignment, 0, all, 0, all.length);
        } else {
            Arrays.fill(all, -1);
            assign(x, norms, identity(x.length), centroids, all);
        }
        return new Clusters(centroids, all);
    }

    /**
     * k-means++ seeding: a random first centre, then each next with probability proportional to D^2.
     *
     * @param potential receives the sum of D^2 to the nearest centre once all are placed
     */
    private static float[][] seed(float[][] x, double[] norms, int[] sample, int k, SplittableRandom random,
                                   double[] potential) {
        int d = x[0].length;
        float[][] centroids = new float[k][];
        double[] nearest = new double[sample.length];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        int chosen = sample[random.nextInt(sample.length)];
        for (int c = 0; c < k; c++) {
            centroids[c] = unit(x[chosen], norms[chosen]);
            float[] centre = centroids[c];
            double centreSquared = Vectors.dot(centre, centre);
            ParallelRows.forEach(sample.length, d, s ->
                    nearest[s] = Math.min(nearest[s], distance(x[sample[s]], norms[sample[s]], centre, centreSquared)));
            double total = 0;
            for (double v : nearest) {
                total += v;
            }
            if (c + 1 == k) {
                potential[0] = total;
                break;
            }
            int pick = -1;
            if (total > 0) {
                double target = random.nextDouble() * total;
                for (int s = 0; s < sample.length && target >= 0; s++) {
                    if (nearest[s] > 0) {
                        pick = s;
                        target -= nearest[s];
                    }
                }
            } else {
                pick = random.nextInt(sample.length); // only copies of the centres are left
            }
            chosen = sample[pick];
        }
        return centroids;
    }

    /** Assigns each listed point to its nearest centroid; whether any assignment changed. */
    private static boolean assign(float[][] x, double[] norms, int[] points, float[][] centroids, int[] out) {
        double[] centroidSquared = new double[centroids.length];
        for (int c = 0; c < centroids.length; c++) {
            centroidSquared[c] = Vectors.dot(centroids[c], centroids[c]);
        }
        boolean[] changed = new boolean[1];
        ParallelRows.forEach(points.length, (long) centroids.length * x[0].length, s -> {
            int i = points[s];
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centroids.length; c++) {
                // ||u - c||^2 = 1 + ||c||^2 - 2 u.c for the unit vector u of x_i
                double distance = 1 + centroidSquared[c] - 2 * Vectors.dot(x[i], centroids[c]) / norms[i];
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = c;
                }
            }
            if (out[s] != best) {
                out[s] = best;
                changed[0] = true; // benign race: every writer writes true
            }
        });
        return changed[0];
    }

    /** Centroid = mean of its members' unit vectors; an empty cluster keeps its centroid. */
    private static void update(float[][] x, double[] norms, int[] sample, int[] assignment, float[][] centroids) {
        int d = x[0].length;
        double[][] sums = new double[centroids.length][d];
        int[] counts = new int[centroids.length];
        for (int s = 0; s < sample.length; s++) {
            int i = sample[s];
            double[] sum = sums[assignment[s]];
            double scale = 1 / norms[i];
            for (int j = 0; j < d; j++) {
                sum[j] += x[i][j] * scale;
            }
            counts[assignment[s]]++;
        }
        for (int c = 0; c < centroids.length; c++) {
            if (counts[c] > 0) {
                for (int j = 0; j < d; j++) {
                    centroids[c][j] = (float) (sums[c][j] / counts[c]);
                }
            }
        }
    }

    /** Squared distance between the direction of x (of norm {@code norm}) and a point c with {@code ||c||^2 = cc}. */
    static double distance(float[] x, double norm, float[] c, double cc) {
        return Math.max(0, 1 + cc - 2 * Vectors.dot(x, c) / norm);
    }

    private static float[] unit(float[] x, double norm) {
        float[] u = new float[x.length];
        for (int j = 0; j < x.length; j++) {
            u[j] = (float) (x[j] / norm);
        }
        return u;
    }

    /** All of 0..n-1 when n <= max, else a seeded sample of max indices, increasing. */
    static int[] sample(int n, int max, SplittableRandom random) {
        int[] order = identity(n);
        if (n <= max) {
            return order;
        }
        for (int i = 0; i < max; i++) {
            int j = i + random.nextInt(n - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] sample = Arrays.copyOf(order, max);
        Arrays.sort(sample);
        return sample;
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
