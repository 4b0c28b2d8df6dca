package org.querent.learn;

import org.querent.common.QuerentException;

/**
 * How well predicted confidence matches accuracy, and temperature scaling with the figures before and after.
 */
public final class Calibration {

    /** 15 equal-width bins, as in Guo et al. 2017. */
    public static final int DEFAULT_BINS = 15;

    private Calibration() {
    }

    /** {@link #expectedCalibrationError(double[][], int[], int)} with {@value #DEFAULT_BINS} bins. */
    public static double expectedCalibrationError(double[][] probabilities, int[] truth) {
        return expectedCalibrationError(probabilities, truth, DEFAULT_BINS);
    }

    /**
     * Expected calibration error: items are binned by confidence (their largest probability) into equal-width bins
     * (lo, hi]; ECE = sum over bins of (bin share) x |bin accuracy - bin mean confidence|. 0 is perfect.
     *
     * @param probabilities single-label rows summing to 1
     * @param truth         true class per row
     * @param bins          number of bins, at least 1
     */
    public static double expectedCalibrationError(double[][] probabilities, int[] truth, int bins) {
        if (probabilities.length != truth.length || probabilities.length == 0 || bins < 1) {
            throw QuerentException.usage("ECE needs one true class per prediction and at least one bin: received "
                    + "probabilities.length=" + probabilities.length + ", truth.length=" + truth.length
                    + ", bins=" + bins);
        }
        double[] confidenceSum = new double[bins];
        int[] correct = new int[bins];
        int[] count = new int[bins];
        for (int i = 0; i < probabilities.length; i++) {
            double[] p = probabilities[i];
            int predicted = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[predicted]) {
                    predicted = c;
                }
            }
            double confidence = p[predicted];
            int bin = Math.min(bins - 1, Math.max(0, (int) Math.ceil(confidence * bins) - 1));
            confidenceSum[bin] += confidence;
            correct[bin] += predicted == truth[i] ? 1 : 0;
            count[bin]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                ece += Math.abs((double) correct[b] / count[b] - confidenceSum[b] / count[b]) * count[b];
            }
        }
        return ece / probabilities.length;
    }

    /**
     * Fits a temperature on held-out predictions and reports ECE and NLL before and after, on the same rows (use a
     * separate split to judge the fit honestly).
     */
    public static CalibrationReport temperatureScale(double[][] logitsOrProbs, int[] truth) {
        TemperatureScaling scaling = TemperatureScaling.fit(logitsOrProbs, truth);
        double[][] logits = TemperatureScaling.toLogits(logitsOrProbs);
        double[][] before = TemperatureScaling.of(1).apply(logits);
        double[][] after = scaling.apply(logits);
        return new CalibrationReport(scaling,
                expectedCalibrationError(before, truth), expectedCalibrationError(after, truth),
                TemperatureScaling.negativeLogLikelihood(logits, truth, 1),
                TemperatureScaling.negativeLogLikelihood(logits, truth, scaling.temperature()));
    }
}
