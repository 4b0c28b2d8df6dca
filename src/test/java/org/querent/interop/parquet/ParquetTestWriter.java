package org.querent.interop.parquet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.airlift.compress.snappy.SnappyCompressor;

/**
 * Writes small flat Parquet files for tests, in every layout the reader claims to support (pages v1 and v2,
 * PLAIN and dictionary values, optional and required columns, UNCOMPRESSED and SNAPPY with an independent
 * compressor, several row groups and pages), plus deliberately broken ones. Rows are streamed to the file
 * row group by row group, so a benchmark can write a million rows.
 */
public final class ParquetTestWriter implements AutoCloseable {
    /** A flat column: INT32 or BYTE_ARRAY, optional or required, STRING-annotated or plain binary. */
    public record Column(String name, boolean binary, boolean optional, boolean string) {
        public static Column string(String name) {
            return new Column(name, true, true, true);
        }

        public static Column bytes(String name) {
            return new Column(name, true, true, false);
        }

        public static Column int32(String name) {
            return new Column(name, false, true, false);
        }

        public Column required() {
            return new Column(name, binary, false, string);
        }
    }

    /** How pages are laid out. */
    public record Layout(int pageVersion, boolean dictionary, boolean snappy, int rowsPerPage) {
        public static final Layout SPARK_DEFAULT = new Layout(1, true, true, 1000);
    }

    /** parquet-java's default dictionary page size limit. */
    static final int DICTIONARY_LIMIT = 1 << 20;

    private final OutputStream out;
    private final List<Column> columns;
    private final Layout layout;
    private final List<Object[]> pending = new ArrayList<>();
    private final List<byte[]> rowGroupMeta = new ArrayList<>();
    private final int rowsPerGroup;
    private long written;
    private long rows;

    public ParquetTestWriter(Path file, List<Column> columns, Layout layout, int rowsPerGroup) throws IOException {
        this.out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        this.columns = columns;
        this.layout = layout;
        this.rowsPerGroup = rowsPerGroup;
        write("PAR1".getBytes(StandardCharsets.US_ASCII));
    }

    /** One row: String or byte[] for binary columns, Integer for INT32; null for a null. */
    public void row(Object... values) throws IOException {
        pending.add(values.clone());
        rows++;
        if (pending.size() >= rowsPerGroup) {
            flushRowGroup();
        }
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        written += bytes.length;
    }

