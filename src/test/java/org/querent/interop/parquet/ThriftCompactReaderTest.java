package org.querent.interop.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ThriftCompactReaderTest {
    @Test
    void readsFieldsListsNestedStructsAndLongFieldIds() throws Exception {
        ParquetTestWriter.Thrift t = new ParquetTestWriter.Thrift();
        t.i32(1, -7).i64(2, 1L << 40).binary(4, "name");
        t.listField(5, 5, 20);
        for (int i = 0; i < 20; i++) {
            t.varintZigzag(i - 10);
        }
        t.structBegin(7).i32(1, 3).structEnd();
        t.i32(300, 42); // a jump of more than 15: the long field header form
        t.field(301, 1); // boolean true
        t.stop();
        byte[] bytes = t.bytes();
        ThriftStruct s = new ThriftCompactReader(bytes, 0, bytes.length).readStruct();
        assertEquals(-7, s.i32(1, 0));
        assertEquals(1L << 40, s.i64(2, 0));
        assertEquals("name", s.string(4));
        assertEquals(20, s.list(5).size());
        assertEquals(-10L, s.list(5).get(0));
        assertEquals(3, s.struct(7).i32(1, 0));
        assertEquals(42, s.i32(300, 0));
        assertTrue(s.bool(301, false));
    }

    @Test
    void aCutStructSaysSoInsteadOfReadingGarbage() {
        ParquetTestWriter.Thrift t = new ParquetTestWriter.Thrift();
        t.binary(1, "a long enough string").stop();
        byte[] bytes = t.bytes();
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 5);
        assertThrows(ThriftCompactReader.Truncated.class, () -> new ThriftCompactReader(cut, 0, cut.length).readStruct());
    }
}
