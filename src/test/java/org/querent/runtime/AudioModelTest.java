package org.querent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.QuerentException;
import org.querent.common.audio.Spectra;
import org.querent.common.audio.TestAudio;

/** Any ONNX audio model through its manifest: checked against the file, clips fitted per the policy, windows pooled. */
class AudioModelTest {
    @TempDir
    Path dir;

    /** A "model" whose embedding is the mean over time of its input: [N, 1, S] -> [N, 1], or [N, T, M] -> [N, M]. */
    private Path meanModel(String manifestJson, long... inputShape) throws Exception {
        int timeAxis = inputShape.length == 3 && manifestJson.contains("log-mel") ? 1 : inputShape.length - 1;
        long width = manifestJson.contains("log-mel") ? inputShape[2] : inputShape[1];
        new OnnxGraphBuilder("mean-over-time")
                .input("x", DataType.FLOAT, inputShape)
                .output("embedding", DataType.FLOAT, -1, width)
                .node("ReduceMean", new String[] {"x"}, new String[] {"embedding"}, "axes", new long[] {timeAxis},
                        "keepdims", 0L)
                .write(dir.resolve("model.onnx"));
        Files.writeString(dir.resolve("model.json"), manifestJson);
        return dir.resolve("model.json");
    }

    private static String manifest(String audio) {
        return "{\"name\": \"mean\", \"onnx\": \"model.onnx\", \"input\": \"audio\", \"audio\": {" + audio + "},"
                + " \"embedding\": {\"output\": \"embedding\", \"normalize\": false}}";
    }

    @Test
    void meanWindowsAverageTheWindowsOfALongClipAndCentreCropKeepsTheMiddle() throws Exception {
        // 2.5 s: first second 0.1, second 0.3, last half second 0.5 (a constant, so the mean is exact).
        float[] samples = new float[20_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = i < 8000 ? 0.1f : i < 16_000 ? 0.3f : 0.5f;
        }
        Path clip = TestAudio.write(dir.resolve("c.wav"), TestAudio.wav(new float[][] {samples}, 8000, 3, 32));
        meanModel(manifest("\"sampleRate\": 8000, \"clipSeconds\": 1, \"longer\": \"mean-windows\""), -1, 1, 8000);
        try (EmbeddingModel model = ModelLoader.open("model.json", dir)) {
            // windows [0,1) [1,2) [1.5,2.5): means 0.1, 0.3, 0.4 -> 0.2667
            assertEquals((0.1 + 0.3 + 0.4) / 3, model.embed(List.of(ModelInput.audio(clip))).embeddings()[0][0], 1e-4);
        }
        meanModel(manifest("\"sampleRate\": 8000, \"clipSeconds\": 1, \"longer\": \"centre-crop\""), -1, 1, 8000);
        try (EmbeddingModel model = ModelLoader.open("model.json", dir)) {
            // the middle second [0.75, 1.75): a quarter at 0.1, three quarters at 0.3
            assertEquals(0.25, model.embed(List.of(ModelInput.audio(clip))).embeddings()[0][0], 1e-3);
        }
    }

