package org.querent.common.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;

/**
 * MPEG-1/2 layer III (and I/II) through JLayer (pure Java). MP3 has no length in its header, so the clip limit is
 * checked as frames come. The decoder's start delay (encoder padding) is kept: a few ms of silence at the start.
 */
final class Mp3Decoding {
    private Mp3Decoding() {
    }

    static AudioClip read(Path file, AudioLimits limits) throws IOException, AudioProblem {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            Bitstream stream = new Bitstream(in);
            Decoder decoder = new Decoder();
            SampleSink sink = null;
            int rate = 0;
            int channels = 0;
            try {
                for (Header header = stream.readFrame(); header != null; header = stream.readFrame()) {
                    SampleBuffer out = (SampleBuffer) decoder.decodeFrame(header, stream);
                    if (sink == null) {
                        rate = out.getSampleFrequency();
                        channels = out.getChannelCount();
                        sink = new SampleSink(channels, rate, limits);
                    } else if (out.getSampleFrequency() != rate || out.getChannelCount() != channels) {
                        throw new AudioProblem("MP3 stream changes its sample rate or channels midway: re-encode it");
                    }
                    short[] samples = out.getBuffer();
                    int count = out.getBufferLength() / channels;
                    sink.reserve(count);
                    for (int i = 0; i < count; i++) {
                        for (int c = 0; c < channels; c++) {
                            sink.put(c, i, samples[i * channels + c] / 32768f);
                        }
                    }
                    sink.advance(count);
                    stream.closeFrame();
                }
            } catch (BitstreamException | DecoderException | RuntimeException e) {
                throw new AudioProblem("MP3 data could not be decoded (truncated or corrupt): "
                        + FlacDecoding.describe(e), e);
            }
            if (sink == null) {
                throw new AudioProblem("not an MP3 file (no MPEG audio frame found)");
            }
            return sink.clip("MP3");
        }
    }
}
