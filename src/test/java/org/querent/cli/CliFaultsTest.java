package org.querent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.querent.TestData;
import picocli.CommandLine;

/** Faults a new user met on the command line (issue 8), each pinned down with the real CLI. */
class CliFaultsTest {
    @TempDir
    Path dir;

    static Stream<String> commands() {
        return new CommandLine(new QuerentCommand()).getSubcommands().keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandPrintsItsUsageWithHelpAndExitsZero(String command) {
        for (String flag : List.of("--help", "-h")) {
            CliRun run = CliRun.of(command, flag);
            assertEquals(0, run.code(), command + " " + flag + "\n" + run);
            assertTrue(run.out().contains("Usage: querent " + command), run.toString());
            assertFalse(run.err().contains("Missing required"), run.toString());
        }
    }

    @Test
    void labelsFromFoldersAloneTakesTheFolderNamesAsLabels() throws Exception {
        Path data = dir.resolve("data");
        for (String topic : List.of("cooking", "football")) {
            Files.createDirectories(data.resolve(topic));
            Files.writeString(data.resolve(topic).resolve("a.txt"), "A few words about " + topic + ".");
        }
        CliRun run = CliRun.of("init", dir.resolve("p.querent").toString(), "--data", data.toString(),
                "--labels-from-folders");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("2 labels"), run.toString());
        CliRun status = CliRun.of("status", dir.resolve("p.querent").toString());
        assertTrue(status.out().contains("cooking") && status.out().contains("football"), status.toString());
    }

