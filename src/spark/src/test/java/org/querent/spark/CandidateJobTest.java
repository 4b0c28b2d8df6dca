package org.querent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.common.ErrorKind;
import org.querent.common.QuerentException;
import org.querent.ingest.DatasetScanner;
import org.querent.ingest.ScanOptions;
import org.querent.ingest.ScannedItem;
import org.querent.runtime.EmbeddingModel;
import org.querent.runtime.ModelInput;
import org.querent.runtime.ModelLoader;
import org.querent.runtime.ModelOutput;

/** Candidate mode on the sample emails under a head the app trained and exported. */
class CandidateJobTest {
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
    void writesTheMostUncertainDiverseItemsAsADatasetTheLaptopImportsWithTheirVectors() throws Exception {
        Path sample = LocalSpark.repositoryRoot().resolve("sample-projects/emails");
        Path data = sample.resolve("data");
        Path project = temp.resolve("emails.querent");
        String labels = sample.resolve("labels.txt").toString();
        ImportMatchesScoreTest.cli("init", project.toString(), "--data", data.toString(), "--labels-file", labels);
        ImportMatchesScoreTest.cli("import", project.toString());
        ImportMatchesScoreTest.cli("score", project.toString());
        ImportMatchesScoreTest.cli("label", project.toString(), "--from", sample.resolve("first-labels.tsv").toString());
        ImportMatchesScoreTest.cli("train", project.toString());
        Path head = temp.resolve("head");
        ImportMatchesScoreTest.cli("export-model", project.toString(), "--out", head.toString());

        Path out = temp.resolve("candidates");
        EmbedJob.Summary summary = CandidateJob.run(spark, EmbedJobTest.settings(data.toString(),
                JobSettings.Format.FOLDER, null, head.toString(), out, 3));
        assertEquals(20, summary.embedded());

        List<Row> rows = LocalSpark.readParquet(spark, out.resolve("embeddings"));
        Map<String, ScannedItem> laptop = new HashMap<>();
        new DatasetScanner().scan(out.resolve("items"), ScanOptions.defaults(), i -> laptop.put(i.key(), i));
        assertEquals(20, rows.size());
        assertEquals(20, laptop.size(), "the items folder holds exactly the candidates");
        assertEquals(21, Files.readAllLines(out.resolve("candidates.tsv")).size(), "a header and 20 ranks");

        Map<String, Double> margins = new HashMap<>();
        List<Double> allMargins = new ArrayList<>();
        Map<String, ScannedItem> source = new HashMap<>();
        new DatasetScanner().scan(data, ScanOptions.defaults(), i -> source.put(i.contentHash(), i));
        try (EmbeddingModel model = ModelLoader.open("builtin:minilm", Path.of(""));
             EmbeddingModel exported = ModelLoader.open(head.toString(), Path.of(""))) {
            for (ScannedItem item : source.values()) {
                ModelOutput o = exported.embed(List.of(ModelInput.text(item.text())));
                double m = CandidateSelection.margin(o.classScores()[0], false);
                margins.put(item.contentHash(), m);
                allMargins.add(m);
            }
            for (Row row : rows) {
                ScannedItem there = laptop.get(row.getString(0));
                assertTrue(there != null, "key " + row.getString(0) + " is what importing items/ forms");
                assertEquals(there.contentHash(), row.getString(1));
                assertEquals(model.info().hash(), row.getString(2));
                float[] expected = model.embed(List.of(ModelInput.text(there.text()))).embeddings()[0];
                assertTrue(EmbedJobTest.maxDifference(expected, EmbeddingSchema.fromBytes((byte[]) row.get(4),
                        row.getInt(3))) <= 1e-5, "the project's model's vector, not the exported graph's");
            }
        }
        allMargins.sort(Double::compare);
        double cutoff = allMargins.get(3 * 80 - 1); // each of 3 partitions keeps its 80 most uncertain
        double chosenMean = rows.stream().mapToDouble(r -> margins.get(r.getString(1))).average().orElseThrow();
        double allMean = allMargins.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        for (Row row : rows) {
            assertTrue(margins.get(row.getString(1)) <= cutoff + 1e-4, "a candidate from the uncertain pools");
        }
        assertTrue(chosenMean < allMean, "candidates are less certain than the pool: " + chosenMean + " vs " + allMean);
        assertEquals(20, new HashSet<>(rows.stream().map(r -> r.getString(1)).toList()).size(), "no item twice");

        Path laptopProject = temp.resolve("laptop.querent");
        ImportMatchesScoreTest.cli("init", laptopProject.toString(), "--data", out.resolve("items").toString(),
                "--labels-file", labels);
        ImportMatchesScoreTest.cli("import", laptopProject.toString());
        String report = ImportMatchesScoreTest.cli("import-embeddings", laptopProject.toString(),
                out.resolve("embeddings").toString());
        assertTrue(report.contains("20 embeddings stored"), report);
        assertFalse(report.contains("still have no embedding"), report);

        QuerentException exists = assertThrows(QuerentException.class, () -> CandidateJob.run(spark,
                EmbedJobTest.settings(data.toString(), JobSettings.Format.FOLDER, null, head.toString(), out, 3)));
        assertTrue(exists.getMessage().contains("exists already"), exists.getMessage());
        QuerentException noClasses = assertThrows(QuerentException.class, () -> CandidateJob.run(spark,
                EmbedJobTest.settings(data.toString(), JobSettings.Format.FOLDER, null, "builtin:minilm",
                        temp.resolve("other"), 3)));
        assertEquals(ErrorKind.USAGE, noClasses.kind());
        assertTrue(noClasses.getMessage().contains("querent export-model"), noClasses.getMessage());
    }
}
