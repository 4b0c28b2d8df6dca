package org.querent.ui.label;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

import org.querent.common.audio.Resampler;

/**
 * Plays one clip through javax.sound on a daemon thread (writing to a line blocks), from any frame. The position
 * is read by the view to draw the playhead. A machine without a sound device (a server, a headless test) gets
 * a clear message through {@code onProblem} and nothing else changes: the waveform and labelling go on.
 */
final class ClipPlayer {
    /** Rates every sound card takes; a clip at another rate is resampled to the first one the line accepts. */
    private static final float[] DEVICE_RATES = {48_000f, 44_100f};

    private final Consumer<String> onProblem;
    private final AtomicLong position = new AtomicLong();
    /** Bumped by every play and stop: a playback thread of an older generation only winds down, never writes. */
    private final java.util.concurrent.atomic.AtomicInteger generation = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Thread thread;
    private volatile float[] samples;
    private volatile int rate;

    ClipPlayer(Consumer<String> onProblem) {
        this.onProblem = onProblem;
    }

    static final String NO_DEVICE = "No audio device: playback is not available on this machine. The waveform and "
            + "spectrogram still show the clip; label by looking, or connect a sound device.";

    /** The clip to play next; stops what is playing. */
    void load(float[] mono, int sampleRate) {
        stop();
        samples = mono;
        rate = sampleRate;
        position.set(0);
    }

    boolean playing() {
        return thread != null;
    }

    /** Frames from the start of the clip where playback is (or stopped). */
    long position() {
        return position.get();
    }

    int sampleRate() {
        return rate;
    }

    void seek(long frame) {
        boolean was = playing();
        stop();
        float[] clip = samples;
        position.set(clip == null ? 0 : Math.max(0, Math.min(clip.length, frame)));
        if (was) {
            play();
        }
    }

    void toggle() {
        if (playing()) {
            stop();
        } else {
            float[] clip = samples;
            if (clip != null && position.get() >= clip.length) {
                position.set(0);
            }
            play();
        }
    }

    void replay() {
        stop();
        position.set(0);
        play();
    }

    void play() {
        float[] clip = samples;
        if (clip == null || playing()) {
            return;
        }
        int gen = generation.incrementAndGet();
        Thread t = new Thread(() -> run(clip, rate, gen), "querent-audio-playback");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Stops at once without waiting: the old thread notices within one buffer (200 ms) and closes its line. */
    void stop() {
        generation.incrementAndGet();
        thread = null;
    }

    private void run(float[] clip, int clipRate, int gen) {
        SourceDataLine line = null;
        float deviceRate = clipRate;
        try {
            line = open(clipRate);
            if (line == null) {
                for (float candidate : DEVICE_RATES) {
                    line = open(candidate);
                    if (line != null) {
                        deviceRate = candidate;
                        break;
                    }
                }
            }
        } catch (RuntimeException | LineUnavailableException e) {
            line = null;
        }
        if (line == null) {
            if (gen == generation.get()) {
                onProblem.accept(NO_DEVICE);
                thread = null;
            }
            return;
        }
        double ratio = deviceRate / clipRate;
        long startFrame = position.get();
        float[] from = java.util.Arrays.copyOfRange(clip, (int) Math.min(clip.length, startFrame), clip.length);
        float[] out = ratio == 1 ? from : Resampler.resample(from, clipRate, (int) deviceRate);
        byte[] buffer = new byte[2 * 1024];
        try {
            line.start();
            int i = 0;
            while (i < out.length && gen == generation.get()) {
                int n = Math.min(buffer.length / 2, out.length - i);
                for (int k = 0; k < n; k++) {
                    int v = Math.round(Math.max(-1f, Math.min(1f, out[i + k])) * 32767);
                    buffer[2 * k] = (byte) v;
                    buffer[2 * k + 1] = (byte) (v >> 8);
                }
                line.write(buffer, 0, 2 * n);
                i += n;
                if (gen == generation.get()) {
                    position.set(startFrame + Math.min(from.length, Math.round(line.getLongFramePosition() / ratio)));
                }
            }
            if (gen == generation.get()) {
                line.drain();
                position.set(clip.length);
                thread = null;
            }
        } finally {
            line.stop();
            line.close();
        }
    }

    private static SourceDataLine open(float rate) throws LineUnavailableException {
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        DataLine.Info info = new DataLine.Info(SourceDataLine.class, format);
        if (!AudioSystem.isLineSupported(info)) {
            return null;
        }
        SourceDataLine line = (SourceDataLine) AudioSystem.getLine(info);
        line.open(format, (int) rate / 5 * 2); // 200 ms of buffer: the playhead lags the sound by at most that
        return line;
    }
}
