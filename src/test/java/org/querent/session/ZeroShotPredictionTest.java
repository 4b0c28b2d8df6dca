package org.querent.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.querent.learn.Rows;

/**
 * Zero-shot runs across cores with the norms summed once per item and label; its figures must stay bit for bit
 * those of the plain per-row, per-label cosine loop it replaced (saved queues re-predict items one by one and
 * must agree with the pool's prediction exactly).
 */
class ZeroShotPredictionTest {

    @Test
    void theParallelPredictionEqualsThePlainLoopBitForBit() {
        Random random = new Random(7);
        int n = 20_000; // several tasks of rows
        float[][] items = new float[n][48];
        for (float[] row : items) {
            for (int k = 0; k < row.length; k++) {
                row[k] = (float) random.nextGaussian();
            }
        }
        items[123] = new float[48]; // a zero vector: cosine 0, as before
        float[][] labels = new float[5][48];
        for (float[] label : labels) {
            for (int k = 0; k < label.length; k++) {
                label[k] = (float) random.nextGaussian();
            }
        }
        for (boolean multiLabel : new boolean[]{false, true}) {
            double[][] expected = plainLoop(items, labels, multiLabel);
            double[][] actual = Predictor.zeroShot(rows(items), labels, multiLabel);
            assertEquals(n, actual.length);
            for (int i = 0; i < n; i++) {
                assertArrayEquals(expected[i], actual[i], 0.0, "row " + i + (multiLabel ? " (multi-label)" : ""));
            }
        }
        double[][] single = Predictor.zeroShot(rows(items), labels, false);
        assertArrayEquals(new double[]{0.2, 0.2, 0.2, 0.2, 0.2}, single[123], 1e-15, "a zero vector is equally far from all");
    }

    private static Rows rows(float[][] items) {
        return new Rows() {
            @Override
            public int size() {
                return items.length;
            }

            @Override
            public int dimension() {
                return items[0].length;
            }

            @Override
            public void copyRow(int row, float[] into) {
                System.arraycopy(items[row], 0, into, 0, into.length);
            }
        };
    }

    /** The loop as it was: one cosine per item and label, each summing both norms again. */
    private static double[][] plainLoop(float[][] items, float[][] labels, boolean multiLabel) {
        double[][] out = new double[items.length][labels.length];
        for (int i = 0; i < items.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            double[] logits = new double[labels.length];
            for (int l = 0; l < labels.length; l++) {
                double dot = 0;
                double na = 0;
                double nb = 0;
                for (int k = 0; k < items[i].length; k++) {
                    dot += items[i][k] * labels[l][k];
                    na += items[i][k] * items[i][k];
                    nb += labels[l][k] * labels[l][k];
                }
                double cosine = na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
                logits[l] = cosine / Predictor.ZERO_SHOT_TEMPERATURE;
                max = Math.max(max, logits[l]);
            }
            if (multiLabel) {
                double mean = Arrays.stream(logits).average().orElse(0);
                for (int l = 0; l < labels.length; l++) {
                    out[i][l] = 1 / (1 + Math.exp(-(logits[l] - mean)));
                }
            } else {
                double sum = 0;
                for (int l = 0; l < labels.length; l++) {
                    out[i][l] = Math.exp(logits[l] - max);
                    sum += out[i][l];
                }
                for (int l = 0; l < labels.length; l++) {
                    out[i][l] /= sum;
                }
            }
        }
        return out;
    }
}
