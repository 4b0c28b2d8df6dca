package org.querent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project on a read-only folder (a CD, a share mounted read-only, a colleague's folder): status and export read
 * it, a writer is refused with a message that names the cause, and the file is unchanged (issue 8, item 6). As root,
 * the commands run in a child JVM without the capabilities that bypass permissions (setpriv).
 */
class ReadOnlyProjectTest {
    @TempDir
    Path dir;

    @Test
    void aReadOnlyProjectIsReadAndAWriterIsRefusedWithTheCause() throws Exception {
        Path data = dir.resolve("data");
        for (String file : List.of("a.txt", "b.txt", "c.txt")) {
            Files.createDirectories(data);
            Files.writeString(data.resolve(file), "Some words in " + file + ".");
        }
        Path folder = Files.createDirectories(dir.resolve("shelf"));
        String project = folder.resolve("p.querent").toString();
        assertEquals(0, CliRun.of("init", project, "--data", data.toString(), "--labels", "x,y").code());
        assertEquals(0, CliRun.of("import", project).code());
        assertEquals(0, CliRun.of("label", project, "a.txt", "x").code());
        byte[] before = Files.readAllBytes(Path.of(project));
        Path export = dir.resolve("labels.csv");

        Files.setPosixFilePermissions(Path.of(project), PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        Run status;
        Run exported;
        Run label;
        try {
            status = unprivileged("status", project);
            exported = unprivileged("export", project, "--format", "csv", "--out", export.toString());
            label = unprivileged("label", project, "b.txt", "y");
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(Path.of(project), PosixFilePermissions.fromString("rw-r--r--"));
        }
        assertEquals(0, status.code, status.output + " / " + exported.output + " / " + label.output);
        assertTrue(status.output.contains("labelled  1"), status.output);
        assertEquals(0, exported.code, exported.output);
        assertTrue(Files.readString(export).contains("a.txt"), Files.readString(export));
        assertNotEquals(0, label.code, label.output);
        assertTrue(label.output.contains("read-only"), label.output);
        assertFalse(label.output.contains("\tat "), "no stack trace: " + label.output);
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(Path.of(project))), "the file is unchanged");
        assertEquals(0, CliRun.of("label", project, "b.txt", "y").code(), "writable again, it takes the label");
    }

    private record Run(int code, String output) {
    }

    private static Run unprivileged(String... args) throws Exception {
        Process p = new ProcessBuilder(ChildJvm.command(ChildJvm.withoutRootOverrides(), List.of(), args)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + output);
        }
        return new Run(p.exitValue(), output);
    }
}
