package org.querent.spark;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet layout agreed with {@code import-embeddings}: one row per item, the vector as little-endian float32
 * bytes (not an array column: 4 bytes a value, no list nesting, and byte-for-byte what the project stores).
 */
public final class EmbeddingSchema {
    public static final String ITEM_KEY = "item_key";
    public static final String CONTENT_HASH = "content_hash";
    public static final String MODEL_HASH = "model_hash";
    public static final String DIM = "dim";
    public static final String VECTOR = "vector";

    public static final StructType SCHEMA = new StructType()
            .add(ITEM_KEY, DataTypes.StringType, false)
            .add(CONTENT_HASH, DataTypes.StringType, false)
            .add(MODEL_HASH, DataTypes.StringType, false)
            .add(DIM, DataTypes.IntegerType, false)
            .add(VECTOR, DataTypes.BinaryType, false);

    private EmbeddingSchema() {
    }

    public static byte[] toBytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    public static float[] fromBytes(byte[] bytes, int dim) {
        if (bytes.length != dim * Float.BYTES) {
            throw new IllegalArgumentException("vector has " + bytes.length + " bytes, dim=" + dim + " needs "
                    + dim * Float.BYTES);
        }
        float[] vector = new float[dim];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
