package org.querent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audio sample through the command line: build the model, init, import (a bad clip quarantined), score, label, train, export. */
class AudioCliTest {
    @TempDir
    Path dir;

    @Test
    void theSpeechSampleRunsTheLoopWithAModelBuiltFromItsClips() throws Exception {
        Path sample = dir.resolve("speech");
        copy(Path.of("sample-projects", "speech", "data"), sample.resolve("data"));
        byte[] wav = Files.readAllBytes(sample.resolve("data/english/digits_10.wav"));
        Files.write(sample.resolve("data/english/cut-short.wav"), Arrays.copyOf(wav, wav.length - 333));
        byte[] silence = Arrays.copyOf(wav, wav.length);
        Arrays.fill(silence, 44, silence.length, (byte) 0);
        Files.write(sample.resolve("data/french/silence.wav"), silence);

        CliRun build = CliRun.of("build-audio-model", "--audio", sample.resolve("data").toString(), "--out",
                sample.resolve("model").toString(), "--components", "16");
        assertEquals(0, build.code(), build.toString());
        assertTrue(build.out().contains("(8000 Hz, 40 mel bins, 25/10 ms) + PCA over 41 clips (1 skipped) -> 16 features"),
                build.toString());
        assertTrue(build.err().contains("cut-short.wav") && build.err().contains("truncated"), build.toString());

        String project = sample.resolve("speech.querent").toString();
        CliRun init = CliRun.of("init", project, "--data", sample.resolve("data").toString(), "--model",
                sample.resolve("model/model.json").toString(), "--labels", "english,french,italian,russian,spanish");
        assertEquals(0, init.code(), init.toString());
        CliRun imported = CliRun.of("import", project, "--quarantine-silent");
        assertTrue(imported.out().contains("quarantined french/silence.wav: clip is silent"), imported.toString());
        assertTrue(imported.out().contains("2 quarantined") && imported.out().contains(
                "quarantined english/cut-short.wav: WAV file is truncated: its header says 10542 bytes, the file holds 10209"),
                imported.toString());
        CliRun status = CliRun.of("status", project);
        assertTrue(status.out().contains("WAV file is truncated"), status.toString());
        CliRun score = CliRun.of("score", project);
        assertTrue(score.out().contains("scored 40 items"), score.toString());

        var truth = Files.readAllLines(Path.of("sample-projects/speech/ground-truth.csv"));
        java.util.Map<String, Integer> perClass = new java.util.HashMap<>();
        for (String line : truth.subList(1, truth.size())) {
            String[] pathLabel = line.split(",");
            if (perClass.merge(pathLabel[1], 1, Integer::sum) <= 4) {
                assertEquals(0, CliRun.of("label", project, pathLabel[0], pathLabel[1]).code());
            }
        }
        CliRun train = CliRun.of("train", project);
        assertTrue(train.out().contains("model version 1: 20 labels"), train.toString());
        CliRun queue = CliRun.of("queue", project, "--size", "3");
        String[] top = queue.out().split("\n")[1].split("\t");
        assertTrue(top[1].endsWith(".wav") && !top[2].isEmpty(), "a clip with a pre-label: " + queue);
        // The improved model as one ONNX file, and predictions with it outside the project.
        CliRun exportModel = CliRun.of("export-model", project, "--out", dir.resolve("exported").toString());
        assertEquals(0, exportModel.code(), exportModel.toString());
        assertTrue(Files.readString(dir.resolve("exported/model.json")).contains("\"audio\""), "the audio block travels");
        Path predictions = dir.resolve("predictions.csv");
        CliRun predict = CliRun.of("predict", "--model", dir.resolve("exported/model.json").toString(), "--data",
                sample.resolve("data").toString(), "--out", predictions.toString());
        assertEquals(0, predict.code(), predict.toString());
        List<String> predicted = Files.readAllLines(predictions);
        assertEquals(42, predicted.size(), "a header and the 41 readable clips (the silent one too: predict keeps it): " + predict);
        Path csv = dir.resolve("labels.csv");
        assertEquals(0, CliRun.of("export", project, "--format", "csv", "--out", csv.toString()).code());
        List<String> exported = Files.readAllLines(csv);
        assertEquals(21, exported.size(), "a header and the 20 labelled clips: " + exported);
        assertTrue(exported.stream().anyMatch(l -> l.contains(truth.get(1).split(",")[0]) && l.contains("english")), exported.toString());
    }

    @Test
    void aTextModelIsRefusedOnAFolderOfClipsWithTheFix() throws Exception {
        copy(Path.of("sample-projects", "speech", "data"), dir.resolve("data"));
        CliRun run = CliRun.of("init", dir.resolve("p.querent").toString(), "--data", dir.resolve("data").toString(),
                "--labels", "a,b");
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("40 audio clips") && run.err().contains("build-audio-model"), run.toString());
        assertFalse(Files.exists(dir.resolve("p.querent")));
    }

    @Test
    void tooFewClipsAndAMissingFolderAreRefused() throws Exception {
        Files.createDirectories(dir.resolve("one"));
        Files.copy(Path.of("sample-projects/speech/data/french/digits_30.wav"), dir.resolve("one/a.wav"));
        CliRun one = CliRun.of("build-audio-model", "--audio", dir.resolve("one").toString(), "--out", dir.resolve("m").toString());
        assertEquals(2, one.code(), one.toString());
        assertTrue(one.err().contains("found 1 clips") && one.err().contains("at least 2"), one.toString());
        CliRun missing = CliRun.of("build-audio-model", "--audio", dir.resolve("nope").toString(), "--out", dir.resolve("m").toString());
        assertEquals(1, missing.code(), missing.toString());
        assertTrue(missing.err().contains("audio folder not found"), missing.toString());
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
