package org.querent.interop.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Reads one column of one row group value by value, decoding one page at a time: only the current page (and
 * the column's dictionary) is in memory. A cursor: {@link #next()} moves to the next value, then
 * {@link #isNull()}, {@link #binary()} or {@link #int32()} read it.
 */
public final class ColumnChunkReader {
    private static final int DATA_PAGE = 0;
    private static final int DICTIONARY_PAGE = 2;
    private static final int DATA_PAGE_V2 = 3;
    private static final int PLAIN = 0;
    private static final int PLAIN_DICTIONARY = 2;
    private static final int RLE = 3;
    private static final int RLE_DICTIONARY = 8;
    private static final String[] ENCODINGS = {"PLAIN", "GROUP_VAR_INT", "PLAIN_DICTIONARY", "RLE", "BIT_PACKED",
            "DELTA_BINARY_PACKED", "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY", "RLE_DICTIONARY", "BYTE_STREAM_SPLIT"};
    private static final String[] CODECS = {"UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD", "LZ4_RAW"};
    /** A page header beyond this is damage, not data. */
    private static final int MAX_HEADER = 16 << 20;

    private final Path file;
    private final FileChannel channel;
    private final ParquetColumn column;
    private final ParquetFile.Chunk chunk;
    private final boolean binaryType;
    private final int maxDefinition;
    private long position;
    private final long end;
    private long valuesLeft;

    // The dictionary, when the column has one.
    private byte[][] dictionaryBinary;
    private int[] dictionaryInts;
    private int dictionarySize = -1;

    // The current page: levels and values.
    private int pageValues;
    private int pageIndex = -1;
    private int valueIndex = -1;
    private int[] definitions = new int[0];
    private boolean dictionaryEncoded;
    private int[] indices = new int[0];
    private byte[] data;
    private int[] offsets = new int[0];
    private int[] lengths = new int[0];
    private int[] ints = new int[0];
    private boolean currentNull;

    ColumnChunkReader(Path file, FileChannel channel, ParquetColumn column, ParquetFile.Chunk chunk, long rows) {
        this.file = file;
        this.channel = channel;
        this.column = column;
        this.chunk = chunk;
        this.binaryType = "BYTE_ARRAY".equals(chunk.type());
        if (!binaryType && !"INT32".equals(chunk.type())) {
            throw ParquetException.unsupported(file, "column " + column.name() + " of type " + chunk.type(),
                    "Querent reads INT32 and BYTE_ARRAY (string, binary) columns");
        }
        if (chunk.codec() != 0 && chunk.codec() != 1) {
            String codec = chunk.codec() < CODECS.length ? CODECS[chunk.codec()] : "codec " + chunk.codec();
            throw ParquetException.unsupported(file, codec + " compression (column " + column.name() + ")",
                    "write with SNAPPY (Spark's default) or no compression, e.g. "
                            + ".option(\"compression\", \"snappy\")");
        }
        this.maxDefinition = column.optional() ? 1 : 0;
        this.position = chunk.start();
        this.end = chunk.start() + chunk.length();
        this.valuesLeft = chunk.values();
    }

    /** Values not yet reached by {@link #next()}. */
    public long remaining() {
        return valuesLeft + (pageValues - pageIndex - 1);
    }

    /** Moves to the next value of the column. */
    public void next() {
        if (pageIndex + 1 >= pageValues) {
            readDataPage();
        }
        pageIndex++;
        currentNull = maxDefinition > 0 && definitions[pageIndex] < maxDefinition;
        if (!currentNull) {
            valueIndex++;
        }
    }

    public boolean isNull() {
        return currentNull;
    }

    /**
     * The current BYTE_ARRAY value, or null. A dictionary value is shared between rows: callers must not change
     * the array.
     */
    public byte[] binary() {
        if (currentNull) {
            return null;
        }
        if (dictionaryEncoded) {
            return dictionaryBinary[indices[valueIndex]];
        }
        int from = offsets[valueIndex];
        return java.util.Arrays.copyOfRange(data, from, from + lengths[valueIndex]);
    }

    /** The current INT32 value; call only when {@link #isNull()} is false. */
    public int int32() {
        return dictionaryEncoded ? dictionaryInts[indices[valueIndex]] : ints[valueIndex];
    }

    private void readDataPage() {
        while (true) {
            if (valuesLeft <= 0 || position >= end) {
                throw damaged("column " + column.name() + " has fewer values than its row group has rows");
            }
            ThriftStruct header = readPageHeader();
            int type = header.i32(1, -1);
            int uncompressed = header.i32(2, -1);
            int compressed = header.i32(3, -1);
            if (uncompressed < 0 || compressed < 0 || position + compressed > end) {
                throw damaged("a page of column " + column.name() + " runs past its column chunk");
            }
            byte[] raw = readBytes(compressed);
            switch (type) {
                case DICTIONARY_PAGE -> readDictionary(header.struct(7), decompress(raw, 0, compressed, uncompressed));
                case DATA_PAGE -> {
                    readV1(header.struct(5), decompress(raw, 0, compressed, uncompressed));
                    return;
                }
                case DATA_PAGE_V2 -> {
                    readV2(header.struct(8), raw, uncompressed);
                    return;
                }
                default -> {
                    // Index and bloom filter pages carry nothing a reader needs.
                }
            }
        }
    }

    private void readV1(ThriftStruct h, byte[] page) {
        if (h == null) {
            throw damaged("a data page of column " + column.name() + " has no data page header");
        }
        int count = startPage(h.i32(1, -1));
        int pos = 0;
        if (maxDefinition > 0) {
            int levelEncoding = h.i32(3, RLE);
            if (levelEncoding != RLE) {
                throw ParquetException.unsupported(file, encoding(levelEncoding) + " definition levels (column "
                        + column.name() + ")", "write with a current Parquet writer (levels RLE-encoded)");
            }
            if (page.length < 4) {
                throw damaged("a data page of column " + column.name() + " is too short for its definition levels");
            }
            int length = (page[0] & 0xff) | (page[1] & 0xff) << 8 | (page[2] & 0xff) << 16 | (page[3] & 0xff) << 24;
            if (length < 0 || length > page.length - 4) {
                throw damaged("the definition levels of column " + column.name() + " run past their page");
            }
            levels(page, 4, 4 + length, count);
            pos = 4 + length;
        }
        readValues(h.i32(2, -1), page, pos, page.length, count);
    }

    private void readV2(ThriftStruct h, byte[] raw, int uncompressed) {
        if (h == null) {
            throw damaged("a data page of column " + column.name() + " has no v2 data page header");
        }
        int count = startPage(h.i32(1, -1));
        int repetitionLength = h.i32(6, 0);
        int definitionLength = h.i32(5, 0);
        int levelBytes = repetitionLength + definitionLength;
        if (repetitionLength < 0 || definitionLength < 0 || levelBytes > raw.length || levelBytes > uncompressed) {
            throw damaged("the levels of a v2 page of column " + column.name() + " run past their page");
        }
        if (maxDefinition > 0) {
            levels(raw, repetitionLength, levelBytes, count);
        }
        byte[] values;
        int from;
        int to;
        if (h.bool(7, true) && chunk.codec() != 0) {
            values = decompress(raw, levelBytes, raw.length - levelBytes, uncompressed - levelBytes);
            from = 0;
            to = values.length;
        } else {
            values = raw;
            from = levelBytes;
            to = raw.length;
        }
        readValues(h.i32(4, -1), values, from, to, count);
    }

    private int startPage(int count) {
        if (count < 0 || count > valuesLeft) {
            throw damaged("a page of column " + column.name() + " claims " + count + " values, more than are left");
        }
        valuesLeft -= count;
        pageValues = count;
        pageIndex = -1;
        valueIndex = -1;
        if (definitions.length < count) {
            definitions = new int[count];
        }
        return count;
    }

    private void levels(byte[] page, int from, int to, int count) {
        try {
            new RleBitPackedDecoder(page, from, to, RleBitPackedDecoder.bitWidth(maxDefinition)).read(definitions, count);
        } catch (IllegalArgumentException e) {
            throw damaged("column " + column.name() + ": " + e.getMessage());
        }
    }

    private void readValues(int encoding, byte[] page, int from, int to, int count) {
        int present = count;
        if (maxDefinition > 0) {
            present = 0;
            for (int i = 0; i < count; i++) {
                if (definitions[i] == maxDefinition) {
                    present++;
                }
            }
        }
        switch (encoding) {
            case PLAIN -> {
                dictionaryEncoded = false;
                plain(page, from, to, present, false);
            }
            case PLAIN_DICTIONARY, RLE_DICTIONARY -> {
                if (dictionarySize < 0) {
                    throw damaged("column " + column.name() + " is dictionary-encoded but has no dictionary page");
                }
                dictionaryEncoded = true;
                if (indices.length < present) {
                    indices = new int[present];
                }
                if (present > 0) {
                    if (from >= to) {
                        throw damaged("a dictionary-encoded page of column " + column.name() + " has no indices");
                    }
                    try {
                        new RleBitPackedDecoder(page, from + 1, to, page[from] & 0xff).read(indices, present);
                    } catch (IllegalArgumentException e) {
                        throw damaged("column " + column.name() + ": " + e.getMessage());
                    }
                    for (int i = 0; i < present; i++) {
                        if (indices[i] < 0 || indices[i] >= dictionarySize) {
                            throw damaged("column " + column.name() + " refers to dictionary entry " + indices[i]
                                    + " of " + dictionarySize);
                        }
                    }
                }
            }
            default -> throw ParquetException.unsupported(file, encoding(encoding) + " encoding (column "
                    + column.name() + ")", "write with Parquet writer version 1 (Spark's default, "
                    + "parquet.writer.version=v1), whose pages are PLAIN or dictionary-encoded");
        }
    }

    /** Decodes PLAIN values: into the page arrays, or (for a dictionary page) into the dictionary. */
    private void plain(byte[] page, int from, int to, int present, boolean intoDictionary) {
        if (binaryType) {
            int[] offs = new int[present];
            int[] lens = new int[present];
            int pos = from;
            for (int i = 0; i < present; i++) {
                if (pos + 4 > to) {
                    throw damaged("the values of column " + column.name() + " end early");
                }
                int len = (page[pos] & 0xff) | (page[pos + 1] & 0xff) << 8 | (page[pos + 2] & 0xff) << 16
                        | (page[pos + 3] & 0xff) << 24;
                pos += 4;
                if (len < 0 || len > to - pos) {
                    throw damaged("a value of column " + column.name() + " runs past its page");
                }
                offs[i] = pos;
                lens[i] = len;
                pos += len;
            }
            if (intoDictionary) {
                dictionaryBinary = new byte[present][];
                for (int i = 0; i < present; i++) {
                    dictionaryBinary[i] = java.util.Arrays.copyOfRange(page, offs[i], offs[i] + lens[i]);
                }
            } else {
                data = page;
                offsets = offs;
                lengths = lens;
            }
        } else {
            if ((long) present * 4 > to - from) {
                throw damaged("the values of column " + column.name() + " end early");
            }
            int[] out = intoDictionary ? new int[present] : ints.length >= present ? ints : new int[present];
            ByteBuffer b = ByteBuffer.wrap(page, from, to - from).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < present; i++) {
                out[i] = b.getInt();
            }
            if (intoDictionary) {
                dictionaryInts = out;
            } else {
                ints = out;
            }
        }
    }

    private void readDictionary(ThriftStruct h, byte[] page) {
        if (h == null) {
            throw damaged("a dictionary page of column " + column.name() + " has no dictionary header");
        }
        int encoding = h.i32(2, PLAIN);
        if (encoding != PLAIN && encoding != PLAIN_DICTIONARY) {
            throw ParquetException.unsupported(file, encoding(encoding) + " dictionary pages (column " + column.name()
                    + ")", "write with Parquet writer version 1 (Spark's default)");
        }
        int count = h.i32(1, -1);
        if (count < 0) {
            throw damaged("the dictionary of column " + column.name() + " has a negative size");
        }
        plain(page, 0, page.length, count, true);
        dictionarySize = count;
    }

    private ThriftStruct readPageHeader() {
        int size = (int) Math.min(end - position, 256);
        while (true) {
            byte[] buffer = readAt(position, size);
            ThriftCompactReader reader = new ThriftCompactReader(buffer, 0, buffer.length);
            try {
                ThriftStruct header = reader.readStruct();
                position += reader.position();
                return header;
            } catch (ThriftCompactReader.Truncated e) {
                if (size >= end - position || size >= MAX_HEADER) {
                    throw damaged("a page header of column " + column.name() + " is cut short");
                }
                size = (int) Math.min(end - position, Math.min((long) size * 4, MAX_HEADER));
            } catch (RuntimeException e) {
                throw damaged("a page header of column " + column.name() + " is damaged (" + e.getMessage() + ")");
            }
        }
    }

    private byte[] readBytes(int length) {
        byte[] out = readAt(position, length);
        position += length;
        return out;
    }

    private byte[] readAt(long at, int length) {
        byte[] out = new byte[length];
        try {
            ParquetFile.readFully(channel, ByteBuffer.wrap(out), at);
        } catch (IOException e) {
            throw new ParquetException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        return out;
    }

    private byte[] decompress(byte[] raw, int from, int length, int uncompressed) {
        if (chunk.codec() == 0) {
            if (length != uncompressed) {
                throw damaged("an uncompressed page of column " + column.name() + " has two sizes");
            }
            return from == 0 && length == raw.length ? raw : java.util.Arrays.copyOfRange(raw, from, from + length);
        }
        try {
            if (SnappyDecoder.uncompressedLength(raw, from, length) != uncompressed) {
                throw new IllegalArgumentException("length differs from the page header's");
            }
            byte[] out = new byte[uncompressed];
            SnappyDecoder.decompress(raw, from, length, out);
            return out;
        } catch (IllegalArgumentException e) {
            throw damaged("a page of column " + column.name() + ": " + e.getMessage());
        }
    }

    private ParquetException damaged(String what) {
        return new ParquetException(file, "is damaged: " + what + "; write or copy the file again");
    }

    private static String encoding(int encoding) {
        return encoding >= 0 && encoding < ENCODINGS.length ? ENCODINGS[encoding] : "encoding " + encoding;
    }
}
