package org.querent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands that did nothing, or were about to do the wrong thing, say so instead of exiting 0 in silence
 * (issue 8: "look for the same kind of fault in the other commands").
 */
class CliNothingDoneTest {
    @TempDir
    Path dir;

    private String project;
    private Path data;

    private void twoTexts() throws Exception {
        data = dir.resolve("data");
        for (String file : List.of("soup/a.txt", "sport/b.txt")) {
            Files.createDirectories(data.resolve(file).getParent());
            Files.writeString(data.resolve(file), "A few words in " + file + ".");
        }
        project = dir.resolve("p.querent").toString();
        assertEquals(0, CliRun.of("init", project, "--data", data.toString(), "--labels-from-folders").code());
    }

    @Test
    void aFolderWithNoReadableFilesIsWarnedAtInitAndFailsTheImport() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("notes.docx"), "not a format Querent reads");
        String p = dir.resolve("e.querent").toString();
        CliRun init = CliRun.of("init", p, "--data", empty.toString(), "--labels", "a,b");
        assertEquals(0, init.code(), init.toString());
        assertTrue(init.err().contains("warning: ") && init.err().contains("holds no files Querent reads"),
                init.toString());
        CliRun run = CliRun.of("import", p);
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.out().contains("1 files of unsupported types skipped [docx]"), run.toString());
        assertTrue(run.err().contains("found no files Querent reads in"), run.toString());
    }

    @Test
    void anImportFromAFolderThatEmptiedChangesNothing() throws Exception {
        twoTexts();
        assertEquals(0, CliRun.of("label", project, "soup/a.txt", "sport").code());
        Path moved = dir.resolve("moved");
        Files.move(data, moved);
        Files.createDirectories(data); // an unmounted drive's empty mount point
        CliRun run = CliRun.of("import", project);
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().contains("holds no files now, but this project knows 2 items")
                && run.err().contains("Nothing was changed"), run.toString());
        CliRun status = CliRun.of("status", project);
        assertTrue(status.out().contains("2 active, 0 quarantined, 0 removed"), status.toString());
        assertTrue(status.out().contains("labelled  2") && status.out().contains("decisions {label=3}"),
                "the folder labels and the correction are all there: " + status);
    }

    @Test
    void relocateToAFolderWithoutTheProjectsFilesIsRefused() throws Exception {
        twoTexts();
        CliRun import1 = CliRun.of("import", project);
        assertEquals(0, import1.code(), import1.toString());
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("unrelated.txt"), "Something else entirely.");
        CliRun wrong = CliRun.of("relocate", project, other.toString());
        assertEquals(2, wrong.code(), wrong.toString());
        assertTrue(wrong.err().contains("none of the 2 files this project knows"), wrong.toString());
        CliRun status = CliRun.of("status", project);
        assertTrue(status.out().contains("data      data\n"), "the data folder is unchanged: " + status);

        Path moved = dir.resolve("moved");
        Files.move(data, moved);
        CliRun right = CliRun.of("relocate", project, moved.toString());
        assertEquals(0, right.code(), right.toString());
    }

    @Test
    void labelFromAFileWithNoDecisionsIsRefused() throws Exception {
        twoTexts();
        Path empty = Files.writeString(dir.resolve("none.tsv"), "# only a comment\n\n");
        CliRun run = CliRun.of("label", project, "--from", empty.toString());
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("holds no decisions"), run.toString());
    }

    @Test
    void scoreOnAProjectWithoutItemsFails() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String p = dir.resolve("e.querent").toString();
        assertEquals(0, CliRun.of("init", p, "--data", empty.toString(), "--labels", "a,b").code());
        CliRun run = CliRun.of("score", p);
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().contains("nothing to score: the project has no items"), run.toString());
    }

    @Test
    void exportWithNothingLabelledSaysTheFileHoldsNoRows() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        String p = dir.resolve("e.querent").toString();
        assertEquals(0, CliRun.of("init", p, "--data", empty.toString(), "--labels", "a,b").code());
        CliRun run = CliRun.of("export", p, "--format", "csv", "--out", dir.resolve("x.csv").toString());
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.err().contains("note: nothing is labelled yet"), run.toString());
    }

    @Test
    void buildImageModelOnTooFewImagesOrNoFolderSaysSoWithoutACapWarning() throws Exception {
        Path one = Files.createDirectories(dir.resolve("one"));
        try (Stream<Path> pngs = Files.list(Path.of("sample-projects/fashion/data")).sorted().limit(1)) {
            Files.copy(pngs.findFirst().orElseThrow(), one.resolve("a.png"));
        }
        CliRun run = CliRun.of("build-image-model", "--images", one.toString(), "--out", dir.resolve("m").toString());
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("found 1 images") && run.err().contains("at least 2"), run.toString());
        assertFalse(run.err().contains("warning"), run.toString());

        CliRun missing = CliRun.of("build-image-model", "--images", dir.resolve("nope").toString(), "--out",
                dir.resolve("m").toString());
        assertEquals(1, missing.code(), missing.toString());
        assertTrue(missing.err().contains("image folder not found"), missing.toString());
    }

    @Test
    void anEmptyGuidelineIsRefused() throws Exception {
        twoTexts();
        Path blank = Files.writeString(dir.resolve("g.md"), "  \n");
        CliRun run = CliRun.of("guideline", project, blank.toString());
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("is empty"), run.toString());
        assertTrue(CliRun.of("status", project).out().contains("guideline none"));
    }
}
