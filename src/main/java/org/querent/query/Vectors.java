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
     * Eight independent accumulators: the JIT keeps a floating-point sum in program order (no SIMD reduction), so
     * one accumulator makes every add wait for the previous one; with eight, the adds of a 384-long dot overlap.
     */
    static double dot(float[] a, float[] b) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int n = a.length;
        int j = 0;
        for (; j + 7 < n; j += 8) {
            s0 += a[j] * b[j];
            s1 += a[j + 1] * b[j + 1];
            s2 += a[j + 2] * b[j + 2];
            s3 += a[j + 3] * b[j + 3];
            s4 += a[j + 4] * b[j + 4];
            s5 += a[j + 5] * b[j + 5];
            s6 += a[j + 6] * b[j + 6];
            s7 += a[j + 7] * b[j + 7];
        }
        for (; j < n; j++) {
            s0 += a[j] * b[j];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
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
