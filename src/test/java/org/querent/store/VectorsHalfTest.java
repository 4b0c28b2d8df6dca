package org.querent.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** float16 encoding: exact on every half value, nearest-even rounding in between, overflow and NaN kept. */
class VectorsHalfTest {

    @Test
    void everyHalfValueRoundTripsExactly() {
        for (int h = 0; h < 1 << 16; h++) {
            float f = Vectors.halfToFloat((short) h);
            if (Float.isNaN(f)) {
                assertTrue(Float.isNaN(Vectors.halfToFloat(Vectors.toHalf(f))));
                continue;
            }
            assertEquals((short) h, Vectors.toHalf(f), "half 0x" + Integer.toHexString(h));
        }
    }

    @Test
    void knownValues() {
        assertEquals(1.0f, Vectors.halfToFloat((short) 0x3c00));
        assertEquals(-2.0f, Vectors.halfToFloat((short) 0xc000));
        assertEquals(65504f, Vectors.halfToFloat((short) 0x7bff));
        assertEquals(0x1p-24f, Vectors.halfToFloat((short) 0x0001));
        assertEquals((short) 0x7c00, Vectors.toHalf(65520f)); // halfway past the largest half: to infinity
        assertEquals((short) 0x7bff, Vectors.toHalf(65519f));
        assertEquals((short) 0x3c00, Vectors.toHalf(1.0f + 0x1p-11f)); // a tie goes to the even neighbour
        assertEquals((short) 0x3c02, Vectors.toHalf(1.0f + 3 * 0x1p-11f));
        assertEquals((short) 0x8000, Vectors.toHalf(-0x1p-26f));
    }

    @Test
    void anyFloatGoesToItsNearestHalf() {
        Random random = new Random(7);
        for (int n = 0; n < 200_000; n++) {
            float f = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(9) - 6));
            float back = Vectors.halfToFloat(Vectors.toHalf(f));
            short h = Vectors.toHalf(f);
            float below = Vectors.halfToFloat((short) (h - 1));
            float above = Vectors.halfToFloat((short) (h + 1));
            // No neighbour of the chosen half is nearer to f (same sign side, away from zero crossings).
            if (h != 0 && h != (short) 0x8000) {
                assertTrue(Math.abs(back - f) <= Math.abs(below - f) && Math.abs(back - f) <= Math.abs(above - f),
                        f + " -> " + back);
            }
        }
    }

    @Test
    void blobsRoundTripWithinHalfPrecision() {
        float[] v = {0.1f, -0.25f, 0.033f, 0f, 1e-5f};
        byte[] bytes = Vectors.toHalfBytes(v);
        assertEquals(v.length * 2, bytes.length);
        float[] back = Vectors.fromHalfBytes(bytes);
        for (int i = 0; i < v.length; i++) {
            assertEquals(v[i], back[i], Math.abs(v[i]) * 0x1p-11f + 1e-7f);
        }
        short[] flat = new short[v.length + 2];
        Vectors.halfBytesInto(bytes, flat, 2);
        for (int i = 0; i < v.length; i++) {
            assertEquals(back[i], Vectors.halfToFloat(flat[i + 2]));
        }
        assertArrayEquals(back, Vectors.fromHalfBytes(Vectors.toHalfBytes(back)));
    }
}
