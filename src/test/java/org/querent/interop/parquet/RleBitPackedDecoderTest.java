package org.querent.interop.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RleBitPackedDecoderTest {
    @Test
    void decodesTheSpecExample() {
        // From the Parquet encodings spec: values 0..7 bit-packed with width 3 are 0x88 0xC6 0xFA after the header.
        byte[] bytes = {(byte) 0x03, (byte) 0x88, (byte) 0xC6, (byte) 0xFA};
        int[] out = new int[8];
        new RleBitPackedDecoder(bytes, 0, bytes.length, 3).read(out, 8);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, out);
    }

    @Test
    void decodesMixedRunsOfEveryWidth() {
        Random random = new Random(5);
        for (int width = 1; width <= 32; width++) {
            int[] values = new int[1000];
            long max = (1L << width) - 1;
            for (int i = 0; i < values.length; i++) {
                values[i] = i % 100 < 30 ? (int) max : (int) (random.nextLong() & max); // runs and noise
            }
            byte[] encoded = ParquetTestWriter.hybrid(values, width, false);
            int[] out = new int[values.length];
            new RleBitPackedDecoder(encoded, 0, encoded.length, width).read(out, values.length);
            assertArrayEquals(values, out, "width " + width);
        }
    }

    @Test
    void aRunPastTheEndIsDamage() {
        byte[] bytes = {(byte) 0x05}; // a bit-packed group of 8 values, but no bytes for them
        int[] out = new int[8];
        assertThrows(IllegalArgumentException.class, () -> new RleBitPackedDecoder(bytes, 0, 1, 3).read(out, 8));
        byte[] rle = {(byte) 0x10}; // an RLE run of 8 with no value byte
        assertThrows(IllegalArgumentException.class, () -> new RleBitPackedDecoder(rle, 0, 1, 3).read(out, 8));
        assertArrayEquals(new int[8], Arrays.copyOf(out, 8));
    }
}
