package org.querent.ingest;

import java.io.IOException;
import java.util.Locale;
import java.util.function.Consumer;

import org.querent.common.audio.AudioClip;
import org.querent.common.audio.AudioDecoder;
import org.querent.common.audio.AudioProblem;

/**
 * One item per audio file (.wav, .flac, .mp3, .ogg). The file is hashed as a stream and decoded once to prove it
 * whole; the decoder refuses huge files and lying headers before reading samples. The samples are then dropped:
 * only the clip's facts (rate, channels, length) travel with the item.
 */
final class AudioItemReader implements ItemReader {

    @Override
    public void read(FoundFile file, ScanOptions options, Consumer<ScannedItem> out) throws IOException {
        String hash = FileBytes.sha256Hex(file.file());
        AudioClip clip;
        try {
            clip = AudioDecoder.decode(file.file(), options.audioLimits());
        } catch (AudioProblem problem) {
            out.accept(file.quarantined(file.size(), hash, problem.getMessage()));
            return;
        } catch (OutOfMemoryError e) {
            out.accept(file.quarantined(file.size(), hash, "clip is too large to decode in the memory given; "
                    + "lower the audio limits or give Java more memory (-Xmx)"));
            return;
        }
        if (options.quarantineSilent() && clip.peak() < ScanOptions.SILENCE_PEAK) {
            double db = clip.peak() <= 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(clip.peak());
            out.accept(file.quarantined(file.size(), hash, String.format(Locale.ROOT,
                    "clip is silent (its loudest sample is %.0f dBFS, under -60 dBFS)", db)));
            return;
        }
        out.accept(file.audio(file.size(), hash, clip.facts()));
    }
}
