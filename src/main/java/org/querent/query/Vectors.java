package org.querent.query;

/**
 * Vector arithmetic shared by the embedding-based strategies. Distances are between the embeddings' directions
 * (each vector scaled to unit length), so that they mean the same for normalised (MiniLM) and raw (PCA) features:
 * {@code ||u - v||^2 = 2 - 2 cos(u, v)}, in [0, 4].
 */
final class Vectors {

    /** Norms below this are treated as this, so a zero vector is at distance 2 (cosine 0) from everything. */
    private static final double TINY = 1e-12;

    private Vectors() {
    }

    /**
     * Four independent accumulators: the JIT keeps a floating-point sum in program order, so one accumulator makes
     * every add wait for the previous one (see {@code Head.dot}).
     */
    static double dot(float[] a, float[] b) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int n = a.length;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += a[j] * b[j];
            s1 += a[j + 1] * b[j + 1];
            s2 += a[j + 2] * b[j + 2];
            s3 += a[j + 3] * b[j + 3];
        }
        for (; j < n; j++) {
            s0 += a[j] * b[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Dot product of a float vector with a double one (k-means centroids). */
    static double dot(float[] a, double[] b) {
        double s0 = 0, s1 = 0;
        int n = a.length;
        int j = 0;
        for (; j + 1 < n; j += 2) {
            s0 += a[j] * b[j];
            s1 += a[j + 1] * b[j + 1];
        }
        for (; j < n; j++) {
            s0 += a[j] * b[j];
        }
        return s0 + s1;
    }

    /** Euclidean norm of each row, at least {@link #TINY}. */
    static double[] norms(float[][] x) {
        double[] norms = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            norms[i] = Math.max(TINY, Math.sqrt(dot(x[i], x[i])));
        }
        return norms;
    }

    /** Squared distance between the directions of a and b, given their norms: {@code 2 - 2 cos}, never negative. */
    static double unitDistance(float[] a, double normA, float[] b, double normB) {
        return Math.max(0, 2 - 2 * dot(a, b) / (normA * normB));
    }
}
