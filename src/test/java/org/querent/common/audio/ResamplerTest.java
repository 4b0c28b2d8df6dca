package org.querent.common.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Resampling is band-limited: tones keep their frequency, and nothing appears where there was nothing. */
class ResamplerTest {

    @Test
    void eightToSixteenKilohertzKeepsAOneKilohertzToneAndAddsNothingAboveFour() {
        float[] tone = TestAudio.tone(1000, 8000, 1.0, 0.8);
        float[] up = Resampler.resample(tone, 8000, 16_000);
        assertEquals(16_000, up.length);
        double[] spectrum = spectrum(up, 16_000);       // power per 1 Hz bin, 0..8000 Hz
        assertEquals(1000, argMax(spectrum), 1);
        double total = sum(spectrum, 0, 8000);
        double above = sum(spectrum, 4000, 8000);
        double db = 10 * Math.log10(above / total);
        System.out.printf("8->16 kHz: 1 kHz tone, energy above 4 kHz %.1f dB%n", db);
        assertTrue(db < -40, "energy above 4 kHz " + db + " dB");
        // Linear interpolation (the naive alternative) fails the same bar: the test can fail.
        float[] naive = new float[16_000];
        for (int i = 0; i < naive.length; i++) {
            naive[i] = i % 2 == 0 ? tone[i / 2] : 0.5f * (tone[i / 2] + tone[Math.min(tone.length - 1, i / 2 + 1)]);
        }
        double[] naiveSpectrum = spectrum(naive, 16_000);
        assertTrue(10 * Math.log10(sum(naiveSpectrum, 4000, 8000) / sum(naiveSpectrum, 0, 8000)) > -40);
    }

    @Test
    void downSamplingRemovesWhatTheNewRateCannotHoldInsteadOfFoldingIt() {
        float[] low = TestAudio.tone(3000, 44_100, 1.0, 0.5);
        float[] high = TestAudio.tone(11_000, 44_100, 1.0, 0.5);  // above the 8 kHz Nyquist of 16 kHz
        float[] mix = new float[low.length];
        for (int i = 0; i < mix.length; i++) {
            mix[i] = low[i] + high[i];
        }
        float[] down = Resampler.resample(mix, 44_100, 16_000);
        assertEquals(16_000, down.length);
        double[] spectrum = spectrum(down, 16_000);
        assertEquals(3000, argMax(spectrum), 1);
        // 11 kHz would fold to 5 kHz.
        double alias = sum(spectrum, 4900, 5100) / sum(spectrum, 2900, 3100);
        assertTrue(10 * Math.log10(alias) < -50, "alias at 5 kHz " + 10 * Math.log10(alias) + " dB");
    }

    @Test
    void theSameRateIsACopy() {
        float[] x = TestAudio.tone(440, 8000, 0.1, 0.5);
        assertEquals(x.length, Resampler.resample(x, 8000, 8000).length);
    }

    /** Power of a Hann-windowed 1-second signal at each integer frequency 0..rate/2 (direct DFT, 1 Hz bins). */
    static double[] spectrum(float[] x, int rate) {
        int n = x.length;
        double[] w = Spectra.hann(n);
        double[] out = new double[rate / 2 + 1];
        for (int f = 0; f < out.length; f += 1) {
            double re = 0;
            double im = 0;
            double step = 2 * Math.PI * f / rate;
            // recurrence for cos/sin keeps this O(n) per bin without n trig calls
            double c = 1;
            double s = 0;
            double cs = Math.cos(step);
            double sn = Math.sin(step);
            for (int i = 0; i < n; i++) {
                double v = x[i] * w[i];
                re += v * c;
                im += v * s;
                double nc = c * cs - s * sn;
                s = s * cs + c * sn;
                c = nc;
            }
            out[f] = re * re + im * im;
        }
        return out;
    }

    static int argMax(double[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[best]) {
                best = i;
            }
        }
        return best;
    }

    static double sum(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i <= to && i < x.length; i++) {
            s += x[i];
        }
        return s;
    }
}
