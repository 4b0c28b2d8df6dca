package org.querent.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.querent.common.QuerentException;

class CalibrationTest {

    /**
     * Confidences 0.9 (right), 0.9 (wrong), 0.6 (right), 0.6 (right). With 15 bins 0.9 falls in (0.8667, 0.9333]
     * and 0.6 in (0.5333, 0.6]: |0.5 - 0.9| x 2/4 + |1 - 0.6| x 2/4 = 0.4.
     */
    @Test
    void expectedCalibrationErrorByHand() {
        double[][] p = {{0.9, 0.1}, {0.9, 0.1}, {0.4, 0.6}, {0.6, 0.4}};
        int[] truth = {0, 1, 1, 0};
        assertEquals(0.4, Calibration.expectedCalibrationError(p, truth), 1e-12);
        assertEquals(0.4, Calibration.expectedCalibrationError(p, truth, 15), 1e-12);
        // One bin: accuracy 3/4, mean confidence 0.75: perfectly calibrated on average.
        assertEquals(0.0, Calibration.expectedCalibrationError(p, truth, 1), 1e-12);
    }

    /**
     * True logits z ~ 1.5 N(0, 1) per class, labels drawn from softmax(z); the predictor says 3 z, twice as sure as
     * it should be. The fitted temperature recovers about 2 and the ECE drops.
     */
    @Test
    void overConfidentPredictorGetsTemperatureAboveOneAndLowerEce() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 4000;
        double[][] logits = new double[n][3];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            double[] z = new double[3];
            for (int c = 0; c < 3; c++) {
                z[c] = 1.5 * SyntheticEmbeddings.gaussian(random);
            }
            double[] p = z.clone();
            SoftmaxHead.softmaxInPlace(p);
            double u = random.nextDouble();
            int y = 0;
            while (y < 2 && u >= p[y]) {
                u -= p[y];
                y++;
            }
            truth[i] = y;
            for (int c = 0; c < 3; c++) {
                logits[i][c] = 2 * z[c];
            }
        }
        CalibrationReport report = Calibration.temperatureScale(logits, truth);
        System.out.printf(java.util.Locale.ROOT, "over-confident x2: T=%.3f, ECE %.4f -> %.4f, NLL %.4f -> %.4f%n",
                report.temperature(), report.eceBefore(), report.eceAfter(), report.nllBefore(), report.nllAfter());
        assertTrue(report.temperature() > 1.7 && report.temperature() < 2.3, "T=" + report.temperature());
        assertTrue(report.eceAfter() < report.eceBefore() / 2, report.toMap().toString());
        assertTrue(report.nllAfter() < report.nllBefore());

        double[][] probabilities = TemperatureScaling.of(1).apply(logits);
        assertEquals(report.temperature(), TemperatureScaling.fit(probabilities, truth).temperature(), 1e-4);
    }

    /** Perfectly separated held-out rows pull T towards 0: the prior and the range stop it, and it is not supported. */
    @Test
    void separatedHeldOutLabelsDoNotSupportATemperature() {
        double[][] logits = new double[24][];
        int[] truth = new int[24];
        for (int i = 0; i < 24; i++) {
            logits[i] = i % 2 == 0 ? new double[] {2, 0} : new double[] {0, 2};
            truth[i] = i % 2;
        }
        assertEquals("held-out labels perfectly separated (all 24 right)",
                TemperatureScaling.unsupportedReason(logits, truth));
        double t = TemperatureScaling.fit(logits, truth).temperature();
        // the likelihood alone would go to T = 0; the prior holds it at about 0.6, inside [0.25, 4]
        assertTrue(t >= 0.25 && t < 0.9, "T=" + t);
        assertEquals("too few held-out labels (4, need 10)",
                TemperatureScaling.unsupportedReason(java.util.Arrays.copyOf(logits, 4), truth));
        logits[3] = new double[] {2, 0}; // one wrong: now the likelihood has a minimum
        assertEquals(null, TemperatureScaling.unsupportedReason(logits, truth));
    }

    /** Under-confident logits that a few errors keep from separating get T below 1, pulled towards 1 by the prior. */
    @Test
    void underConfidentPredictorGetsTemperatureBelowOne() {
        SplittableRandom random = new SplittableRandom(9);
        int n = 2000;
        double[][] logits = new double[n][2];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            double z = 3 * SyntheticEmbeddings.gaussian(random);
            truth[i] = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
            logits[i] = new double[] {0, z / 2}; // half as sure as it should be
        }
        double t = TemperatureScaling.fit(logits, truth).temperature();
        assertTrue(t > 0.4 && t < 0.6, "T=" + t);
        double few = TemperatureScaling.fit(java.util.Arrays.copyOf(logits, 30), java.util.Arrays.copyOf(truth, 30))
                .temperature();
        assertTrue(few > t, "with 30 items the prior pulls T towards 1: " + few + " vs " + t);
    }

    @Test
    void applyDividesLogitsByTheTemperature() {
        double[][] out = TemperatureScaling.of(2).apply(new double[][] {{Math.log(9), 0}});
        assertArrayEquals(new double[] {0.75, 0.25}, out[0], 1e-12); // softmax(ln 3, 0) = (3/4, 1/4)
        assertThrows(QuerentException.class, () -> TemperatureScaling.of(0));
        assertThrows(QuerentException.class, () -> TemperatureScaling.fit(new double[][] {{1, 0}}, new int[] {2}));
    }

    @Test
    void headLogitsAreWhatPredictTurnsIntoProbabilities() {
        SoftmaxHead head = new SoftmaxHead(new float[][] {{1, 2}, {-1, 0.5f}}, new double[] {0.1, -0.2});
        float[][] x = {{0.5f, -1}, {2, 0}};
        double[][] logits = head.logits(x);
        assertArrayEquals(new double[] {0.1 + 0.5 - 2, -0.2 - 0.5 - 0.5}, logits[0], 1e-6);
        assertArrayEquals(head.predict(x)[1], TemperatureScaling.of(1).apply(logits)[1], 1e-9);
    }
}