    private void flushRowGroup() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        Thrift chunks = new Thrift();
        long groupBytes = 0;
        chunks.listHeader(12, columns.size());
        for (int c = 0; c < columns.size(); c++) {
            long start = written;
            long dictionaryOffset = -1;
            Column col = columns.get(c);
            List<Object> values = new ArrayList<>();
            for (Object[] r : pending) {
                values.add(r[c]);
            }
            List<Object> dictionary = new ArrayList<>();
            java.util.Map<Object, Integer> index = new java.util.HashMap<>();
            // Like parquet-java: a dictionary until it passes DICTIONARY_LIMIT bytes, then PLAIN pages for the rest.
            int dictionaryPages = 0;
            if (layout.dictionary()) {
                long bytes = 0;
                for (int from = 0; from < values.size() && bytes <= DICTIONARY_LIMIT; from += layout.rowsPerPage()) {
                    for (Object v : values.subList(from, Math.min(values.size(), from + layout.rowsPerPage()))) {
                        if (v != null && !index.containsKey(key(v))) {
                            index.put(key(v), dictionary.size());
                            dictionary.add(v);
                            bytes += v instanceof byte[] b ? b.length + 4 : v instanceof String t ? t.length() + 4 : 4;
                        }
                    }
                    dictionaryPages++;
                }
                dictionaryOffset = written;
                byte[] plain = plain(col, dictionary);
                byte[] body = compress(plain);
                Thrift h = new Thrift();
                h.i32(1, 2).i32(2, plain.length).i32(3, body.length);
                h.structBegin(7).i32(1, dictionary.size()).i32(2, 2).structEnd();
                h.stop();
                write(h.bytes());
                write(body);
            }
            long dataOffset = written;
            boolean usedPlain = false;
            for (int from = 0, p = 0; from < values.size(); from += layout.rowsPerPage(), p++) {
                List<Object> page = values.subList(from, Math.min(values.size(), from + layout.rowsPerPage()));
                boolean dictionaryPage = p < dictionaryPages;
                usedPlain |= !dictionaryPage;
                writeDataPage(col, page, dictionaryPage ? index : null);
            }
            long length = written - start;
            groupBytes += length;
            Thrift meta = chunks;
            meta.structElementBegin();
            meta.i64(2, dataOffset);
            meta.structBegin(3);
            meta.i32(1, col.binary() ? 6 : 1);
            if (dictionaryOffset >= 0 && usedPlain) {
                meta.listField(2, 5, 3).varintZigzag(2).varintZigzag(0).varintZigzag(3);
            } else {
                meta.listField(2, 5, 2).varintZigzag(dictionaryOffset >= 0 ? 2 : 0).varintZigzag(3);
            }
            meta.listField(3, 8, 1).binary(col.name().getBytes(StandardCharsets.UTF_8));
            meta.i32(4, layout.snappy() ? 1 : 0);
            meta.i64(5, values.size());
            meta.i64(6, length);
            meta.i64(7, length);
            meta.i64(9, dataOffset);
            if (dictionaryOffset >= 0) {
                meta.i64(11, dictionaryOffset);
            }
            meta.structEnd(); // the ColumnMetaData
            meta.structEnd(); // the ColumnChunk
        }
        Thrift group = new Thrift();
        group.field(1, 9).raw(chunks.bytes());
        group.i64(2, groupBytes).i64(3, pending.size());
        rowGroupMeta.add(group.bytes());
        pending.clear();
    }

    private static Object key(Object v) {
        return v instanceof byte[] b ? java.nio.ByteBuffer.wrap(b) : v;
    }

    private void writeDataPage(Column col, List<Object> page, java.util.Map<Object, Integer> index) throws IOException {
        ByteArrayOutputStream levels = new ByteArrayOutputStream();
        List<Object> present = new ArrayList<>();
        int nulls = 0;
        if (col.optional()) {
            int[] defs = new int[page.size()];
            for (int i = 0; i < page.size(); i++) {
                defs[i] = page.get(i) == null ? 0 : 1;
            }
            levels.write(hybrid(defs, 1, true));
        }
        for (Object v : page) {
            if (v == null) {
                nulls++;
            } else {
                present.add(v);
            }
        }
        byte[] values;
        boolean dictionary = index != null;
        if (dictionary) {
            int[] ids = present.stream().mapToInt(v -> index.get(key(v))).toArray();
            int width = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, index.size() - 1)));
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(width);
            b.write(hybrid(ids, width, false));
            values = b.toByteArray();
        } else {
            values = plain(col, present);
        }
        int encoding = dictionary ? (layout.pageVersion() == 1 ? 2 : 8) : 0;
        Thrift h = new Thrift();
        if (layout.pageVersion() == 1) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (col.optional()) {
                byte[] l = levels.toByteArray();
                body.write(le32(l.length));
                body.write(l);
            }
            body.write(values);
            byte[] plain = body.toByteArray();
            byte[] compressed = compress(plain);
            h.i32(1, 0).i32(2, plain.length).i32(3, compressed.length);
            h.structBegin(5).i32(1, page.size()).i32(2, encoding).i32(3, 3).i32(4, 3).structEnd();
            h.stop();
            write(h.bytes());
            write(compressed);
        } else {
            byte[] l = levels.toByteArray();
            byte[] compressed = compress(values);
            h.i32(1, 3).i32(2, l.length + values.length).i32(3, l.length + compressed.length);
            h.structBegin(8).i32(1, page.size()).i32(2, nulls).i32(3, page.size()).i32(4, encoding)
                    .i32(5, l.length).i32(6, 0).structEnd();
            h.stop();
            write(h.bytes());
            write(l);
            write(compressed);
        }
    }

    private byte[] compress(byte[] plain) {
        if (!layout.snappy()) {
            return plain;
        }
        SnappyCompressor c = new SnappyCompressor();
        byte[] out = new byte[c.maxCompressedLength(plain.length)];
        int n = c.compress(plain, 0, plain.length, out, 0, out.length);
        return java.util.Arrays.copyOf(out, n);
    }

    private static byte[] plain(Column col, List<Object> values) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Object v : values) {
            if (col.binary()) {
                byte[] bytes = v instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) v;
                b.write(le32(bytes.length));
                b.write(bytes);
            } else {
                b.write(le32((Integer) v));
            }
        }
        return b.toByteArray();
    }

    /**
     * RLE/bit-packed hybrid: runs of 8 or more equal values as RLE runs, the rest bit-packed in groups of 8
     * (the last group padded), so both kinds of run are exercised.
     */
    static byte[] hybrid(int[] values, int width, boolean unused) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int i = 0;
        int byteWidth = (width + 7) / 8;
        while (i < values.length) {
            int run = 1;
            while (i + run < values.length && values[i + run] == values[i]) {
                run++;
            }
            if (run >= 8) {
                varint(b, run << 1);
                for (int k = 0; k < byteWidth; k++) {
                    b.write((values[i] >>> (8 * k)) & 0xff);
                }
                i += run;
            } else {
                int groups = Math.min((values.length - i + 7) / 8, 63);
                varint(b, groups << 1 | 1);
                long acc = 0;
                int bits = 0;
                for (int k = 0; k < groups * 8; k++) {
                    int v = i + k < values.length ? values[i + k] : 0;
                    acc |= (v & 0xffffffffL) << bits;
                    bits += width;
                    while (bits >= 8) {
                        b.write((int) (acc & 0xff));
                        acc >>>= 8;
                        bits -= 8;
                    }
                }
                i += groups * 8;
            }
        }
        return b.toByteArray();
    }

    private static void varint(ByteArrayOutputStream b, long v) {
        while ((v & ~0x7fL) != 0) {
            b.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        b.write((int) v);
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    @Override
    public void close() throws IOException {
        flushRowGroup();
        Thrift f = new Thrift();
        f.i32(1, 1);
        f.listField(2, 12, columns.size() + 1);
        f.structElementBegin().binary(4, "spark_schema").i32(5, columns.size()).structEnd();
        for (Column c : columns) {
            f.structElementBegin().i32(1, c.binary() ? 6 : 1).i32(3, c.optional() ? 1 : 0).binary(4, c.name());
            if (c.string()) {
                f.i32(6, 0);
            }
            f.structEnd();
        }
        f.i64(3, rows);
        f.listField(4, 12, rowGroupMeta.size());
        for (byte[] g : rowGroupMeta) {
            f.structElementBegin().raw(g).structEnd();
        }
        f.binary(6, "querent test writer");
        f.stop();
        byte[] footer = f.bytes();
        write(footer);
        write(le32(footer.length));
        write("PAR1".getBytes(StandardCharsets.US_ASCII));
        out.close();
    }

    /** A Thrift compact-protocol writer, just enough for Parquet's metadata. */
    static final class Thrift {
        private final ByteArrayOutputStream b = new ByteArrayOutputStream();
        private final java.util.ArrayDeque<Integer> lastIds = new java.util.ArrayDeque<>();
        private int lastId;

        byte[] bytes() {
            return b.toByteArray();
        }

        Thrift field(int id, int type) {
            int delta = id - lastId;
            if (delta > 0 && delta <= 15) {
                b.write(delta << 4 | type);
            } else {
                b.write(type);
                varint(b, (id << 1) ^ (id >> 31));
            }
            lastId = id;
            return this;
        }

        Thrift i32(int id, int v) {
            field(id, 5);
            return varintZigzag(v);
        }

        Thrift i64(int id, long v) {
            field(id, 6);
            varint(b, (v << 1) ^ (v >> 63));
            return this;
        }

        Thrift binary(int id, String s) {
            field(id, 8);
            return binary(s.getBytes(StandardCharsets.UTF_8));
        }

        Thrift binary(byte[] bytes) {
            varint(b, bytes.length);
            b.writeBytes(bytes);
            return this;
        }

        Thrift varintZigzag(int v) {
            varint(b, ((long) v << 1) ^ ((long) v >> 63));
            return this;
        }

        Thrift listField(int id, int elementType, int size) {
            field(id, 9);
            return listHeader(elementType, size);
        }

        Thrift listHeader(int elementType, int size) {
            if (size < 15) {
                b.write(size << 4 | elementType);
            } else {
                b.write(0xf0 | elementType);
                varint(b, size);
            }
            return this;
        }

        Thrift structBegin(int id) {
            field(id, 12);
            return structElementBegin();
        }

        /** A struct as a list element: no field header. */
        Thrift structElementBegin() {
            lastIds.push(lastId);
            lastId = 0;
            return this;
        }

        /** Writes the struct's stop byte and returns to the enclosing struct. */
        Thrift structEnd() {
            b.write(0);
            lastId = lastIds.isEmpty() ? 0 : lastIds.pop();
            return this;
        }

        /** The stop byte of the outermost struct. */
        Thrift stop() {
            b.write(0);
            return this;
        }

        Thrift raw(byte[] bytes) {
            b.writeBytes(bytes);
            return this;
        }
    }
}
