package org.querent.interop.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.querent.common.QuerentException;

/**
 * One Parquet file, opened by reading its footer: the schema and the row groups. Column data is read later, a
 * page at a time, through {@link #readColumn}. Only top-level, non-repeated columns can be read.
 */
public final class ParquetFile implements AutoCloseable {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENCRYPTED_MAGIC = "PARE".getBytes(StandardCharsets.US_ASCII);
    /** Larger footers are not written by any sane job; refusing them bounds the memory a damaged file can ask for. */
    private static final int MAX_FOOTER = 256 << 20;

    private final Path path;
    private final FileChannel channel;
    private final long dataEnd;
    private final long rows;
    private final String createdBy;
    private final List<ParquetColumn> columns;
    private final List<RowGroup> rowGroups;

    /** Where one column's chunk lies in one row group. */
    record Chunk(String type, int codec, long start, long length, long values) {
    }

    private record RowGroup(long rows, Map<String, Chunk> chunks) {
    }

    private ParquetFile(Path path, FileChannel channel, long dataEnd, ThriftStruct meta) {
        this.path = path;
        this.channel = channel;
        this.dataEnd = dataEnd;
        this.rows = meta.i64(3, -1);
        this.createdBy = meta.string(6);
        this.columns = readSchema(meta.list(2));
        this.rowGroups = readRowGroups(meta.list(4));
    }

