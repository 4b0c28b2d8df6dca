package org.querent.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.cli.Cli;
import org.querent.runtime.ModelLoader;
import org.querent.store.Database;
import org.querent.store.EmbeddingRepository;

/**
 * The bar of issue 12 item 4: the sample project embedded by the job and loaded with {@code querent import-embeddings}
 * queues exactly as the same project scored by {@code querent score}, and its stored vectors are the same.
 */
class ImportMatchesScoreTest {
    private static SparkSession spark;

    @TempDir
    Path temp;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start();
        OrtBootstrap.ensureEnvironment();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void aProjectFedTheJobsParquetQueuesLikeOneScoredByTheApp() throws Exception {
        Path sample = LocalSpark.repositoryRoot().resolve("sample-projects/emails");
        Path data = sample.resolve("data");
        Path scored = temp.resolve("scored.querent");
        Path imported = temp.resolve("imported.querent");
        for (Path project : new Path[] {scored, imported}) {
            cli("init", project.toString(), "--data", data.toString(), "--model", "builtin:minilm",
                    "--labels-file", sample.resolve("labels.txt").toString());
            cli("import", project.toString());
        }
        cli("score", scored.toString());

        Path parquet = temp.resolve("emails.parquet");
        EmbedJob.run(spark, EmbedJobTest.settings(data.toString(), JobSettings.Format.FOLDER, null, null, parquet, 3));
        String report = cli("import-embeddings", imported.toString(), parquet.toString());
        assertTrue(report.contains("300 embeddings stored"), report);

        String hash = ModelLoader.resolveHash("builtin:minilm", Path.of(""));
        Map<String, float[]> fromScore = stored(scored, hash);
        Map<String, float[]> fromSpark = stored(imported, hash);
        assertEquals(300, fromScore.size());
        assertEquals(fromScore.keySet(), fromSpark.keySet());
        fromScore.forEach((content, vector) -> assertArrayEquals(vector, fromSpark.get(content), 1e-5f,
                "stored vector of " + content));
        Map<String, float[]> written = new HashMap<>();
        for (Row row : LocalSpark.readParquet(spark, parquet)) {
            written.put(row.getString(1), EmbeddingSchema.fromBytes((byte[]) row.get(4), row.getInt(3)));
        }
        // The project keeps float16 (ADR 0017): the job's float32 rounds to what score stored.
        fromScore.forEach((content, vector) -> assertArrayEquals(vector, written.get(content), 2e-3f));

        for (Path project : new Path[] {scored, imported}) {
            cli("label", project.toString(), "--from", sample.resolve("first-labels.tsv").toString());
            cli("train", project.toString());
        }
        for (String strategy : new String[] {"margin", "entropy"}) {
            String fromScoreQueue = cli("queue", scored.toString(), "--strategy", strategy, "--size", "40");
            String fromSparkQueue = cli("queue", imported.toString(), "--strategy", strategy, "--size", "40");
            assertTrue(fromScoreQueue.lines().count() >= 40, fromScoreQueue);
            assertEquals(fromScoreQueue, fromSparkQueue, strategy + " queue");
        }
    }

    private static Map<String, float[]> stored(Path project, String modelHash) {
        try (Database db = Database.openReader(project)) {
            Map<String, float[]> out = new HashMap<>();
            new EmbeddingRepository(db, Clock.systemUTC()).all(modelHash).forEach((k, v) -> out.put(k, v.vector()));
            return out;
        }
    }

    /** Runs a querent command in this JVM, on a large-stack thread as the launcher does; fails on a non-zero exit. */
    static String cli(String... args) throws InterruptedException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread thread = new Thread(null, () -> code.set(Cli.run(args, new PrintWriter(out), new PrintWriter(err))),
                "querent-cli", 16L << 20);
        thread.start();
        thread.join();
        assertEquals(0, code.get(), "querent " + String.join(" ", args) + " failed: " + err + out);
        return out.toString();
    }
}
