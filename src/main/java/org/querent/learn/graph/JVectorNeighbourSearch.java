package org.querent.learn.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.ListRandomAccessVectorValues;
import io.github.jbellis.jvector.graph.OnHeapGraphIndex;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.ScoreFunction;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import org.querent.common.Cancellation;

/**
 * The approximate k-nearest-neighbour graph from a JVector index (DiskANN/HNSW-style graph, built on all cores),
 * then one search per row. The only class that knows the ANN library: swapping it means rewriting this file.
 *
 * <p>Vectors are normalised first and compared by dot product (the cosine); the similarities kept are recomputed
 * in float from the vectors, so they are exact for the neighbours found. The build is multi-threaded and so not
 * bit-for-bit reproducible; the graph is cached by its callers, and small pools use the exact search anyway.
 */
public final class JVectorNeighbourSearch implements NeighbourSearch {

    /*
     * Settings measured on 20,000 x 384 clustered vectors (PoolHeadBenchmark's data), recall@10 against the exact
     * graph, two busy cores: JVector's README settings (M=16, beam 100) with one search per row took 133 s for 100,000
     * rows and lost rows in tight clusters (a search from the entry point may stay in the wrong cluster); the two-hop
     * candidates below reach 0.96 with M=12, beam 40 in 64 projected dimensions (0.99 with M=16, beam 50, 96
     * dimensions, at twice the build time).
     */
    /** Edges per node of the index. */
    static final int MAX_DEGREE = 12;
    /** Candidates kept while inserting. */
    static final int BEAM_WIDTH = 40;

    /**
     * On Java before 20 JVector logs a warning that it falls back from the Vector API, on every first use: our own
     * score functions do the arithmetic, so the warning is noise for a user. Held strongly: a logger configured and
     * then collected forgets its level.
     */
    private static final java.util.logging.Logger VECTORIZATION_LOG = quiet("io.github.jbellis.jvector.vector.VectorizationProvider");
    private static final VectorTypeSupport VECTORS = VectorizationProvider.getInstance().getVectorTypeSupport();

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    /** Dimension of the space the index is built in (cosine after projection on the principal directions). */
    static final int SEARCH_DIMENSION = 64;
    /** Time of the last projection, for the benchmark. */
    public volatile long projectNanos;
    /** Time of the last index build (the rest is the per-row search), for the benchmark. */
    public volatile long buildNanos;
    private final int maxDegree;
    private final int beamWidth;
    private final int searchDimension;

    public JVectorNeighbourSearch() {
        this(MAX_DEGREE, BEAM_WIDTH, SEARCH_DIMENSION);
    }

    /** Other index settings (the benchmark compares them): edges per node, insert beam, projected dimension. */
    public JVectorNeighbourSearch(int maxDegree, int beamWidth, int searchDimension) {
        this.maxDegree = maxDegree;
        this.beamWidth = beamWidth;
        this.searchDimension = searchDimension;
    }

