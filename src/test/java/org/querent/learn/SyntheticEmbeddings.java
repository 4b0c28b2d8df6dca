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
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = new double[classes][dimension];
        for (double[] centre : centres) {
            for (int j = 0; j < dimension; j++) {
                centre[j] = gaussian(random);
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
                point[j] = centres[label][j] + spread * gaussian(random);
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