    @Test
    void aClassifiersScoresAreAveragedOverTheWindowsOfAClip() throws Exception {
        new OnnxGraphBuilder("mean-level-classifier")
                .input("x", DataType.FLOAT, -1, 1, 8000)
                .output("embedding", DataType.FLOAT, -1, 1)
                .output("logits", DataType.FLOAT, -1, 2)
                .floats("w", new float[] {10f, -10f}, 2)
                .node("ReduceMean", new String[] {"x"}, new String[] {"mean3"}, "axes", new long[] {2}, "keepdims", 0L)
                .node("Identity", new String[] {"mean3"}, new String[] {"embedding"})
                .node("Mul", new String[] {"mean3", "w"}, new String[] {"logits"})
                .write(dir.resolve("model.onnx"));
        Files.writeString(dir.resolve("model.json"), manifest("\"sampleRate\": 8000, \"clipSeconds\": 1, \"longer\": "
                + "\"mean-windows\"").replace("}}", "}, \"classes\": {\"output\": \"logits\", \"labels\": "
                + "[\"positive\", \"negative\"]}}"));
        float[] samples = new float[16_000]; // one second at +0.2, one at -0.1
        for (int i = 0; i < samples.length; i++) {
            samples[i] = i < 8000 ? 0.2f : -0.1f;
        }
        Path clip = TestAudio.write(dir.resolve("two.wav"), TestAudio.wav(new float[][] {samples}, 8000, 3, 32));
        try (EmbeddingModel model = ModelLoader.open("model.json", dir)) {
            assertEquals(List.of("positive", "negative"), model.info().classLabels());
            float[] scores = model.embed(List.of(ModelInput.audio(clip))).classScores()[0];
            double first = 1 / (1 + Math.exp(-4.0));   // softmax of [2, -2]
            double second = 1 / (1 + Math.exp(2.0));   // softmax of [-1, 1]
            assertEquals((first + second) / 2, scores[0], 1e-4);
            assertEquals(1.0, scores[0] + scores[1], 1e-5);
        }
    }

    @Test
    void aStereoModelGetsBothChannelsAndAMonoClipIsRefusedWithTheFix() throws Exception {
        float[] left = new float[8000];
        float[] right = new float[8000];
        java.util.Arrays.fill(left, 0.4f);
        java.util.Arrays.fill(right, -0.2f);
        Path stereo = TestAudio.write(dir.resolve("st.wav"), TestAudio.wav(new float[][] {left, right}, 8000, 3, 32));
        Path mono = TestAudio.write(dir.resolve("mono.wav"), TestAudio.wav(new float[][] {left}, 8000, 3, 32));
        new OnnxGraphBuilder("per-channel-mean")
                .input("x", DataType.FLOAT, -1, 2, 8000)
                .output("embedding", DataType.FLOAT, -1, 2)
                .node("ReduceMean", new String[] {"x"}, new String[] {"embedding"}, "axes", new long[] {2}, "keepdims", 0L)
                .write(dir.resolve("model.onnx"));
        Files.writeString(dir.resolve("model.json"), manifest("\"sampleRate\": 8000, \"channels\": 2, \"clipSeconds\": 1"));
        try (EmbeddingModel model = ModelLoader.open("model.json", dir)) {
            float[] e = model.embed(List.of(ModelInput.audio(stereo))).embeddings()[0];
            assertEquals(0.4, e[0], 1e-5);
            assertEquals(-0.2, e[1], 1e-5);
            QuerentException refused = assertThrows(QuerentException.class,
                    () -> model.prepare(List.of(ModelInput.audio(mono))));
            assertTrue(refused.getMessage().contains("reads 2 channels but the clip has 1"), refused.getMessage());
        }
        meanModel(manifest("\"sampleRate\": 8000, \"clipSeconds\": 1"), -1, 8000);
        try (EmbeddingModel model = ModelLoader.open("model.json", dir)) {
            assertEquals(0.1, model.embed(List.of(ModelInput.audio(stereo))).embeddings()[0][0], 1e-5, "mixed to mono");
        }
    }

    @Test
    void shorterClipsArePaddedWithSilence() throws Exception {
        float[] half = new float[4000];
        java.util.Arrays.fill(half, 0.5f);
        Path clip = TestAudio.write(dir.resolve("short.wav"), TestAudio.wav(new float[][] {half, half}, 8000, 3, 32));
        meanModel(manifest("\"sampleRate\": 8000, \"clipSeconds\": 1"), -1, 8000);
        try (EmbeddingModel model = ModelLoader.open("model.json", dir)) {
            assertEquals(0.25, model.embed(List.of(ModelInput.audio(clip))).embeddings()[0][0], 1e-4);
        }
    }

