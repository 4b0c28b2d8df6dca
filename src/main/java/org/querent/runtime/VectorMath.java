package org.querent.runtime;

/** Small in-place vector operations used after inference. */
final class VectorMath {
    private VectorMath() {
    }

    /** Scales {@code v} to unit length; an all-zero vector stays zero rather than becoming NaN. */
    static void l2Normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum == 0) {
            return;
        }
        float inverse = (float) (1.0 / Math.sqrt(sum));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inverse;
        }
    }

    /** Softmax, shifted by the maximum so large logits do not overflow. */
    static void softmax(float[] v) {
        float max = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            max = Math.max(max, x);
        }
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.exp(v[i] - max);
            sum += v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / sum);
        }
    }

    static void sigmoid(float[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (1.0 / (1.0 + Math.exp(-v[i])));
        }
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
