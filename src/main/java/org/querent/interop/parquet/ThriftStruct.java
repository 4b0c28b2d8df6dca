package org.querent.interop.parquet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One decoded Thrift struct as field id to value: integers as {@code Long}, strings and binaries as
 * {@code byte[]}, lists as {@code List}, nested structs as {@code ThriftStruct}. Parquet's metadata is read
 * this way instead of through generated classes: the reader needs a few dozen fields and no code generator.
 */
final class ThriftStruct {
    private final Map<Integer, Object> fields = new HashMap<>();

    void put(int id, Object value) {
        fields.put(id, value);
    }

    boolean has(int id) {
        return fields.containsKey(id);
    }

    long i64(int id, long otherwise) {
        Object v = fields.get(id);
        return v instanceof Long l ? l : otherwise;
    }

    int i32(int id, int otherwise) {
        Object v = fields.get(id);
        return v instanceof Long l ? (int) (long) l : otherwise;
    }

    boolean bool(int id, boolean otherwise) {
        Object v = fields.get(id);
        return v instanceof Boolean b ? b : otherwise;
    }

    String string(int id) {
        Object v = fields.get(id);
        return v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : null;
    }

    ThriftStruct struct(int id) {
        Object v = fields.get(id);
        return v instanceof ThriftStruct s ? s : null;
    }

    @SuppressWarnings("unchecked")
    List<Object> list(int id) {
        Object v = fields.get(id);
        return v instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