    @Test
    void logMelInputIsComputedInJavaAsDeclared() throws Exception {
        float[] tone = TestAudio.tone(1000, 16_000, 1.0, 0.5);
        Path clip = TestAudio.write(dir.resolve("tone.wav"), TestAudio.wav16(tone, 16_000));
        meanModel(manifest("\"sampleRate\": 16000, \"clipSeconds\": 1, \"form\": \"log-mel\", \"melBins\": 32,"
                + " \"windowMs\": 25, \"hopMs\": 10"), -1, 98, 32);
        try (EmbeddingModel model = ModelLoader.open("model.json", dir)) {
            float[] e = model.embed(List.of(ModelInput.audio(clip))).embeddings()[0];
            float[][] mel = Spectra.logMel(TestAudio.wav16Samples(tone), 16_000, 32, 400, 160);
            assertEquals(98, mel.length);
            for (int b = 0; b < 32; b++) {
                double mean = 0;
                for (float[] frame : mel) {
                    mean += frame[b];
                }
                assertEquals(mean / mel.length, e[b], 1e-3);
            }
            int loudest = 0;
            for (int b = 1; b < 32; b++) {
                loudest = e[b] > e[loudest] ? b : loudest;
            }
            double centre = Spectra.melToHz(Spectra.hzToMel(8000) * (loudest + 1) / 33);
            assertEquals(1000, centre, 150, "the 1 kHz tone lands in the band around 1 kHz");
        }
    }

    @Test
    void theManifestIsCheckedAgainstWhatTheOnnxFileDeclares() throws Exception {
        meanModel(manifest("\"sampleRate\": 8000, \"clipSeconds\": 2"), -1, 1, 8000);
        QuerentException length = assertThrows(QuerentException.class, () -> ModelLoader.open("model.json", dir));
        assertTrue(length.getMessage().contains("16000 samples") && length.getMessage().contains("[-1, 1, 8000]"),
                length.getMessage());
        meanModel(manifest("\"sampleRate\": 8000, \"clipSeconds\": 1, \"shorter\": \"keep\""), -1, 1, 8000);
        QuerentException keep = assertThrows(QuerentException.class, () -> ModelLoader.open("model.json", dir));
        assertTrue(keep.getMessage().contains("\"shorter\": \"keep\""), keep.getMessage());
        meanModel(manifest("\"sampleRate\": 8000, \"clipSeconds\": 1, \"form\": \"log-mel\", \"melBins\": 40"), -1, -1, 64);
        QuerentException bins = assertThrows(QuerentException.class, () -> ModelLoader.open("model.json", dir));
        assertTrue(bins.getMessage().contains("40 mel bins"), bins.getMessage());
        meanModel(manifest("\"sampleRate\": 8000, \"channels\": 2"), -1, 8000);
        QuerentException channels = assertThrows(QuerentException.class, () -> ModelLoader.open("model.json", dir));
        assertTrue(channels.getMessage().contains("no channel axis"), channels.getMessage());
        QuerentException typo = assertThrows(QuerentException.class,
                () -> ModelManifest.parse(manifest("\"sampleRate\": 8000, \"clipSecs\": 1"), "model.json"));
        assertTrue(typo.getMessage().contains("unknown key 'audio.clipSecs'"), typo.getMessage());
        QuerentException melOnWaveform = assertThrows(QuerentException.class,
                () -> ModelManifest.parse(manifest("\"sampleRate\": 8000, \"melBins\": 40"), "model.json"));
        assertTrue(melOnWaveform.getMessage().contains("log-mel"), melOnWaveform.getMessage());
        QuerentException policy = assertThrows(QuerentException.class,
                () -> ModelManifest.parse(manifest("\"sampleRate\": 8000, \"longer\": \"truncate\""), "model.json"));
        assertTrue(policy.getMessage().contains("centre-crop, mean-windows"), policy.getMessage());
    }

    @Test
    void theManifestRoundTrips() {
        ModelManifest m = ModelManifest.parse(manifest("\"sampleRate\": 16000, \"clipSeconds\": 4, \"longer\": "
                + "\"mean-windows\", \"form\": \"log-mel\", \"melBins\": 64"), "model.json");
        assertEquals(m, ModelManifest.parse(m.toPrettyJson(), "again"));
        assertEquals("16000 Hz mono, 4.0 s (mean-windows, pad), log-mel 64 bins, 25.0/10.0 ms", m.audio().describe());
    }
}
