package org.querent.runtime;

/**
 * A fitted PCA: {@code embedding[c] = (x - mean) . directions[c]}.
 *
 * @param mean       per-input mean, length d
 * @param directions unit-length principal directions, [components][d], largest variance first
 * @param variances  variance of the data along each direction
 */
public record PcaProjection(float[] mean, float[][] directions, double[] variances) {

    public int components() {
        return directions.length;
    }

    /** The plain Java computation the ONNX graph must reproduce. */
    public float[] project(float[] x) {
        float[] out = new float[directions.length];
        for (int c = 0; c < directions.length; c++) {
            double sum = 0;
            float[] direction = directions[c];
            for (int j = 0; j < x.length; j++) {
                sum += (double) (x[j] - mean[j]) * direction[j];
            }
            out[c] = (float) sum;
        }
        return out;
    }

    /** Directions as the [d, components] matrix Gemm multiplies by, row-major. */
    float[] asColumnMatrix() {
        int d = mean.length;
        float[] matrix = new float[d * directions.length];
        for (int c = 0; c < directions.length; c++) {
            for (int j = 0; j < d; j++) {
                matrix[j * directions.length + c] = directions[c][j];
            }
        }
        return matrix;
    }
}
