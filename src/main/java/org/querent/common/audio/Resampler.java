package org.querent.common.audio;

/**
 * Band-limited resampling by a Kaiser-windowed sinc (polyphase for rational ratios). The cut-off sits at 0.92 of the
 * lower Nyquist frequency with 32 zero crossings each side and Kaiser beta 9: the stop band is attenuated by about
 * 90 dB, so up-sampling leaves no images and down-sampling folds no aliases into the band kept.
 */
public final class Resampler {
    private static final int ZERO_CROSSINGS = 32;
    private static final double BETA = 9.0;
    private static final double CUTOFF = 0.92;
    /** Beyond this many phases the filter is evaluated per sample instead of tabulated. */
    private static final int MAX_TABLE_PHASES = 2048;

    private Resampler() {
    }

    public static float[] resample(float[] input, int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + fromRate + " -> " + toRate);
        }
        if (fromRate == toRate || input.length == 0) {
            return input.clone();
        }
        int g = gcd(fromRate, toRate);
        int up = toRate / g;      // output samples per 'down' input samples
        int down = fromRate / g;
        // Filter in input-sample units: cut-off relative to the input Nyquist, scaled down when decimating.
        double scale = Math.min(1.0, (double) toRate / fromRate);
        double cutoff = CUTOFF * scale;
        int half = (int) Math.ceil(ZERO_CROSSINGS / scale);
        long outLength = (long) Math.ceil(input.length * (double) toRate / fromRate);
        float[] out = new float[(int) outLength];
        double[][] table = up <= MAX_TABLE_PHASES ? table(up, half, cutoff) : null;
        for (int n = 0; n < out.length; n++) {
            long numerator = (long) n * down;          // position n * down / up in input samples
            int centre = (int) (numerator / up);
            int phase = (int) (numerator % up);
            double frac = phase / (double) up;
            double sum = 0;
            int first = centre - half + 1;
            for (int j = 0; j < 2 * half; j++) {
                int k = first + j;
                if (k < 0 || k >= input.length) {
                    continue;
                }
                double weight = table != null ? table[phase][j] : kernel(k - centre - frac, half, cutoff);
                sum += weight * input[k];
            }
            out[n] = (float) sum;
        }
        return out;
    }

    /** Weights for each phase p and tap j, tap j sitting at input offset (j - half + 1) - p / up. */
    private static double[][] table(int up, int half, double cutoff) {
        double[][] table = new double[up][2 * half];
        for (int p = 0; p < up; p++) {
            for (int j = 0; j < 2 * half; j++) {
                table[p][j] = kernel(j - half + 1 - p / (double) up, half, cutoff);
            }
        }
        return table;
    }

    private static double kernel(double x, int half, double cutoff) {
        if (Math.abs(x) >= half) {
            return 0;
        }
        double sinc = x == 0 ? 1 : Math.sin(Math.PI * cutoff * x) / (Math.PI * cutoff * x);
        double r = x / half;
        return cutoff * sinc * bessel0(BETA * Math.sqrt(1 - r * r)) / bessel0(BETA);
    }

    /** Modified Bessel function of the first kind, order 0 (series; converges fast for the betas used). */
    private static double bessel0(double x) {
        double sum = 1;
        double term = 1;
        double q = x * x / 4;
        for (int k = 1; k < 50; k++) {
            term *= q / (k * (double) k);
            sum += term;
            if (term < sum * 1e-12) {
                break;
            }
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
