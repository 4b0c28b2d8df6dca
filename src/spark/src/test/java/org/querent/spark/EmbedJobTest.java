package org.querent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.ErrorKind;
import org.querent.common.Hashes;
import org.querent.common.QuerentException;
import org.querent.ingest.DatasetScanner;
import org.querent.ingest.ScanOptions;
import org.querent.ingest.ScannedItem;
import org.querent.runtime.EmbeddingModel;
import org.querent.runtime.ModelInput;
import org.querent.runtime.ModelLoader;

/** The job in Spark local mode against the app's own scanner and model, on real texts. */
class EmbedJobTest {
    private static final String MODEL = "builtin:minilm";
    private static SparkSession spark;

    @TempDir
    Path temp;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start();
        OrtBootstrap.ensureEnvironment(); // the test's own models open on the main thread
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void embedsTheSampleEmailsWithTheAppsKeysHashesAndVectors() throws Exception {
        Path data = LocalSpark.repositoryRoot().resolve("sample-projects/emails/data");
        Path out = temp.resolve("emails.parquet");
        EmbedJob.Summary summary = EmbedJob.run(spark, settings(data.toString(), JobSettings.Format.FOLDER, null,
                null, out, 3));

        Map<String, ScannedItem> scanned = new HashMap<>();
        new DatasetScanner().scan(data, ScanOptions.defaults(), item -> scanned.put(item.key(), item));
        List<Row> rows = LocalSpark.readParquet(spark, out);
        assertEquals(300, scanned.size());
        assertEquals(scanned.size(), rows.size(), "one row per item of the folder");
        assertEquals(300, summary.embedded());
        assertEquals(0, summary.skipped());
        assertEquals(List.of(EmbeddingSchema.ITEM_KEY, EmbeddingSchema.CONTENT_HASH, EmbeddingSchema.MODEL_HASH,
                EmbeddingSchema.DIM, EmbeddingSchema.VECTOR), List.of(spark.read().parquet(out.toString()).columns()));
        try (EmbeddingModel app = ModelLoader.open(MODEL, Path.of(""))) {
            assertEquals(app.info().hash(), summary.modelHash());
            double worst = 0;
            for (Row row : rows) {
                ScannedItem item = scanned.get(row.getString(0));
                assertTrue(item != null, "key " + row.getString(0) + " is one the app's scan forms");
                assertEquals(item.contentHash(), row.getString(1));
                assertEquals(app.info().hash(), row.getString(2));
                assertEquals(384, row.getInt(3));
                float[] spark = EmbeddingSchema.fromBytes((byte[]) row.get(4), row.getInt(3));
                float[] expected = app.embed(List.of(ModelInput.text(item.text()))).embeddings()[0];
                worst = Math.max(worst, maxDifference(expected, spark));
            }
            assertTrue(worst <= 1e-5, "vectors equal the app's within 1e-5, worst " + worst);
        }
    }

    @Test
    void keysFolderFilesAndCsvRowsAsTheAppsImportDoesAndSkipsWhatItQuarantines() throws Exception {
        Path data = temp.resolve("data");
        Files.createDirectories(data.resolve("spam"));
        Files.createDirectories(data.resolve(".hidden"));
        Files.writeString(data.resolve("spam/offer.txt"), "Win a free cruise, reply now");
        Files.writeString(data.resolve("note.md"), "# Standup\nShip the importer on Friday.");
        Files.writeString(data.resolve("empty.txt"), "");
        Files.writeString(data.resolve("table.csv"), "id,text\n1,first row\n2,\"second, quoted\"\n");
        Files.writeString(data.resolve("readme.xyz"), "not a dataset file");
        Files.writeString(data.resolve(".hidden/secret.txt"), "never read");
        Path out = temp.resolve("out.parquet");
        EmbedJob.Summary summary = EmbedJob.run(spark, settings(data.toString(), JobSettings.Format.FOLDER, null,
                null, out, 2));

        Map<String, ScannedItem> scanned = new HashMap<>();
        new DatasetScanner().scan(data, ScanOptions.defaults(), item -> {
            if (!item.quarantined()) {
                scanned.put(item.key(), item);
            }
        });
        Map<String, String> hashes = new HashMap<>();
        LocalSpark.readParquet(spark, out).forEach(row -> hashes.put(row.getString(0), row.getString(1)));
        assertEquals(Map.of("spam/offer.txt", scanned.get("spam/offer.txt").contentHash(),
                "note.md", scanned.get("note.md").contentHash(),
                "table.csv#0", scanned.get("table.csv#0").contentHash(),
                "table.csv#1", scanned.get("table.csv#1").contentHash()), hashes);
        assertEquals(4, summary.embedded());
        assertEquals(2, summary.skipped(), "the empty file and the .xyz file are counted, not lost silently");
    }

