package org.querent.interop.parquet;

/**
 * Decompresses one raw Snappy block (the format of a Parquet SNAPPY page: no framing). Written here rather than
 * taken from snappy-java, whose native libraries would add 2.4 MB to the installer for a 60-line loop.
 */
final class SnappyDecoder {
    private SnappyDecoder() {
    }

    /** The uncompressed length the block announces. */
    static int uncompressedLength(byte[] in, int offset, int length) {
        long result = 0;
        int end = offset + length;
        for (int shift = 0, p = offset; shift < 35 && p < end; shift += 7) {
            byte b = in[p++];
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                if (result > Integer.MAX_VALUE) {
                    break;
                }
                return (int) result;
            }
        }
        throw new IllegalArgumentException("snappy block has no valid length");
    }

    /** Decompresses {@code in[offset, offset+length)} into {@code out}, which holds exactly the announced length. */
    static void decompress(byte[] in, int offset, int length, byte[] out) {
        int p = offset;
        int end = offset + length;
        while (p < end && in[p] < 0) {
            p++;
        }
        p++; // past the length varint
        int o = 0;
        while (p < end) {
            int tag = in[p++] & 0xff;
            switch (tag & 3) {
                case 0 -> {
                    int len = tag >>> 2;
                    if (len >= 60) {
                        int extra = len - 59;
                        check(p + extra <= end, "literal length");
                        len = 0;
                        for (int i = 0; i < extra; i++) {
                            len |= (in[p++] & 0xff) << (8 * i);
                        }
                    }
                    len += 1;
                    check(len > 0 && p + len <= end && o + len <= out.length, "literal");
                    System.arraycopy(in, p, out, o, len);
                    p += len;
                    o += len;
                }
                case 1 -> {
                    check(p < end, "copy");
                    int len = ((tag >>> 2) & 7) + 4;
                    int distance = ((tag >>> 5) << 8) | (in[p++] & 0xff);
                    o = copy(out, o, distance, len);
                }
                case 2 -> {
                    check(p + 2 <= end, "copy");
                    int len = (tag >>> 2) + 1;
                    int distance = (in[p] & 0xff) | (in[p + 1] & 0xff) << 8;
                    p += 2;
                    o = copy(out, o, distance, len);
                }
                default -> {
                    check(p + 4 <= end, "copy");
                    int len = (tag >>> 2) + 1;
                    int distance = (in[p] & 0xff) | (in[p + 1] & 0xff) << 8 | (in[p + 2] & 0xff) << 16
                            | (in[p + 3] & 0xff) << 24;
                    p += 4;
                    o = copy(out, o, distance, len);
                }
            }
        }
        check(o == out.length, "length (" + o + " bytes decoded, " + out.length + " announced)");
    }

    private static int copy(byte[] out, int o, int distance, int len) {
        check(distance > 0 && distance <= o && o + len <= out.length, "copy");
        int from = o - distance;
        if (distance >= len) {
            System.arraycopy(out, from, out, o, len);
        } else {
            for (int i = 0; i < len; i++) { // overlapping: a run repeating the last `distance` bytes
                out[o + i] = out[from + i];
            }
        }
        return o + len;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("damaged snappy data (" + what + ")");
        }
    }
}
