package org.querent.common.audio;

/**
 * Decoded audio: one array of samples in [-1, 1] per channel, all of the same length.
 *
 * @param channels   samples per channel (never empty; each array the same length)
 * @param sampleRate frames per second
 * @param codec      what the file held, for display ("PCM 16-bit", "FLAC 24-bit", "MP3", "Vorbis")
 */
public record AudioClip(float[][] channels, int sampleRate, String codec) {

    public int channelCount() {
        return channels.length;
    }

    public int frames() {
        return channels[0].length;
    }

    public double seconds() {
        return frames() / (double) sampleRate;
    }

    /** The channels averaged (the mono mix models read by default); the channel itself when there is one. */
    public float[] mono() {
        if (channels.length == 1) {
            return channels[0];
        }
        float[] out = new float[frames()];
        for (float[] channel : channels) {
            for (int i = 0; i < out.length; i++) {
                out[i] += channel[i];
            }
        }
        float scale = 1f / channels.length;
        for (int i = 0; i < out.length; i++) {
            out[i] *= scale;
        }
        return out;
    }

    /** The highest absolute sample over all channels. */
    public float peak() {
        float peak = 0;
        for (float[] channel : channels) {
            for (float s : channel) {
                peak = Math.max(peak, Math.abs(s));
            }
        }
        return peak;
    }

    public AudioFacts facts() {
        return new AudioFacts(sampleRate, channels.length, frames(), codec);
    }
}
