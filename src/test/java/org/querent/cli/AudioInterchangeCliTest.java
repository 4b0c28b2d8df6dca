package org.querent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audio clips out to Prodigy (the {@code audio} key) and Label Studio ({@code data.audio}, an {@code <Audio>} config)
 * and back into a fresh project of the same clips: the same current labels and annotators; and a task as Prodigy's own
 * audio loader writes it (the clip inlined as a data URI, its path beside it) finds its clip by the path.
 */
class AudioInterchangeCliTest {
    @TempDir
    Path dir;

    private static final String LABELS = "english,french,italian,russian,spanish";

    private static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.code(), String.join(" ", args) + "\n" + run);
        return run;
    }

    private Path fresh(String name) {
        Path project = dir.resolve(name + ".querent");
        ok("init", project.toString(), "--data", dir.resolve("data").toString(), "--model",
                dir.resolve("model/model.json").toString(), "--labels", LABELS);
        ok("import", project.toString());
        return project;
    }

    private Map<String, String> currentLabels(Path project) throws Exception {
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
    void audioTasksRoundTripThroughProdigyAndLabelStudio() throws Exception {
        Path data = dir.resolve("data");
        try (Stream<Path> files = Files.walk(Path.of("sample-projects", "speech", "data"))) {
            for (Path f : files.toList()) {
                Path to = data.resolve(Path.of("sample-projects", "speech", "data").relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        ok("build-audio-model", "--audio", data.toString(), "--out", dir.resolve("model").toString(), "--components", "8");
        Path source = fresh("source");
        List<String> truth = Files.readAllLines(Path.of("sample-projects/speech/ground-truth.csv"));
        int n = 0;
        for (String line : truth.subList(1, truth.size())) {
            String[] pathLabel = line.split(",");
            if (n++ % 3 == 0) {
                ok("label", source.toString(), pathLabel[0], pathLabel[1], "--annotator", n % 2 == 0 ? "ana" : "bo");
            }
        }
        Map<String, String> expected = currentLabels(source);
        assertTrue(expected.size() >= 10, expected.toString());

        ObjectMapper json = new ObjectMapper();
        Path prodigy = dir.resolve("out.jsonl");
        ok("export", source.toString(), "--format", "prodigy", "--out", prodigy.toString());
        for (String line : Files.readAllLines(prodigy)) {
            JsonNode task = json.readTree(line);
            assertTrue(task.get("audio").asText().endsWith(".wav"), line);
            assertEquals("blocks", task.get("_view_id").asText(), line);
            assertTrue(!task.has("text") && !task.has("image"), line);
        }
        Path studio = dir.resolve("out.json");
        ok("export", source.toString(), "--format", "label-studio", "--out", studio.toString());
        for (JsonNode task : json.readTree(studio.toFile())) {
            assertTrue(task.get("data").get("audio").asText().endsWith(".wav"), task.toString());
            assertEquals("audio", task.get("annotations").get(0).get("result").get(0).get("to_name").asText());
        }
        assertTrue(Files.readString(dir.resolve("out.json.label-config.xml")).contains("<Audio name=\"audio\" value=\"$audio\"/>"));

        for (Path file : List.of(prodigy, studio)) {
            Path target = fresh("from-" + file.getFileName().toString().replace('.', '-'));
            CliRun imported = ok("import-labels", target.toString(), file.toString());
            assertTrue(imported.out().contains(expected.size() + " labels and 0 predictions added; 0 imported before"),
                    imported.out());
            assertEquals(expected, currentLabels(target), file.getFileName().toString());
        }

        // tasks as Prodigy's audio loader keeps them: no Querent meta, the clip inlined, its path beside it
        StringBuilder loader = new StringBuilder();
        for (String line : Files.readAllLines(prodigy)) {
            com.fasterxml.jackson.databind.node.ObjectNode task = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(line);
            String path = task.get("meta").get("path").asText();
            task.remove("meta");
            task.put("audio", "data:audio/wav;base64,UklGRg==");
            task.put("path", path);
            loader.append(json.writeValueAsString(task)).append('\n');
        }
        Path inlined = dir.resolve("inlined.jsonl");
        Files.writeString(inlined, loader);
        Path target = fresh("inlined");
        ok("import-labels", target.toString(), inlined.toString());
        assertEquals(expected, currentLabels(target));
    }
}
