package org.querent.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * "typiclust": a cold-start strategy, for before the head knows anything (Hacohen, Dekel and Weinshall 2022, "Active
 * learning on a budget"). The pool's embeddings are clustered with seeded k-means; from each cluster, largest first,
 * it picks the most typical item: the one with the highest inverse mean distance to its {@value #NEIGHBOURS} nearest
 * neighbours in the cluster, i.e. the centre of a dense region rather than an outlier. One pick per cluster keeps the
 * batch diverse: two near-copies fall in one cluster.
 *
 * <p>Labelled items, when supplied, mark their clusters as covered: there are {@code size + min(labelled, size)}
 * clusters (the paper uses {@code labelled + size}; the cap bounds the k-means work) and uncovered clusters are
 * served first, largest first, then covered ones. It ignores the probabilities, so uniform ones are fine. A ranking
 * longer than {@value #MAX_CLUSTERS} (the batch rules ask for room to skip) uses that many clusters and goes round
 * them again, each cluster's members in typicality order.
 *
 * <p>Work is capped for big pools: k-means runs on at most {@value KMeans#MAX_SAMPLE} points, and typicality is
 * measured within at most {@value #MAX_TYPICALITY_MEMBERS} seeded members of a cluster.
 */
public final class TypiclustStrategy implements QueryStrategy {

    public static final String NAME = "typiclust";
    static final int NEIGHBOURS = 20;
    static final int MAX_TYPICALITY_MEMBERS = 500;
    /** Clusters for the picks at most (and as many again for the labelled): a batch is far smaller. */
    static final int MAX_CLUSTERS = 50;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean needsLabelled() {
        return true;
    }

    @Override
    public Ranking select(QueryContext context, int size) {
        float[][] x = QueryInputs.embeddings(QueryInputs.check(context, size), NAME);
        int n = x.length;
        int want = Math.min(size, n);
        if (want == 0) {
            return new Ranking(new int[0], new double[0]);
        }
        SplittableRandom random = new SplittableRandom(context.seed());
        double[] norms = Vectors.norms(x);
        // A long ranking (the batch rules' room to skip) is not one cluster per pick: at most MAX_CLUSTERS
        // uncovered-side clusters, and later picks go round the clusters again in typicality order (see below).
        int clusterPicks = Math.min(want, MAX_CLUSTERS);
        int k = Math.min(n, clusterPicks + Math.min(context.labelledCount(), clusterPicks));
        KMeans.Clusters clusters = KMeans.fit(x, norms, k, random);
        int[][] members = clusters.members();
        boolean[] covered = covered(clusters, context.labelledEmbeddings());
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (members[c].length > 0) {
                order.add(c);
            }
        }
        // uncovered first, then larger first, then by index (k-means++ order is itself seeded)
        order.sort(Comparator.<Integer, Boolean>comparing(c -> covered[c])
                .thenComparing(c -> -members[c].length).thenComparing(c -> c));
        int[] indices = new int[want];
        double[] scores = new double[want];
        boolean[] picked = new boolean[n];
        int r = 0;
        if (want > MAX_CLUSTERS) {
            return roundRobin(x, norms, members, order, want, random);
        }
        // Round after round over the clusters: one pick each, until the batch is full (k < want only for tiny pools).
        while (r < want) {
            for (int c : order) {
                if (r == want) {
                    break;
                }
                double[] typicality = new double[1];
                int best = mostTypical(x, norms, members[c], picked, random, typicality);
                if (best >= 0) {
                    indices[r] = best;
                    scores[r++] = typicality[0];
                    picked[best] = true;
                }
            }
        }
        return new Ranking(indices, scores);
    }

    /**
     * A ranking longer than {@value #MAX_CLUSTERS} picks: each cluster's members are ranked by typicality once
     * (within at most {@value #MAX_TYPICALITY_MEMBERS} seeded members, the rest after them in pool order), then
     * the clusters are visited round after round in {@code order}, one pick each. One distance matrix per cluster
     * instead of one per pick: a rules' room of 1,000 over 10,000 candidates took minutes the other way.
     */
    private static Ranking roundRobin(float[][] x, double[] norms, int[][] members, List<Integer> order, int want,
                                      SplittableRandom random) {
        int[][] ranked = new int[members.length][];
        double[][] typicality = new double[members.length][];
        for (int c : order) {
            double[][] scores = new double[1][];
            ranked[c] = byTypicality(x, norms, members[c], random, scores);
            typicality[c] = scores[0];
        }
        int[] indices = new int[want];
        double[] scores = new double[want];
        int[] next = new int[members.length];
        int r = 0;
        while (r < want) {
            boolean any = false;
            for (int c : order) {
                if (r == want) {
                    break;
                }
                if (next[c] < ranked[c].length) {
                    indices[r] = ranked[c][next[c]];
                    scores[r++] = typicality[c][next[c]++];
                    any = true;
                }
            }
            if (!any) {
                break; // every member picked: want was capped at the pool's size, so this does not happen
            }
        }
        return new Ranking(Arrays.copyOf(indices, r), Arrays.copyOf(scores, r));
    }

    /**
     * A cluster's members, most typical first (ties to the lower pool index); members beyond the seeded
     * sample follow in pool order with typicality 0.
     */
    static int[] byTypicality(float[][] x, double[] norms, int[] cluster, SplittableRandom random,
                              double[][] typicalityOut) {
        int[] measured = cluster;
        if (cluster.length > MAX_TYPICALITY_MEMBERS) {
            int[] positions = KMeans.sample(cluster.length, MAX_TYPICALITY_MEMBERS, random);
            measured = new int[positions.length];
            for (int s = 0; s < positions.length; s++) {
                measured[s] = cluster[positions[s]];
            }
        }
        double[] typ = typicalities(x, norms, measured);
        Integer[] order = new Integer[measured.length];
        for (int a = 0; a < order.length; a++) {
            order[a] = a;
        }
        int[] m = measured;
        Arrays.sort(order, Comparator.<Integer>comparingDouble(a -> -typ[a]).thenComparingInt(a -> m[a]));
        java.util.Set<Integer> inSample = new java.util.HashSet<>();
        int[] out = new int[cluster.length];
        double[] outTyp = new double[cluster.length];
        int o = 0;
        for (int a : order) {
            out[o] = measured[a];
            outTyp[o++] = typ[a];
            inSample.add(measured[a]);
        }
        for (int i : cluster) {
            if (!inSample.contains(i)) {
                out[o++] = i;
            }
        }
        typicalityOut[0] = outTyp;
        return out;
    }

    /** Clusters whose centroid is the nearest one to some labelled item. */
    private static boolean[] covered(KMeans.Clusters clusters, float[][] labelled) {
        boolean[] covered = new boolean[clusters.k()];
        if (labelled == null) {
            return covered;
        }
        double[] norms = Vectors.norms(labelled);
        double[] centroidSquared = new double[clusters.k()];
        for (int c = 0; c < clusters.k(); c++) {
            centroidSquared[c] = Vectors.dot(clusters.centroids()[c], clusters.centroids()[c]);
        }
        for (int l = 0; l < labelled.length; l++) {
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < clusters.k(); c++) {
                double distance = KMeans.distance(labelled[l], norms[l], clusters.centroids()[c],
                        centroidSquared[c]);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = c;
                }
            }
            covered[best] = true;
        }
        return covered;
    }

    /**
     * The unpicked member with the highest typicality {@code 1 / (mean distance to its nearest neighbours + 1e-9)},
     * or -1 if every member is picked. Ties go to the lower pool index. Distances are Euclidean between directions.
     */
    static int mostTypical(float[][] x, double[] norms, int[] cluster, boolean[] picked, SplittableRandom random,
                           double[] typicalityOut) {
        int[] members = Arrays.stream(cluster).filter(i -> !picked[i]).toArray();
        if (members.length == 0) {
            return -1;
        }
        if (members.length > MAX_TYPICALITY_MEMBERS) {
            int[] positions = KMeans.sample(members.length, MAX_TYPICALITY_MEMBERS, random);
            int[] sampled = new int[positions.length];
            for (int s = 0; s < positions.length; s++) {
                sampled[s] = members[positions[s]];
            }
            members = sampled;
        }
        double[] typ = typicalities(x, norms, members);
        int best = -1;
        double bestTypicality = -1;
        for (int a = 0; a < members.length; a++) {
            if (typ[a] > bestTypicality || (typ[a] == bestTypicality && members[a] < members[best])) {
                bestTypicality = typ[a];
                best = a;
            }
        }
        typicalityOut[0] = bestTypicality;
        return members[best];
    }

    /** Each member's typicality {@code 1 / (mean distance to its nearest neighbours + 1e-9)} within the members. */
    private static double[] typicalities(float[][] x, double[] norms, int[] members) {
        int m = members.length;
        int neighbours = Math.min(NEIGHBOURS, m - 1);
        double[][] distance = new double[m][m];
        ParallelRows.forEach(m, (long) m * x[0].length / 2, a -> {
            for (int b = a + 1; b < m; b++) {
                double d = Math.sqrt(Vectors.unitDistance(x[members[a]], norms[members[a]],
                        x[members[b]], norms[members[b]]));
                distance[a][b] = d;
                distance[b][a] = d; // each (a, b) pair is written by row a's task only
            }
        });
        double[] out = new double[m];
        for (int a = 0; a < m; a++) {
            if (neighbours == 0) {
                out[a] = 0; // a cluster of one: nothing says it is typical of anything
            } else {
                double[] row = distance[a].clone();
                row[a] = Double.POSITIVE_INFINITY;
                Arrays.sort(row);
                double sum = 0;
                for (int j = 0; j < neighbours; j++) {
                    sum += row[j];
                }
                out[a] = 1 / (sum / neighbours + 1e-9);
            }
        }
        return out;
    }
}