    @Test
    void labelFromAFileRecordsAllLinesOrNoneAndNamesTheBadLine() throws Exception {
        labelsFromFoldersAloneTakesTheFolderNamesAsLabels();
        String project = dir.resolve("p.querent").toString();
        Path bad = Files.writeString(dir.resolve("bad.tsv"), "# header comment\ncooking/a.txt\tfootball\n"
                + "football/a.txt\tastronomy\n");
        CliRun refused = CliRun.of("label", project, "--from", bad.toString());
        assertEquals(2, refused.code(), refused.toString());
        assertTrue(refused.err().contains("bad.tsv:3") && refused.err().contains("nothing was recorded"),
                refused.toString());
        Path missing = Files.writeString(dir.resolve("missing.tsv"), "nope.txt\tcooking\n");
        CliRun unknown = CliRun.of("label", project, "--from", missing.toString());
        assertTrue(unknown.err().contains("missing.tsv:1: no item 'nope.txt'"), unknown.toString());

        Path out = dir.resolve("labels.csv");
        assertEquals(0, CliRun.of("export", project, "--format", "csv", "--out", out.toString()).code());
        assertTrue(Files.readString(out).contains("cooking/a.txt,cooking"), "line 2 was rolled back: "
                + Files.readString(out));

        Path good = Files.writeString(dir.resolve("good.tsv"), "cooking/a.txt\tfootball\nfootball/a.txt,cooking\n");
        CliRun run = CliRun.of("label", project, "--from", good.toString());
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("recorded 2 decisions"), run.toString());
    }

    @Test
    void statusShowsWhyItemsAreQuarantinedWithTheirPaths() throws Exception {
        Path data = Files.createDirectories(dir.resolve("texts"));
        Files.writeString(data.resolve("good.txt"), "A perfectly ordinary sentence about soup.");
        Files.writeString(data.resolve("empty.txt"), "");
        Files.write(data.resolve("binary.txt"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 7, 0, 9});
        String project = dir.resolve("t.querent").toString();
        assertEquals(0, CliRun.of("init", project, "--data", data.toString(), "--labels", "a,b").code());
        assertEquals(0, CliRun.of("import", project).code());
        CliRun status = CliRun.of("status", project);
        assertEquals(0, status.code(), status.toString());
        assertTrue(status.out().contains("2 quarantined"), status.toString());
        assertTrue(status.out().contains("empty.txt") && status.out().contains("binary.txt"), status.toString());
    }

    @Test
    void initWithoutAnyLabelSourceSaysWhatToGive() {
        CliRun run = CliRun.of("init", dir.resolve("p.querent").toString(), "--data", dir.toString());
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("--labels-from-folders"), run.toString());
    }

    @Test
    void anImageFolderWithTheTextModelIsRefusedAtInitWithTheFix() throws Exception {
        Path data = Files.createDirectories(dir.resolve("images"));
        try (Stream<Path> pngs = Files.list(Path.of("sample-projects/fashion/data")).limit(5)) {
            for (Path png : pngs.toList()) {
                Files.copy(png, data.resolve(png.getFileName()));
            }
        }
        CliRun run = CliRun.of("init", dir.resolve("p.querent").toString(), "--data", data.toString(),
                "--labels", "a,b");
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("holds 5 images") && run.err().contains("build-image-model"), run.toString());
        assertFalse(Files.exists(dir.resolve("p.querent")), "no project is made");
    }

    @Test
    void aManifestWhoseOnnxFileIsMissingOrRandomBytesIsRefusedAtInit() throws Exception {
        Path model = Files.createDirectories(dir.resolve("model"));
        Files.copy(Path.of("sample-projects/fashion/model/model.json"), model.resolve("model.json"));
        Path data = Path.of("sample-projects/fashion/data").toAbsolutePath();
        CliRun missing = CliRun.of("init", dir.resolve("a.querent").toString(), "--data", data.toString(),
                "--model", model.resolve("model.json").toString(), "--labels", "a,b");
        assertEquals(1, missing.code(), missing.toString());
        assertTrue(missing.err().contains("model file not found"), missing.toString());
        assertFalse(missing.err().contains("to hash the model"), missing.toString());

        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        Files.write(model.resolve("model.onnx"), junk);
        CliRun random = CliRun.of("init", dir.resolve("b.querent").toString(), "--data", data.toString(),
                "--model", model.resolve("model.json").toString(), "--labels", "a,b");
        assertEquals(1, random.code(), random.toString());
        assertTrue(random.err().contains("is not a valid ONNX model"), random.toString());
        assertFalse(random.err().contains("::"), "no C++ signature: " + random);

        Files.write(model.resolve("model.onnx"), new byte[0]);
        CliRun empty = CliRun.of("init", dir.resolve("c.querent").toString(), "--data", data.toString(),
                "--model", model.resolve("model.json").toString(), "--labels", "a,b");
        assertEquals(1, empty.code(), empty.toString());
        assertTrue(empty.err().contains("is empty (0 bytes)"), empty.toString());
        assertFalse(Files.exists(dir.resolve("c.querent")));
    }

    @Test
    void buildImageModelCapsTheComponentsAtWhatFewImagesSupport() throws Exception {
        Path images = Files.createDirectories(dir.resolve("few"));
        try (Stream<Path> pngs = Files.list(Path.of("sample-projects/fashion/data")).sorted().limit(8)) {
            for (Path png : pngs.toList()) {
                Files.copy(png, images.resolve(png.getFileName()));
            }
        }
        CliRun run = CliRun.of("build-image-model", "--images", images.toString(), "--out",
                dir.resolve("m").toString());
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("-> 7 features"), run.toString());
    }

    @Test
    void anErrorAfterAnUnfinishedProgressLineStartsItsOwnLine() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            new StderrProgress("import").progress(3, 10, null);
            CliRun.of("status", dir.resolve("missing.querent").toString());
        } finally {
            System.setErr(saved);
        }
        String printed = captured.toString();
        assertTrue(printed.startsWith("\rimport: 3/10") && printed.endsWith("\n"), printed);
    }

    @Test
    void aPathWithALineBreakStaysOnTheProgressLine() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            new StderrProgress("import").progress(0, 2, "first\nsecond.txt");
        } finally {
            System.setErr(saved);
        }
        assertTrue(captured.toString().contains("first\\nsecond.txt") && !captured.toString().contains("\n"),
                captured.toString());
    }

    @Test
    void aPathWithALineBreakStaysOneTsvField() {
        assertEquals("a\\nb\\tc\\\\d", QueueCommand.tsvField("a\nb\tc\\d"));
    }

    private Path minilmCopy(String name, boolean withTokenizer) throws Exception {
        Path builtin = org.querent.runtime.BuiltinModels.manifestFile(org.querent.runtime.BuiltinModels.MINILM).getParent();
        Path model = Files.createDirectories(dir.resolve(name));
        Files.copy(builtin.resolve("model.json"), model.resolve("model.json"));
        Files.createSymbolicLink(model.resolve("model.onnx"), builtin.resolve("model.onnx"));
        if (withTokenizer) {
            Files.copy(builtin.resolve("tokenizer.json"), model.resolve("tokenizer.json"));
        }
        return model.resolve("model.json");
    }

    private CliRun initTexts(String project, Path manifest) {
        return CliRun.of("init", dir.resolve(project).toString(), "--data",
                TestData.EMAILS.resolve("data").toAbsolutePath().toString(), "--model", manifest.toString(),
                "--labels", "a,b");
    }

    @Test
    void aMissingOrBrokenTokenizerIsNamedAtInit() throws Exception {
        Path manifest = minilmCopy("text-model", false);
        CliRun missing = initTexts("a.querent", manifest);
        assertEquals(1, missing.code(), missing.toString());
        assertTrue(missing.err().contains("model file not found") && missing.err().contains("tokenizer.json"),
                missing.toString());
        assertFalse(missing.err().contains("to hash the model"), missing.toString());

        Files.writeString(manifest.resolveSibling("tokenizer.json"), "{ this is not a tokenizer");
        CliRun broken = initTexts("b.querent", manifest);
        assertEquals(1, broken.code(), broken.toString());
        assertTrue(broken.err().contains("tokenizer.json"), broken.toString());
        assertFalse(broken.err().contains("unexpected"), "a known fault, not an internal error: " + broken);
        assertFalse(Files.exists(dir.resolve("b.querent")));

        Files.delete(manifest.resolveSibling("tokenizer.json"));
        Files.copy(org.querent.runtime.BuiltinModels.manifestFile(org.querent.runtime.BuiltinModels.MINILM)
                .resolveSibling("tokenizer.json"), manifest.resolveSibling("tokenizer.json"));
        CliRun good = initTexts("c.querent", manifest);
        assertEquals(0, good.code(), good.toString());
    }

    @Test
    void anImageModelOnATextFolderIsRefusedAtInit() {
        CliRun run = initTexts("p.querent", Path.of("sample-projects/fashion/model/model.json").toAbsolutePath());
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("text files and no images") && run.err().contains("reads images"),
                run.toString());
        assertFalse(Files.exists(dir.resolve("p.querent")), "no project is made");
    }

    @Test
    void scoreFailsWhenEveryItemWasQuarantinedByTheModel() throws Exception {
        // The check at init sees file names; a .png that is no image gets past it and fails at score.
        Path data = Files.createDirectories(dir.resolve("images"));
        Path png = Files.list(Path.of("sample-projects/fashion/data")).sorted().findFirst().orElseThrow();
        Files.copy(png, data.resolve("real.png"));
        String project = dir.resolve("p.querent").toString();
        assertEquals(0, CliRun.of("init", project, "--data", data.toString(), "--labels", "a,b", "--model",
                Path.of("sample-projects/fashion/model/model.json").toAbsolutePath().toString()).code());
        assertEquals(0, CliRun.of("import", project).code());
        // Now the only image is replaced by text with the same stamp size: the model cannot read it.
        byte[] junk = new byte[(int) Files.size(png)];
        java.util.Arrays.fill(junk, (byte) 'x');
        Files.write(data.resolve("real.png"), junk);
        Files.setLastModifiedTime(data.resolve("real.png"), Files.getLastModifiedTime(png));
        CliRun score = CliRun.of("score", project);
        assertEquals(1, score.code(), score.toString());
        assertTrue(score.err().contains("the model read none of the 1 items"), score.toString());
        CliRun status = CliRun.of("status", project);
        assertTrue(status.out().contains("quarantined 1: ") && status.out().contains("real.png"), status.toString());
    }

    @Test
    void queueWithNothingLeftSaysSo() throws Exception {
        labelsFromFoldersAloneTakesTheFolderNamesAsLabels();
        String project = dir.resolve("p.querent").toString();
        assertEquals(0, CliRun.of("score", project).code());
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true));
        CliRun queue;
        try {
            queue = CliRun.of("queue", project);
        } finally {
            System.setErr(saved);
        }
        assertEquals(0, queue.code(), queue.toString());
        assertTrue((queue.err() + captured).contains("nothing left to label"), queue + captured.toString());
    }

    @Test
    void aQueuedPathWithALineBreakKeepsTheTsvOneRowPerItem() throws Exception {
        Path data = Files.createDirectories(dir.resolve("lines"));
        Files.writeString(data.resolve("first\nsecond.txt"), "A name with a line break in it.");
        Files.writeString(data.resolve("tab\there.txt"), "A name with a tab in it.");
        Files.writeString(data.resolve("plain.txt"), "An ordinary name.");
        String project = dir.resolve("l.querent").toString();
        assertEquals(0, CliRun.of("init", project, "--data", data.toString(), "--labels", "a,b").code());
        assertEquals(0, CliRun.of("import", project).code());
        assertEquals(0, CliRun.of("score", project).code());
        CliRun queue = CliRun.of("queue", project, "--strategy", "random");
        assertEquals(0, queue.code(), queue.toString());
        List<String> rows = queue.out().lines().toList();
        assertEquals(4, rows.size(), queue.toString());
        assertTrue(rows.stream().allMatch(r -> r.split("\t", -1).length == 7), queue.toString());
        assertTrue(queue.out().contains("first\\nsecond.txt") && queue.out().contains("tab\\there.txt"),
                queue.toString());
    }
}
