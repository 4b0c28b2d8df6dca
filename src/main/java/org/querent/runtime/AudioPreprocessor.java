package org.querent.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.querent.common.QuerentException;
import org.querent.common.audio.AudioClip;
import org.querent.common.audio.AudioDecoder;
import org.querent.common.audio.AudioProblem;
import org.querent.common.audio.Resampler;
import org.querent.common.audio.Spectra;
import org.querent.runtime.ModelManifest.AudioForm;
import org.querent.runtime.ModelManifest.AudioSpec;
import org.querent.runtime.ModelManifest.Longer;
import org.querent.runtime.ModelManifest.Shorter;

/**
 * Turns audio files into model inputs per the manifest's audio block: decode, mono mix (or the channels as they
 * are), band-limited resampling, fitting to the clip length (centre crop or windows; pad or keep), then the
 * waveform or its log-mel frames. Each item becomes one or more windows, one tensor each.
 */
final class AudioPreprocessor {
    /** A kept (unpadded) clip is still fed at least this long, so a model always sees a few frames. */
    static final double MIN_KEPT_SECONDS = 0.1;

    private final AudioSpec spec;
    /** Whether the model's input has a channel axis ([N, C, ...]) rather than none ([N, ...]). */
    private final boolean channelAxis;

    AudioPreprocessor(AudioSpec spec, boolean channelAxis) {
        this.spec = spec;
        this.channelAxis = channelAxis;
    }

    /** One window of one item, ready to be a tensor with a batch axis of 1. */
    record Window(float[] data, long[] shape) {
    }

    /** Windows per item, in order. */
    record AudioBatch(List<List<Window>> items) implements PreparedBatch {
        @Override
        public int size() {
            return items.size();
        }
    }

    AudioBatch prepare(List<Path> files) {
        List<List<Window>> items = new ArrayList<>(files.size());
        for (Path file : files) {
            items.add(windows(file));
        }
        return new AudioBatch(items);
    }

    List<Window> windows(Path file) {
        AudioClip clip;
        try {
            clip = AudioDecoder.decode(file);
        } catch (AudioProblem problem) {
            throw QuerentException.usage("cannot read the audio file " + file + ": " + problem.getMessage());
        } catch (IOException e) {
            throw QuerentException.notFound("cannot read the audio file " + file + ": " + e.getMessage());
        }
        return windows(clip);
    }

    List<Window> windows(AudioClip clip) {
        clip = centreOfLongClip(clip);
        float[][] channels = channels(clip);
        for (int c = 0; c < channels.length; c++) {
            channels[c] = Resampler.resample(channels[c], clip.sampleRate(), spec.sampleRate());
        }
        int length = channels[0].length;
        int clipSamples = spec.clipSamples();
        List<int[]> spans = new ArrayList<>(); // start, length
        if (length > clipSamples) {
            if (spec.longer() == Longer.CENTRE_CROP) {
                spans.add(new int[] {(length - clipSamples) / 2, clipSamples});
            } else {
                int count = (int) Math.ceil(length / (double) clipSamples);
                for (int i = 0; i < count; i++) {
                    spans.add(new int[] {Math.min(i * clipSamples, length - clipSamples), clipSamples});
                }
            }
        } else if (spec.shorter() == Shorter.PAD) {
            spans.add(new int[] {0, clipSamples});
        } else {
            int minimum = (int) Math.ceil(MIN_KEPT_SECONDS * spec.sampleRate());
            if (spec.form() == AudioForm.LOG_MEL) {
                minimum = Math.max(minimum, spec.windowSamples() + 2 * spec.hopSamples());
            }
            spans.add(new int[] {0, Math.max(length, minimum)});
        }
        List<Window> out = new ArrayList<>(spans.size());
        for (int[] span : spans) {
            float[][] window = new float[channels.length][];
            for (int c = 0; c < channels.length; c++) {
                window[c] = slice(channels[c], span[0], span[1]);
            }
            out.add(spec.form() == AudioForm.WAVEFORM ? waveform(window) : logMel(window));
        }
        return out;
    }

