package org.querent.common.audio;

import java.util.Locale;

/**
 * What a clip is, as stored with its item: enough to show and to check against a model without decoding it.
 *
 * @param sampleRate frames per second
 * @param channels   channel count
 * @param frames     samples per channel
 * @param codec      see {@link AudioClip#codec()}
 */
public record AudioFacts(int sampleRate, int channels, long frames, String codec) {

    public double seconds() {
        return frames / (double) sampleRate;
    }

    /** For a status line: "2.35 s, 8000 Hz, mono, PCM 16-bit". */
    public String describe() {
        String layout = channels == 1 ? "mono" : channels == 2 ? "stereo" : channels + " channels";
        return String.format(Locale.ROOT, "%.2f s, %d Hz, %s, %s", seconds(), sampleRate, layout, codec);
    }
}
