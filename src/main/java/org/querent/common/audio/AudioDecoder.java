package org.querent.common.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** Decodes an audio file by its extension (.wav, .flac, .mp3, .ogg/.oga), within limits. */
public final class AudioDecoder {
    /** The extensions read, lower case without the dot. */
    public static final Set<String> EXTENSIONS = Set.of("wav", "flac", "mp3", "ogg", "oga");

    private AudioDecoder() {
    }

    /**
     * @throws AudioProblem when the file is not a usable clip (the message says why, for the user)
     * @throws IOException  when the file cannot be read at all
     */
    public static AudioClip decode(Path file, AudioLimits limits) throws IOException, AudioProblem {
        long size = Files.size(file);
        if (size == 0) {
            throw new AudioProblem("empty file");
        }
        if (size > limits.maxBytes()) {
            throw new AudioProblem(String.format(Locale.ROOT, "audio file is too large: %.1f MB (limit %.0f MB); "
                    + "cut it into shorter clips or raise the limit", size / 1048576.0, limits.maxBytes() / 1048576.0));
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        switch (extension) {
            case "wav": return WavReader.read(file, limits);
            case "flac": return FlacDecoding.read(file, limits);
            case "mp3": return Mp3Decoding.read(file, limits);
            case "ogg": case "oga": return VorbisDecoding.read(file, limits);
            default: throw new AudioProblem("not an audio file this version reads (.wav, .flac, .mp3, .ogg)");
        }
    }

    public static AudioClip decode(Path file) throws IOException, AudioProblem {
        return decode(file, AudioLimits.defaults());
    }
}
