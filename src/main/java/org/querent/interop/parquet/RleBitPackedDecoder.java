package org.querent.interop.parquet;

/**
 * Parquet's RLE / bit-packed hybrid: runs of one repeated value, and groups of eight values packed
 * least significant bit first. Used for definition levels and dictionary indices.
 */
final class RleBitPackedDecoder {
    private final byte[] bytes;
    private int pos;
    private final int end;
    private final int bitWidth;
    private final int byteWidth;

    RleBitPackedDecoder(byte[] bytes, int offset, int end, int bitWidth) {
        if (bitWidth < 0 || bitWidth > 32) {
            throw new IllegalArgumentException("bit width " + bitWidth + " out of range");
        }
        this.bytes = bytes;
        this.pos = offset;
        this.end = end;
        this.bitWidth = bitWidth;
        this.byteWidth = (bitWidth + 7) / 8;
    }

    /** Fills {@code out[0, count)}. */
    void read(int[] out, int count) {
        int n = 0;
        while (n < count) {
            int header = varint();
            if ((header & 1) == 0) {
                int run = header >>> 1;
                check(run > 0 && pos + byteWidth <= end, "run");
                int value = 0;
                for (int i = 0; i < byteWidth; i++) {
                    value |= (bytes[pos++] & 0xff) << (8 * i);
                }
                int take = Math.min(run, count - n);
                java.util.Arrays.fill(out, n, n + take, value);
                n += take;
            } else {
                int values = (header >>> 1) * 8;
                int groupBytes = (header >>> 1) * bitWidth;
                int take = Math.min(values, count - n);
                // A writer may leave out the padding bytes of the last group: only the values used must be there.
                check(values > 0 && ((long) take * bitWidth + 7) / 8 <= end - pos, "bit-packed group");
                unpack(out, n, take);
                pos = Math.min(end, pos + groupBytes);
                n += take;
            }
        }
    }

    private void unpack(int[] out, int at, int count) {
        if (bitWidth == 0) {
            java.util.Arrays.fill(out, at, at + count, 0);
            return;
        }
        long mask = (1L << bitWidth) - 1;
        long bitPos = 0;
        for (int i = 0; i < count; i++) {
            int byteIndex = pos + (int) (bitPos >>> 3);
            int shift = (int) (bitPos & 7);
            long window = 0;
            for (int b = 0; b < 5 && byteIndex + b < end; b++) {
                window |= (bytes[byteIndex + b] & 0xffL) << (8 * b);
            }
            out[at + i] = (int) ((window >>> shift) & mask);
            bitPos += bitWidth;
        }
    }

    private int varint() {
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            check(pos < end, "header");
            byte b = bytes[pos++];
            result |= (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("damaged RLE data (header)");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("damaged RLE/bit-packed data (" + what + ")");
        }
    }

    /** Bits needed for values up to {@code max}. */
    static int bitWidth(int max) {
        return 32 - Integer.numberOfLeadingZeros(max);
    }
}
