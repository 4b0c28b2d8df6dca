package org.querent.learn;

import java.util.SplittableRandom;

/**
 * Test data shaped like sentence embeddings: Gaussian clusters around random centres on the unit sphere, each
 * point L2-normalised again. With {@code spread} near 1/sqrt(dimension) x 1.5 the classes overlap a little,
 * as real MiniLM classes do.
 */
final class SyntheticEmbeddings {

    final float[][] x;
    final int[] labels;
    final int classes;

    private SyntheticEmbeddings(float[][] x, int[] labels, int classes) {
        this.x = x;
        this.labels = labels;
        this.classes = classes;
    }

    static SyntheticEmbeddings clusters(int n, int dimension, int classes, double spread, long seed) {
        return clusters(n, dimension, classes, spread, 0.0, seed);
    }

    /**
     * Like real sentence embeddings, whose class centroids all lean towards one shared direction: each centre is
     * {@code normalise(shared * u + v_c)} with u common and v_c random unit vectors (centre cosine about
     * shared^2 / (shared^2 + 1)).
     */
    static SyntheticEmbeddings clusters(int n, int dimension, int classes, double spread, double shared, long seed) {
        return clusters(n, dimension, classes, spread, shared, 0, seed);
    }

    /**
     * With {@code noiseRank > 0} most of the noise lies in a subspace of that many random directions, as the
     * variation of real embeddings does (a few topics and styles), which makes the classes overlap like real ones
     * at a realistic distance from their centres.
     */
    static SyntheticEmbeddings clusters(int n, int dimension, int classes, double spread, double shared,
                                        int noiseRank, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] basis = new double[noiseRank][dimension];
        for (double[] direction : basis) {
            for (int j = 0; j < dimension; j++) {
                direction[j] = gaussian(random);
            }
            normalise(direction);
        }
        double lowRankScale = noiseRank == 0 ? 0 : spread * Math.sqrt((double) dimension / noiseRank);
        double isotropic = noiseRank == 0 ? spread : spread * 0.5;
        double[] common = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            common[j] = gaussian(random);
        }
        normalise(common);
        double[][] centres = new double[classes][dimension];
        for (double[] centre : centres) {
            for (int j = 0; j < dimension; j++) {
                centre[j] = gaussian(random);
            }
            normalise(centre);
            for (int j = 0; j < dimension; j++) {
                centre[j] += shared * common[j];
            }
            normalise(centre);
        }
        float[][] x = new float[n][dimension];
        int[] labels = new int[n];
        double[] point = new double[dimension];
        for (int i = 0; i < n; i++) {
            int label = random.nextInt(classes);
            labels[i] = label;
            for (int j = 0; j < dimension; j++) {
                point[j] = centres[label][j] + isotropic * gaussian(random);
            }
            for (double[] direction : basis) {
                double coefficient = lowRankScale * gaussian(random);
                for (int j = 0; j < dimension; j++) {
                    point[j] += coefficient * direction[j];
                }
            }
            normalise(point);
            for (int j = 0; j < dimension; j++) {
                x[i][j] = (float) point[j];
            }
        }
        return new SyntheticEmbeddings(x, labels, classes);
    }

    TrainingData data() {
        return TrainingData.singleLabel(x, labels, classes);
    }

    TrainingData firstRows(int count) {
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = i;
        }
        return data().subset(rows);
    }

    /** Box-Muller; SplittableRandom has no nextGaussian on Java 17. */
    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static void normalise(double[] v) {
        double norm = 0;
        for (double value : v) {
            norm += value * value;
        }
        norm = Math.sqrt(norm);
        for (int j = 0; j < v.length; j++) {
            v[j] /= norm;
        }
    }
}
