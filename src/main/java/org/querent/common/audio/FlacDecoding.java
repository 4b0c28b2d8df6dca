package org.querent.common.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.frame.Frame;
import org.jflac.metadata.StreamInfo;

/**
 * FLAC through jFLAC (pure Java). The STREAMINFO block gives the length before anything is decoded (over-long
 * clips stop there); frames jFLAC cannot decode, or fewer samples than STREAMINFO promised, mean a damaged file.
 */
final class FlacDecoding {
    private FlacDecoding() {
    }

    static AudioClip read(Path file, AudioLimits limits) throws IOException, AudioProblem {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            byte[] magic = in.readNBytes(4);
            if (magic.length < 4 || magic[0] != 'f' || magic[1] != 'L' || magic[2] != 'a' || magic[3] != 'C') {
                throw new AudioProblem("not a FLAC file (no fLaC signature)");
            }
            FLACDecoder decoder = new FLACDecoder(new java.io.SequenceInputStream(
                    new java.io.ByteArrayInputStream(magic), in));
            StreamInfo info;
            try {
                decoder.readMetadata();
                info = decoder.getStreamInfo();
            } catch (IOException | RuntimeException e) {
                throw new AudioProblem("FLAC header could not be read (truncated or corrupt): " + describe(e), e);
            }
            if (info == null) {
                throw new AudioProblem("FLAC file has no STREAMINFO block");
            }
            int rate = info.getSampleRate();
            int channels = info.getChannels();
            int bits = info.getBitsPerSample();
            long total = info.getTotalSamples();
            if (rate <= 0 || channels <= 0) {
                throw new AudioProblem("FLAC header gives " + rate + " Hz and " + channels + " channels");
            }
            if (total > limits.maxFrames(rate)) {
                throw limits.tooLong(total / (double) rate);
            }
            SampleSink sink = new SampleSink(channels, rate, limits);
            float scale = 1f / (1L << (bits - 1));
            try {
                for (Frame frame = decoder.readNextFrame(); frame != null; frame = decoder.readNextFrame()) {
                    int block = frame.header.blockSize;
                    ChannelData[] data = decoder.getChannelData();
                    sink.reserve(block);
                    for (int c = 0; c < channels; c++) {
                        int[] out = data[c].getOutput();
                        for (int i = 0; i < block; i++) {
                            sink.put(c, i, out[i] * scale);
                        }
                    }
                    sink.advance(block);
                }
            } catch (IOException | RuntimeException e) {
                throw new AudioProblem("FLAC data could not be decoded (truncated or corrupt): " + describe(e), e);
            }
            if (decoder.getBadFrames() > 0) {
                throw new AudioProblem("FLAC file is corrupt: " + decoder.getBadFrames() + " frame(s) failed to decode");
            }
            if (total > 0 && sink.frames() != total) {
                throw new AudioProblem(String.format(Locale.ROOT, "FLAC file is truncated: its header says %d "
                        + "samples, %d could be decoded", total, sink.frames()));
            }
            return sink.clip("FLAC " + bits + "-bit");
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
