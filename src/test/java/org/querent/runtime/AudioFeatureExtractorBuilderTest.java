package org.querent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.audio.AudioDecoder;
import org.querent.common.audio.Spectra;
import org.querent.common.audio.TestAudio;

/** The built-in audio extractor: one ONNX file that reproduces the log-mel statistics and projection done in Java. */
class AudioFeatureExtractorBuilderTest {
    private static final Path SPOKEN = org.querent.SharedDatasets.root().resolve("spoken-languages");

    @TempDir
    Path dir;

    private List<Path> clips() throws Exception {
        org.querent.SharedDatasets.require("spoken-languages");
        try (Stream<Path> files = Files.walk(SPOKEN)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
            List<Path> every5th = new ArrayList<>();
            for (int i = 0; i < all.size(); i += 5) {
                every5th.add(all.get(i));
            }
            return every5th;
        }
    }

    @Test
    void theOnnxGraphComputesWhatJavaComputes() throws Exception {
        List<Path> clips = clips();
        AudioFeatureExtractorBuilder.Settings settings = new AudioFeatureExtractorBuilder.Settings(8000, 40, 25, 10, 10, 16);
        AudioFeatureExtractorBuilder.Result result = AudioFeatureExtractorBuilder.build(clips, settings, 1, dir);
        assertEquals(clips.size(), result.clipsUsed());
        assertTrue(Files.size(dir.resolve("model.onnx")) < 1 << 20, "one small self-contained file");
        try (EmbeddingModel model = ModelLoader.open(dir.resolve("model.json").toString(), dir)) {
            assertEquals("audio", model.info().input());
            assertEquals(16, model.info().dimension());
            for (Path clip : clips.subList(0, 5)) {
                float[] onnx = model.embed(List.of(ModelInput.audio(clip))).embeddings()[0];
                float[] java = javaEmbedding(AudioDecoder.decode(clip).mono(), result);
                for (int j = 0; j < onnx.length; j++) {
                    assertEquals(java[j], onnx[j], 2e-3, clip + " component " + j);
                }
            }
        }
    }

    @Test
    void aClipAtAnotherRateIsResampledAndAMissingFileIsNamed() throws Exception {
        List<Path> clips = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            clips.add(TestAudio.write(dir.resolve("in/c" + i + ".wav"),
                    TestAudio.wav16(TestAudio.tone(300 + 150 * i, 16_000, 0.4 + 0.1 * i, 0.5), 16_000)));
        }
        AudioFeatureExtractorBuilder.build(clips, new AudioFeatureExtractorBuilder.Settings(8000, 24, 25, 10, 1, 4), 1,
                dir.resolve("m"));
        try (EmbeddingModel model = ModelLoader.open("m/model.json", dir)) {
            float[][] e = model.embed(List.of(ModelInput.audio(clips.get(0)), ModelInput.audio(clips.get(11)))).embeddings();
            assertEquals(4, e[0].length);
            assertEquals(1.0, Math.sqrt(VectorMath.dot(e[0], e[0])), 1e-5);
            assertTrue(VectorMath.dot(e[0], e[1]) < 0.99, "a 300 Hz and a 1950 Hz tone differ");
            org.querent.common.QuerentException missing = org.junit.jupiter.api.Assertions.assertThrows(
                    org.querent.common.QuerentException.class,
                    () -> model.prepare(List.of(ModelInput.audio(dir.resolve("gone.wav")))));
            assertTrue(missing.getMessage().contains("gone.wav"), missing.getMessage());
        }
    }

    /** Log-mel statistics in plain Java, then the same standardisation and projection. */
    static float[] javaEmbedding(float[] samples, AudioFeatureExtractorBuilder.Result result) {
        float[][] logMel = Spectra.logMel(samples, 8000, 40, 200, 80);
        int m = 40;
        for (float[] frame : logMel) { // each frame's level out
            double level = 0;
            for (float v : frame) {
                level += v;
            }
            for (int b = 0; b < m; b++) {
                frame[b] -= (float) (level / m);
            }
        }
        float[] stats = new float[3 * m];
        for (int b = 0; b < m; b++) {
            double[] x = new double[logMel.length];
            for (int t = 0; t < x.length; t++) {
                x[t] = logMel[t][b];
            }
            double[] d = new double[x.length - 1];
            for (int t = 0; t < d.length; t++) {
                d[t] = x[t + 1] - x[t];
            }
            stats[b] = (float) mean(x);
            stats[m + b] = (float) Math.sqrt(variance(x) + 1e-8);
            stats[2 * m + b] = (float) Math.sqrt(variance(d) + 1e-8);
        }
        for (int j = 0; j < stats.length; j++) {
            stats[j] *= result.scale()[j];
        }
        float[] projected = result.projection().project(stats);
        VectorMath.l2Normalize(projected);
        return projected;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double variance(double[] x) {
        double mu = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - mu) * (v - mu);
        }
        return s / x.length;
    }
}
