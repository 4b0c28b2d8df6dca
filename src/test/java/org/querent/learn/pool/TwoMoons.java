package org.querent.learn.pool;

import java.util.SplittableRandom;

/**
 * Two interleaved half circles (scikit-learn's make_moons), lifted to embedding-like vectors: (x, y, 3) rotated
 * into 16 dimensions by a random orthogonal map, with a little isotropic noise. The constant third coordinate keeps
 * cosine neighbours equal to the plane's Euclidean ones; no hyperplane separates the moons.
 */
final class TwoMoons {
    final float[][] x;
    final int[] truth;

    private TwoMoons(float[][] x, int[] truth) {
        this.x = x;
        this.truth = truth;
    }

    static TwoMoons generate(int perMoon, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int dimension = 16;
        double[][] rotation = randomOrthonormal(3, dimension, random);
        float[][] x = new float[2 * perMoon][];
        int[] truth = new int[2 * perMoon];
        for (int i = 0; i < 2 * perMoon; i++) {
            int moon = i % 2;
            double t = Math.PI * random.nextDouble();
            double px = moon == 0 ? Math.cos(t) : 1 - Math.cos(t);
            double py = moon == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
            px += noise * random.nextGaussian();
            py += noise * random.nextGaussian();
            double[] plane = {px, py, 3.0};
            float[] v = new float[dimension];
            for (int j = 0; j < dimension; j++) {
                double s = 0;
                for (int a = 0; a < 3; a++) {
                    s += plane[a] * rotation[a][j];
                }
                v[j] = (float) (s + 0.01 * random.nextGaussian());
            }
            x[i] = v;
            truth[i] = moon;
        }
        return new TwoMoons(x, truth);
    }

    private static double[][] randomOrthonormal(int rows, int dimension, SplittableRandom random) {
        double[][] v = new double[rows][dimension];
        for (int a = 0; a < rows; a++) {
            for (int j = 0; j < dimension; j++) {
                v[a][j] = random.nextGaussian();
            }
            for (int b = 0; b < a; b++) {
                double dot = 0;
                for (int j = 0; j < dimension; j++) {
                    dot += v[a][j] * v[b][j];
                }
                for (int j = 0; j < dimension; j++) {
                    v[a][j] -= dot * v[b][j];
                }
            }
            double norm = 0;
            for (double value : v[a]) {
                norm += value * value;
            }
            for (int j = 0; j < dimension; j++) {
                v[a][j] /= Math.sqrt(norm);
            }
        }
        return v;
    }

    /** The first {@code perMoon} rows of each moon (rows alternate moons). */
    int[] firstOfEach(int perMoon) {
        int[] rows = new int[2 * perMoon];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return rows;
    }

    int[] labelsOf(int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = truth[rows[i]];
        }
        return out;
    }
}
