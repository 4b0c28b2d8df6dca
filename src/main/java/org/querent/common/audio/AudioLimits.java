package org.querent.common.audio;

/**
 * Bounds a decode: a file over {@code maxBytes} is refused from its size alone, and a clip longer than
 * {@code maxSeconds} is refused from its header when the header tells (WAV, FLAC) or as soon as decoding passes the
 * limit (MP3, Vorbis), so neither a huge file nor a lying header is ever read into memory.
 */
public record AudioLimits(long maxBytes, double maxSeconds) {

    public static final long DEFAULT_MAX_BYTES = 512L << 20;
    public static final double DEFAULT_MAX_SECONDS = 600;

    public AudioLimits {
        if (maxBytes <= 0 || !(maxSeconds > 0)) {
            throw new IllegalArgumentException("audio limits must be positive: " + maxBytes + " bytes, " + maxSeconds + " s");
        }
    }

    public static AudioLimits defaults() {
        return new AudioLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_SECONDS);
    }

    long maxFrames(int sampleRate) {
        return (long) Math.ceil(maxSeconds * sampleRate);
    }

    AudioProblem tooLong(double seconds) {
        return new AudioProblem(String.format(java.util.Locale.ROOT,
                "clip is too long: %.1f s (limit %.0f s); cut it into shorter clips or raise the limit", seconds, maxSeconds));
    }
}
