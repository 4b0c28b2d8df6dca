package org.querent.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.TestData;
import org.querent.common.Cancellation;
import org.querent.common.ErrorKind;
import org.querent.common.ProgressListener;
import org.querent.common.QuerentException;
import org.querent.interop.parquet.ParquetTestWriter;
import org.querent.interop.parquet.ParquetTestWriter.Column;
import org.querent.project.Project;
import org.querent.project.ProjectService;
import org.querent.project.ProjectService.NewProject;
import org.querent.store.EmbeddingRepository.Embedding;
import org.querent.store.ItemRecord;
import org.querent.store.LabelDefinition;

/**
 * Embeddings scored in one project, written as the Spark job's Parquet, imported into a fresh copy: the same
 * vectors as score stored, nothing twice, and every bad input refused whole with a message that says why.
 */
class EmbeddingImportServiceTest {
    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    /** One scored project: its model hash, dimension, and per item (key, content hash, float32 vector). */
    static String modelHash;
    static int dimension;
    static List<Object[]> scored = new ArrayList<>();

    static final List<Column> SCHEMA = List.of(Column.string("item_key"), Column.string("content_hash"),
            Column.string("model_hash"), Column.int32("dim"), Column.bytes("vector"));

    @BeforeAll
    static void scoreOnce() {
        Path file = newProject(shared, "scored");
        try (Project p = new ProjectService(Clock.systemUTC()).open(file); ModelSession model = new ModelSession(p)) {
            new ScoringService(p, model).score(8, ProgressListener.NONE, Cancellation.none());
            modelHash = model.hash();
            Map<String, Embedding> all = p.embeddings().all(modelHash);
            for (ItemRecord item : p.items().inState("active")) {
                float[] v = all.get(item.contentHash()).vector();
                dimension = v.length;
                scored.add(new Object[] {item.key(), item.contentHash(), v});
            }
        }
    }

