package org.querent.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.querent.common.Cancellation;
import org.querent.interop.parquet.ParquetColumn;
import org.querent.interop.parquet.ParquetFile;

/**
 * A real file written by Spark 4.0.2 (parquet-mr 1.15.2) with Querent's Spark job, read back value for value
 * against the values the job recorded beside it (see the fixture's README.txt).
 */
class SparkEmbeddingsGoldenTest {
    static final Path FIXTURE = Path.of("src/test/resources/org/querent/interop/spark-embeddings");
    static final Path PART = FIXTURE.resolve("part-00000.snappy.parquet");

    static Map<String, String[]> expected() throws IOException {
        Map<String, String[]> out = new HashMap<>();
        for (String line : Files.readAllLines(FIXTURE.resolve("expected.tsv")).subList(1, 24)) {
            String[] f = line.split("\t");
            out.put(f[0], f);
        }
        return out;
    }

    @Test
    void theFooterSaysWhatSparkWrote() {
        try (ParquetFile f = ParquetFile.open(PART)) {
            assertEquals(List.of("required BYTE_ARRAY item_key (STRING)", "required BYTE_ARRAY content_hash (STRING)",
                    "required BYTE_ARRAY model_hash (STRING)", "required INT32 dim", "required BYTE_ARRAY vector"),
                    f.columns().stream().map(ParquetColumn::describe).collect(Collectors.toList()));
            assertEquals(10, f.rowCount());
            assertEquals(1, f.rowGroupCount());
            assertTrue(f.createdBy().startsWith("parquet-mr version 1.15.2"), f.createdBy());
        }
    }

    @Test
    void everyRowMatchesWhatTheJobRecorded() throws IOException {
        Map<String, String[]> expected = expected();
        int[] rows = {0};
        try (EmbeddingParquet file = EmbeddingParquet.open(PART)) {
            file.forEach(row -> {
                String[] e = expected.get(row.itemKey());
                assertTrue(e != null, "unexpected key " + row.itemKey());
                assertEquals(e[1], row.contentHash());
                assertEquals(e[2], new String(row.modelHashBytes(), java.nio.charset.StandardCharsets.UTF_8));
                assertEquals(Integer.parseInt(e[3]), row.dim());
                byte[] vector = row.vector();
                assertEquals(4 * row.dim(), vector.length);
                ByteBuffer b = ByteBuffer.wrap(vector).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < 3; i++) {
                    assertEquals(Float.parseFloat(e[4 + i]), b.getFloat(), 0f, row.itemKey() + " v" + i);
                }
                rows[0]++;
            }, Cancellation.none());
        }
        assertEquals(10, rows[0]);
    }
}
