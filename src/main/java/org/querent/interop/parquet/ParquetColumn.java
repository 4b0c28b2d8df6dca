package org.querent.interop.parquet;

/**
 * A top-level field of a Parquet schema. Nested fields (groups, lists, maps) are listed so a message can name
 * them, but cannot be read.
 *
 * @param physicalType the storage type ("INT32", "BYTE_ARRAY", ...), or "GROUP" for a nested field
 * @param repetition   "REQUIRED", "OPTIONAL" or "REPEATED"
 * @param logicalType  the annotation ("STRING", "INT(32,true)", ...) or empty
 */
public record ParquetColumn(String name, String physicalType, String repetition, String logicalType) {
    static final String[] PHYSICAL_TYPES = {"BOOLEAN", "INT32", "INT64", "INT96", "FLOAT", "DOUBLE", "BYTE_ARRAY",
            "FIXED_LEN_BYTE_ARRAY"};
    static final String[] REPETITIONS = {"REQUIRED", "OPTIONAL", "REPEATED"};

    public boolean nested() {
        return "GROUP".equals(physicalType);
    }

    public boolean optional() {
        return "OPTIONAL".equals(repetition);
    }

    /** As a schema line: {@code optional BYTE_ARRAY item_key (STRING)}. */
    public String describe() {
        return repetition.toLowerCase(java.util.Locale.ROOT) + " " + physicalType + " " + name
                + (logicalType.isEmpty() ? "" : " (" + logicalType + ")");
    }
}
