package org.querent.runtime;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.querent.common.QuerentException;
import org.querent.common.audio.Spectra;
import org.querent.runtime.ModelManifest.AudioForm;
import org.querent.runtime.ModelManifest.AudioSpec;
import org.querent.runtime.ModelManifest.EmbeddingSpec;
import org.querent.runtime.ModelManifest.InputKind;
import org.querent.runtime.ModelManifest.Longer;
import org.querent.runtime.ModelManifest.Pooling;
import org.querent.runtime.ModelManifest.Shorter;

/**
 * Builds a small audio feature extractor from the project's own clips, for when no pretrained audio model is at
 * hand. Everything after decoding and resampling is in the one ONNX file, on the raw waveform:
 * <pre>
 * waveform [N,1,S] -> Conv (Hann-windowed DFT kernels, stride = hop) -> re, im [N,F,T] -> power -> MatMul(mel
 * filters) [N,M,T] -> Log -> minus each frame's mean over bands -> per band: mean and deviation over time,
 * deviation of the frame-to-frame deltas
 * -> Concat [N,3M] -> standardise -> MatMul(principal directions) -> embedding [N,k]
 * </pre>
 * The statistics ignore word order and the PCA is linear: this hears spectral colour (voice, channel, the
 * language's sound inventory on average), not words. It is a baseline, not a speech model.
 */
public final class AudioFeatureExtractorBuilder {
    public static final int MAX_SAMPLE = 2000;
    public static final int DEFAULT_COMPONENTS = 32;
    public static final int DEFAULT_MEL_BINS = 40;
    public static final double DEFAULT_WINDOW_MS = 25;
    public static final double DEFAULT_HOP_MS = 10;
    public static final double DEFAULT_CLIP_SECONDS = 10;
    public static final String INPUT = "waveform";
    public static final String OUTPUT = "embedding";
    private static final String STATS = "stats";

    /** What to build. */
    public record Settings(int sampleRate, int melBins, double windowMs, double hopMs, double clipSeconds,
                           int components) {
        public Settings {
            if (sampleRate < 1000 || melBins <= 0 || windowMs <= 0 || hopMs <= 0 || clipSeconds <= 0 || components <= 0) {
                throw QuerentException.usage("audio model settings must be positive (sample rate at least 1000 Hz): "
                        + this);
            }
        }

        int window() {
            return (int) Math.round(windowMs * sampleRate / 1000);
        }

        int hop() {
            return Math.max(1, (int) Math.round(hopMs * sampleRate / 1000));
        }

        /** The preprocessing the built model declares: mono waveform, longer clips centre-cropped, shorter kept. */
        AudioSpec spec() {
            return new AudioSpec(sampleRate, 1, clipSeconds, Longer.CENTRE_CROP, Shorter.KEEP, AudioForm.WAVEFORM,
                    melBins, windowMs, hopMs);
        }
    }

    /** What was built. */
    public record Result(Path manifestFile, PcaProjection projection, float[] scale, int clipsUsed, int clipsSkipped,
                         List<String> skippedReasons) {
    }

    private AudioFeatureExtractorBuilder() {
    }

