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

    @Test
    void underConfidentPredictorGetsTemperatureBelowOne() {
        double[][] logits = {{1, 0}, {0, 1}, {1, 0}, {0, 1}};
        int[] truth = {0, 1, 0, 1};
        assertTrue(TemperatureScaling.fit(logits, truth).temperature() < 0.05);
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
