package org.querent.common.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;

/**
 * Ogg Vorbis through JOrbis (pure Java), the first logical stream. Strict about the container: a page with a bad
 * checksum, a gap in the packets or a stream that ends without its end-of-stream page is a damaged file.
 */
final class VorbisDecoding {
    private static final int CHUNK = 8192;

    private VorbisDecoding() {
    }

    static AudioClip read(Path file, AudioLimits limits) throws IOException, AudioProblem {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            return decode(in, limits);
        } catch (RuntimeException e) {
            // JOrbis reports damaged packets with index and null-pointer exceptions.
            throw new AudioProblem("Ogg Vorbis data could not be decoded (corrupt): " + FlacDecoding.describe(e), e);
        }
    }

    private static AudioClip decode(InputStream in, AudioLimits limits) throws IOException, AudioProblem {
        SyncState sync = new SyncState();
        StreamState stream = new StreamState();
        Page page = new Page();
        Packet packet = new Packet();
        Info info = new Info();
        Comment comment = new Comment();
        sync.init();
        feed(sync, in);
        if (sync.pageout(page) != 1) {
            throw new AudioProblem("not an Ogg file (no Ogg page at the start)");
        }
        int serial = page.serialno();
        stream.init(serial);
        info.init();
        comment.init();
        if (stream.pagein(page) < 0 || stream.packetout(packet) != 1 || info.synthesis_headerin(comment, packet) < 0) {
            throw new AudioProblem("not an Ogg Vorbis file (the first packet is not a Vorbis header)");
        }
        int headers = 1;
        while (headers < 3) {
            int result = sync.pageout(page);
            if (result == 0) {
                if (feed(sync, in) <= 0) {
                    throw new AudioProblem("Ogg Vorbis file is truncated: it ends inside its headers");
                }
                continue;
            }
            if (result < 0) {
                throw new AudioProblem("Ogg Vorbis file is corrupt: a header page is damaged");
            }
            stream.pagein(page);
            while (headers < 3) {
                result = stream.packetout(packet);
                if (result == 0) {
                    break;
                }
                if (result < 0 || info.synthesis_headerin(comment, packet) < 0) {
                    throw new AudioProblem("Ogg Vorbis file is corrupt: a header packet is damaged");
                }
                headers++;
            }
        }
        if (info.rate <= 0 || info.channels <= 0) {
            throw new AudioProblem("Ogg Vorbis header gives " + info.rate + " Hz and " + info.channels + " channels");
        }
        DspState dsp = new DspState();
        dsp.synthesis_init(info);
        Block block = new Block(dsp);
        block.init(dsp);
        SampleSink sink = new SampleSink(info.channels, info.rate, limits);
        float[][][] pcmOut = new float[1][][];
        int[] offsets = new int[info.channels];
        boolean ended = false;
        while (!ended) {
            int result = sync.pageout(page);
            if (result == 0) {
                if (feed(sync, in) <= 0) {
                    throw new AudioProblem("Ogg Vorbis file is truncated: it ends without its last page");
                }
                continue;
            }
            if (result < 0) {
                throw new AudioProblem("Ogg Vorbis file is corrupt: a page is damaged or missing");
            }
            if (page.serialno() != serial) {
                continue; // another logical stream (chained or multiplexed): not ours
            }
            stream.pagein(page);
            while ((result = stream.packetout(packet)) != 0) {
                if (result < 0) {
                    throw new AudioProblem("Ogg Vorbis file is corrupt: packets are missing");
                }
                if (block.synthesis(packet) == 0) {
                    dsp.synthesis_blockin(block);
                }
                for (int n = dsp.synthesis_pcmout(pcmOut, offsets); n > 0; n = dsp.synthesis_pcmout(pcmOut, offsets)) {
                    sink.reserve(n);
                    float[][] pcm = pcmOut[0];
                    for (int c = 0; c < info.channels; c++) {
                        for (int i = 0; i < n; i++) {
                            sink.put(c, i, Math.max(-1f, Math.min(1f, pcm[c][offsets[c] + i])));
                        }
                    }
                    sink.advance(n);
                    dsp.synthesis_read(n);
                }
            }
            ended = page.eos() != 0;
        }
        return sink.clip("Vorbis");
    }

    private static int feed(SyncState sync, InputStream in) throws IOException {
        int index = sync.buffer(CHUNK);
        int n = in.read(sync.data, index, CHUNK);
        if (n > 0) {
            sync.wrote(n);
        }
        return n;
    }
}