    static Path newProject(Path in, String name) {
        Path data = in.resolve(name + "-data");
        TestData.copyEmails(data, 4); // 24 emails
        Path file = in.resolve(name + ".querent");
        List<LabelDefinition> labels = TestData.emailLabels().stream().map(l -> new LabelDefinition(l, "", null)).toList();
        try (Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(file, data,
                "builtin:minilm", labels, false, null))) {
            new ImportService(project).run(false, ProgressListener.NONE, Cancellation.none());
        }
        return file;
    }

    static byte[] le(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    /** The scored rows as Parquet, with a hook to change single rows; layout like Spark's defaults. */
    private Path parquet(String name, java.util.function.Function<Object[], Object[]> change) throws IOException {
        Path file = dir.resolve(name);
        try (ParquetTestWriter w = new ParquetTestWriter(file, SCHEMA, ParquetTestWriter.Layout.SPARK_DEFAULT, 10)) {
            for (Object[] s : scored) {
                float[] v = (float[]) s[2];
                w.row(change.apply(new Object[] {s[0], s[1], modelHash, v.length, le(v)}));
            }
        }
        return file;
    }

    private Path parquet(String name) throws IOException {
        return parquet(name, r -> r);
    }

    private EmbeddingImportService.Report importInto(Path project, Path... files) {
        try (Project p = new ProjectService(Clock.systemUTC()).open(project); ModelSession model = new ModelSession(p)) {
            return new EmbeddingImportService(p, model).importFiles(List.of(files), ProgressListener.NONE,
                    Cancellation.none());
        }
    }

    private int stored(Path project) {
        try (Project p = new ProjectService(Clock.systemUTC()).open(project)) {
            return p.embeddings().count(modelHash);
        }
    }

    @Test
    void importedVectorsAreTheOnesScoreStoredAndASecondImportAddsNothing() throws IOException {
        Path project = newProject(dir, "fresh");
        Path file = parquet("part-00000.parquet");
        EmbeddingImportService.Report first = importInto(project, file);
        assertEquals(24, first.rows());
        assertEquals(24, first.stored());
        assertEquals(0, first.stillMissing());
        try (Project p = new ProjectService(Clock.systemUTC()).open(project)) {
            Map<String, Embedding> all = p.embeddings().all(modelHash);
            for (Object[] s : scored) {
                // score stored float16; float16 -> float32 -> float16 is exact, so the vectors are identical.
                assertArrayEquals((float[]) s[2], all.get((String) s[1]).vector(), 0f, (String) s[0]);
            }
        }
        EmbeddingImportService.Report second = importInto(project, file);
        assertEquals(0, second.stored());
        assertEquals(24, second.alreadyStored());
        assertEquals(24, stored(project));
    }

    @Test
    void rowsOfItemsNotInTheProjectAreCountedAndNamed() throws IOException {
        Path project = newProject(dir, "fresh");
        Path file = dir.resolve("extra.parquet");
        try (ParquetTestWriter w = new ParquetTestWriter(file, SCHEMA, ParquetTestWriter.Layout.SPARK_DEFAULT, 100)) {
            for (int i = 0; i < 7; i++) {
                Object[] s = scored.get(i);
                w.row(s[0], s[1], modelHash, dimension, le((float[]) s[2]));
                w.row("elsewhere/" + i + ".txt", "f".repeat(63) + i, modelHash, dimension, le((float[]) s[2]));
            }
            w.row("no-vector.txt", "e".repeat(64), modelHash, null, null);
        }
        EmbeddingImportService.Report r = importInto(project, file);
        assertEquals(7, r.stored());
        assertEquals(7, r.withoutItem());
        assertEquals(List.of("elsewhere/0.txt", "elsewhere/1.txt", "elsewhere/2.txt", "elsewhere/3.txt",
                "elsewhere/4.txt"), r.firstWithoutItem());
        assertEquals(1, r.withoutVector());
        assertEquals(17, r.stillMissing());
    }

    @Test
    void aFolderStandsForItsParquetParts() throws IOException {
        Path project = newProject(dir, "fresh");
        Path out = Files.createDirectories(dir.resolve("spark-out"));
        Files.move(parquet("part-00000.parquet"), out.resolve("part-00000.parquet"));
        Files.writeString(out.resolve("_SUCCESS"), "");
        Files.writeString(out.resolve(".part-00000.parquet.crc"), "crc");
        assertEquals(24, importInto(project, out).stored());
    }

    @Test
    void anotherModelsEmbeddingsAreRefusedNamingBothModels() throws IOException {
        Path project = newProject(dir, "fresh");
        String other = "0".repeat(64);
        Path file = parquet("other.parquet", r -> r[0].equals(scored.get(20)[0]) ? new Object[] {r[0], r[1], other,
                r[3], r[4]} : r);
        QuerentException e = assertThrows(QuerentException.class, () -> importInto(project, file));
        assertEquals(ErrorKind.MODEL, e.kind());
        assertTrue(e.getMessage().contains(other) && e.getMessage().contains(modelHash)
                && e.getMessage().contains("other.parquet") && e.getMessage().contains("row 20"), e.getMessage());
        assertEquals(0, stored(project), "the 20 good rows before it were rolled back with it");
    }

    @Test
    void aWrongDimensionIsRefusedAndNothingIsImported() throws IOException {
        Path project = newProject(dir, "fresh");
        Path file = parquet("dim.parquet", r -> r[0].equals(scored.get(23)[0])
                ? new Object[] {r[0], r[1], r[2], 512, le(new float[512])} : r);
        QuerentException e = assertThrows(QuerentException.class, () -> importInto(project, file));
        assertTrue(e.getMessage().contains("dim 512") && e.getMessage().contains(dimension + "-d")
                && e.getMessage().contains("nothing was imported"), e.getMessage());
        assertEquals(0, stored(project));
        Path short_ = parquet("short.parquet", r -> r[0].equals(scored.get(3)[0])
                ? new Object[] {r[0], r[1], r[2], r[3], new byte[12]} : r);
        e = assertThrows(QuerentException.class, () -> importInto(project, short_));
        assertTrue(e.getMessage().contains("12 bytes"), e.getMessage());
        assertEquals(0, stored(project));
    }

    @Test
    void aMissingColumnIsNamedWithTheSchemaItNeeds() throws IOException {
        Path project = newProject(dir, "fresh");
        Path file = dir.resolve("nodim.parquet");
        try (ParquetTestWriter w = new ParquetTestWriter(file, List.of(Column.string("item_key"),
                Column.string("content_hash"), Column.string("model_hash"), Column.bytes("vector")),
                ParquetTestWriter.Layout.SPARK_DEFAULT, 10)) {
            w.row("a", "b", modelHash, new byte[4]);
        }
        QuerentException e = assertThrows(QuerentException.class, () -> importInto(project, parquet("good.parquet"), file));
        assertTrue(e.getMessage().contains("nodim.parquet") && e.getMessage().contains("has no column dim")
                && e.getMessage().contains("vector binary"), e.getMessage());
        assertEquals(0, stored(project), "every file is checked before anything is written");
    }

    @Test
    void aTruncatedFileOrAnotherFormatIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path project = newProject(dir, "fresh");
        Path good = parquet("good.parquet");
        Path cut = dir.resolve("cut.parquet");
        byte[] bytes = Files.readAllBytes(good);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        QuerentException e = assertThrows(QuerentException.class, () -> importInto(project, good, cut));
        assertTrue(e.getMessage().contains("cut.parquet") && e.getMessage().contains("cut short"), e.getMessage());
        Path csv = Files.writeString(dir.resolve("vectors.csv"), "item_key,vector\n");
        e = assertThrows(QuerentException.class, () -> importInto(project, good, csv));
        assertTrue(e.getMessage().contains("vectors.csv") && e.getMessage().contains("not a Parquet file"), e.getMessage());
        assertEquals(0, stored(project));
    }

    @Test
    void aCancelledImportLeavesTheProjectAsItWas() throws IOException {
        Path project = newProject(dir, "fresh");
        Path file = parquet("part.parquet");
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        try (Project p = new ProjectService(Clock.systemUTC()).open(project); ModelSession model = new ModelSession(p)) {
            EmbeddingImportService.Report r = new EmbeddingImportService(p, model).importFiles(List.of(file),
                    ProgressListener.NONE, cancel);
            assertTrue(r.cancelled());
            assertEquals(0, r.stored());
        }
        assertEquals(0, stored(project));
        assertFalse(importInto(project, file).cancelled());
        assertEquals(24, stored(project));
    }

    @Test
    void rowsBeyondOneInsertBatchAreAllSortedOut() throws IOException {
        Path project = newProject(dir, "fresh");
        Path file = dir.resolve("big.parquet");
        try (ParquetTestWriter w = new ParquetTestWriter(file, SCHEMA, ParquetTestWriter.Layout.SPARK_DEFAULT, 700)) {
            for (int i = 0; i < 2500; i++) {
                Object[] s = scored.get(i % scored.size());
                boolean known = i % 100 == 0 && i / 100 < scored.size();
                w.row(known ? s[0] : "x" + i, known ? scored.get(i / 100)[1] : String.format("%064x", i), modelHash,
                        dimension, le((float[]) s[2]));
            }
        }
        EmbeddingImportService.Report r = importInto(project, file);
        assertEquals(2500, r.rows());
        assertEquals(24, r.stored());
        assertEquals(2476, r.withoutItem());
        assertEquals(0, r.stillMissing());
    }

    /** A project made by Querent from the data the real Spark job embedded, before any scoring. */
    private Path sparkFixtureProject(String name) throws IOException {
        Path fixture = Path.of("src/test/resources/org/querent/interop/spark-embeddings");
        Path data = dir.resolve(name + "-data");
        try (var files = Files.walk(fixture.resolve("data"))) {
            for (Path f : files.toList()) {
                Path target = data.resolve(fixture.resolve("data").relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        Path file = dir.resolve(name + ".querent");
        try (Project project = new ProjectService(Clock.systemUTC()).create(new NewProject(file, data,
                "builtin:minilm", List.of(new LabelDefinition("a", "", null), new LabelDefinition("b", "", null)),
                false, null))) {
            new ImportService(project).run(false, ProgressListener.NONE, Cancellation.none());
        }
        return file;
    }

    @Test
    void realSparkOutputImportsAsTheVectorsScoreWouldStore() throws IOException {
        Path laptop = sparkFixtureProject("laptop");
        EmbeddingImportService.Report r = importInto(laptop,
                Path.of("src/test/resources/org/querent/interop/spark-embeddings/part-00000.snappy.parquet"));
        assertEquals(10, r.stored(), "one of the job's two part files: 10 of the 23 items");
        assertEquals(0, r.withoutItem());
        assertEquals(13, r.stillMissing());
        Path reference = sparkFixtureProject("reference");
        try (Project a = new ProjectService(Clock.systemUTC()).open(laptop); ModelSession ma = new ModelSession(a);
             Project b = new ProjectService(Clock.systemUTC()).open(reference); ModelSession mb = new ModelSession(b)) {
            assertEquals(13, new ScoringService(a, ma).score(8, ProgressListener.NONE, Cancellation.none()).scored(),
                    "score does only what the import left");
            new ScoringService(b, mb).score(8, ProgressListener.NONE, Cancellation.none());
            Map<String, Embedding> imported = a.embeddings().all(ma.hash());
            Map<String, Embedding> scoredHere = b.embeddings().all(mb.hash());
            assertEquals(23, imported.size());
            assertEquals(scoredHere.keySet(), imported.keySet());
            for (String hash : scoredHere.keySet()) {
                assertArrayEquals(scoredHere.get(hash).vector(), imported.get(hash).vector(), 1e-5f, hash);
            }
        }
    }

    @Test
    void aCancelPartWayRollsBackWhatWasAlreadyStored() throws IOException {
        Path project = newProject(dir, "fresh");
        Path file = dir.resolve("long.parquet");
        try (ParquetTestWriter w = new ParquetTestWriter(file, SCHEMA, ParquetTestWriter.Layout.SPARK_DEFAULT, 2000)) {
            for (int i = 0; i < 10_000; i++) {
                Object[] s = scored.get(i % scored.size());
                w.row(s[0], i < scored.size() ? s[1] : String.format("%064x", i), modelHash, dimension,
                        le((float[]) s[2]));
            }
        }
        Cancellation cancel = new Cancellation();
        try (Project p = new ProjectService(Clock.systemUTC()).open(project); ModelSession model = new ModelSession(p)) {
            EmbeddingImportService.Report r = new EmbeddingImportService(p, model).importFiles(List.of(file),
                    (done, total, message) -> {
                        if (done >= 4096) {
                            cancel.cancel(); // the 24 known rows at the start went to SQLite long before this
                        }
                    }, cancel);
            assertTrue(r.cancelled());
            assertTrue(r.rows() >= 4096 && r.rows() < 10_000, "stopped part way: " + r.rows());
        }
        assertEquals(0, stored(project));
    }
}
