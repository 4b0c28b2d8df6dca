package org.querent.common.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * A strict RIFF/WAVE reader: PCM 8 (unsigned), 16, 24 and 32-bit integers, IEEE float 32/64-bit, plain or
 * WAVE_FORMAT_EXTENSIBLE. The chunk headers are read first and checked against the file's size, so a header
 * that claims more samples than the file holds is refused before a sample is read; the data chunk is then read in
 * bounded blocks. Anything the format does not allow (no fmt before data, a chunk running past the end, a data size
 * that is not a whole number of frames) is refused with what is wrong, rather than guessed around.
 */
final class WavReader {
    private static final int PCM = 1;
    private static final int IEEE_FLOAT = 3;
    private static final int EXTENSIBLE = 0xFFFE;

    private WavReader() {
    }

    static AudioClip read(Path file, AudioLimits limits) throws IOException, AudioProblem {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer riff = readFully(channel, 0, 12, "the RIFF header");
            if (riff.getInt(0) != fourCc("RIFF") || riff.getInt(8) != fourCc("WAVE")) {
                throw new AudioProblem("not a WAV file (no RIFF/WAVE header)");
            }
            long riffEnd = 8 + Integer.toUnsignedLong(riff.getInt(4));
            if (riffEnd > size) {
                throw new AudioProblem(String.format(Locale.ROOT, "WAV file is truncated: its header says %d bytes, "
                        + "the file holds %d", riffEnd, size));
            }
            Format format = null;
            long position = 12;
            while (position + 8 <= riffEnd) {
                ByteBuffer header = readFully(channel, position, 8, "a chunk header");
                int id = header.getInt(0);
                long length = Integer.toUnsignedLong(header.getInt(4));
                long body = position + 8;
                if (body + length > riffEnd) {
                    throw new AudioProblem(String.format(Locale.ROOT, "WAV file is truncated: chunk '%s' claims %d "
                            + "bytes, the file holds %d after it", name(id), length, Math.max(0, riffEnd - body)));
                }
                if (id == fourCc("fmt ")) {
                    format = Format.parse(readFully(channel, body, (int) Math.min(length, 64), "the fmt chunk"), length);
                } else if (id == fourCc("data")) {
                    if (format == null) {
                        throw new AudioProblem("WAV file has its data before its format (no fmt chunk first)");
                    }
                    return samples(channel, body, length, format, limits);
                }
                position = body + length + (length & 1);
            }
            throw new AudioProblem(format == null ? "WAV file has no fmt chunk" : "WAV file has no data chunk");
        }
    }

    private static AudioClip samples(FileChannel channel, long start, long length, Format format, AudioLimits limits)
            throws IOException, AudioProblem {
        int frameBytes = format.blockAlign;
        if (length % frameBytes != 0) {
            throw new AudioProblem(String.format(Locale.ROOT, "WAV file is truncated: %d data bytes are not a whole "
                    + "number of %d-byte frames", length, frameBytes));
        }
        long frames = length / frameBytes;
        if (frames > limits.maxFrames(format.sampleRate)) {
            throw limits.tooLong(frames / (double) format.sampleRate);
        }
        SampleSink sink = new SampleSink(format.channels, format.sampleRate, limits);
        int framesPerBlock = Math.max(1, (64 * 1024) / frameBytes);
        long done = 0;
        while (done < frames) {
            int count = (int) Math.min(framesPerBlock, frames - done);
            ByteBuffer block = readFully(channel, start + done * frameBytes, count * frameBytes, "the samples");
            sink.reserve(count);
            for (int f = 0; f < count; f++) {
                for (int c = 0; c < format.channels; c++) {
                    sink.put(c, f, format.sample(block));
                }
            }
            sink.advance(count);
            done += count;
        }
        return sink.clip(format.codec());
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length, String what)
            throws IOException, AudioProblem {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                throw new AudioProblem("WAV file is truncated: it ends inside " + what);
            }
        }
        return buffer.flip();
    }

    private static int fourCc(String s) {
        return (s.charAt(0)) | (s.charAt(1) << 8) | (s.charAt(2) << 16) | (s.charAt(3) << 24);
    }

    private static String name(int id) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            char ch = (char) ((id >>> (8 * i)) & 0xFF);
            s.append(ch >= 32 && ch < 127 ? ch : '?');
        }
        return s.toString();
    }

    /** The fmt chunk, validated. */
    private record Format(int encoding, int channels, int sampleRate, int blockAlign, int bits) {

        static Format parse(ByteBuffer b, long length) throws AudioProblem {
            if (length < 16) {
                throw new AudioProblem("WAV fmt chunk is too short (" + length + " bytes)");
            }
            int tag = Short.toUnsignedInt(b.getShort(0));
            int channels = Short.toUnsignedInt(b.getShort(2));
            long rate = Integer.toUnsignedLong(b.getInt(4));
            int blockAlign = Short.toUnsignedInt(b.getShort(12));
            int bits = Short.toUnsignedInt(b.getShort(14));
            if (tag == EXTENSIBLE) {
                if (length < 40) {
                    throw new AudioProblem("WAV extensible fmt chunk is too short (" + length + " bytes)");
                }
                tag = Short.toUnsignedInt(b.getShort(24)); // the first two bytes of the sub-format GUID
            }
            if (tag != PCM && tag != IEEE_FLOAT) {
                throw new AudioProblem("WAV encoding " + tag + " is not supported (only PCM and IEEE float): convert "
                        + "the file to PCM WAV or FLAC");
            }
            if (channels == 0 || channels > 32) {
                throw new AudioProblem("WAV header gives " + channels + " channels");
            }
            if (rate < 1000 || rate > 768_000) {
                throw new AudioProblem("WAV header gives an implausible sample rate of " + rate + " Hz");
            }
            boolean ok = tag == PCM ? bits == 8 || bits == 16 || bits == 24 || bits == 32 : bits == 32 || bits == 64;
            if (!ok) {
                throw new AudioProblem("WAV with " + bits + "-bit " + (tag == PCM ? "PCM" : "float")
                        + " samples is not supported (PCM 8/16/24/32, float 32/64)");
            }
            if (blockAlign != channels * (bits / 8)) {
                throw new AudioProblem("WAV header is inconsistent: block align " + blockAlign + " for " + channels
                        + " channels of " + bits + " bits");
            }
            return new Format(tag, channels, (int) rate, blockAlign, bits);
        }

        float sample(ByteBuffer b) {
            if (encoding == IEEE_FLOAT) {
                return bits == 32 ? b.getFloat() : (float) b.getDouble();
            }
            switch (bits) {
                case 8: return ((b.get() & 0xFF) - 128) / 128f;
                case 16: return b.getShort() / 32768f;
                case 24: {
                    int v = (b.get() & 0xFF) | ((b.get() & 0xFF) << 8) | (b.get() << 16);
                    return v / 8388608f;
                }
                default: return (float) (b.getInt() / 2147483648.0);
            }
        }

        String codec() {
            return (encoding == IEEE_FLOAT ? "float " : "PCM ") + bits + "-bit";
        }
    }
}
