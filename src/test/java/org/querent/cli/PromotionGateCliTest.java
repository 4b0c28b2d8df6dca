package org.querent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.querent.TestData;

/**
 * The evaluation set and the promotion gate on the 300 real sample emails with the built-in MiniLM: an honest
 * retrain is promoted, one trained with 30% of its labels deliberately flipped stays a candidate (and the queue keeps
 * using the version in use); a lead promotes it by hand and rolls back; every step is in status.
 */
class PromotionGateCliTest {
    static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.code(), String.join(" ", args) + "\n" + run);
        return run;
    }

    @Test
    void honestVersionsArePromotedAndAFlippedOneIsHeld(@TempDir Path dir) throws Exception {
        Map<String, String> truth = TestData.emailTruth();
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        for (String file : truth.keySet()) {
            Files.copy(TestData.EMAILS.resolve("data").resolve(file), data.resolve(file));
        }
        Path project = dir.resolve("gate.querent");
        ok("init", project.toString(), "--data", data.toString(), "--labels", String.join(",", TestData.emailLabels()));
        ok("import", project.toString());
        ok("score", project.toString());

        CliRun drawn = ok("eval-set", project.toString(), "--size", "120");
        assertTrue(drawn.err().contains("evaluation set: 120 items (120 added), 0 labelled, 120 wait"), drawn.err());
        Set<String> eval = new HashSet<>();
        StringBuilder evalLabels = new StringBuilder();
        for (String line : drawn.out().split("\n")) {
            String path = line.split("\t")[1];
            eval.add(path);
            evalLabels.append(path).append('\t').append(truth.get(path)).append('\n');
        }
        assertEquals(120, eval.size());
        Files.writeString(dir.resolve("eval.tsv"), evalLabels);
        ok("label", project.toString(), "--from", dir.resolve("eval.tsv").toString());
        assertTrue(ok("eval-set", project.toString()).err().contains("120 items, 120 labelled, 0 wait"));

        List<String> rest = new ArrayList<>(truth.keySet().stream().filter(f -> !eval.contains(f)).toList());
        java.util.Collections.shuffle(rest, new Random(3));
        labelFrom(dir, project, rest.subList(0, 90), truth, Set.of());
        CliRun first = ok("train", project.toString());
        assertTrue(first.out().contains("gate: v1 promoted (first version under the gate)"), first.out());
        assertTrue(first.out().contains("model version 1: 90 labels"), "evaluation labels are never trained on: " + first.out());

        labelFrom(dir, project, rest.subList(90, 150), truth, Set.of());
        CliRun honest = ok("train", project.toString());
        assertTrue(honest.out().contains("gate: v2 promoted (not worse than v1 beyond the noise: on 120 evaluation items"),
                honest.out());

        // 30% of the 150 training labels deliberately wrong
        Set<String> flipped = new HashSet<>(rest.subList(0, 150).subList(0, 45));
        labelFrom(dir, project, rest.subList(0, 150), truth, flipped);
        CliRun noisy = ok("train", project.toString());
        assertTrue(noisy.out().contains("gate: v3 stays a candidate, v2 stays in use (v3 is worse than v2 beyond the noise"),
                noisy.out());
        System.out.println(honest.out() + noisy.out()); // the figures behind both verdicts, for the record
        CliRun status = ok("status", project.toString());
        assertTrue(status.out().contains("in use    v2 (promote by gate"), status.out());
        assertTrue(status.out().contains("candidate v3 held: v3 is worse than v2"), status.out());
        JsonNode queue = new ObjectMapper().readTree(ok("queue", project.toString(), "--format", "json", "--size", "3").out());
        assertEquals("v2", queue.get(0).get("model_version").asText(), "pre-labels come from the version in use");
        for (JsonNode row : queue) {
            assertFalse(eval.contains(row.get("path").asText()), "evaluation items are not queued");
        }

        CliRun promoted = ok("promote", project.toString(), "v3", "--reason", "to see it", "--annotator", "lead");
        assertTrue(promoted.out().contains("v3 is in use (was v2)"), promoted.out());
        assertTrue(ok("status", project.toString()).out().contains("in use    v3 (promote by lead"));
        CliRun back = ok("rollback", project.toString(), "--annotator", "lead");
        assertTrue(back.out().contains("v2 is in use again (was v3)"), back.out());
        CliRun nothing = CliRun.of("promote", project.toString(), "2");
        assertEquals(2, nothing.code(), nothing.toString());
        assertTrue(nothing.err().contains("v2 is already the version in use"), nothing.err());
    }

    /** Labels the files with their truth, or (for those in {@code flip}) with the next label in the taxonomy. */
    private static void labelFrom(Path dir, Path project, List<String> files, Map<String, String> truth, Set<String> flip)
            throws Exception {
        List<String> labels = TestData.emailLabels();
        StringBuilder tsv = new StringBuilder();
        for (String f : files) {
            String label = truth.get(f);
            if (flip.contains(f)) {
                label = labels.get((labels.indexOf(label) + 1) % labels.size());
            }
            tsv.append(f).append('\t').append(label).append('\n');
        }
        Path file = dir.resolve("batch.tsv");
        Files.writeString(file, tsv);
        ok("label", project.toString(), "--from", file.toString());
    }
}
