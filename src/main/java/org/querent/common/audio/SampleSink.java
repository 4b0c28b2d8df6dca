package org.querent.common.audio;

import java.util.Arrays;

/** Collects decoded frames per channel, refusing to grow past the clip limit (so a long stream stops early). */
final class SampleSink {
    private final int sampleRate;
    private final AudioLimits limits;
    private final long maxFrames;
    private float[][] channels;
    private int frames;

    SampleSink(int channelCount, int sampleRate, AudioLimits limits) {
        this.sampleRate = sampleRate;
        this.limits = limits;
        this.maxFrames = limits.maxFrames(sampleRate);
        this.channels = new float[channelCount][1024];
    }

    int frames() {
        return frames;
    }

    /** Makes room for {@code more} frames; the caller then writes with {@link #put}. */
    void reserve(int more) throws AudioProblem {
        long needed = (long) frames + more;
        if (needed > maxFrames) {
            throw limits.tooLong(needed / (double) sampleRate);
        }
        if (needed > channels[0].length) {
            int capacity = (int) Math.min(Math.max(needed, channels[0].length * 2L), Math.max(needed, maxFrames));
            capacity = (int) Math.min(capacity, Integer.MAX_VALUE - 8L);
            for (int c = 0; c < channels.length; c++) {
                channels[c] = Arrays.copyOf(channels[c], capacity);
            }
        }
    }

    void put(int channel, int offset, float sample) {
        channels[channel][frames + offset] = sample;
    }

    void advance(int count) {
        frames += count;
    }

    AudioClip clip(String codec) throws AudioProblem {
        return clip(codec, 0, frames);
    }

    /** The frames [start, start + length) only (an MP3's encoder delay and padding cut off). */
    AudioClip clip(String codec, int start, int length) throws AudioProblem {
        if (length <= 0) {
            throw new AudioProblem("clip has no samples (zero length)");
        }
        float[][] out = new float[channels.length][];
        for (int c = 0; c < channels.length; c++) {
            out[c] = Arrays.copyOfRange(channels[c], start, start + length);
        }
        return new AudioClip(out, sampleRate, codec);
    }
}