    @Test
    void embedsATableOfTextsKeyedByItsKeyColumn() throws Exception {
        Path table = temp.resolve("mails.jsonl");
        Files.writeString(table, "{\"id\":\"m-1\",\"body\":\"Lunch on Tuesday?\"}\n"
                + "{\"id\":\"m-2\",\"body\":\"Your parcel is held at customs\"}\n{\"id\":\"m-3\",\"body\":\"  \"}\n",
                StandardCharsets.UTF_8);
        Path out = temp.resolve("table.parquet");
        JobSettings settings = new JobSettings(MODEL, table.toString(), JobSettings.Format.JSONL, "body", null, null,
                "id", null, out.toString(), 2, 1, null, 0, 0);
        EmbedJob.Summary summary = EmbedJob.run(spark, settings);

        assertEquals(2, summary.embedded());
        assertEquals(1, summary.skipped(), "the blank text");
        try (EmbeddingModel app = ModelLoader.open(MODEL, Path.of(""))) {
            for (Row row : LocalSpark.readParquet(spark, out)) {
                String text = row.getString(0).equals("m-1") ? "Lunch on Tuesday?" : "Your parcel is held at customs";
                assertEquals(Hashes.sha256Hex(text.getBytes(StandardCharsets.UTF_8)), row.getString(1));
                float[] expected = app.embed(List.of(ModelInput.text(text))).embeddings()[0];
                assertTrue(maxDifference(expected, EmbeddingSchema.fromBytes((byte[]) row.get(4), 384)) <= 1e-5);
            }
        }
    }

    @Test
    void badInputSaysWhatToDo() throws Exception {
        QuerentException missing = assertThrows(QuerentException.class, () -> EmbedJob.run(spark,
                settings(temp.resolve("nowhere").toString(), JobSettings.Format.FOLDER, null, null,
                        temp.resolve("o1"), 1)));
        assertEquals(ErrorKind.NOT_FOUND, missing.kind());
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());

        Path table = temp.resolve("t.jsonl");
        Files.writeString(table, "{\"text\":\"hello\"}\n");
        QuerentException column = assertThrows(QuerentException.class, () -> EmbedJob.run(spark,
                settings(table.toString(), JobSettings.Format.JSONL, "body", null, temp.resolve("o2"), 1)));
        assertEquals(ErrorKind.USAGE, column.kind());
        assertTrue(column.getMessage().contains("has no column 'body'; it has text"), column.getMessage());
        assertFalse(Files.exists(temp.resolve("o2")), "nothing written");

        QuerentException model = assertThrows(QuerentException.class, () -> EmbedJob.run(spark,
                new JobSettings(temp.resolve("no-model.json").toString(), table.toString(), JobSettings.Format.JSONL,
                        "text", null, null, null, null, temp.resolve("o3").toString(), 1, 1, null, 0, 0)));
        assertEquals(ErrorKind.NOT_FOUND, model.kind());

        QuerentException usage = assertThrows(QuerentException.class,
                () -> JobSettings.parse(new String[] {"--model", MODEL, "--inptu", "x", "--output", "y"}));
        assertTrue(usage.getMessage().contains("unknown argument '--inptu'"), usage.getMessage());
        QuerentException noColumn = assertThrows(QuerentException.class,
                () -> JobSettings.parse(new String[] {"--model", MODEL, "--input", "x.parquet", "--output", "y"}));
        assertTrue(noColumn.getMessage().contains("needs --text-column"), noColumn.getMessage());
    }

    static JobSettings settings(String input, JobSettings.Format format, String textColumn, String head, Path out,
                                int partitions) {
        return new JobSettings(MODEL, input, format, textColumn, null, null, null, null, out.toString(), partitions,
                1, head, 20, 80);
    }

    static double maxDifference(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }
}
