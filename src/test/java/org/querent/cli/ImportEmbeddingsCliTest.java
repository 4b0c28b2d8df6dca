package org.querent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.TestData;
import org.querent.interop.parquet.ParquetTestWriter;
import org.querent.interop.parquet.ParquetTestWriter.Column;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.store.EmbeddingRepository.Embedding;
import org.querent.store.ItemRecord;

/** The command end to end: score one project, hand its vectors over as Parquet, import them into another. */
class ImportEmbeddingsCliTest {
    @TempDir
    Path dir;

    private Path project(String name) {
        Path data = dir.resolve(name + "-data");
        TestData.copyEmails(data, 2); // 12 emails
        Path file = dir.resolve(name + ".querent");
        assertEquals(0, CliRun.of("init", file.toString(), "--data", data.toString(), "--model", "builtin:minilm",
                "--labels", String.join(",", TestData.emailLabels())).code());
        assertEquals(0, CliRun.of("import", file.toString()).code());
        return file;
    }

    @Test
    void importsAScoredProjectsVectorsAndRefusesAnotherModels() throws Exception {
        Path scored = project("cluster");
        assertEquals(0, CliRun.of("score", scored.toString()).code());
        Path parquet = dir.resolve("out").resolve("part-00000.parquet");
        Files.createDirectories(parquet.getParent());
        Path foreign = dir.resolve("foreign.parquet");
        List<Column> schema = List.of(Column.string("item_key"), Column.string("content_hash"),
                Column.string("model_hash"), Column.int32("dim"), Column.bytes("vector"));
        try (Project p = new ProjectService(Clock.systemUTC()).open(scored);
             ParquetTestWriter w = new ParquetTestWriter(parquet, schema, ParquetTestWriter.Layout.SPARK_DEFAULT, 5);
             ParquetTestWriter f = new ParquetTestWriter(foreign, schema, ParquetTestWriter.Layout.SPARK_DEFAULT, 5)) {
            String hash = p.meta().get("last_model_hash").orElseThrow();
            Map<String, Embedding> all = p.embeddings().all(hash);
            for (ItemRecord item : p.items().inState("active")) {
                float[] v = all.get(item.contentHash()).vector();
                ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(v);
                w.row(item.key(), item.contentHash(), hash, v.length, b.array());
                f.row(item.key(), item.contentHash(), "f".repeat(64), v.length, b.array());
            }
        }
        Path laptop = project("laptop");
        CliRun run = CliRun.of("import-embeddings", laptop.toString(), parquet.getParent().toString());
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("read 12 rows from 1 file") && run.out().contains("12 embeddings stored"), run.out());
        CliRun again = CliRun.of("import-embeddings", laptop.toString(), parquet.toString());
        assertTrue(again.out().contains("0 embeddings stored, 12 were stored already"), again.toString());
        assertTrue(CliRun.of("status", laptop.toString()).code() == 0);

        Path other = project("other");
        CliRun refused = CliRun.of("import-embeddings", other.toString(), foreign.toString());
        assertTrue(refused.code() != 0, refused.toString());
        assertTrue(refused.err().contains("error:") && refused.err().contains("f".repeat(64))
                && refused.err().contains("nothing was imported"), refused.toString());
    }
}