    /**
     * Fits the standardisation and PCA on (a seeded sample of) {@code clips}, then writes {@code model.onnx} and
     * {@code model.json} into {@code outDir}. Unreadable clips are skipped and counted.
     */
    public static Result build(List<Path> clips, Settings settings, long seed, Path outDir) {
        int fft = Spectra.fftSize(settings.window());
        if (settings.melBins() > fft / 2) {
            throw QuerentException.usage(settings.melBins() + " mel bins are more than the " + fft / 2 + " frequency "
                    + "bins of a " + settings.windowMs() + " ms window at " + settings.sampleRate() + " Hz: use fewer");
        }
        List<Path> sample = new ArrayList<>(clips);
        Collections.shuffle(sample, new Random(seed));
        sample = sample.subList(0, Math.min(MAX_SAMPLE, sample.size()));
        int statsLength = 3 * settings.melBins();

        byte[] front = graph(settings, null, null, null).toBytes();
        AudioPreprocessor preprocessor = new AudioPreprocessor(settings.spec(), true);
        List<float[]> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (OrtSession session = Runtimes.environment().createSession(front, new OrtSession.SessionOptions())) {
            for (Path clip : sample) {
                AudioPreprocessor.Window window;
                try {
                    window = preprocessor.windows(clip).get(0);
                } catch (QuerentException unreadable) {
                    skipped.add(unreadable.getMessage());
                    continue;
                }
                try (OnnxTensor tensor = OnnxTensor.createTensor(Runtimes.environment(), FloatBuffer.wrap(window.data()),
                        window.shape()); OrtSession.Result result = session.run(Map.of(INPUT, tensor))) {
                    rows.add(((float[][]) result.get(0).getValue())[0]);
                }
            }
        } catch (OrtException e) {
            throw QuerentException.model("the audio feature graph failed in ONNX Runtime: " + e.getMessage(), e);
        }
        if (rows.size() < 2) {
            throw QuerentException.usage("need at least 2 readable clips to build an audio feature extractor, found "
                    + rows.size() + " of " + clips.size());
        }
        int components = Math.min(settings.components(), Math.min(statsLength, rows.size() - 1));
        float[] scale = standardise(rows, statsLength);
        PcaProjection projection = Pca.fit(rows.toArray(float[][]::new), components, seed);
        graph(settings, scale, projection, components).write(outDir.resolve("model.onnx"));
        ModelManifest manifest = new ModelManifest("log-mel statistics + PCA (" + settings.sampleRate() + " Hz, "
                + settings.melBins() + " mel bins, " + components + " components)", "model.onnx", InputKind.AUDIO,
                null, null, new EmbeddingSpec(OUTPUT, Pooling.NONE, true), null, settings.spec());
        Path manifestFile = outDir.resolve(ModelManifest.FILE_NAME);
        manifest.write(manifestFile);
        return new Result(manifestFile, projection, scale, rows.size(), skipped.size(), skipped);
    }

    /** Divides each statistic by its deviation over the clips (in place); returns the divisors (1 where constant). */
    private static float[] standardise(List<float[]> rows, int length) {
        float[] scale = new float[length];
        for (int j = 0; j < length; j++) {
            double sum = 0;
            double squares = 0;
            for (float[] row : rows) {
                sum += row[j];
                squares += (double) row[j] * row[j];
            }
            double mean = sum / rows.size();
            double sd = Math.sqrt(Math.max(0, squares / rows.size() - mean * mean));
            scale[j] = sd > 1e-6 ? (float) (1 / sd) : 1f;
        }
        for (float[] row : rows) {
            for (int j = 0; j < length; j++) {
                row[j] *= scale[j];
            }
        }
        return scale;
    }

