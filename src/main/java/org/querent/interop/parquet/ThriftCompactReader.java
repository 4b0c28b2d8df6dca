package org.querent.interop.parquet;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes Thrift's compact protocol (the encoding of Parquet's footer and page headers) into
 * {@link ThriftStruct}s. Reading past the end of the bytes given throws {@link Truncated}, which a caller
 * that read only part of a page header uses to read more and try again.
 */
final class ThriftCompactReader {
    /** The bytes ended inside a structure. */
    static final class Truncated extends Exception {
        private static final long serialVersionUID = 1L;

        Truncated() {
            super("thrift data ends early", null, false, false);
        }
    }

    /** Thrift nests no deeper in Parquet's metadata; a deeper file is damaged or hostile. */
    private static final int MAX_DEPTH = 32;

    private final byte[] bytes;
    private int pos;
    private final int limit;

    ThriftCompactReader(byte[] bytes, int offset, int limit) {
        this.bytes = bytes;
        this.pos = offset;
        this.limit = limit;
    }

    /** Where the next unread byte is. */
    int position() {
        return pos;
    }

    ThriftStruct readStruct() throws Truncated {
        return readStruct(0);
    }

    private ThriftStruct readStruct(int depth) throws Truncated {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("thrift structures nested deeper than " + MAX_DEPTH);
        }
        ThriftStruct out = new ThriftStruct();
        int lastId = 0;
        while (true) {
            int header = readByte() & 0xff;
            if (header == 0) {
                return out;
            }
            int type = header & 0x0f;
            int delta = header >>> 4;
            int id = delta == 0 ? (short) zigzag32(readVarint32()) : lastId + delta;
            lastId = id;
            Object value = switch (type) {
                case 1 -> Boolean.TRUE;
                case 2 -> Boolean.FALSE;
                default -> readValue(type, depth);
            };
            out.put(id, value);
        }
    }

    private Object readValue(int type, int depth) throws Truncated {
        return switch (type) {
            case 1, 2 -> readByte() == 1; // a bool inside a list or map is a whole byte
            case 3 -> (long) readByte();
            case 4, 5 -> (long) zigzag32(readVarint32());
            case 6 -> zigzag64(readVarint64());
            case 7 -> {
                need(8);
                long bits = 0;
                for (int i = 0; i < 8; i++) {
                    bits |= (bytes[pos++] & 0xffL) << (8 * i);
                }
                yield Double.longBitsToDouble(bits);
            }
            case 8 -> readBinary();
            case 9, 10 -> readList(depth);
            case 11 -> {
                skipMap(depth);
                yield null;
            }
            case 12 -> readStruct(depth + 1);
            default -> throw new IllegalStateException("unknown thrift compact type " + type);
        };
    }

    private List<Object> readList(int depth) throws Truncated {
        int header = readByte() & 0xff;
        int size = header >>> 4;
        if (size == 15) {
            size = readVarint32();
        }
        int elementType = header & 0x0f;
        if (size < 0 || size > limit - pos) { // every element takes at least one byte
            throw new IllegalStateException("thrift list of " + size + " elements in " + (limit - pos) + " bytes");
        }
        List<Object> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(readValue(elementType, depth + 1));
        }
        return out;
    }

    private void skipMap(int depth) throws Truncated {
        int size = readVarint32();
        if (size == 0) {
            return;
        }
        int types = readByte() & 0xff;
        for (int i = 0; i < size; i++) {
            readValue(types >>> 4, depth + 1);
            readValue(types & 0x0f, depth + 1);
        }
    }

    private byte[] readBinary() throws Truncated {
        int length = readVarint32();
        if (length < 0) {
            throw new IllegalStateException("negative thrift binary length");
        }
        need(length);
        byte[] out = java.util.Arrays.copyOfRange(bytes, pos, pos + length);
        pos += length;
        return out;
    }

    private byte readByte() throws Truncated {
        need(1);
        return bytes[pos++];
    }

    private void need(int n) throws Truncated {
        if (n > limit - pos) {
            throw new Truncated();
        }
    }

    private int readVarint32() throws Truncated {
        return (int) readVarint64();
    }

    private long readVarint64() throws Truncated {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = readByte();
            result |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new IllegalStateException("thrift varint longer than 10 bytes");
    }

    private static int zigzag32(int n) {
        return (n >>> 1) ^ -(n & 1);
    }

    private static long zigzag64(long n) {
        return (n >>> 1) ^ -(n & 1);
    }
}
