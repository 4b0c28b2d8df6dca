package org.querent.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Vectors to and from little-endian BLOBs: float32 for class scores, float16 (IEEE 754 binary16) for
 * embeddings, whose 11-bit significand keeps a unit vector's cosines to about 1e-4 at half the bytes.
 */
public final class Vectors {
    /** Every float16 bit pattern decoded once: decoding a million vectors is then one array read per value. */
    private static final float[] HALF_TO_FLOAT = new float[1 << 16];

    static {
        for (int h = 0; h < HALF_TO_FLOAT.length; h++) {
            HALF_TO_FLOAT[h] = decodeHalf(h);
        }
    }

    private Vectors() {
    }

    public static byte[] toBytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    public static float[] fromBytes(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        float[] v = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    /** A vector as little-endian float16, each value rounded to the nearest half (ties to even). */
    public static byte[] toHalfBytes(float[] v) {
        byte[] out = new byte[v.length * 2];
        for (int i = 0; i < v.length; i++) {
            short h = toHalf(v[i]);
            out[2 * i] = (byte) h;
            out[2 * i + 1] = (byte) (h >>> 8);
        }
        return out;
    }

    /**
     * Little-endian float32 bytes (as a Parquet vector column holds them) straight to float16 bytes, without a
     * float[]; returns null when a value is NaN or infinite, which no embedding should hold.
     */
    public static byte[] float32BytesToHalfBytes(byte[] le) {
        byte[] out = new byte[le.length / 2];
        for (int i = 0, o = 0; i + 3 < le.length; i += 4, o += 2) {
            float f = Float.intBitsToFloat((le[i] & 0xff) | (le[i + 1] & 0xff) << 8 | (le[i + 2] & 0xff) << 16
                    | (le[i + 3] & 0xff) << 24);
            if (!Float.isFinite(f)) {
                return null;
            }
            short h = toHalf(f);
            out[o] = (byte) h;
            out[o + 1] = (byte) (h >>> 8);
        }
        return out;
    }

    public static float[] fromHalfBytes(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        float[] v = new float[bytes.length / 2];
        for (int i = 0; i < v.length; i++) {
            v[i] = HALF_TO_FLOAT[(bytes[2 * i] & 0xff) | (bytes[2 * i + 1] & 0xff) << 8];
        }
        return v;
    }

    /** Copies a float16 BLOB's values into {@code out} from {@code offset}, without a float[] per vector. */
    public static void halfBytesInto(byte[] bytes, short[] out, int offset) {
        for (int i = 0; i < bytes.length / 2; i++) {
            out[offset + i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] & 0xff) << 8);
        }
    }

    /** The float a float16 bit pattern stands for. */
    public static float halfToFloat(short h) {
        return HALF_TO_FLOAT[h & 0xffff];
    }

    /** Round to nearest, ties to even; overflow to infinity, NaN kept (Float.floatToFloat16 is Java 20+). */
    public static short toHalf(float f) {
        int x = Float.floatToRawIntBits(f);
        int sign = (x >>> 16) & 0x8000;
        int abs = x & 0x7fffffff;
        if (abs > 0x7f800000) {
            return (short) (sign | 0x7e00);
        }
        if (abs >= 0x477ff000) { // 65520 and above round past the largest half, 65504
            return (short) (sign | 0x7c00);
        }
        if (abs < 0x38800000) { // below 2^-14: a subnormal half, or zero
            if (abs < 0x33000000) {
                return (short) sign;
            }
            int exponent = abs >>> 23;
            int significand = (abs & 0x7fffff) | 0x800000;
            int shift = 126 - exponent;
            int h = significand >>> shift;
            int rest = significand & ((1 << shift) - 1);
            int halfway = 1 << (shift - 1);
            if (rest > halfway || (rest == halfway && (h & 1) == 1)) {
                h++;
            }
            return (short) (sign | h);
        }
        int h = ((abs >>> 23) - 112) << 10 | (abs & 0x7fffff) >>> 13;
        int rest = abs & 0x1fff;
        if (rest > 0x1000 || (rest == 0x1000 && (h & 1) == 1)) {
            h++; // a carry into the exponent is the right result
        }
        return (short) (sign | h);
    }

    private static float decodeHalf(int h) {
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int significand = h & 0x3ff;
        if (exponent == 0) {
            float v = significand * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        if (exponent == 31) {
            return Float.intBitsToFloat(sign | 0x7f800000 | significand << 13);
        }
        return Float.intBitsToFloat(sign | (exponent + 112) << 23 | significand << 13);
    }
}