    /**
     * For centre-crop, only the middle of a long clip (with 0.1 s each side, far wider than the resampling filter)
     * is resampled: a 10-minute recording costs what a 10-second one does.
     */
    private AudioClip centreOfLongClip(AudioClip clip) {
        double keepSeconds = spec.clipSeconds() + 0.2;
        if (spec.longer() != Longer.CENTRE_CROP || clip.seconds() <= keepSeconds + 1) {
            return clip;
        }
        int keep = (int) Math.ceil(keepSeconds * clip.sampleRate());
        int start = (clip.frames() - keep) / 2;
        float[][] middle = new float[clip.channelCount()][];
        for (int c = 0; c < middle.length; c++) {
            middle[c] = Arrays.copyOfRange(clip.channels()[c], start, start + keep);
        }
        return new AudioClip(middle, clip.sampleRate(), clip.codec());
    }

    private float[][] channels(AudioClip clip) {
        if (spec.channels() == 1) {
            return new float[][] {clip.mono()};
        }
        if (clip.channelCount() != spec.channels()) {
            throw QuerentException.usage("the model reads " + spec.channels() + " channels but the clip has "
                    + clip.channelCount() + "; use a model with \"channels\": 1 (mono mix) or convert the clip");
        }
        float[][] copy = new float[clip.channelCount()][];
        for (int c = 0; c < copy.length; c++) {
            copy[c] = clip.channels()[c];
        }
        return copy;
    }

    private static float[] slice(float[] samples, int start, int length) {
        float[] out = new float[length];
        System.arraycopy(samples, start, out, 0, Math.max(0, Math.min(length, samples.length - start)));
        return out;
    }

    private Window waveform(float[][] window) {
        int n = window[0].length;
        float[] data = new float[window.length * n];
        for (int c = 0; c < window.length; c++) {
            System.arraycopy(window[c], 0, data, c * n, n);
        }
        long[] shape = channelAxis ? new long[] {1, window.length, n} : new long[] {1, n};
        return new Window(data, shape);
    }

    private Window logMel(float[][] window) {
        float[][][] mel = new float[window.length][][];
        for (int c = 0; c < window.length; c++) {
            mel[c] = Spectra.logMel(window[c], spec.sampleRate(), spec.melBins(), spec.windowSamples(), spec.hopSamples());
        }
        int frames = mel[0].length;
        int bins = spec.melBins();
        float[] data = new float[window.length * frames * bins];
        int i = 0;
        for (float[][] channel : mel) {
            for (float[] frame : channel) {
                System.arraycopy(frame, 0, data, i, bins);
                i += bins;
            }
        }
        long[] shape = channelAxis ? new long[] {1, window.length, frames, bins} : new long[] {1, frames, bins};
        return new Window(data, shape);
    }

    /** The shape every window has when clips are padded or cropped to one length, or null when lengths vary. */
    long[] fixedShape() {
        if (spec.shorter() == Shorter.KEEP) {
            return null;
        }
        long time = spec.form() == AudioForm.WAVEFORM ? spec.clipSamples()
                : Spectra.frames(spec.clipSamples(), spec.windowSamples(), spec.hopSamples());
        long[] rest = spec.form() == AudioForm.WAVEFORM ? new long[] {time} : new long[] {time, spec.melBins()};
        long[] shape = new long[(channelAxis ? 2 : 1) + rest.length];
        shape[0] = 1;
        if (channelAxis) {
            shape[1] = spec.channels();
        }
        System.arraycopy(rest, 0, shape, channelAxis ? 2 : 1, rest.length);
        return shape;
    }

    /** A silent window of the model's shape, to learn the embedding size when the ONNX shape leaves it free. */
    Window silence() {
        long[] shape = fixedShape();
        if (shape == null) {
            return windows(new AudioClip(new float[spec.channels()][(int) Math.ceil(spec.sampleRate() * MIN_KEPT_SECONDS)],
                    spec.sampleRate(), "silence")).get(0);
        }
        return new Window(new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)], shape);
    }
}
