package org.querent.interop.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import io.airlift.compress.snappy.SnappyCompressor;
import org.junit.jupiter.api.Test;

/** The decoder against an independent compressor, and the element kinds a compressor rarely emits, by hand. */
class SnappyDecoderTest {
    private static byte[] compress(byte[] plain) {
        SnappyCompressor c = new SnappyCompressor();
        byte[] out = new byte[c.maxCompressedLength(plain.length)];
        return Arrays.copyOf(out, c.compress(plain, 0, plain.length, out, 0, out.length));
    }

    private static byte[] roundTrip(byte[] plain) {
        byte[] packed = compress(plain);
        byte[] out = new byte[SnappyDecoder.uncompressedLength(packed, 0, packed.length)];
        SnappyDecoder.decompress(packed, 0, packed.length, out);
        return out;
    }

    @Test
    void decodesWhatAnotherImplementationCompressed() {
        Random random = new Random(1);
        for (int size : new int[] {0, 1, 59, 60, 61, 255, 256, 65_536, 300_000}) {
            byte[] noise = new byte[size];
            random.nextBytes(noise);
            assertArrayEquals(noise, roundTrip(noise), "random " + size);
            byte[] repetitive = new byte[size];
            for (int i = 0; i < size; i++) {
                repetitive[i] = (byte) "abcabcabd".charAt(i % 9 == 8 ? (i / 9) % 9 : i % 9);
            }
            assertArrayEquals(repetitive, roundTrip(repetitive), "repetitive " + size);
        }
        byte[] zeros = new byte[100_000]; // long overlapping copies of distance 1
        assertArrayEquals(zeros, roundTrip(zeros));
    }

    @Test
    void decodesFourByteOffsetsAndLongLiteralLengths() {
        // length 10; literal "abcd" with a 1-byte extended length (tag 60<<2), then a copy-4 of 6 bytes, distance 4
        byte[] block = {10, (byte) (60 << 2), 3, 'a', 'b', 'c', 'd', (byte) ((5 << 2) | 3), 4, 0, 0, 0};
        byte[] out = new byte[10];
        SnappyDecoder.decompress(block, 0, block.length, out);
        assertEquals("abcdabcdab", new String(out, StandardCharsets.US_ASCII));
    }

    @Test
    void refusesCopiesFromBeforeTheStartAndWrongLengths() {
        byte[] badDistance = {4, 0, 'a', (byte) ((0 << 2) | 2), 9, 0};
        assertThrows(IllegalArgumentException.class, () -> SnappyDecoder.decompress(badDistance, 0, badDistance.length,
                new byte[4]));
        byte[] tooShort = {5, 0, 'a'};
        assertThrows(IllegalArgumentException.class, () -> SnappyDecoder.decompress(tooShort, 0, tooShort.length,
                new byte[5]));
    }
}
