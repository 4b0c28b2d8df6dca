package org.querent.common.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every format decodes to the reference samples (exactly for lossless, within codec tolerance for lossy). */
class AudioDecoderTest {
    @TempDir
    Path dir;

    private Path fixture(String name) throws IOException {
        try (InputStream in = AudioDecoderTest.class.getResourceAsStream(name)) {
            return TestAudio.write(dir.resolve(name), in.readAllBytes());
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 8, 0.0079", "1, 16, 0.00004", "1, 24, 0.0000002", "1, 32, 0.0000001", "3, 32, 0", "3, 64, 0.0000001"})
    void wavInEveryPcmAndFloatFormat(int encoding, int bits, double tolerance) throws Exception {
        float[] left = TestAudio.tone(440, 22_050, 0.3, 0.7);
        float[] right = TestAudio.tone(660, 22_050, 0.3, -0.4);
        Path file = TestAudio.write(dir.resolve("t.wav"), TestAudio.wav(new float[][] {left, right}, 22_050, encoding, bits));
        AudioClip clip = AudioDecoder.decode(file);
        assertEquals(22_050, clip.sampleRate());
        assertEquals(2, clip.channelCount());
        assertEquals(left.length, clip.frames());
        assertTrue(maxError(left, clip.channels()[0], 0) <= tolerance, "left " + maxError(left, clip.channels()[0], 0));
        assertTrue(maxError(right, clip.channels()[1], 0) <= tolerance);
        assertEquals((encoding == 3 ? "float " : "PCM ") + bits + "-bit", clip.codec());
    }

    @ParameterizedTest
    @CsvSource({"reference-16bit.flac, 1", "reference-24bit.flac, 1", "reference-stereo.flac, 2"})
    void flacIsLossless(String name, int channels) throws Exception {
        AudioClip clip = AudioDecoder.decode(fixture(name));
        float[] reference = TestAudio.reference();
        assertEquals(16_000, clip.sampleRate());
        assertEquals(channels, clip.channelCount());
        assertEquals(reference.length, clip.frames());
        for (float[] channel : clip.channels()) {
            assertEquals(0, maxError(reference, channel, 0), 1e-6);
        }
    }

    @ParameterizedTest
    @CsvSource({"reference.mp3, 20", "reference.ogg, 25"})
    void lossyFormatsMatchTheReferenceWithinCodecTolerance(String name, double minSnrDb) throws Exception {
        AudioClip clip = AudioDecoder.decode(fixture(name));
        float[] reference = TestAudio.reference();
        assertEquals(16_000, clip.sampleRate());
        assertEquals(1, clip.channelCount());
        int delay = bestDelay(reference, clip.mono(), 3000);
        double snr = snrDb(reference, clip.mono(), delay);
        System.out.printf("%s: %d frames, offset %d samples, SNR %.1f dB%n", name, clip.frames(), delay, snr);
        assertTrue(snr >= minSnrDb, name + " SNR " + snr + " dB");
        if (name.endsWith(".mp3")) {
            assertEquals(0, delay, "the LAME tag's delay and padding are cut off (gapless)");
        }
        assertEquals(reference.length, clip.frames(), "length");
    }

    @Test
    void anMp3WithoutALameTagKeepsTheDecoderDelay() throws Exception {
        AudioClip clip = AudioDecoder.decode(fixture("reference-notag.mp3"));
        float[] reference = TestAudio.reference();
        int delay = bestDelay(reference, clip.mono(), 3000);
        assertEquals(576 + 529, delay, 2, "LAME's 576 plus the decoder's 529 samples stay at the start");
        assertTrue(snrDb(reference, clip.mono(), delay) > 20);
    }

    @Test
    void theRealDatasetDecodesAsEightKilohertzMono() throws Exception {
        Path root = org.querent.SharedDatasets.root().resolve("spoken-languages");
        org.querent.SharedDatasets.require("spoken-languages");
        try (var files = Files.walk(root)) {
            Path first = files.filter(p -> p.toString().endsWith(".wav")).sorted().findFirst().orElseThrow();
            AudioClip clip = AudioDecoder.decode(first);
            assertEquals(8000, clip.sampleRate());
            assertEquals(1, clip.channelCount());
            assertEquals((Files.size(first) - 44) / 2, clip.frames(), 64);
        }
    }

    @Test
    void damagedFilesSayWhatIsWrong() throws Exception {
        byte[] good = TestAudio.wav16(TestAudio.tone(440, 8000, 0.5, 0.5), 8000);
        assertProblem("empty file", TestAudio.write(dir.resolve("empty.wav"), new byte[0]));
        assertProblem("truncated", TestAudio.write(dir.resolve("cut.wav"), Arrays.copyOf(good, good.length / 2)));
        assertProblem("not a WAV", TestAudio.write(dir.resolve("text.wav"), "hello, not audio".getBytes()));
        assertProblem("zero length", TestAudio.write(dir.resolve("zero.wav"),
                TestAudio.riff(TestAudio.fmt(1, 1, 8000, 16), new byte[0])));
        byte[] flac = Files.readAllBytes(fixture("reference-16bit.flac"));
        assertProblem("FLAC", TestAudio.write(dir.resolve("cut.flac"), Arrays.copyOf(flac, flac.length / 2)));
        byte[] ogg = Files.readAllBytes(fixture("reference.ogg"));
        assertProblem("Ogg Vorbis", TestAudio.write(dir.resolve("cut.ogg"), Arrays.copyOf(ogg, ogg.length * 2 / 3)));
        assertProblem("not an MP3", TestAudio.write(dir.resolve("noise.mp3"), new byte[4000]));
        assertProblem("not an Ogg", TestAudio.write(dir.resolve("text.ogg"), "hello, not audio".getBytes()));
    }

    @Test
    void aHeaderClaimingMoreSamplesThanTheFileHoldsIsRefusedUnread() throws Exception {
        byte[] samples = new byte[2000];
        // The data chunk says 1.9 GB; the file holds 2,000 bytes: refused from the header, nothing allocated.
        byte[] lying = TestAudio.riff(TestAudio.fmt(1, 1, 8000, 16), samples, 1_900_000_000L);
        AudioProblem problem = assertThrows(AudioProblem.class,
                () -> AudioDecoder.decode(TestAudio.write(dir.resolve("liar.wav"), lying)));
        assertTrue(problem.getMessage().contains("claims 1900000000 bytes"), problem.getMessage());
    }

    @Test
    void aTwoGigabyteFileIsRefusedFromItsSize() throws Exception {
        Path big = dir.resolve("big.wav");
        try (var raf = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            raf.write(TestAudio.riff(TestAudio.fmt(1, 1, 8000, 16), new byte[0], 0x7FFF_0000L));
            raf.setLength(2L << 30); // sparse: nothing is written, and nothing must be read
        }
        long before = usedHeap();
        AudioProblem problem = assertThrows(AudioProblem.class, () -> AudioDecoder.decode(big));
        assertTrue(problem.getMessage().startsWith("audio file is too large: 2048.0 MB"), problem.getMessage());
        assertTrue(usedHeap() - before < 64L << 20);
    }

    @Test
    void anOverLongClipIsRefusedFromItsHeader() throws Exception {
        Path file = TestAudio.write(dir.resolve("long.wav"), TestAudio.wav16(TestAudio.tone(300, 8000, 3, 0.5), 8000));
        AudioProblem problem = assertThrows(AudioProblem.class,
                () -> AudioDecoder.decode(file, new AudioLimits(1 << 20, 2)));
        assertTrue(problem.getMessage().startsWith("clip is too long: 3.0 s (limit 2 s)"), problem.getMessage());
        AudioProblem mp3 = assertThrows(AudioProblem.class,
                () -> AudioDecoder.decode(fixture("reference.mp3"), new AudioLimits(1 << 20, 0.5)));
        assertTrue(mp3.getMessage().startsWith("clip is too long"), mp3.getMessage());
    }

    private void assertProblem(String expected, Path file) {
        AudioProblem problem = assertThrows(AudioProblem.class, () -> AudioDecoder.decode(file), file.toString());
        assertTrue(problem.getMessage().contains(expected), file.getFileName() + ": " + problem.getMessage());
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    static double maxError(float[] expected, float[] actual, int delay) {
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(expected[i] - actual[i + delay]));
        }
        return max;
    }

    static int bestDelay(float[] reference, float[] decoded, int maxDelay) {
        int best = 0;
        double bestDot = Double.NEGATIVE_INFINITY;
        for (int d = 0; d <= maxDelay && d + reference.length <= decoded.length; d++) {
            double dot = 0;
            for (int i = 0; i < reference.length; i += 2) {
                dot += reference[i] * decoded[i + d];
            }
            if (dot > bestDot) {
                bestDot = dot;
                best = d;
            }
        }
        return best;
    }

    static double snrDb(float[] reference, float[] decoded, int delay) {
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < reference.length; i++) {
            signal += reference[i] * reference[i];
            double e = reference[i] - decoded[i + delay];
            noise += e * e;
        }
        return 10 * Math.log10(signal / noise);
    }
}