    @Override
    public NeighbourGraph build(float[][] x, int k, Cancellation cancellation) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: received " + k);
        }
        float[][] unit = NeighbourSearch.normalised(x);
        int n = unit.length;
        if (n == 0) {
            return new NeighbourGraph(new int[0][], new float[0][], k, method());
        }
        long t0 = System.nanoTime();
        // the index is built and searched in the principal subspace; the shortlist is re-ranked in full
        float[][] reduced = NeighbourSearch.normalised(PrincipalSubspace.project(unit, searchDimension, 1L));
        projectNanos = System.nanoTime() - t0;
        List<VectorFloat<?>> vectors = new ArrayList<>(n);
        for (float[] row : reduced) {
            vectors.add(VECTORS.createFloatVector(row));
        }
        ListRandomAccessVectorValues values = new ListRandomAccessVectorValues(vectors, reduced[0].length);
        Scores scores = new Scores(reduced);
        int[][] neighbours = new int[n][];
        float[][] similarities = new float[n][];
        try (GraphIndexBuilder builder = new GraphIndexBuilder(scores, reduced[0].length, maxDegree, beamWidth, 1.2f,
                1.2f)) {
            cancellation.throwIfCancelled();
            long t1 = System.nanoTime();
            OnHeapGraphIndex index = builder.build(values);
            buildNanos = System.nanoTime() - t1;
            cancellation.throwIfCancelled();
            int[][] edges = new int[n][];
            try (var view = index.getView()) {
                for (int i = 0; i < n; i++) {
                    var it = view.getNeighborsIterator(i);
                    int[] row = new int[it.size()];
                    for (int m = 0; m < row.length && it.hasNext(); m++) {
                        row[m] = it.nextInt();
                    }
                    edges[i] = row;
                }
            }
            int tasks = (n + 1023) / 1024;
            IntStream.range(0, tasks).parallel().forEach(t -> {
                cancellation.throwIfCancelled();
                int[] seen = new int[n];
                int[] candidates = new int[1024];
                for (int i = t * 1024; i < Math.min(n, (t + 1) * 1024); i++) {
                    candidates = twoHops(i, edges, seen, candidates);
                    keep(i, candidates, unit, k, neighbours, similarities);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("closing the neighbour index failed", e);
        }
        return new NeighbourGraph(neighbours, similarities, k, method());
    }

    /**
     * Exact scores from our own float arrays with a four-accumulator dot product: JVector's portable fallback (Java
     * before 20 has no Vector API) sums in one chain, which made the build 2-3x slower. Score = (1 + cosine) / 2, the
     * library's dot-product convention (non-negative, higher is closer).
     */
    private static final class Scores implements BuildScoreProvider {
        private final float[][] unit;

        Scores(float[][] unit) {
            this.unit = unit;
        }

        @Override
        public boolean isExact() {
            return true;
        }

        @Override
        public VectorFloat<?> approximateCentroid() {
            float[] centroid = new float[unit[0].length];
            for (float[] row : unit) {
                for (int j = 0; j < row.length; j++) {
                    centroid[j] += row[j] / unit.length;
                }
            }
            return VECTORS.createFloatVector(centroid);
        }

        @Override
        public SearchScoreProvider searchProviderFor(VectorFloat<?> query) {
            float[] q = new float[query.length()];
            for (int j = 0; j < q.length; j++) {
                q[j] = query.get(j);
            }
            return new SearchScoreProvider((ScoreFunction.ExactScoreFunction) node ->
                    (1 + ExactNeighbourSearch.dot(q, unit[node])) / 2);
        }

        @Override
        public SearchScoreProvider searchProviderFor(int node) {
            float[] q = unit[node];
            return new SearchScoreProvider((ScoreFunction.ExactScoreFunction) other ->
                    (1 + ExactNeighbourSearch.dot(q, unit[other])) / 2);
        }

        @Override
        public SearchScoreProvider diversityProviderFor(int node) {
            return searchProviderFor(node);
        }
    }

    /**
     * Row i's index neighbours and their neighbours: the graph links each node to close, diverse nodes, so its k
     * nearest are almost all within two hops. Returns the candidates as {@code [count, c1, c2, ...]} (the buffer grown
     * when needed); {@code seen} marks rows already taken, stamped with i + 1 so it needs no clearing.
     */
    private static int[] twoHops(int i, int[][] edges, int[] seen, int[] buffer) {
        int count = 0;
        int stamp = i + 1;
        seen[i] = stamp;
        for (int a : edges[i]) {
            if (seen[a] != stamp) {
                seen[a] = stamp;
                buffer = grow(buffer, count + 2);
                buffer[1 + count++] = a;
            }
            for (int b : edges[a]) {
                if (seen[b] != stamp) {
                    seen[b] = stamp;
                    buffer = grow(buffer, count + 2);
                    buffer[1 + count++] = b;
                }
            }
        }
        buffer[0] = count;
        return buffer;
    }

    private static int[] grow(int[] buffer, int size) {
        return size <= buffer.length ? buffer : Arrays.copyOf(buffer, Math.max(size, 2 * buffer.length));
    }

    /** The best k candidates by full-dimension cosine, best first (ties to the lower row). */
    private static void keep(int i, int[] candidates, float[][] unit, int k, int[][] neighbours,
                             float[][] similarities) {
        int count = candidates[0];
        int size = Math.min(k, count);
        int[] ids = new int[size];
        float[] sims = new float[size];
        int filled = 0;
        for (int c = 1; c <= count; c++) {
            int j = candidates[c];
            float s = ExactNeighbourSearch.dot(unit[i], unit[j]);
            if (filled < size || s > sims[filled - 1] || (s == sims[filled - 1] && j < ids[filled - 1])) {
                int at = filled < size ? filled++ : size - 1;
                while (at > 0 && (sims[at - 1] < s || (sims[at - 1] == s && ids[at - 1] > j))) {
                    sims[at] = sims[at - 1];
                    ids[at] = ids[at - 1];
                    at--;
                }
                sims[at] = s;
                ids[at] = j;
            }
        }
        neighbours[i] = ids;
        similarities[i] = sims;
    }

    private String method() {
        return "jvector-3.0.6 pca" + searchDimension + " M=" + maxDegree + " beam=" + beamWidth + " two-hop";
    }
}
