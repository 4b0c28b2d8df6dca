package org.querent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image sample works out of the box: init, import, score, queue, label, train with its own ONNX model. */
class SampleProjectsTest {
    @TempDir
    Path dir;

    @Test
    void theFashionSampleRunsTheLoopWithItsBuiltModel() throws Exception {
        Path sample = dir.resolve("fashion");
        copy(Path.of("sample-projects", "fashion"), sample);
        String project = sample.resolve("fashion.querent").toString();
        CliRun init = CliRun.of("init", project, "--data", sample.resolve("data").toString(), "--model",
                sample.resolve("model/model.json").toString(), "--labels",
                "ankle_boot,bag,coat,dress,pullover,sandal,shirt,sneaker,trouser,tshirt_top");
        assertEquals(0, init.code(), init.toString());
        assertEquals(0, CliRun.of("import", project).code());
        CliRun score = CliRun.of("score", project);
        assertTrue(score.out().contains("scored 400 items"), score.toString());
        CliRun queue = CliRun.of("queue", project, "--size", "3");
        assertEquals(4, queue.out().split("\n").length, queue.toString());

        // Label 5 images of each class from the kept-apart truth, train, and get real pre-labels.
        var truth = Files.readAllLines(sample.resolve("ground-truth.csv"));
        java.util.Map<String, Integer> perClass = new java.util.HashMap<>();
        for (String line : truth.subList(1, truth.size())) {
            String[] pathLabel = line.split(",");
            if (perClass.merge(pathLabel[1], 1, Integer::sum) <= 5) {
                assertEquals(0, CliRun.of("label", project, pathLabel[0], pathLabel[1]).code());
            }
        }
        CliRun train = CliRun.of("train", project);
        assertTrue(train.out().contains("model version 1: 50 labels"), train.toString());
        assertTrue(train.out().contains("calibrated: temperature"), train.toString());
        CliRun ranked = CliRun.of("queue", project, "--size", "3");
        String[] top = ranked.out().split("\n")[1].split("\t");
        assertEquals("v1", top[6]);
        assertTrue(!top[2].isEmpty(), "a pre-label from the head");
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
