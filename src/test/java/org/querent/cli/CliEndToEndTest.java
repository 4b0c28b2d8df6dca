package org.querent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.querent.TestData;
import org.querent.project.Project;
import org.querent.project.ProjectService;

/** The command line end to end on real emails with the built-in MiniLM model, one step after another. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliEndToEndTest {
    @TempDir
    static Path dir;
    static Path project;
    static Map<String, String> truth;

    @BeforeAll
    static void copySample() throws Exception {
        truth = TestData.copyEmails(dir.resolve("data"), 6);
        Files.copy(TestData.EMAILS.resolve("guideline.md"), dir.resolve("guideline.md"));
        project = dir.resolve("emails.querent");
    }

    @Test
    @Order(1)
    void initCreatesTheProjectFile() {
        CliRun run = CliRun.of("init", project.toString(), "--data", dir.resolve("data").toString(), "--model",
                "builtin:minilm", "--labels", String.join(",", TestData.emailLabels()), "--guideline",
                dir.resolve("guideline.md").toString());
        assertEquals(0, run.code(), run.toString());
        assertTrue(Files.exists(project));
        assertTrue(run.out().contains("6 labels"), run.out());
    }

    @Test
    @Order(2)
    void importFindsEveryEmail() {
        CliRun run = CliRun.of("import", project.toString());
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("36 new"), run.out());
    }

    @Test
    @Order(3)
    void scoreEmbedsEveryItemOnce() {
        CliRun first = CliRun.of("score", project.toString(), "--batch-size", "8");
        assertEquals(0, first.code(), first.toString());
        assertTrue(first.out().contains("scored 36 items"), first.out());
        CliRun again = CliRun.of("score", project.toString());
        assertTrue(again.out().contains("scored 0 items"), again.out());
    }

    @Test
    @Order(4)
    void queuePrintsATabSeparatedColdStartBatchWithZeroShotPreLabels() {
        CliRun run = CliRun.of("queue", project.toString(), "--strategy", "margin", "--size", "5");
        // no head yet and the model has no classes: the first batch is chosen for coverage, and the note says so
        assertTrue(run.err().contains("note: cold start: TypiClust, not margin (no trained head yet"), run.toString());
        assertEquals(0, run.code(), run.toString());
        String[] lines = run.out().split("\n");
        assertEquals("item_id\tpath\tpre_label\tconfidence\tscore\tstrategy\tmodel_version", lines[0]);
        assertEquals(6, lines.length, run.out());
        String[] first = lines[1].split("\t");
        assertTrue(truth.containsKey(first[1]), first[1]);
        assertTrue(TestData.emailLabels().contains(first[2]), "a zero-shot pre-label from the taxonomy: " + first[2]);
        assertEquals("typiclust", first[5]);
        assertEquals("zero-shot", first[6]);
        java.util.Set<String> paths = new java.util.HashSet<>();
        for (String line : List.of(lines).subList(1, lines.length)) {
            assertTrue(Double.parseDouble(line.split("\t")[4]) > 0, "a typicality score: " + line);
            paths.add(line.split("\t")[1]);
        }
        assertEquals(5, paths.size());
    }

    @Test
    @Order(5)
    void labelsUndoAndTrainMakeAModelVersion() throws Exception {
        // Label 4 items of each list from the truth, as an annotator would.
        Map<String, Integer> perLabel = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : truth.entrySet()) {
            if (perLabel.merge(e.getValue(), 1, Integer::sum) <= 4) {
                CliRun run = CliRun.of("label", project.toString(), e.getKey(), e.getValue(), "--annotator", "ana");
                assertEquals(0, run.code(), run.toString());
            }
        }
        CliRun wrong = CliRun.of("label", project.toString(), "1", "exmh,fork", "--annotator", "ana");
        assertEquals(2, wrong.code(), "two labels in a single-label project is bad usage");
        assertTrue(wrong.err().startsWith("error: this project is single-label"), wrong.err());

        CliRun undo = CliRun.of("undo", project.toString(), "--annotator", "ana");
        assertEquals(0, undo.code(), undo.toString());
        CliRun train = CliRun.of("train", project.toString());
        assertEquals(0, train.code(), train.toString());
        assertTrue(train.out().contains("model version 1: 23 labels"), train.out());

        CliRun queue = CliRun.of("queue", project.toString(), "--format", "json", "--size", "3");
        assertEquals(0, queue.code(), queue.toString());
        JsonNode rows = new ObjectMapper().readTree(queue.out());
        assertEquals(3, rows.size());
        assertEquals("v1", rows.get(0).get("model_version").asText());
    }

    @Test
    @Order(6)
    void labellingAQueuedItemRecordsAcceptedOrCorrectedAndExportShowsIt() throws Exception {
        CliRun queue = CliRun.of("queue", project.toString(), "--size", "1");
        String[] top = queue.out().split("\n")[1].split("\t");
        CliRun accept = CliRun.of("label", project.toString(), top[0], top[2], "--annotator", "ben");
        assertTrue(accept.out().contains("pre-label accepted"), accept.out());

        Path csv = dir.resolve("labels.csv");
        CliRun export = CliRun.of("export", project.toString(), "--format", "csv", "--out", csv.toString());
        assertEquals(0, export.code(), export.toString());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("item_id,path,labels,annotator,decided_at,decision,pre_label,model_version,strategy,round,"
                + "guideline_version,origin", lines.get(0));
        assertEquals(1 + 24, lines.size(), "one row per labelled item");
        String accepted = lines.stream().filter(l -> l.startsWith(top[0] + ",")).findFirst().orElseThrow();
        assertTrue(accepted.contains(",ben,"), accepted);
        assertTrue(accepted.contains(",accepted," + top[2] + ",1,margin,"), accepted);

        Path jsonl = dir.resolve("labels.jsonl");
        assertEquals(0, CliRun.of("export", project.toString(), "--format", "jsonl", "--out", jsonl.toString()).code());
        List<String> jsonLines = Files.readAllLines(jsonl);
        assertEquals(24, jsonLines.size());
        assertEquals(1, new ObjectMapper().readTree(jsonLines.get(0)).get("guideline_version").asInt());
    }

    @Test
    @Order(7)
    void statusShowsLabelsAndVersions() {
        CliRun run = CliRun.of("status", project.toString());
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("labelled  24"), run.out());
        assertTrue(run.out().contains("version   v1"), run.out());
        assertTrue(run.out().contains("36 active"), run.out());
    }

    @Test
    @Order(8)
    void aProjectOpenElsewhereIsReadableButAWriterIsRefusedWithExitOne() throws Exception {
        Path out = dir.resolve("beside-a-writer.csv");
        try (Project open = new ProjectService(java.time.Clock.systemUTC()).open(project)) {
            CliRun status = CliRun.of("status", project.toString());
            assertEquals(0, status.code(), "readers run beside the writer: " + status);
            CliRun export = CliRun.of("export", project.toString(), "--format", "csv", "--out", out.toString());
            assertEquals(0, export.code(), export.toString());
            assertTrue(Files.readAllLines(out).size() > 1);

            CliRun run = CliRun.of("undo", project.toString());
            assertEquals(1, run.code(), run.toString());
            assertTrue(run.err().startsWith("error: the project emails.querent is already open"), run.err());
            assertTrue(run.err().contains("--wait SECONDS"), run.err());
            assertFalse(run.err().contains("\tat "), "no stack trace without --verbose");

            CliRun waited = CliRun.of("undo", project.toString(), "--wait", "1");
            assertEquals(1, waited.code(), waited.toString());
            assertTrue(waited.err().contains("(waited 1 s)"), waited.err());
        }
    }

    @Test
    @Order(20)
    void aWriterGivenWaitGoesAheadOnceTheOtherCloses() throws Exception {
        Project open = new ProjectService(java.time.Clock.systemUTC()).open(project);
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(700);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            open.close();
        });
        closer.start();
        CliRun run = CliRun.of("label", project.toString(), "--wait", "20", "1", TestData.emailLabels().get(0));
        closer.join();
        assertEquals(0, run.code(), run.toString());
    }

    @Test
    @Order(9)
    void badUsageExitsTwoAndAMissingProjectExitsOne() {
        assertEquals(2, CliRun.of("queue").code());
        assertEquals(2, CliRun.of("queue", project.toString(), "--strategy", "clairvoyant").code());
        CliRun missing = CliRun.of("status", dir.resolve("nope.querent").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().startsWith("error: project file not found"), missing.err());
    }

    @Test
    @Order(10)
    void aMovedDatasetFolderIsReportedAndCanBeRepointed() throws Exception {
        Path moved = dir.resolve("moved-data");
        Files.move(dir.resolve("data"), moved);
        CliRun run = CliRun.of("import", project.toString());
        assertEquals(1, run.code());
        assertTrue(run.err().contains("relocate"), run.err());
        assertEquals(0, CliRun.of("relocate", project.toString(), moved.toString()).code());
        CliRun again = CliRun.of("import", project.toString());
        assertEquals(0, again.code(), again.toString());
        assertTrue(again.out().contains("0 new, 0 changed, 36 unchanged, 0 removed"), again.out());
    }
}
