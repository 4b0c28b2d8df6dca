package org.querent.interop;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.querent.common.Cancellation;
import org.querent.interop.parquet.ColumnChunkReader;
import org.querent.interop.parquet.ParquetColumn;
import org.querent.interop.parquet.ParquetException;
import org.querent.interop.parquet.ParquetFile;

/**
 * A Parquet file of precomputed embeddings in the schema the Spark job writes: item_key (string), content_hash
 * (string), model_hash (string), dim (int32), vector (binary, little-endian float32 × dim). Opening checks the
 * schema; {@link #forEach} streams the rows a row group and a page at a time.
 */
public final class EmbeddingParquet implements AutoCloseable {
    public static final String ITEM_KEY = "item_key";
    public static final String CONTENT_HASH = "content_hash";
    public static final String MODEL_HASH = "model_hash";
    public static final String DIM = "dim";
    public static final String VECTOR = "vector";
    /** The agreed schema, as a sentence for messages. */
    public static final String SCHEMA = "item_key string, content_hash string, model_hash string, dim int, "
            + "vector binary (little-endian float32 x dim)";

    private final ParquetFile file;
    private final ParquetColumn itemKey;
    private final ParquetColumn contentHash;
    private final ParquetColumn modelHash;
    private final ParquetColumn dim;
    private final ParquetColumn vector;

    /** One row as read. The byte arrays may be shared with the reader (dictionary values): do not change them. */
    public interface Row {
        long index();

        /** The item key as UTF-8 bytes, or null. */
        byte[] itemKeyBytes();

        default String itemKey() {
            byte[] b = itemKeyBytes();
            return b == null ? null : new String(b, StandardCharsets.UTF_8);
        }

        /** Null when the row has none. */
        String contentHash();

        /** The model hash as UTF-8 bytes, or null (compared as bytes: no String per row). */
        byte[] modelHashBytes();

        /** -1 when null. */
        int dim();

        /** Little-endian float32 values, or null. */
        byte[] vector();
    }

    @FunctionalInterface
    public interface RowConsumer {
        void accept(Row row);
    }

    private EmbeddingParquet(ParquetFile file) {
        this.file = file;
        this.itemKey = column(ITEM_KEY, "BYTE_ARRAY", "a string");
        this.contentHash = column(CONTENT_HASH, "BYTE_ARRAY", "a string");
        this.modelHash = column(MODEL_HASH, "BYTE_ARRAY", "a string");
        this.dim = column(DIM, "INT32", "an int (32-bit)");
        this.vector = column(VECTOR, "BYTE_ARRAY", "binary");
    }

    /** Opens a file and checks its schema; a message names the file and what is missing or of the wrong type. */
    public static EmbeddingParquet open(Path path) {
        ParquetFile file = ParquetFile.open(path);
        try {
            return new EmbeddingParquet(file);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private ParquetColumn column(String name, String physicalType, String what) {
        ParquetColumn c = file.column(name).orElseThrow(() -> new ParquetException(file.path(), "has no column "
                + name + " (its columns: " + file.columns().stream().map(ParquetColumn::describe)
                .collect(Collectors.joining(", ")) + "); embeddings need " + SCHEMA
                + ": write them with Querent's Spark job"));
        if (!c.physicalType().equals(physicalType) || "REPEATED".equals(c.repetition())) {
            throw new ParquetException(file.path(), "column " + name + " is " + c.describe() + ", not " + what
                    + "; embeddings need " + SCHEMA + ": write them with Querent's Spark job");
        }
        return c;
    }

    public Path path() {
        return file.path();
    }

    public long rowCount() {
        return file.rowCount();
    }

    /**
     * Streams every row in file order. Cancellation is checked between pages' worth of rows; a cancelled read
     * throws from {@link Cancellation#throwIfCancelled()}.
     */
    public void forEach(RowConsumer consumer, Cancellation cancel) {
        Cursor row = new Cursor();
        long index = 0;
        for (int g = 0; g < file.rowGroupCount(); g++) {
            row.keys = file.readColumn(g, itemKey);
            row.hashes = file.readColumn(g, contentHash);
            row.models = file.readColumn(g, modelHash);
            row.dims = file.readColumn(g, dim);
            row.vectors = file.readColumn(g, vector);
            long rows = file.rowGroupRows(g);
            for (long i = 0; i < rows; i++, index++) {
                if ((index & 1023) == 0) {
                    cancel.throwIfCancelled();
                }
                row.index = index;
                row.keys.next();
                row.hashes.next();
                row.models.next();
                row.dims.next();
                row.vectors.next();
                consumer.accept(row);
            }
        }
    }

    private static final class Cursor implements Row {
        ColumnChunkReader keys;
        ColumnChunkReader hashes;
        ColumnChunkReader models;
        ColumnChunkReader dims;
        ColumnChunkReader vectors;
        long index;

        @Override
        public long index() {
            return index;
        }

        @Override
        public byte[] itemKeyBytes() {
            return keys.binary();
        }

        @Override
        public String contentHash() {
            byte[] b = hashes.binary();
            return b == null ? null : new String(b, StandardCharsets.UTF_8);
        }

        @Override
        public byte[] modelHashBytes() {
            return models.binary();
        }

        @Override
        public int dim() {
            return dims.isNull() ? -1 : dims.int32();
        }

        @Override
        public byte[] vector() {
            return vectors.binary();
        }
    }

    /** The columns in the file (for messages). */
    public List<ParquetColumn> columns() {
        return file.columns();
    }

    @Override
    public void close() {
        file.close();
    }
}
