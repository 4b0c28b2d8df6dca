package org.querent.common.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Audio written by code for the tests: a reference signal and WAV files in every sample format. The committed
 * FLAC, MP3 and Ogg fixtures were encoded from {@link #reference()} written by {@code main} (see
 * src/test/resources/org/querent/common/audio/README.md).
 */
public final class TestAudio {
    public static final int REFERENCE_RATE = 16_000;
    public static final double REFERENCE_SECONDS = 1.0;

    private TestAudio() {
    }

    /** 440 Hz and 1250 Hz tones with a slow fade in and out, 1 s at 16 kHz, quantised to 16 bits. */
    public static float[] reference() {
        int n = (int) (REFERENCE_RATE * REFERENCE_SECONDS);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double t = i / (double) REFERENCE_RATE;
            double envelope = Math.min(1, Math.min(t, REFERENCE_SECONDS - t) / 0.05);
            double v = envelope * (0.5 * Math.sin(2 * Math.PI * 440 * t) + 0.25 * Math.sin(2 * Math.PI * 1250 * t));
            out[i] = Math.round(v * 32767) / 32768f;
        }
        return out;
    }

    public static float[] tone(double hz, int rate, double seconds, double amplitude) {
        float[] out = new float[(int) Math.round(rate * seconds)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return out;
    }

    /** A WAV file: encoding 1 (PCM, 8/16/24/32 bits) or 3 (float, 32/64 bits), channels interleaved. */
    public static byte[] wav(float[][] channels, int rate, int encoding, int bits) {
        int frames = channels[0].length;
        int blockAlign = channels.length * bits / 8;
        ByteBuffer data = ByteBuffer.allocate(frames * blockAlign).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            for (float[] channel : channels) {
                double s = Math.max(-1, Math.min(1, channel[i]));
                if (encoding == 3) {
                    if (bits == 32) {
                        data.putFloat((float) s);
                    } else {
                        data.putDouble(s);
                    }
                } else if (bits == 8) {
                    data.put((byte) Math.max(0, Math.min(255, Math.round(s * 128) + 128)));
                } else if (bits == 16) {
                    data.putShort((short) Math.max(-32768, Math.min(32767, Math.round(s * 32768))));
                } else if (bits == 24) {
                    int v = (int) Math.max(-8388608, Math.min(8388607, Math.round(s * 8388608)));
                    data.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
                } else {
                    data.putInt((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.round(s * 2147483648.0))));
                }
            }
        }
        return riff(fmt(encoding, channels.length, rate, bits), data.array());
    }

    /** The samples a 16-bit WAV of {@code x} decodes to. */
    public static float[] wav16Samples(float[] x) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.max(-32768, Math.min(32767, Math.round(Math.max(-1, Math.min(1, x[i])) * 32768))) / 32768f;
        }
        return out;
    }

    public static byte[] wav16(float[] mono, int rate) {
        return wav(new float[][] {mono}, rate, 1, 16);
    }

    static byte[] fmt(int encoding, int channels, int rate, int bits) {
        ByteBuffer fmt = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        fmt.putShort((short) encoding).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        return fmt.array();
    }

    /** RIFF/WAVE around a fmt chunk and a data chunk whose declared size is the real one. */
    static byte[] riff(byte[] fmt, byte[] data) {
        return riff(fmt, data, data.length);
    }

    /** ...or a declared data size that lies (the RIFF size still matching the file). */
    static byte[] riff(byte[] fmt, byte[] data, long declaredData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int riffSize = 4 + 8 + fmt.length + 8 + data.length;
        out.writeBytes(ascii("RIFF"));
        out.writeBytes(le32(riffSize));
        out.writeBytes(ascii("WAVE"));
        out.writeBytes(ascii("fmt "));
        out.writeBytes(le32(fmt.length));
        out.writeBytes(fmt);
        out.writeBytes(ascii("data"));
        out.writeBytes(le32((int) declaredData));
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    public static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the reference WAV the committed fixtures were encoded from. */
    public static void main(String[] args) {
        write(Path.of(args[0]), wav16(reference(), REFERENCE_RATE));
    }
}
