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
 * checked as frames come. When the file carries a LAME/Xing "Info" frame with the encoder delay and padding (LAME,
 * FFmpeg), the decode is trimmed to the samples that were encoded (gapless); without one the decoder's start
 * delay stays in the clip (some ms of silence at the start).
 */
final class Mp3Decoding {
    private Mp3Decoding() {
    }

    /** Samples the layer III decoder adds before the first encoded one (the synthesis filter bank's delay). */
    private static final int DECODER_DELAY = 529;

    /** From a LAME tag: samples the encoder put before and after the signal. */
    record Gapless(int delay, int padding) {
    }

    static AudioClip read(Path file, AudioLimits limits) throws IOException, AudioProblem {
        Gapless gapless = gapless(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            Bitstream stream = new Bitstream(in);
            Decoder decoder = new Decoder();
            SampleSink sink = null;
            int firstFrame = 0;
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
                    if (firstFrame == 0) {
                        firstFrame = count;
                    }
                    stream.closeFrame();
                }
            } catch (BitstreamException | DecoderException | RuntimeException e) {
                throw new AudioProblem("MP3 data could not be decoded (truncated or corrupt): "
                        + FlacDecoding.describe(e), e);
            }
            if (sink == null) {
                throw new AudioProblem("not an MP3 file (no MPEG audio frame found)");
            }
            if (gapless != null && firstFrame > 0) {
                // The info frame decodes to silence; then the encoder's delay plus the decoder's own.
                int start = firstFrame + gapless.delay() + DECODER_DELAY;
                int length = sink.frames() - firstFrame - gapless.delay() - gapless.padding();
                if (start < sink.frames() && length > 0 && start + length <= sink.frames()) {
                    return sink.clip("MP3", start, length);
                }
            }
            return sink.clip("MP3");
        }
    }

    /**
     * Reads the first frame's Xing/Info header and its LAME extension, or null when there is none. Layout: after
     * the 4-byte frame header and the side information, "Xing" or "Info", 4 flag bytes, the optional frame count
     * (4), byte count (4), TOC (100) and quality (4), then 9 bytes of encoder name and 12 bytes of LAME fields,
     * then 24 bits: 12 of delay, 12 of padding.
     */
    static Gapless gapless(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64 * 1024);
        }
        int p = 0;
        if (head.length >= 10 && head[0] == 'I' && head[1] == 'D' && head[2] == '3') {
            p = 10 + ((head[6] & 0x7F) << 21 | (head[7] & 0x7F) << 14 | (head[8] & 0x7F) << 7 | (head[9] & 0x7F));
        }
        while (p + 4 <= head.length && !((head[p] & 0xFF) == 0xFF && (head[p + 1] & 0xE0) == 0xE0)) {
            p++;
        }
        if (p + 4 > head.length || ((head[p + 1] >> 1) & 0x3) != 1) {
            return null; // no frame, or not layer III
        }
        boolean mpeg1 = ((head[p + 1] >> 3) & 0x3) == 3;
        boolean mono = ((head[p + 3] >> 6) & 0x3) == 3;
        int x = p + 4 + (mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17));
        if (x + 8 > head.length) {
            return null;
        }
        String tag = new String(head, x, 4, java.nio.charset.StandardCharsets.US_ASCII);
        if (!tag.equals("Xing") && !tag.equals("Info")) {
            return null;
        }
        int flags = (head[x + 7] & 0xFF) | (head[x + 6] & 0xFF) << 8;
        int lame = x + 8 + ((flags & 1) != 0 ? 4 : 0) + ((flags & 2) != 0 ? 4 : 0) + ((flags & 4) != 0 ? 100 : 0)
                + ((flags & 8) != 0 ? 4 : 0);
        if (lame + 24 > head.length) {
            return null;
        }
        String encoder = new String(head, lame, 4, java.nio.charset.StandardCharsets.US_ASCII);
        if (!encoder.equals("LAME") && !encoder.equals("Lavf") && !encoder.equals("Lavc")) {
            return null;
        }
        int d = lame + 21;
        int delay = (head[d] & 0xFF) << 4 | (head[d + 1] & 0xFF) >> 4;
        int padding = (head[d + 1] & 0x0F) << 8 | (head[d + 2] & 0xFF);
        return new Gapless(delay, padding);
    }
}