    /**
     * The graph; without a projection it ends at the statistics ({@value #STATS}, [N, 3M]), which is what the PCA is
     * fitted on, so the statistics fitted and the ones exported are computed by the same operators.
     */
    private static OnnxGraphBuilder graph(Settings s, float[] scale, PcaProjection projection, Integer components) {
        int window = s.window();
        int fft = Spectra.fftSize(window);
        int bins = fft / 2 + 1;
        int mels = s.melBins();
        double[] hann = Spectra.hann(window);
        float[] kernels = new float[2 * bins * window];
        for (int k = 0; k < bins; k++) {
            for (int n = 0; n < window; n++) {
                double angle = 2 * Math.PI * k * n / fft;
                kernels[k * window + n] = (float) (Math.cos(angle) * hann[n]);
                kernels[(bins + k) * window + n] = (float) (Math.sin(angle) * hann[n]);
            }
        }
        float[][] filters = Spectra.melFilters(mels, fft, s.sampleRate());
        float[] melMatrix = new float[mels * bins];
        for (int m = 0; m < mels; m++) {
            System.arraycopy(filters[m], 0, melMatrix, m * bins, bins);
        }
        OnnxGraphBuilder g = new OnnxGraphBuilder("querent-log-mel-statistics")
                .input(INPUT, DataType.FLOAT, -1, 1, -1)
                .floats("dft", kernels, 2L * bins, 1, window)
                .floats("mel", melMatrix, mels, bins)
                .floats("floor", new float[] {(float) Spectra.LOG_FLOOR})
                .floats("epsilon", new float[] {1e-8f})
                .longs("re_start", new long[] {0}, 1).longs("re_end", new long[] {bins}, 1)
                .longs("im_start", new long[] {bins}, 1).longs("im_end", new long[] {2L * bins}, 1)
                .longs("axis1", new long[] {1}, 1).longs("axis2", new long[] {2}, 1)
                .longs("zero", new long[] {0}, 1).longs("one", new long[] {1}, 1)
                .longs("last", new long[] {-1}, 1).longs("end", new long[] {Long.MAX_VALUE}, 1)
                .node("Conv", new String[] {INPUT, "dft"}, new String[] {"spectrum"},
                        "kernel_shape", new long[] {window}, "strides", new long[] {s.hop()})
                .node("Slice", new String[] {"spectrum", "re_start", "re_end", "axis1"}, new String[] {"re"})
                .node("Slice", new String[] {"spectrum", "im_start", "im_end", "axis1"}, new String[] {"im"})
                .node("Mul", new String[] {"re", "re"}, new String[] {"re2"})
                .node("Mul", new String[] {"im", "im"}, new String[] {"im2"})
                .node("Add", new String[] {"re2", "im2"}, new String[] {"power"})
                .node("MatMul", new String[] {"mel", "power"}, new String[] {"mel_energy"})
                .node("Add", new String[] {"mel_energy", "floor"}, new String[] {"mel_floored"})
                .node("Log", new String[] {"mel_floored"}, new String[] {"log_mel_raw"})
                // Each frame's level (its mean over bands) is taken out: loudness belongs to the recording and the
                // moment, the spectral shape to the sounds. On English against Spanish, one voice for both, this
                // lifts the head from 0.87 to 0.97 (README, Audio).
                .node("ReduceMean", new String[] {"log_mel_raw"}, new String[] {"frame_level"}, "axes", new long[] {1}, "keepdims", 1L)
                .node("Sub", new String[] {"log_mel_raw", "frame_level"}, new String[] {"log_mel"});
        deviation(g, "log_mel", "band");
        g.node("Slice", new String[] {"log_mel", "one", "end", "axis2"}, new String[] {"later"})
                .node("Slice", new String[] {"log_mel", "zero", "last", "axis2"}, new String[] {"earlier"})
                .node("Sub", new String[] {"later", "earlier"}, new String[] {"delta"});
        deviation(g, "delta", "delta");
        g.node("Concat", new String[] {"band_mean", "band_sd", "delta_sd"}, new String[] {STATS}, "axis", 1L);
        if (projection == null) {
            return g.output(STATS, DataType.FLOAT, -1, 3L * mels);
        }
        int d = 3 * mels;
        return g.floats("scale", scale, d)
                .floats("centre", projection.mean(), d)
                .floats("directions", projection.asColumnMatrix(), d, components)
                .node("Mul", new String[] {STATS, "scale"}, new String[] {"standardised"})
                .node("Sub", new String[] {"standardised", "centre"}, new String[] {"centred"})
                .node("MatMul", new String[] {"centred", "directions"}, new String[] {OUTPUT})
                .output(OUTPUT, DataType.FLOAT, -1, components);
    }

    /** {@code prefix_mean} and {@code prefix_sd} [N, M]: mean and standard deviation of x [N, M, T] over time. */
    private static void deviation(OnnxGraphBuilder g, String x, String prefix) {
        g.node("ReduceMean", new String[] {x}, new String[] {prefix + "_mean_kept"}, "axes", new long[] {2}, "keepdims", 1L)
                .node("ReduceMean", new String[] {x}, new String[] {prefix + "_mean"}, "axes", new long[] {2}, "keepdims", 0L)
                .node("Sub", new String[] {x, prefix + "_mean_kept"}, new String[] {prefix + "_centred"})
                .node("Mul", new String[] {prefix + "_centred", prefix + "_centred"}, new String[] {prefix + "_sq"})
                .node("ReduceMean", new String[] {prefix + "_sq"}, new String[] {prefix + "_var"}, "axes", new long[] {2},
                        "keepdims", 0L)
                .node("Add", new String[] {prefix + "_var", "epsilon"}, new String[] {prefix + "_var_eps"})
                .node("Sqrt", new String[] {prefix + "_var_eps"}, new String[] {prefix + "_sd"});
    }
}
