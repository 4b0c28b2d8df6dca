package org.querent.interop.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ParquetFileTest {
    @TempDir
    Path dir;

    static List<ParquetTestWriter.Layout> layouts() {
        List<ParquetTestWriter.Layout> out = new ArrayList<>();
        for (int version : new int[] {1, 2}) {
            for (boolean dictionary : new boolean[] {false, true}) {
                for (boolean snappy : new boolean[] {false, true}) {
                    out.add(new ParquetTestWriter.Layout(version, dictionary, snappy, 37));
                }
            }
        }
        return out;
    }

    private static final List<ParquetTestWriter.Column> COLUMNS = List.of(ParquetTestWriter.Column.string("name"),
            ParquetTestWriter.Column.int32("count"), ParquetTestWriter.Column.bytes("blob"),
            ParquetTestWriter.Column.int32("fixed").required());

    /** Rows with nulls, repeated values (RLE runs and dictionary hits) and random bytes (Snappy literals). */
    private static List<Object[]> rows(int n) {
        Random random = new Random(7);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] blob = new byte[random.nextInt(40)];
            random.nextBytes(blob);
            rows.add(new Object[] {i % 11 == 0 ? null : "name-" + (i % 5), i % 13 == 0 ? null : i * 3 - 500,
                    i % 17 == 0 ? null : blob, i % 3});
        }
        return rows;
    }

    private Path write(String name, ParquetTestWriter.Layout layout, List<Object[]> rows, int rowsPerGroup)
            throws IOException {
        Path file = dir.resolve(name);
        try (ParquetTestWriter w = new ParquetTestWriter(file, COLUMNS, layout, rowsPerGroup)) {
            for (Object[] r : rows) {
                w.row(r);
            }
        }
        return file;
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void readsBackEveryValueOfEveryLayout(ParquetTestWriter.Layout layout) throws IOException {
        List<Object[]> rows = rows(1000);
        Path file = write("t.parquet", layout, rows, 300);
        try (ParquetFile f = ParquetFile.open(file)) {
            assertEquals(1000, f.rowCount());
            assertEquals(4, f.rowGroupCount());
            assertEquals("optional BYTE_ARRAY name (STRING)", f.columns().get(0).describe());
            assertEquals("required INT32 fixed", f.columns().get(3).describe());
            int row = 0;
            for (int g = 0; g < f.rowGroupCount(); g++) {
                ColumnChunkReader name = f.readColumn(g, f.column("name").orElseThrow());
                ColumnChunkReader count = f.readColumn(g, f.column("count").orElseThrow());
                ColumnChunkReader blob = f.readColumn(g, f.column("blob").orElseThrow());
                ColumnChunkReader fixed = f.readColumn(g, f.column("fixed").orElseThrow());
                for (long i = 0; i < f.rowGroupRows(g); i++, row++) {
                    Object[] expected = rows.get(row);
                    name.next();
                    count.next();
                    blob.next();
                    fixed.next();
                    byte[] n = name.binary();
                    assertEquals(expected[0], n == null ? null : new String(n, StandardCharsets.UTF_8), "row " + row);
                    assertEquals(expected[1] == null, count.isNull(), "row " + row);
                    if (expected[1] != null) {
                        assertEquals(expected[1], count.int32(), "row " + row);
                    }
                    assertArrayEquals((byte[]) expected[2], blob.binary(), "row " + row);
                    assertEquals(expected[3], fixed.int32(), "row " + row);
                }
                assertEquals(0, name.remaining());
            }
            assertEquals(1000, row);
        }
    }

    @Test
    void refusesAFileThatIsNotParquet() throws IOException {
        Path file = dir.resolve("items.csv");
        Files.writeString(file, "item_key,vector\na,1\n");
        ParquetException e = assertThrows(ParquetException.class, () -> ParquetFile.open(file));
        assertTrue(e.getMessage().contains("items.csv") && e.getMessage().contains("is not a Parquet file"),
                e.getMessage());
    }

    @Test
    void refusesATruncatedFileWithoutReadingIt() throws IOException {
        Path file = write("cut.parquet", ParquetTestWriter.Layout.SPARK_DEFAULT, rows(500), 200);
        byte[] whole = Files.readAllBytes(file);
        for (int keep : new int[] {whole.length - 1, whole.length / 2, 5}) {
            Files.write(file, java.util.Arrays.copyOf(whole, keep));
            ParquetException e = assertThrows(ParquetException.class, () -> ParquetFile.open(file));
            assertTrue(e.getMessage().contains("cut.parquet") && e.getMessage().contains("cut short"), e.getMessage());
        }
    }

    @Test
    void aDamagedPageIsReportedNotMisread() throws IOException {
        Path file = write("bad.parquet", new ParquetTestWriter.Layout(1, false, true, 50), rows(200), 200);
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 40; i < 400; i++) {
            bytes[i] = (byte) 0xff; // inside the first column's pages
        }
        Files.write(file, bytes);
        try (ParquetFile f = ParquetFile.open(file)) {
            ColumnChunkReader name = f.readColumn(0, f.column("name").orElseThrow());
            ParquetException e = assertThrows(ParquetException.class, () -> {
                for (int i = 0; i < 200; i++) {
                    name.next();
                    name.binary();
                }
            });
            assertTrue(e.getMessage().contains("bad.parquet") && e.getMessage().contains("damaged"), e.getMessage());
        }
    }

    @Test
    void aNullOnlyPageHasNoValues() throws IOException {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(new Object[] {null, null, null, 1});
        }
        Path file = write("nulls.parquet", new ParquetTestWriter.Layout(1, true, true, 40), rows, 100);
        try (ParquetFile f = ParquetFile.open(file)) {
            ColumnChunkReader name = f.readColumn(0, f.column("name").orElseThrow());
            for (int i = 0; i < 100; i++) {
                name.next();
                assertNull(name.binary());
            }
        }
    }

    @Test
    void aChunkWhoseDictionaryOverflowsMixesDictionaryAndPlainPages() throws IOException {
        Random random = new Random(3);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            byte[] blob = new byte[1000];
            random.nextBytes(blob);
            rows.add(new Object[] {"k" + i, i, blob, 0});
        }
        Path file = write("mixed.parquet", new ParquetTestWriter.Layout(1, true, true, 100), rows, 3000);
        try (ParquetFile f = ParquetFile.open(file)) {
            ColumnChunkReader blob = f.readColumn(0, f.column("blob").orElseThrow());
            for (Object[] r : rows) {
                blob.next();
                assertArrayEquals((byte[]) r[2], blob.binary());
            }
        }
    }
}