    /** Opens a file and reads its footer; the message of a failure says what is wrong with the file. */
    public static ParquetFile open(Path path) {
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw QuerentException.notFound(path + ": no such file");
        } catch (IOException e) {
            throw QuerentException.notFound(path + ": cannot be read (" + e.getMessage() + ")");
        }
        try {
            return read(path, channel);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static ParquetFile read(Path path, FileChannel channel) {
        try {
            long size = channel.size();
            if (Files.isDirectory(path)) {
                throw new ParquetException(path, "is a folder, not a Parquet file");
            }
            byte[] head = new byte[4];
            if (size >= 4) {
                readFully(channel, ByteBuffer.wrap(head), 0);
            }
            if (size < 4 || !java.util.Arrays.equals(head, MAGIC)) {
                if (java.util.Arrays.equals(head, ENCRYPTED_MAGIC)) {
                    throw ParquetException.unsupported(path, "Parquet modular encryption",
                            "write the file without encryption");
                }
                throw new ParquetException(path, "is not a Parquet file (it does not start with PAR1); give the "
                        + "Parquet files the Spark job wrote, or the folder that holds them");
            }
            if (size < 12) {
                throw truncated(path, size);
            }
            ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, tail, size - 8);
            byte[] tailMagic = java.util.Arrays.copyOfRange(tail.array(), 4, 8);
            if (!java.util.Arrays.equals(tailMagic, MAGIC)) {
                throw truncated(path, size);
            }
            int footerLength = tail.getInt(0);
            if (footerLength <= 0 || footerLength > size - 12 || footerLength > MAX_FOOTER) {
                throw new ParquetException(path, "has a damaged footer (it claims " + footerLength + " bytes in a file"
                        + " of " + size + "); write the file again");
            }
            long footerStart = size - 8 - footerLength;
            byte[] footer = new byte[footerLength];
            readFully(channel, ByteBuffer.wrap(footer), footerStart);
            ThriftStruct meta;
            try {
                meta = new ThriftCompactReader(footer, 0, footer.length).readStruct();
            } catch (ThriftCompactReader.Truncated | RuntimeException e) {
                throw new ParquetException(path, "has a damaged footer (" + e.getMessage() + "); write the file again", e);
            }
            return new ParquetFile(path, channel, footerStart, meta);
        } catch (IOException e) {
            throw QuerentException.notFound(path + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static ParquetException truncated(Path path, long size) {
        return new ParquetException(path, "is cut short or damaged: it starts like a Parquet file but does not end "
                + "with the Parquet footer (" + size + " bytes; a copy that did not finish, or a job still writing"
                + " it?); copy or write it again");
    }

    private List<ParquetColumn> readSchema(List<Object> elements) {
        if (elements.isEmpty()) {
            throw new ParquetException(path, "has no schema in its footer; write the file again");
        }
        List<ParquetColumn> out = new ArrayList<>();
        int i = 1;
        ThriftStruct root = (ThriftStruct) elements.get(0);
        int children = root.i32(5, 0);
        for (int c = 0; c < children && i < elements.size(); c++) {
            ThriftStruct e = (ThriftStruct) elements.get(i);
            int nested = e.i32(5, 0);
            String repetition = name(ParquetColumn.REPETITIONS, e.i32(3, 0));
            if (nested > 0 || !e.has(1)) {
                out.add(new ParquetColumn(e.string(4), "GROUP", repetition, logical(e)));
                i = skipSubtree(elements, i);
            } else {
                out.add(new ParquetColumn(e.string(4), name(ParquetColumn.PHYSICAL_TYPES, e.i32(1, -1)), repetition,
                        logical(e)));
                i++;
            }
        }
        return List.copyOf(out);
    }

    private static int skipSubtree(List<Object> elements, int i) {
        int children = ((ThriftStruct) elements.get(i)).i32(5, 0);
        i++;
        for (int c = 0; c < children && i < elements.size(); c++) {
            i = skipSubtree(elements, i);
        }
        return i;
    }

    /** The logical type's name from the LogicalType union, else from the older ConvertedType. */
    private static String logical(ThriftStruct e) {
        ThriftStruct logical = e.struct(10);
        if (logical != null) {
            String[] names = {"", "STRING", "MAP", "LIST", "ENUM", "DECIMAL", "DATE", "TIME", "TIMESTAMP", "", "INTEGER",
                    "UNKNOWN", "JSON", "BSON", "UUID", "FLOAT16", "VARIANT", "GEOMETRY", "GEOGRAPHY"};
            for (int id = 1; id < names.length; id++) {
                if (logical.has(id)) {
                    return names[id];
                }
            }
        }
        String[] converted = {"UTF8", "MAP", "MAP_KEY_VALUE", "LIST", "ENUM", "DECIMAL", "DATE", "TIME_MILLIS",
                "TIME_MICROS", "TIMESTAMP_MILLIS", "TIMESTAMP_MICROS", "UINT_8", "UINT_16", "UINT_32", "UINT_64",
                "INT_8", "INT_16", "INT_32", "INT_64", "JSON", "BSON", "INTERVAL"};
        int c = e.i32(6, -1);
        return c < 0 ? "" : c == 0 ? "STRING" : name(converted, c);
    }

    private static String name(String[] names, int index) {
        return index >= 0 && index < names.length ? names[index] : "type " + index;
    }

    private List<RowGroup> readRowGroups(List<Object> groups) {
        List<RowGroup> out = new ArrayList<>();
        for (Object g : groups) {
            ThriftStruct group = (ThriftStruct) g;
            Map<String, Chunk> chunks = new HashMap<>();
            for (Object c : group.list(1)) {
                ThriftStruct chunk = (ThriftStruct) c;
                if (chunk.string(1) != null) {
                    throw ParquetException.unsupported(path, "column data kept in another file (" + chunk.string(1) + ")",
                            "write each file with its own data");
                }
                ThriftStruct m = chunk.struct(3);
                if (m == null) {
                    throw ParquetException.unsupported(path, "encrypted column metadata", "write the file without encryption");
                }
                List<Object> pathInSchema = m.list(3);
                if (pathInSchema.size() != 1) {
                    continue; // a nested column: never read
                }
                String column = new String((byte[]) pathInSchema.get(0), StandardCharsets.UTF_8);
                long dataPage = m.i64(9, -1);
                long dictionaryPage = m.i64(11, -1);
                // Some writers set the dictionary offset to 0 for "none"; a real one comes before the data pages.
                long start = dictionaryPage > 0 && dictionaryPage < dataPage ? dictionaryPage : dataPage;
                long length = m.i64(7, -1);
                if (start < 4 || length < 0 || start + length > dataEnd) {
                    throw new ParquetException(path, "has a damaged footer: column " + column + " lies outside the file's"
                            + " data; write the file again");
                }
                chunks.put(column, new Chunk(name(ParquetColumn.PHYSICAL_TYPES, m.i32(1, -1)), m.i32(4, 0), start,
                        length, m.i64(5, 0)));
            }
            out.add(new RowGroup(group.i64(3, 0), chunks));
        }
        return List.copyOf(out);
    }

    public Path path() {
        return path;
    }

    /** The top-level fields, in schema order. */
    public List<ParquetColumn> columns() {
        return columns;
    }

    public Optional<ParquetColumn> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Rows in the file, from the footer. */
    public long rowCount() {
        return rows >= 0 ? rows : rowGroups.stream().mapToLong(RowGroup::rows).sum();
    }

    public int rowGroupCount() {
        return rowGroups.size();
    }

    public long rowGroupRows(int rowGroup) {
        return rowGroups.get(rowGroup).rows();
    }

    /** The writer the footer names ("parquet-mr version 1.15.2 ..."), or null. */
    public String createdBy() {
        return createdBy;
    }

    /** A reader over one column of one row group, which reads the column's pages as they are consumed. */
    public ColumnChunkReader readColumn(int rowGroup, ParquetColumn column) {
        if (column.nested() || "REPEATED".equals(column.repetition())) {
            throw ParquetException.unsupported(path, "a nested or repeated column (" + column.describe() + ")",
                    "write it as a flat column");
        }
        Chunk chunk = rowGroups.get(rowGroup).chunks().get(column.name());
        if (chunk == null) {
            throw new ParquetException(path, "row group " + rowGroup + " has no data for column " + column.name()
                    + "; write the file again");
        }
        return new ColumnChunkReader(path, channel, column, chunk, rowGroups.get(rowGroup).rows());
    }

    static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                throw new java.io.EOFException("the file ends at " + (position + buffer.position()));
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Reporting the reason the open failed matters more.
        }
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }
}
