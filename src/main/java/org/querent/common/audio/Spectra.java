package org.querent.common.audio;

/**
 * Short-time power spectra and mel filter banks, in plain Java: for models whose manifest asks for log-mel input,
 * for the built-in extractor's weights (the same windows and filters are written into its ONNX graph), and for the
 * spectrogram the label view draws.
 */
public final class Spectra {
    /** Added to mel energies before the log, so silence gives a finite floor (about -100 dB of full scale). */
    public static final double LOG_FLOOR = 1e-10;

    private Spectra() {
    }

    /** The FFT size for a window: the next power of two. */
    public static int fftSize(int window) {
        int n = 1;
        while (n < window) {
            n <<= 1;
        }
        return n;
    }

    /** A periodic Hann window. */
    public static double[] hann(int length) {
        double[] w = new double[length];
        for (int i = 0; i < length; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / length);
        }
        return w;
    }

    /** Number of frames of {@code samples} with no padding: one per hop while a whole window fits (at least 1). */
    public static int frames(int samples, int window, int hop) {
        return samples < window ? 1 : 1 + (samples - window) / hop;
    }

    /**
     * Power spectra [frames][fft/2 + 1] of Hann-windowed frames (a short clip is zero-padded to one window). Uses a
     * direct DFT over the window length against precomputed tables: windows here are a few hundred samples.
     */
    public static float[][] power(float[] samples, int window, int hop) {
        int fft = fftSize(window);
        int bins = fft / 2 + 1;
        double[] w = hann(window);
        double[][] cos = new double[bins][window];
        double[][] sin = new double[bins][window];
        for (int k = 0; k < bins; k++) {
            for (int n = 0; n < window; n++) {
                double angle = 2 * Math.PI * k * n / fft;
                cos[k][n] = Math.cos(angle) * w[n];
                sin[k][n] = Math.sin(angle) * w[n];
            }
        }
        int frames = frames(samples.length, window, hop);
        float[][] out = new float[frames][bins];
        double[] frame = new double[window];
        for (int t = 0; t < frames; t++) {
            for (int n = 0; n < window; n++) {
                int i = t * hop + n;
                frame[n] = i < samples.length ? samples[i] : 0;
            }
            for (int k = 0; k < bins; k++) {
                double re = 0;
                double im = 0;
                double[] c = cos[k];
                double[] s = sin[k];
                for (int n = 0; n < window; n++) {
                    re += c[n] * frame[n];
                    im += s[n] * frame[n];
                }
                out[t][k] = (float) (re * re + im * im);
            }
        }
        return out;
    }

    public static double hzToMel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    public static double melToHz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }

    /** Triangular HTK-mel filters [melBins][fft/2 + 1] from 0 Hz to the Nyquist frequency, each of peak 1. */
    public static float[][] melFilters(int melBins, int fft, int sampleRate) {
        int bins = fft / 2 + 1;
        double top = hzToMel(sampleRate / 2.0);
        double[] edges = new double[melBins + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = melToHz(top * i / (melBins + 1));
        }
        float[][] filters = new float[melBins][bins];
        for (int m = 0; m < melBins; m++) {
            double lo = edges[m];
            double mid = edges[m + 1];
            double hi = edges[m + 2];
            for (int k = 0; k < bins; k++) {
                double hz = k * (double) sampleRate / fft;
                double v = hz <= lo || hz >= hi ? 0 : hz <= mid ? (hz - lo) / (mid - lo) : (hi - hz) / (hi - mid);
                filters[m][k] = (float) v;
            }
        }
        return filters;
    }

    /** Natural-log mel energies [frames][melBins]. */
    public static float[][] logMel(float[] samples, int sampleRate, int melBins, int window, int hop) {
        float[][] power = power(samples, window, hop);
        float[][] filters = melFilters(melBins, fftSize(window), sampleRate);
        float[][] out = new float[power.length][melBins];
        for (int t = 0; t < power.length; t++) {
            for (int m = 0; m < melBins; m++) {
                double sum = 0;
                float[] f = filters[m];
                for (int k = 0; k < f.length; k++) {
                    sum += f[k] * power[t][k];
                }
                out[t][m] = (float) Math.log(sum + LOG_FLOOR);
            }
        }
        return out;
    }
}
