package org.querent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.TestData;

/**
 * Labels out and back in, on real emails: export to every format, import into a fresh project of the same data, and
 * the current labels (and who gave them) are the same; importing twice adds nothing; bad rows import nothing.
 */
class LabelInterchangeCliTest {
    @TempDir
    static Path dir;
    static Path source;
    static Map<String, String> truth;

    static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.code(), String.join(" ", args) + "\n" + run);
        return run;
    }

    @BeforeAll
    static void labelledProject() throws Exception {
        truth = TestData.copyEmails(dir.resolve("data"), 4);
        source = fresh("source");
        StringBuilder tsv = new StringBuilder();
        truth.forEach((file, label) -> tsv.append(file).append('\t').append(label).append('\n'));
        Files.writeString(dir.resolve("labels.tsv"), tsv);
        ok("label", source.toString(), "--from", dir.resolve("labels.tsv").toString(), "--annotator", "ana");
        // one item relabelled by someone else: the current label and its annotator must survive the round trip
        String first = truth.keySet().iterator().next();
        String other = TestData.emailLabels().stream().filter(l -> !l.equals(truth.get(first))).findFirst().orElseThrow();
        ok("label", source.toString(), first, other, "--annotator", "bo");
    }

    static Path fresh(String name) {
        Path project = dir.resolve(name + ".querent");
        ok("init", project.toString(), "--data", dir.resolve("data").toString(), "--labels",
                String.join(",", TestData.emailLabels()));
        ok("import", project.toString());
        return project;
    }

    /** path -> "labels by annotator" from Querent's CSV export. */
    static Map<String, String> currentLabels(Path project) throws Exception {
        Path out = dir.resolve(project.getFileName() + ".check.csv");
        ok("export", project.toString(), "--format", "csv", "--out", out.toString());
        Map<String, String> labels = new TreeMap<>();
        List<String> lines = Files.readAllLines(out);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            labels.put(cells[1], cells[2] + " by " + cells[3]);
        }
        return labels;
    }

    @Test
    void everyFormatRoundTripsTheCurrentLabels() throws Exception {
        Map<String, String> expected = currentLabels(source);
        assertEquals(24, expected.size());
        for (String[] format : List.of(new String[] {"csv", "csv"}, new String[] {"jsonl", "jsonl"},
                new String[] {"prodigy", "jsonl"}, new String[] {"label-studio", "json"})) {
            Path file = dir.resolve("out-" + format[0] + "." + format[1]);
            ok("export", source.toString(), "--format", format[0], "--out", file.toString(),
                    format[0].equals("prodigy") ? "--with-text" : "--verbose");
            Path target = fresh("from-" + format[0]);
            CliRun imported = ok("import-labels", target.toString(), file.toString());
            assertTrue(imported.out().contains("24 labels and 0 predictions added; 0 imported before"), format[0] + ": " + imported.out());
            assertEquals(expected, currentLabels(target), format[0]);
            CliRun again = ok("import-labels", target.toString(), file.toString());
            assertTrue(again.out().contains("0 labels and 0 predictions added; 24 imported before"), again.out());
            assertEquals(expected, currentLabels(target), format[0] + " twice");
        }
        Path config = dir.resolve("out-label-studio.json.label-config.xml");
        assertTrue(Files.readString(config).contains("<Choice value=\"" + TestData.emailLabels().get(0) + "\"/>"));
    }

    @Test
    void prodigyTasksMatchByTextAlone() throws Exception {
        Path file = dir.resolve("by-text.jsonl");
        ok("export", source.toString(), "--format", "prodigy", "--with-text", "--out", file.toString());
        // drop every key: only the text says which email it is
        ObjectMapper json = new ObjectMapper();
        StringBuilder stripped = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            com.fasterxml.jackson.databind.node.ObjectNode task = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(line);
            task.remove("meta");
            stripped.append(json.writeValueAsString(task)).append('\n');
        }
        Files.writeString(file, stripped);
        Path target = fresh("by-text");
        ok("import-labels", target.toString(), file.toString());
        assertEquals(currentLabels(source), currentLabels(target));
    }

    @Test
    void unknownPathsAreNamedByLineAndNothingIsImportedUnlessAsked() throws Exception {
        String known = truth.keySet().iterator().next();
        Path file = Files.writeString(dir.resolve("mixed.csv"), "path,label,annotator\n" + known + ","
                + TestData.emailLabels().get(0) + ",cy\nnot-there.txt," + TestData.emailLabels().get(0) + ",cy\n"
                + known + ",no-such-label,cy\n");
        Path target = fresh("mixed");
        CliRun refused = CliRun.of("import-labels", target.toString(), file.toString());
        assertEquals(2, refused.code(), refused.toString());
        assertTrue(refused.err().contains("2 of 3 rows match no item or label"), refused.err());
        assertTrue(refused.err().contains("line 3: no item of the project has path 'not-there.txt'"), refused.err());
        assertTrue(refused.err().contains("line 4: label 'no-such-label' is not in the taxonomy"), refused.err());
        assertTrue(currentLabels(target).isEmpty(), "nothing half-imported");
        CliRun preview = ok("import-labels", target.toString(), file.toString(), "--dry-run");
        assertTrue(preview.out().contains("preview of mixed.csv: 3 rows (csv); 1 labels and 0 predictions would be added"),
                preview.out());
        assertTrue(currentLabels(target).isEmpty(), "a preview writes nothing");
        CliRun partial = ok("import-labels", target.toString(), file.toString(), "--skip-unmatched");
        assertTrue(partial.err().contains("skipped 2 unmatched rows"), partial.err());
        assertEquals(Map.of(known, TestData.emailLabels().get(0) + " by cy"), currentLabels(target));

        Path two = Files.writeString(dir.resolve("two.csv"), "path,label\n" + known + "," + TestData.emailLabels().get(0)
                + ";" + TestData.emailLabels().get(1) + "\n");
        CliRun multi = CliRun.of("import-labels", target.toString(), two.toString());
        assertEquals(2, multi.code(), multi.toString());
        assertTrue(multi.err().contains("line 2: 2 labels (") && multi.err().contains("the project is single-label"),
                multi.err());
    }

    @Test
    void predictionsGoOutAndComeBackAsExternalPreLabels() throws Exception {
        ok("score", source.toString());
        Path file = dir.resolve("with-predictions.json");
        CliRun export = ok("export", source.toString(), "--format", "label-studio", "--predictions", "--out", file.toString());
        assertTrue(export.out().contains("wrote 24 items"), export.out());
        JsonNode tasks = new ObjectMapper().readTree(file.toFile());
        JsonNode prediction = tasks.get(0).get("predictions").get(0);
        assertEquals("querent zero-shot", prediction.get("model_version").asText());
        assertTrue(prediction.get("score").asDouble() > 0);

        Path target = fresh("predicted");
        CliRun imported = ok("import-labels", target.toString(), file.toString());
        assertTrue(imported.out().contains("24 labels and 24 predictions added"), imported.out());
        ok("score", target.toString());
        Path back = dir.resolve("back.jsonl");
        ok("export", target.toString(), "--format", "jsonl", "--predictions", "--out", back.toString());
        List<String> lines = Files.readAllLines(back);
        assertEquals(24, lines.size());
        // the version in use (zero-shot here) comes first, the imported external pre-label after it in Label Studio
        Path ls = dir.resolve("back.json");
        ok("export", target.toString(), "--format", "label-studio", "--predictions", "--out", ls.toString());
        JsonNode again = new ObjectMapper().readTree(ls.toFile());
        assertEquals(2, again.get(0).get("predictions").size());
        assertEquals("querent zero-shot", again.get(0).get("predictions").get(1).get("model_version").asText());

        Path asPredictions = dir.resolve("as-predictions.csv");
        Files.writeString(asPredictions, "path,label,score\n" + truth.keySet().iterator().next() + ","
                + TestData.emailLabels().get(1) + ",0.6\n");
        Path third = fresh("third");
        CliRun p = ok("import-labels", third.toString(), asPredictions.toString(), "--as-predictions", "--model-version", "theirs");
        assertTrue(p.out().contains("0 labels and 1 predictions added"), p.out());
        assertTrue(currentLabels(third).isEmpty(), "predictions are not labels");
        ok("score", third.toString());
        JsonNode queue = new ObjectMapper().readTree(ok("queue", third.toString(), "--format", "json", "--size", "24",
                "--strategy", "random").out());
        int external = 0;
        for (JsonNode row : queue) {
            assertEquals("external theirs (1 items; the rest zero-shot)", row.get("model_version").asText());
            if (row.get("path").asText().equals(truth.keySet().iterator().next())) {
                external++;
                assertEquals(TestData.emailLabels().get(1), row.get("pre_label").asText(), "the external pre-label");
                assertEquals(0.6, row.get("confidence").asDouble(), 1e-9);
            }
        }
        assertEquals(1, external);
    }
}
