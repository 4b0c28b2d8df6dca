package org.querent.ui.label;

import java.io.IOException;
import java.nio.file.Path;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import org.querent.common.audio.AudioClip;
import org.querent.common.audio.AudioDecoder;
import org.querent.common.audio.AudioProblem;
import org.querent.common.audio.Spectra;

/**
 * A clip made ready to show and play, built off the JavaFX thread: the decoded samples (mono mix), a min/max
 * envelope for the waveform and a log-power spectrogram image. Built once per clip and kept while it is near.
 *
 * @param problem why the clip cannot be shown (then everything else is empty), or null
 */
record ClipPreview(Path path, AudioClip clip, float[] mono, float[] envelopeMin, float[] envelopeMax,
                   WritableImage spectrogram, String problem) {

    /** Columns of the waveform envelope and of the spectrogram: enough for a wide window. */
    static final int COLUMNS = 1200;
    private static final int ROWS = 160;

    boolean ok() {
        return problem == null;
    }

    /** Decodes and draws; any failure becomes a preview that says what went wrong. I/O: never on the FX thread. */
    static ClipPreview load(Path path) {
        AudioClip clip;
        try {
            clip = AudioDecoder.decode(path);
        } catch (AudioProblem problem) {
            return failed(path, problem.getMessage());
        } catch (IOException e) {
            return failed(path, "the clip could not be read: " + e.getMessage());
        }
        float[] mono = clip.mono();
        int columns = Math.max(1, Math.min(COLUMNS, mono.length));
        float[] min = new float[columns];
        float[] max = new float[columns];
        for (int c = 0; c < columns; c++) {
            int from = (int) ((long) c * mono.length / columns);
            int to = (int) Math.max(from + 1, (long) (c + 1) * mono.length / columns);
            float lo = 0;
            float hi = 0;
            for (int i = from; i < to; i++) {
                lo = Math.min(lo, mono[i]);
                hi = Math.max(hi, mono[i]);
            }
            min[c] = lo;
            max[c] = hi;
        }
        return new ClipPreview(path, clip, mono, min, max, spectrogram(mono, clip.sampleRate()), null);
    }

    private static ClipPreview failed(Path path, String problem) {
        return new ClipPreview(path, null, new float[0], new float[0], new float[0], null, problem);
    }

    /**
     * 25 ms Hann windows (at most 512 samples, so a 48 kHz clip draws as fast as a telephone one), hop chosen to give
     * at most {@link #COLUMNS} frames; dB from -90 to the clip's peak.
     */
    private static WritableImage spectrogram(float[] mono, int rate) {
        int window = Math.max(16, Math.min(512, rate / 40));
        int hop = Math.max(1, Math.max(window / 4, (mono.length - window) / COLUMNS + 1));
        float[][] power = Spectra.power(mono, window, hop);
        int frames = power.length;
        int bins = power[0].length;
        double peak = 1e-12;
        for (float[] frame : power) {
            for (float p : frame) {
                peak = Math.max(peak, p);
            }
        }
        double top = 10 * Math.log10(peak);
        int rows = Math.min(ROWS, bins);
        WritableImage image = new WritableImage(frames, rows);
        PixelWriter pixels = image.getPixelWriter();
        for (int t = 0; t < frames; t++) {
            for (int r = 0; r < rows; r++) {
                int bin = (int) ((long) (rows - 1 - r) * (bins - 1) / Math.max(1, rows - 1)); // low frequencies at the bottom
                double db = 10 * Math.log10(power[t][bin] + 1e-12) - top;
                double v = Math.max(0, Math.min(1, (db + 90) / 90));
                pixels.setArgb(t, r, heat(v));
            }
        }
        return image;
    }

    /** Dark blue through magenta to yellow: readable in light and dark themes. */
    private static int heat(double v) {
        int r = (int) (255 * Math.min(1, v * 1.6));
        int g = (int) (255 * Math.max(0, v * 1.6 - 0.6));
        int b = (int) (255 * (v < 0.5 ? 0.25 + v : Math.max(0, 1.5 - 2 * v + 0.25)));
        return 0xFF000000 | (Math.min(255, r) << 16) | (Math.min(255, g) << 8) | Math.min(255, Math.max(0, b));
    }
}
