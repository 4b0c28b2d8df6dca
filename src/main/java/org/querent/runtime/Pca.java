package org.querent.runtime;

import java.util.Random;

/**
 * Principal components by randomised subspace iteration (Halko, Martinsson, Tropp 2011): a few products with the
 * covariance, applied implicitly as {@code X^T (X q)} so a d x d matrix is never formed, then an exact
 * eigen-decomposition of the small projected matrix. Deterministic for a given seed.
 */
final class Pca {
    private static final int OVERSAMPLING = 10;
    private static final int POWER_ITERATIONS = 6;

    private Pca() {
    }

    /**
     * @param rows       data, one row per sample (not centred)
     * @param components how many directions to keep
     */
    static PcaProjection fit(float[][] rows, int components, long seed) {
        int n = rows.length;
        int d = rows[0].length;
        float[] mean = new float[d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] centred = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                centred[i][j] = rows[i][j] - mean[j];
            }
        }
        int width = Math.min(d, components + OVERSAMPLING);
        Random random = new Random(seed);
        double[][] basis = new double[width][d];
        for (double[] column : basis) {
            for (int j = 0; j < d; j++) {
                column[j] = random.nextGaussian();
            }
        }
        orthonormalise(basis, random);
        for (int iteration = 0; iteration < POWER_ITERATIONS; iteration++) {
            basis = covarianceTimes(centred, basis);
            orthonormalise(basis, random);
        }
        double[][] image = covarianceTimes(centred, basis);
        double[][] small = new double[width][width];
        for (int a = 0; a < width; a++) {
            for (int b = 0; b < width; b++) {
                small[a][b] = dot(basis[a], image[b]);
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(small);
        float[][] directions = new float[components][d];
        double[] variances = new double[components];
        for (int c = 0; c < components; c++) {
            int source = eigen.order()[c];
            variances[c] = eigen.values()[source];
            double[] direction = new double[d];
            for (int a = 0; a < width; a++) {
                double weight = eigen.vectors()[a][source];
                for (int j = 0; j < d; j++) {
                    direction[j] += weight * basis[a][j];
                }
            }
            fixSign(direction);
            for (int j = 0; j < d; j++) {
                directions[c][j] = (float) direction[j];
            }
        }
        return new PcaProjection(mean, directions, variances);
    }

    /** The sign of an eigenvector is arbitrary: make the largest entry positive so results are reproducible. */
    private static void fixSign(double[] v) {
        int largest = 0;
        for (int j = 1; j < v.length; j++) {
            if (Math.abs(v[j]) > Math.abs(v[largest])) {
                largest = j;
            }
        }
        if (v[largest] < 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] = -v[j];
            }
        }
    }

    /** (X^T X / n) q for every column q. */
    private static double[][] covarianceTimes(double[][] x, double[][] columns) {
        int m = columns.length;
        int d = columns[0].length;
        double[][] out = new double[m][d];
        double[] projections = new double[m];
        for (double[] row : x) {
            for (int c = 0; c < m; c++) {
                projections[c] = dot(row, columns[c]);
            }
            for (int c = 0; c < m; c++) {
                double p = projections[c];
                double[] target = out[c];
                for (int j = 0; j < d; j++) {
                    target[j] += p * row[j];
                }
            }
        }
        for (double[] column : out) {
            for (int j = 0; j < d; j++) {
                column[j] /= x.length;
            }
        }
        return out;
    }

    /** Modified Gram-Schmidt; a column that collapses (rank-deficient data) is replaced by a fresh random one. */
    private static void orthonormalise(double[][] columns, Random random) {
        for (int c = 0; c < columns.length; c++) {
            for (int attempt = 0; attempt < 3; attempt++) {
                double[] v = columns[c];
                for (int previous = 0; previous < c; previous++) {
                    double projection = dot(v, columns[previous]);
                    for (int j = 0; j < v.length; j++) {
                        v[j] -= projection * columns[previous][j];
                    }
                }
                double norm = Math.sqrt(dot(v, v));
                if (norm > 1e-10) {
                    for (int j = 0; j < v.length; j++) {
                        v[j] /= norm;
                    }
                    break;
                }
                for (int j = 0; j < v.length; j++) {
                    v[j] = random.nextGaussian();
                }
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }
}
